package id.go.kpu.jdih.testkit.property;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The search for a smaller failing counterexample, shared by value and sequence properties: holds the smallest
 * failing value found so far and the attempt budget.
 *
 * @param <T> the counterexample type
 */
final class ShrinkSearch<T> {

  private final Function<? super T, Throwable> run;
  private final Predicate<? super T> valid;
  private final Class<? extends Throwable> requiredType;
  private final int maxAttempts;
  private int attempts;
  private int accepted;
  private T current;
  private Throwable failure;

  /**
   * @param run runs the check, returning its failure or null when it passed
   * @param valid which candidates may be checked at all (others count against the budget but are not run)
   * @param sameFailureType whether a candidate must fail with exactly the class of {@code failure} to count
   */
  ShrinkSearch(T start, Throwable failure, Function<? super T, Throwable> run, Predicate<? super T> valid,
      boolean sameFailureType, int maxAttempts) {
    this.current = start;
    this.failure = failure;
    this.run = run;
    this.valid = valid;
    this.requiredType = sameFailureType ? failure.getClass() : null;
    this.maxAttempts = maxAttempts;
  }

  T current() {
    return current;
  }

  Throwable failure() {
    return failure;
  }

  int attempts() {
    return attempts;
  }

  int accepted() {
    return accepted;
  }

  private boolean budgetLeft() {
    return attempts < maxAttempts;
  }

  /** Checks {@code candidate}; if it fails (in the required way) it becomes the current counterexample. */
  private boolean offer(T candidate) {
    attempts++;
    if (!valid.test(candidate)) {
      return false;
    }
    Throwable f = run.apply(candidate);
    if (f == null || (requiredType != null && f.getClass() != requiredType)) {
      return false;
    }
    current = candidate;
    failure = f;
    accepted++;
    return true;
  }

  /** Greedy: take the first failing candidate of {@code shrinker}, ask again from it, until none fails. */
  void shrinkValue(Shrinker<T> shrinker) {
    boolean improved = true;
    while (improved && budgetLeft()) {
      improved = false;
      Iterator<T> it = shrinker.shrink(current).iterator();
      while (it.hasNext() && budgetLeft()) {
        if (offer(it.next())) {
          improved = true;
          break;
        }
      }
    }
  }

  /**
   * Shrinks a failing step list. Each round first removes chunks of steps, from half the list down to single steps
   * (windows of size k start every k/2 steps, so a pair straddling a boundary can still go), then shrinks single steps
   * with {@code elementShrinker}; rounds repeat until one changes nothing. Lists shorter than {@code minLength} are
   * not tried. When the budget lasts, the result is 1-minimal: removing any one step, or replacing it by any of its
   * shrink candidates, makes it pass (or invalid).
   */
  static <C> void shrinkList(ShrinkSearch<List<C>> search, Shrinker<C> elementShrinker, int minLength) {
    boolean improved = true;
    while (improved && search.budgetLeft()) {
      improved = removeChunks(search, minLength);
      improved |= shrinkElements(search, elementShrinker);
    }
  }

  private static <C> boolean removeChunks(ShrinkSearch<List<C>> search, int minLength) {
    boolean improved = false;
    int chunk = search.current().size();
    while (chunk >= 1 && search.budgetLeft()) {
      int step = Math.max(1, chunk / 2);
      int start = 0;
      while (search.budgetLeft()) {
        List<C> list = search.current();
        int size = list.size();
        if (start >= size) {
          break;
        }
        int end = Math.min(start + chunk, size);
        if (size - (end - start) >= minLength && search.offer(without(list, start, end))) {
          improved = true; // Same start again: the steps after the removed window moved into it.
        } else if (end == size) {
          break; // The window reached the end; later windows would be parts of this one.
        } else {
          start += step;
        }
      }
      chunk = chunk == 1 ? 0 : (chunk + 1) / 2;
    }
    return improved;
  }

  private static <C> boolean shrinkElements(ShrinkSearch<List<C>> search, Shrinker<C> elementShrinker) {
    boolean improved = false;
    for (int i = 0; i < search.current().size() && search.budgetLeft(); i++) {
      boolean again = true;
      while (again && search.budgetLeft()) {
        again = false;
        List<C> list = search.current();
        Iterator<C> it = elementShrinker.shrink(list.get(i)).iterator();
        while (it.hasNext() && search.budgetLeft()) {
          List<C> candidate = new ArrayList<>(list);
          candidate.set(i, it.next());
          if (search.offer(candidate)) {
            improved = true;
            again = true; // Shrink the new, smaller step further.
            break;
          }
        }
      }
    }
    return improved;
  }

  private static <C> List<C> without(List<C> list, int from, int to) {
    List<C> out = new ArrayList<>(list.size() - (to - from));
    out.addAll(list.subList(0, from));
    out.addAll(list.subList(to, list.size()));
    return out;
  }
}
