package id.go.kpu.jdih.sop;

import jakarta.validation.constraints.Positive;

/** Where a flow arrow points: another activity, or the end terminator (Selesai). */
public sealed interface Target permits Target.ToActivity, Target.End {

  /** An arrow to activity {@code number}. */
  static Target activity(int number) {
    return new ToActivity(number);
  }

  /** The end terminator. */
  static Target end() {
    return End.INSTANCE;
  }

  /**
   * An arrow to an activity.
   *
   * @param number the target activity's number
   */
  record ToActivity(@Positive int number) implements Target {
    @Override
    public String toString() {
      return "activity " + number;
    }
  }

  /** The end terminator (Selesai). A record without components, so every instance is equal. */
  record End() implements Target {
    static final End INSTANCE = new End();

    @Override
    public String toString() {
      return "end";
    }
  }
}
