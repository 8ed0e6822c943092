package id.go.kpu.jdih.workflow.property;

import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.workflow.ContentCase;
import java.util.Locale;

/** The model's view of a real case state. */
final class Projection {
  private Projection() {}

  static SopModel.State of(ContentCase c) {
    return new SopModel.State(c.status().name().toLowerCase(Locale.ROOT), c.currentActivity().orElse(0),
        c.revisions(), c.proposal().map(p -> (java.util.Set<id.go.kpu.jdih.content.Platform>) ImmutableSet.copyOf(
            p.platforms())).orElse(ImmutableSet.of()), ImmutableSet.copyOf(c.posts().keySet()));
  }
}
