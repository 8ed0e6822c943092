package id.go.kpu.jdih.cli;

/** A progress bar on standard error for long work; shown only when there are enough steps to be worth it. */
final class Progress {
  /** Fewer steps than this finish too fast to need a bar. */
  static final long THRESHOLD = 200;

  private final Out out;
  private final String label;
  private final long total;
  private long done;
  private int shownPercent = -1;

  Progress(Out out, String label, long total) {
    this.out = out;
    this.label = label;
    this.total = total;
  }

  void step() {
    done++;
    if (total < THRESHOLD) {
      return;
    }
    int percent = (int) (done * 100 / total);
    if (percent != shownPercent) {
      shownPercent = percent;
      int filled = percent / 5;
      out.progress.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(20 - filled) + "] " + percent + "% ("
          + done + "/" + total + ")");
      out.progress.flush();
    }
  }

  void done() {
    if (total >= THRESHOLD) {
      out.progress.println();
      out.progress.flush();
    }
  }
}
