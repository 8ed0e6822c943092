package id.go.kpu.jdih.spring.boot;

import id.go.kpu.jdih.time.WorkingCalendar;
import java.util.Optional;

/**
 * The working calendar of each office the runtime serves: its zone, office hours and days off. The starter's bean
 * answers the calendar of {@code jdih.calendar} for every office; a server of several offices defines its own bean.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface OfficeCalendars {

  /** The calendar of {@code officeId}; empty if the office is unknown. */
  Optional<WorkingCalendar> forOffice(String officeId);
}
