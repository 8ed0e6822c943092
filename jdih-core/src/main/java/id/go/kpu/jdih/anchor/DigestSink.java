package id.go.kpu.jdih.anchor;

/**
 * The port through which a {@link HeadDigest} leaves the reach of the database's administrator: a write-once file
 * on another machine ({@code FileDigestSink} in jdih-store-file appends to a file), an e-mail to the Sekretaris,
 * an RFC 3161 timestamping service. What matters is that whoever can write the database cannot rewrite what was
 * exported. Implementations are thread-safe.
 */
@FunctionalInterface
public interface DigestSink {

  /**
   * Exports {@code digest}; returns once it is durably out (written and flushed, sent, stamped).
   *
   * @throws RuntimeException if it could not be exported; the caller tries again at the next period
   */
  void export(HeadDigest digest);
}
