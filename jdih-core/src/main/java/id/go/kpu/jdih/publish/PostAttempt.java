package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One attempt at publishing an intent, with the platform ids earlier attempts left behind so that the adapter
 * resumes instead of starting over: an Instagram adapter that finds a {@link PlatformId.Kind#CONTAINER} checks and
 * publishes that container rather than making a new one.
 *
 * @param intent what to publish
 * @param known the ids known from earlier attempts that are still usable, oldest first
 * @param number the attempt's number, from 1
 */
public record PostAttempt(PublicationIntent intent, ImmutableList<PlatformId> known, int number) {

  /** Checks the fields. */
  public PostAttempt {
    checkNotNull(intent, "intent");
    checkNotNull(known, "known");
    checkArgument(number >= 1, "number must be >= 1: %s", number);
  }

  /** The known ids of {@code kind}, oldest first. */
  public ImmutableList<String> known(PlatformId.Kind kind) {
    return known.stream().filter(i -> i.kind() == kind).map(PlatformId::value)
        .collect(ImmutableList.toImmutableList());
  }

  /** The latest known id of {@code kind}. */
  public Optional<String> latest(PlatformId.Kind kind) {
    ImmutableList<String> all = known(kind);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }
}
