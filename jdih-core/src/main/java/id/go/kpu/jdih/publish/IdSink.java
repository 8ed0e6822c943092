package id.go.kpu.jdih.publish;

/**
 * Where an adapter reports each platform id the moment the platform returns it, before making the next call. The
 * {@link OutboxDelivery}'s sink writes it to the {@link OutboxStore} at once, so that an id is not lost if the
 * process stops in the middle of a publication.
 */
@FunctionalInterface
public interface IdSink {

  /**
   * Records {@code value} as an id of {@code kind}.
   *
   * @param kind what it names
   * @param value the platform's id
   */
  void record(PlatformId.Kind kind, String value);
}
