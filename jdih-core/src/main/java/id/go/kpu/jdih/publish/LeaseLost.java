package id.go.kpu.jdih.publish;

/** Another worker changed the intent: this one must stop acting on it. */
final class LeaseLost extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LeaseLost() {
    super(null, null, false, false);
  }
}
