package id.go.kpu.jdih.sop;

/** The unit of a {@link TimeStandard}. */
public enum DurationUnit {
  /** A working day (hari kerja): the default reading of the SOP's "Hari". */
  WORKING_DAY("Hari", "working day"),
  /** A calendar day, weekends and holidays included. */
  CALENDAR_DAY("Hari Kalender", "calendar day"),
  /** An hour of elapsed time. */
  HOUR("Jam", "hour");

  private final String indonesian;
  private final String english;

  DurationUnit(String indonesian, String english) {
    this.indonesian = indonesian;
    this.english = english;
  }

  /** The unit as an SOP writes it in Indonesian, e.g. {@code Hari}. */
  public String indonesian() {
    return indonesian;
  }

  /** The unit in English, singular. */
  public String english() {
    return english;
  }
}
