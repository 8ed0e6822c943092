package id.go.kpu.jdih.store.jdbc;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds the earliest due records exactly, although the database orders them by a time column truncated to the
 * microsecond while the records (read from their JSON) are due at a nanosecond. The query selects the rows whose
 * column is at or before {@code now} truncated, ordered by that column and a unique tie-break, with a row limit;
 * that is every due row and perhaps some due later in {@code now}'s microsecond. Here the records are checked
 * exactly, and the rows that share the microsecond of the last one wanted are all read (a larger limit is asked
 * if the first answer ends inside it), then sorted in their exact order. A record whose column is later than
 * another's is due later ({@code floor(a) > floor(b)} implies {@code a > b}), so nothing earlier is ever missed.
 *
 * <p>Stateless; thread-safe.
 */
final class EarliestDue {

  /** Rows asked beyond the number wanted, so that one query is usually enough. */
  static final int SLACK = 8;

  private EarliestDue() {}

  /** One row: its time column and its record. */
  record Row<T>(LocalDateTime column, T value) {}

  /** Runs the query with a row limit. */
  @FunctionalInterface
  interface Query<T> {
    List<Row<T>> rows(int limit) throws SQLException;
  }

  /**
   * The first {@code wanted} records that {@code due} accepts, in {@code order}.
   *
   * @param query the rows with {@code column <= now} truncated, ordered by the column then a unique tie-break
   * @param due the exact test of a record
   * @param order the exact order of the records, consistent with the column's
   */
  static <T> List<T> earliest(Query<T> query, int wanted, Predicate<T> due, Comparator<T> order)
      throws SQLException {
    long limit = (long) wanted + SLACK;
    while (true) {
      int asked = (int) Math.min(limit, Integer.MAX_VALUE);
      List<Row<T>> rows = query.rows(asked);
      boolean all = rows.size() < asked;
      List<Row<T>> hits = new ArrayList<>();
      for (Row<T> r : rows) {
        if (due.test(r.value())) {
          hits.add(r);
        }
      }
      if (hits.size() >= wanted) {
        LocalDateTime boundary = hits.get(wanted - 1).column();
        if (all || rows.get(rows.size() - 1).column().isAfter(boundary)) {
          return hits.stream().filter(r -> !r.column().isAfter(boundary)).map(Row::value).sorted(order)
              .limit(wanted).toList();
        }
      } else if (all) {
        return hits.stream().map(Row::value).sorted(order).toList();
      }
      if (asked == Integer.MAX_VALUE) {
        throw new IllegalStateException("more than Integer.MAX_VALUE rows share one microsecond");
      }
      limit *= 4;
    }
  }
}
