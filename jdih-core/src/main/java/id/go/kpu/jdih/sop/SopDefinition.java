package id.go.kpu.jdih.sop;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.MoreObjects;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.validation.BeanValidation;
import id.go.kpu.jdih.validation.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A complete, validated SOP definition in the Permenpan RB No. 35 Tahun 2012 "SOP AP" layout: the identity block,
 * the lists of the first page, the roles (lanes), the activities (rows) and the flow.
 *
 * <p>Instances are immutable and always valid: the only way to obtain one is {@link Builder#build()}, which
 * validates the whole definition with Jakarta Validation and the structural rules below and throws one
 * {@link InvalidDefinitionException} listing every violation. Structural rules: role ids, equipment ids and activity
 * numbers are unique; every executor is a known role; the flow starts at a known activity; every activity has
 * exactly one transition; every arrow points to a known activity or to the end; a decision follows exactly the
 * {@link ActivityKind#APPROVAL approval} activities and has at most one branch per outcome; a revised SOP has a
 * revision date and an original one has none.
 *
 * <p>Consistency findings that do not make a definition unusable (equipment missing from the Peralatan list, an
 * activity nobody reaches, ...) are reported by {@link id.go.kpu.jdih.sop.lint.SopLint}, not here.
 *
 * <p>Thread-safe: immutable.
 */
public final class SopDefinition {

  @NotNull @Valid private final Office office;
  @NotNull @Valid private final SopIdentity identity;
  @NotBlank private final String title;
  @NotNull private final ImmutableList<@NotBlank String> legalBasis;
  @NotNull private final ImmutableList<@NotBlank String> executorQualifications;
  @NotNull private final ImmutableList<@NotBlank String> relatedSops;
  @NotNull private final ImmutableList<@NotNull @Valid Equipment> equipment;
  @NotNull private final ImmutableList<@NotBlank String> warnings;
  @NotBlank private final String recordKeeping;
  @NotEmpty private final ImmutableList<@NotNull @Valid Role> roles;
  @NotEmpty private final ImmutableList<@NotNull @Valid Activity> activities;
  @NotNull @Valid private final Flow flow;
  @NotBlank private final String flowchartTitle;
  @NotNull @Valid private final SignatureBlock signature;
  @NotEmpty private final ImmutableSet<Platform> allowedPlatforms;
  // Every recorded event refers to its definition by key: one shared instance instead of one per event. Computed on
  // first use (racy single-check, safe because SopKey is immutable) since a candidate may be invalid when built.
  private @Nullable SopKey key;

  // A builder may lack required parts: the candidate then holds nulls until build() validates it and refuses it
  // with InvalidDefinitionException, so no definition with a null part ever leaves this class.
  @SuppressWarnings("NullAway")
  private SopDefinition(Builder b) {
    this.office = b.office;
    this.identity = b.identity;
    this.title = b.title;
    this.legalBasis = ImmutableList.copyOf(b.legalBasis);
    this.executorQualifications = ImmutableList.copyOf(b.executorQualifications);
    this.relatedSops = ImmutableList.copyOf(b.relatedSops);
    this.equipment = ImmutableList.copyOf(b.equipment);
    this.warnings = ImmutableList.copyOf(b.warnings);
    this.recordKeeping = b.recordKeeping;
    this.roles = ImmutableList.copyOf(b.roles);
    this.activities = ImmutableList.sortedCopyOf(Comparator.comparingInt(Activity::number), b.activities);
    this.flow = new Flow(b.start, ImmutableMap.copyOf(b.transitions), b.withdrawalRole);
    this.flowchartTitle = b.flowchartTitle;
    this.signature = b.signature;
    this.allowedPlatforms = Sets.immutableEnumSet(b.allowedPlatforms);
  }

  /** A builder for a new definition. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this definition: the way to derive a variant. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The key this definition is registered under: office, number and revision. */
  public SopKey key() {
    SopKey k = key;
    if (k == null) {
      k = new SopKey(office.id(), identity.number(), identity.revision());
      key = k;
    }
    return k;
  }

  /** The office the SOP belongs to. */
  public Office office() {
    return office;
  }

  /** Nomor, tanggal pembuatan, revisi and pengesahan, disahkan oleh. */
  public SopIdentity identity() {
    return identity;
  }

  /** Nama SOP. */
  public String title() {
    return title;
  }

  /**
   * The platforms this office publishes to: a proposal naming any other is refused. Every {@link Platform} unless
   * the definition narrows it ({@link Builder#allowedPlatforms}); never empty.
   */
  public ImmutableSet<Platform> allowedPlatforms() {
    return allowedPlatforms;
  }

  /** Dasar Hukum, in the SOP's order and wording. */
  public ImmutableList<String> legalBasis() {
    return legalBasis;
  }

  /** Kualifikasi Pelaksana. */
  public ImmutableList<String> executorQualifications() {
    return executorQualifications;
  }

  /** Keterkaitan: related SOPs. */
  public ImmutableList<String> relatedSops() {
    return relatedSops;
  }

  /** Peralatan/Perlengkapan. */
  public ImmutableList<Equipment> equipment() {
    return equipment;
  }

  /** Peringatan; empty when the SOP gives none. */
  public ImmutableList<String> warnings() {
    return warnings;
  }

  /** Pencatatan dan Pendataan. */
  public String recordKeeping() {
    return recordKeeping;
  }

  /** The Pelaksana: roles in lane order (left to right). */
  public ImmutableList<Role> roles() {
    return roles;
  }

  /** The Kegiatan, ordered by number. */
  public ImmutableList<Activity> activities() {
    return activities;
  }

  /** The flow: start, transitions and withdrawal. */
  public Flow flow() {
    return flow;
  }

  /** The flowchart's heading, e.g. {@code FLOWCHART PENGELOLAAN AKUN ...}. */
  public String flowchartTitle() {
    return flowchartTitle;
  }

  /** The signature block under the flowchart. */
  public SignatureBlock signature() {
    return signature;
  }

  /** The activity with {@code number}, if there is one. */
  public Optional<Activity> activity(int number) {
    for (Activity a : activities) {
      if (a.number() == number) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The role with {@code id}, if there is one. */
  public Optional<Role> role(RoleId id) {
    return roles.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The activity the flow starts with. */
  public Activity startActivity() {
    return activity(flow.start()).orElseThrow();
  }

  /** What follows activity {@code number}. */
  public Transition transitionAfter(int number) {
    return flow.after(number).orElseThrow(() -> new IllegalArgumentException("no activity " + number));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SopDefinition d)) {
      return false;
    }
    return office.equals(d.office) && identity.equals(d.identity) && title.equals(d.title)
        && legalBasis.equals(d.legalBasis) && executorQualifications.equals(d.executorQualifications)
        && relatedSops.equals(d.relatedSops) && equipment.equals(d.equipment) && warnings.equals(d.warnings)
        && recordKeeping.equals(d.recordKeeping) && roles.equals(d.roles) && activities.equals(d.activities)
        && flow.equals(d.flow) && flowchartTitle.equals(d.flowchartTitle) && signature.equals(d.signature)
        && allowedPlatforms.equals(d.allowedPlatforms);
  }

  @Override
  public int hashCode() {
    return Objects.hash(office, identity, title, legalBasis, executorQualifications, relatedSops, equipment,
        warnings, recordKeeping, roles, activities, flow, flowchartTitle, signature, allowedPlatforms);
  }

  @Override
  public String toString() {
    return MoreObjects.toStringHelper(this).add("key", key()).add("title", title)
        .add("activities", activities.size()).toString();
  }

  /**
   * Builds a {@link SopDefinition}, from scratch or from an existing one ({@link SopDefinition#toBuilder()}).
   *
   * <p>Besides plain setters it has the structural edits a variant needs: {@link #insertAfter insert} and
   * {@link #remove remove} activities (rows are renumbered 1..n and every arrow follows), change an activity's
   * {@link #executor executor} or {@link #time time standard}, add a {@link #insertApprovalAfter decision}.
   *
   * <p>Not thread-safe. {@link #build()} may be called more than once.
   */
  public static final class Builder {
    private @Nullable Office office;
    private @Nullable SopIdentity identity;
    private @Nullable String title;
    private final List<String> legalBasis = new ArrayList<>();
    private final List<String> executorQualifications = new ArrayList<>();
    private final List<String> relatedSops = new ArrayList<>();
    private final List<Equipment> equipment = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private @Nullable String recordKeeping;
    private final List<Role> roles = new ArrayList<>();
    private final List<Activity> activities = new ArrayList<>();
    private int start = 1;
    private final Map<Integer, Transition> transitions = new LinkedHashMap<>();
    private Optional<RoleId> withdrawalRole = Optional.empty();
    private @Nullable String flowchartTitle;
    private @Nullable SignatureBlock signature;
    private final Set<Platform> allowedPlatforms = EnumSet.allOf(Platform.class);

    private Builder() {}

    private Builder(SopDefinition d) {
      office = d.office;
      identity = d.identity;
      title = d.title;
      legalBasis.addAll(d.legalBasis);
      executorQualifications.addAll(d.executorQualifications);
      relatedSops.addAll(d.relatedSops);
      equipment.addAll(d.equipment);
      warnings.addAll(d.warnings);
      recordKeeping = d.recordKeeping;
      roles.addAll(d.roles);
      activities.addAll(d.activities);
      start = d.flow.start();
      transitions.putAll(d.flow.transitions());
      withdrawalRole = d.flow.withdrawalRole();
      flowchartTitle = d.flowchartTitle;
      signature = d.signature;
      allowedPlatforms.clear();
      allowedPlatforms.addAll(d.allowedPlatforms);
    }

    /** Sets the office. */
    public Builder office(Office office) {
      this.office = office;
      return this;
    }

    /** Sets the identity block. */
    public Builder identity(SopIdentity identity) {
      this.identity = identity;
      return this;
    }

    /** Sets Nama SOP. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Replaces Dasar Hukum. */
    public Builder legalBasis(List<String> items) {
      return replace(legalBasis, items);
    }

    /** Replaces Kualifikasi Pelaksana. */
    public Builder executorQualifications(List<String> items) {
      return replace(executorQualifications, items);
    }

    /** Replaces Keterkaitan. */
    public Builder relatedSops(List<String> items) {
      return replace(relatedSops, items);
    }

    /** Replaces Peralatan/Perlengkapan. */
    public Builder equipment(List<Equipment> items) {
      return replace(equipment, items);
    }

    /** Replaces Peringatan. */
    public Builder warnings(List<String> items) {
      return replace(warnings, items);
    }

    /** Sets Pencatatan dan Pendataan. */
    public Builder recordKeeping(String recordKeeping) {
      this.recordKeeping = recordKeeping;
      return this;
    }

    /** Replaces the roles (lanes, in order). */
    public Builder roles(List<Role> items) {
      return replace(roles, items);
    }

    /** Adds a role as the last lane. */
    public Builder addRole(Role role) {
      roles.add(checkNotNull(role, "role"));
      return this;
    }

    /** Replaces the activities. Their transitions are set separately with {@link #flow} or {@link #transition}. */
    public Builder activities(List<Activity> items) {
      return replace(activities, items);
    }

    /** Replaces the whole flow. */
    public Builder flow(Flow flow) {
      checkNotNull(flow, "flow");
      this.start = flow.start();
      this.transitions.clear();
      if (flow.transitions() != null) {
        this.transitions.putAll(flow.transitions());
      }
      this.withdrawalRole = flow.withdrawalRole() == null ? Optional.empty() : flow.withdrawalRole();
      return this;
    }

    /** Sets what follows activity {@code number}. */
    public Builder transition(int number, Transition transition) {
      transitions.put(number, checkNotNull(transition, "transition"));
      return this;
    }

    /** Sets the activity the flow starts with. */
    public Builder start(int number) {
      this.start = number;
      return this;
    }

    /**
     * Marks every branch as drawn in the source document ({@link Branch#additionToSeed()} false). For an office whose
     * own SOP document is made from this definition: the reference SOP marks its "Tidak" branch as the software's
     * addition to the Mentawai document, and a variant derived from it would otherwise carry that footnote ("cabang
     * yang tidak digambar dalam SOP sumber") into its own official document, whose source it is.
     */
    public Builder withoutAdditionsToSource() {
      transitions.replaceAll((n, t) -> t instanceof Transition.Decision d
          ? new Transition.Decision(d.branches().stream().map(b -> new Branch(b.outcome(), b.target(), false))
              .toList())
          : t);
      return this;
    }

    /** Sets the role that may withdraw a case; empty if no one may. */
    public Builder withdrawalRole(Optional<RoleId> role) {
      this.withdrawalRole = checkNotNull(role, "role");
      return this;
    }

    /**
     * Sets the platforms the office publishes to (every platform unless set); {@link #build()} refuses an empty
     * set. Proposals naming another platform are refused.
     */
    public Builder allowedPlatforms(Collection<Platform> platforms) {
      checkNotNull(platforms, "platforms");
      platforms.forEach(p -> checkNotNull(p, "a platform is null"));
      allowedPlatforms.clear();
      allowedPlatforms.addAll(platforms);
      return this;
    }

    /** Sets the flowchart heading. */
    public Builder flowchartTitle(String flowchartTitle) {
      this.flowchartTitle = flowchartTitle;
      return this;
    }

    /** Sets the signature block. */
    public Builder signature(SignatureBlock signature) {
      this.signature = signature;
      return this;
    }

    /** Applies {@code change} to activity {@code number}; the number itself must not change. */
    public Builder activity(int number, UnaryOperator<Activity> change) {
      int i = indexOf(number);
      Activity changed = checkNotNull(change.apply(activities.get(i)), "changed activity");
      checkArgument(changed.number() == number, "use insertAfter/remove to renumber activities");
      activities.set(i, changed);
      return this;
    }

    /** Gives activity {@code number} to another role. */
    public Builder executor(int number, RoleId role) {
      return activity(number, a -> a.withExecutor(role));
    }

    /** Re-times activity {@code number}. */
    public Builder time(int number, TimeStandard time) {
      return activity(number, a -> a.withTime(time));
    }

    /**
     * Inserts {@code activity} right after activity {@code number}: it takes over {@code number}'s outgoing arrow
     * (for a decision, the approved branch) and {@code number} now leads to it. Rows after {@code number} are
     * renumbered; the given activity's own number is ignored.
     */
    public Builder insertAfter(int number, Activity activity) {
      checkArgument(activity.kind() != ActivityKind.APPROVAL, "use insertApprovalAfter for an approval");
      Target oldNext = mainTarget(number);
      int newNumber = insertRow(number, activity);
      transitions.put(newNumber, Transition.to(shift(oldNext, newNumber)));
      redirectMain(number, Target.activity(newNumber));
      return this;
    }

    /**
     * Inserts an approval decision right after activity {@code number}: approved continues where {@code number}
     * used to lead, rejected goes to {@code onReject} (numbered as before the insertion).
     */
    public Builder insertApprovalAfter(int number, Activity approval, Target onReject) {
      checkArgument(approval.kind() == ActivityKind.APPROVAL, "the inserted activity must be an APPROVAL");
      Target oldNext = mainTarget(number);
      int newNumber = insertRow(number, approval);
      transitions.put(newNumber, Transition.decision(
          Branch.of(Outcome.APPROVED, shift(oldNext, newNumber)),
          Branch.of(Outcome.REJECTED, shift(onReject, newNumber))));
      redirectMain(number, Target.activity(newNumber));
      return this;
    }

    /**
     * Removes activity {@code number}: every arrow that pointed to it now points where it led (for a decision,
     * its approved branch). Later rows are renumbered.
     */
    public Builder remove(int number) {
      int i = indexOf(number);
      Target next = mainTarget(number);
      activities.remove(i);
      transitions.remove(number);
      Map<Integer, Integer> renumber = new LinkedHashMap<>();
      for (Activity a : activities) {
        renumber.put(a.number(), a.number() > number ? a.number() - 1 : a.number());
      }
      UnaryOperator<Target> retarget = t -> {
        Target via = (t instanceof Target.ToActivity to && to.number() == number) ? next : t;
        return via instanceof Target.ToActivity to2 && renumber.containsKey(to2.number())
            ? Target.activity(renumber.get(to2.number())) : via;
      };
      applyRenumbering(renumber, retarget);
      if (start == number) {
        start = next instanceof Target.ToActivity to ? renumber.getOrDefault(to.number(), to.number()) : start;
      } else {
        start = renumber.getOrDefault(start, start);
      }
      return this;
    }

    /**
     * Validates and builds the definition.
     *
     * @throws InvalidDefinitionException listing every violated field path and rule
     */
    public SopDefinition build() {
      SopDefinition candidate = new SopDefinition(this);
      // The structural check walks the builder's rows; bean validation the candidate's, sorted by number.
      List<Violation> violations = new ArrayList<>(namingActivities(StructureCheck.check(this), activities));
      violations.addAll(namingActivities(BeanValidation.validate(candidate), candidate.activities));
      if (violations.isEmpty()) {
        return candidate;
      }
      throw new InvalidDefinitionException(violations.stream().sorted().distinct()
          .collect(ImmutableList.toImmutableList()));
    }

    /**
     * As {@link #build()} but without Bean Validation: for {@link ReferenceSop}'s bundled definition only, which is
     * built at every start of every program that uses the library. Validating it there bootstrapped Hibernate
     * Validator over the whole definition graph, about a third of a command-line command's time (BENCHMARKS.md,
     * "Command line"); {@code ReferenceSopTest} validates it fully instead. The structural check still runs.
     */
    SopDefinition buildBundled() {
      SopDefinition candidate = new SopDefinition(this);
      List<Violation> violations = namingActivities(StructureCheck.check(this), activities);
      if (violations.isEmpty()) {
        return candidate;
      }
      throw new InvalidDefinitionException(violations.stream().sorted().distinct()
          .collect(ImmutableList.toImmutableList()));
    }

    // A path's list index is the row's place in the builder, not its number ("activities[6]" may be activity 7):
    // the message names the activity by its number, so nobody looks at the wrong row.
    private static List<Violation> namingActivities(List<Violation> violations, List<Activity> rows) {
      return violations.stream().map(v -> ActivityPaths.named(v, i -> i < rows.size()
          ? OptionalInt.of(rows.get(i).number()) : OptionalInt.empty())).toList();
    }

    // ---- internals used by the structural edits and by StructureCheck ----

    @Nullable Office office() {
      return office;
    }

    @Nullable SopIdentity identity() {
      return identity;
    }

    List<Role> roles() {
      return roles;
    }

    List<Equipment> equipment() {
      return equipment;
    }

    List<Activity> activities() {
      return activities;
    }

    Map<Integer, Transition> transitions() {
      return transitions;
    }

    int start() {
      return start;
    }

    Optional<RoleId> withdrawalRole() {
      return withdrawalRole;
    }

    private <T> Builder replace(List<T> target, List<? extends T> items) {
      checkNotNull(items, "items");
      for (int i = 0; i < items.size(); i++) {
        checkNotNull(items.get(i), "item [%s] is null", i);
      }
      target.clear();
      target.addAll(items);
      return this;
    }

    private int indexOf(int number) {
      for (int i = 0; i < activities.size(); i++) {
        if (activities.get(i).number() == number) {
          return i;
        }
      }
      throw new IllegalArgumentException("no activity " + number);
    }

    // The target an activity leads to in the normal (approved) course of the flow.
    private Target mainTarget(int number) {
      Transition t = transitions.get(number);
      if (t instanceof Transition.Sequence s) {
        return s.next();
      }
      if (t instanceof Transition.Decision d) {
        return d.branch(Outcome.APPROVED).map(Branch::target)
            .orElseThrow(() -> new IllegalArgumentException("decision after " + number + " has no approved branch"));
      }
      throw new IllegalArgumentException("activity " + number + " has no transition");
    }

    private void redirectMain(int number, Target to) {
      Transition t = transitions.get(number);
      if (t instanceof Transition.Sequence) {
        transitions.put(number, Transition.to(to));
      } else if (t instanceof Transition.Decision d) {
        List<Branch> branches = new ArrayList<>();
        for (Branch b : d.branches()) {
          branches.add(b.outcome() == Outcome.APPROVED ? new Branch(b.outcome(), to, b.additionToSeed()) : b);
        }
        transitions.put(number, new Transition.Decision(branches));
      }
    }

    // Renumbers rows after `number` up by one and adds `activity` as row number + 1; returns its number.
    private int insertRow(int number, Activity activity) {
      int i = indexOf(number);
      int newNumber = number + 1;
      Map<Integer, Integer> renumber = new LinkedHashMap<>();
      for (Activity a : activities) {
        renumber.put(a.number(), a.number() > number ? a.number() + 1 : a.number());
      }
      applyRenumbering(renumber, t -> t instanceof Target.ToActivity to && renumber.containsKey(to.number())
          ? Target.activity(renumber.get(to.number())) : t);
      start = renumber.getOrDefault(start, start);
      activities.add(i + 1, activity.withNumber(newNumber));
      return newNumber;
    }

    // A target as numbered before an insertion at `inserted`, translated to the numbering after it.
    private static Target shift(Target t, int inserted) {
      return t instanceof Target.ToActivity to && to.number() >= inserted ? Target.activity(to.number() + 1) : t;
    }

    private void applyRenumbering(Map<Integer, Integer> renumber, UnaryOperator<Target> retarget) {
      List<Activity> renumbered = new ArrayList<>();
      for (Activity a : activities) {
        renumbered.add(a.withNumber(checkNotNull(renumber.get(a.number()), "every activity is renumbered")));
      }
      activities.clear();
      activities.addAll(renumbered);
      Map<Integer, Transition> moved = new LinkedHashMap<>();
      transitions.forEach((n, t) -> moved.put(renumber.getOrDefault(n, n), retarget(t, retarget)));
      transitions.clear();
      transitions.putAll(moved);
    }

    private static Transition retarget(Transition t, UnaryOperator<Target> f) {
      if (t instanceof Transition.Sequence s) {
        return Transition.to(f.apply(s.next()));
      }
      Transition.Decision d = (Transition.Decision) t;
      List<Branch> branches = new ArrayList<>();
      for (Branch b : d.branches()) {
        branches.add(new Branch(b.outcome(), f.apply(b.target()), b.additionToSeed()));
      }
      return new Transition.Decision(branches);
    }
  }
}
