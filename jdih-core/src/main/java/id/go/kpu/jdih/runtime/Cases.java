package id.go.kpu.jdih.runtime;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hashing;
import id.go.kpu.jdih.actor.ActorDirectory;
import id.go.kpu.jdih.actor.ForbiddenOfficeException;
import id.go.kpu.jdih.actor.UnknownActorException;
import id.go.kpu.jdih.content.DocumentRef;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.media.MediaStore;
import id.go.kpu.jdih.media.StoredFile;
import id.go.kpu.jdih.publish.MediaCheck;
import id.go.kpu.jdih.publish.OutboxCases;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopKey;
import id.go.kpu.jdih.validation.Violation;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CaseRuleViolation;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.CommandResult;
import id.go.kpu.jdih.workflow.ContentCase;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Meeting;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.PlatformPost;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import id.go.kpu.jdih.workflow.TamperedHistoryException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The cases of a {@link Jdih} runtime: commands on behalf of an authenticated principal, and the views of cases.
 *
 * <p><b>Roles from the directory.</b> {@link #as(Principal)} gives the commands of one principal. At every command
 * the runtime asks its {@link ActorDirectory} who the principal is and which roles they hold now, and records the
 * principal and those roles on the event; a caller never states roles, so it cannot claim one. An unknown principal
 * is refused with {@link UnknownActorException} ({@code JDIH-ACTOR-001}). {@link #handleTrusted} is the clearly
 * named low-level path for tests and imports, which takes the person and roles in the command as given.
 *
 * <p><b>Files.</b> A design or minutes given as an upload ({@link ImageUpload}, {@link DocumentUpload}) is stored
 * in the media store only after the command was accepted, so a refused command leaves no file behind. One given
 * by reference (a {@link MediaItem} or {@link DocumentRef} stored before) must be in the media store with its
 * recorded size and hash, or the command is refused ({@code JDIH-CASE-003}, rule {@code MediaStored}).
 *
 * <p><b>Verified histories.</b> Every command and view verifies the case's hash chain first and refuses a history
 * that does not verify with {@link TamperedHistoryException} ({@code JDIH-CASE-010}).
 *
 * <p>Thread-safe.
 */
public final class Cases implements OutboxCases {

  private final CaseService service;
  private final ActorDirectory actors;
  private final MediaStore media;

  Cases(CaseService service, ActorDirectory actors, MediaStore media) {
    this.service = service;
    this.actors = actors;
    this.media = media;
  }

  /** The commands of {@code principal}, whose roles are looked up in the directory at each command. */
  public Acting as(Principal principal) {
    return new Acting(checkNotNull(principal, "principal"));
  }

  /**
   * The person {@code principal} is now, with the roles they hold.
   *
   * @throws UnknownActorException if the directory does not know them
   */
  public Person resolve(Principal principal) {
    checkNotNull(principal, "principal");
    return actors.resolve(principal).orElseThrow(() -> new UnknownActorException(principal));
  }

  /**
   * The case's current state; {@code NEW} if it has no events.
   *
   * @throws TamperedHistoryException if its history does not verify
   */
  @Override
  public ContentCase get(CaseId id) {
    return service.get(checkNotNull(id, "id"));
  }

  /**
   * The case, if it exists.
   *
   * @throws TamperedHistoryException if its history does not verify
   */
  public Optional<ContentCase> find(CaseId id) {
    return service.find(checkNotNull(id, "id"));
  }

  /**
   * The cases of {@code ids} that exist, in the order of {@code ids} (once each), each as {@link #find} gives it;
   * their histories are read with one {@link id.go.kpu.jdih.store.CaseStore#loadAll} call (one query on
   * jdih-store-jdbc) instead of one read per case. For views of many cases, such as an office's open cases.
   *
   * @throws TamperedHistoryException if a case's history does not verify
   * @throws NullPointerException if {@code ids} or one of them is null
   */
  public ImmutableMap<CaseId, ContentCase> findAll(Collection<CaseId> ids) {
    return service.findAll(checkNotNull(ids, "ids"));
  }

  /** The definition {@code c} runs under, as {@link #definitionOf(CaseId)} gives it, without reading the store. */
  public SopDefinition definitionOf(ContentCase c) {
    return service.definitionOf(checkNotNull(c, "c"));
  }

  /** The case's events as stored. */
  public ImmutableList<RecordedEvent> history(CaseId id) {
    return service.history(checkNotNull(id, "id"));
  }

  /** The definition the case runs under (the one for new cases if it has none). */
  @Override
  public SopDefinition definitionOf(CaseId id) {
    return service.definitionOf(checkNotNull(id, "id"));
  }

  /**
   * Handles {@code command} with the person and roles it names, taken on trust; the events record no principal.
   * For tests, imports and tools that vouch for the person themselves: an application takes commands through
   * {@link #as(Principal)}.
   */
  public CommandResult handleTrusted(CaseCommand command) {
    return service.handle(checkNotNull(command, "command"));
  }

  /**
   * Records a post made by the outbox, as the person (and principal) it names; for the runtime's own outbox and
   * for tests of other outboxes.
   */
  @Override
  public CommandResult recordPublication(CaseCommand.RecordPublication command, Optional<Principal> principal) {
    return service.handle(checkNotNull(command, "command"), checkNotNull(principal, "principal"));
  }

  /**
   * The commands of one principal. Each command resolves the principal in the directory when it runs; each takes
   * a {@link CommandId}, so that a repeat (a retried HTTP request, a double click) is applied once and answered as
   * before. Thread-safe.
   */
  public final class Acting {
    private final Principal principal;

    private Acting(Principal principal) {
      this.principal = principal;
    }

    /** The principal. */
    public Principal principal() {
      return principal;
    }

    /**
     * The person the principal is now.
     *
     * @throws UnknownActorException if the directory does not know them
     */
    public Person person() {
      return resolve(principal);
    }

    /** Proposes content: opens case {@code caseId}, or resubmits it after a rejection. */
    public CommandResult propose(CommandId commandId, CaseId caseId, ContentProposal proposal) {
      return handle(p -> new CaseCommand.Propose(commandId, caseId, p, proposal));
    }

    /**
     * Proposes content under {@code definition} (an office's current SOP on a server of several offices): opens
     * case {@code caseId} under it, or resubmits an existing case, which keeps the definition it began under.
     *
     * @throws IllegalArgumentException if the definition is not registered
     */
    public CommandResult propose(CommandId commandId, CaseId caseId, SopKey definition, ContentProposal proposal) {
      checkNotNull(definition, "definition");
      return handle(p -> new CaseCommand.Propose(commandId, caseId, p, proposal), () -> { }, Optional.of(definition));
    }

    /**
     * The case, as this principal may see it.
     *
     * @throws ForbiddenOfficeException if it is another office's case
     * @throws TamperedHistoryException if its history does not verify
     */
    public Optional<ContentCase> find(CaseId caseId) {
      checkNotNull(caseId, "caseId");
      Optional<ContentCase> c = service.find(caseId);
      if (c.isPresent()) {
        // From the state just folded: definitionOf(caseId) would read the history a second time.
        requireOffice(service.definitionOf(c.get()).office().id());
      }
      return c;
    }

    /**
     * The cases of {@code ids} that exist, as this principal may see them: {@link Cases#findAll}, with the office
     * of every case checked as {@link #find} checks it.
     *
     * @throws ForbiddenOfficeException if one of them is another office's case
     * @throws TamperedHistoryException if a case's history does not verify
     */
    public ImmutableMap<CaseId, ContentCase> findAll(Collection<CaseId> ids) {
      ImmutableMap<CaseId, ContentCase> cases = Cases.this.findAll(ids);
      for (ContentCase c : cases.values()) {
        requireOffice(service.definitionOf(c).office().id());
      }
      return cases;
    }

    /**
     * The case's events, as this principal may see them; empty if it has none.
     *
     * @throws ForbiddenOfficeException if it is another office's case
     */
    public ImmutableList<RecordedEvent> history(CaseId caseId) {
      checkNotNull(caseId, "caseId");
      ImmutableList<RecordedEvent> events = service.history(caseId);
      if (!events.isEmpty()) {
        requireOffice(service.definitionOf(caseId).office().id());
      }
      return events;
    }

    /** Approves the draft at the case's current approval activity. */
    public CommandResult approve(CommandId commandId, CaseId caseId, Optional<String> note) {
      return handle(p -> new CaseCommand.Approve(commandId, caseId, p, note));
    }

    /** Rejects the draft at the case's current approval activity, with the reason for the proposer. */
    public CommandResult reject(CommandId commandId, CaseId caseId, String reason) {
      return handle(p -> new CaseCommand.Reject(commandId, caseId, p, reason));
    }

    /** Records the meeting whose minutes are stored already ({@code meeting.minutes()} must be in the store). */
    public CommandResult recordMeeting(CommandId commandId, CaseId caseId, Meeting meeting) {
      if (meeting != null && meeting.minutes() != null) {
        requireStored(caseId, List.of(MediaCheck.problem(media, meeting.minutes())
            .map(t -> new Violation("meeting.minutes.fileRef", "MediaStored", t))));
      }
      return handle(p -> new CaseCommand.RecordMeeting(commandId, caseId, p, meeting));
    }

    /**
     * Records the meeting with its minutes as an upload: the file is stored once the command is accepted.
     *
     * @param equipmentConfirmed ids of the equipment of the activity's Kelengkapan confirmed as available
     */
    @SuppressWarnings("NullAway") // a null list goes on to the record: validation reports it by field name
    public CommandResult recordMeeting(CommandId commandId, CaseId caseId, LocalDate date, List<String> attendees,
        String conclusions, DocumentUpload minutes, Set<String> equipmentConfirmed) {
      checkNotNull(minutes, "minutes");
      String hash = Hashing.sha256().hashBytes(minutes.bytes()).toString();
      DocumentRef ref = new DocumentRef(media.refOf(hash), minutes.name(), minutes.mediaType(),
          minutes.bytes().length, hash);
      Meeting meeting = new Meeting(date, attendees == null ? null : ImmutableList.copyOf(attendees), conclusions,
          ref, equipmentConfirmed == null ? null : ImmutableSet.copyOf(equipmentConfirmed));
      return handle(p -> new CaseCommand.RecordMeeting(commandId, caseId, p, meeting),
          () -> store(minutes.bytes(), minutes.mediaType(), ref.fileRef(), hash));
    }

    /** Summarises the meeting's results. */
    public CommandResult summarize(CommandId commandId, CaseId caseId, String summary) {
      return handle(p -> new CaseCommand.Summarize(commandId, caseId, p, summary));
    }

    /** Attaches a design whose files are stored already (each must be in the store with its size and hash). */
    public CommandResult attachDesign(CommandId commandId, CaseId caseId, List<MediaItem> items) {
      if (items != null) {
        List<Optional<Violation>> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          String path = "items[" + i + "].fileRef";
          problems.add(items.get(i) == null ? Optional.empty()
              : MediaCheck.problem(media, items.get(i)).map(t -> new Violation(path, "MediaStored", t)));
        }
        requireStored(caseId, problems);
      }
      return handle(p -> new CaseCommand.AttachDesign(commandId, caseId, p, items));
    }

    /** Attaches a design given as uploads, in posting order: the files are stored once the command is accepted. */
    public CommandResult uploadDesign(CommandId commandId, CaseId caseId, List<ImageUpload> images) {
      checkNotNull(images, "images");
      checkArgument(images.size() <= 20, "at most 20 images: %s", images.size());
      List<MediaItem> items = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      for (ImageUpload image : images) {
        checkNotNull(image, "image");
        String hash = Hashing.sha256().hashBytes(image.bytes()).toString();
        hashes.add(hash);
        items.add(new MediaItem(media.refOf(hash), image.mediaType(), image.width(), image.height(),
            image.bytes().length, hash));
      }
      return handle(p -> new CaseCommand.AttachDesign(commandId, caseId, p, items), () -> {
        for (int i = 0; i < images.size(); i++) {
          store(images.get(i).bytes(), images.get(i).mediaType(), items.get(i).fileRef(), hashes.get(i));
        }
      });
    }

    /** Writes the caption. */
    public CommandResult writeCaption(CommandId commandId, CaseId caseId, Caption caption) {
      return handle(p -> new CaseCommand.WriteCaption(commandId, caseId, p, caption));
    }

    /**
     * Records posts made outside the outbox (by hand, on the platform's own app). The runtime's outbox records the
     * posts it makes itself; see {@link Outbox}.
     */
    public CommandResult recordPublication(CommandId commandId, CaseId caseId, List<PlatformPost> posts) {
      return handle(p -> new CaseCommand.RecordPublication(commandId, caseId, p, posts));
    }

    /** Completes a generic task a variant added. */
    public CommandResult completeTask(CommandId commandId, CaseId caseId, String result) {
      return handle(p -> new CaseCommand.CompleteTask(commandId, caseId, p, result));
    }

    /** Withdraws the case before publication. */
    public CommandResult withdraw(CommandId commandId, CaseId caseId, String reason) {
      return handle(p -> new CaseCommand.Withdraw(commandId, caseId, p, reason));
    }

    /**
     * Handles the command {@code command} builds for the person the principal is now (for commands this class has
     * no method for); the events record the principal.
     *
     * @throws UnknownActorException if the directory does not know the principal
     */
    public CommandResult handle(Function<Person, CaseCommand> command) {
      return handle(command, () -> { });
    }

    private CommandResult handle(Function<Person, CaseCommand> command, Runnable beforeAppend) {
      return handle(command, beforeAppend, Optional.empty());
    }

    private CommandResult handle(Function<Person, CaseCommand> command, Runnable beforeAppend,
        Optional<SopKey> newCaseUnder) {
      Person person = resolve(principal);
      CaseCommand c = checkNotNull(command.apply(person), "command");
      // On purpose: the very instance resolved, not an equal one the caller built.
      @SuppressWarnings("ReferenceEquality")
      boolean sameInstance = c.actor() == person;
      checkArgument(sameInstance, "the command must name the person the principal resolved to");
      // The office the command acts on: the case's, or for a new case the office of the definition it opens under.
      boolean exists = service.find(c.caseId()).isPresent();
      SopKey key = exists ? service.definitionOf(c.caseId()).key() : newCaseUnder.orElse(service
          .definitionForNewCases());
      requireOffice(key.officeId());
      return service.handle(c, Optional.of(principal), beforeAppend, exists ? service.definitionForNewCases()
          : key);
    }

    private void requireOffice(String officeId) {
      if (!actors.mayActFor(principal, officeId)) {
        throw new ForbiddenOfficeException(principal);
      }
    }

    private void requireStored(CaseId caseId, List<Optional<Violation>> problems) {
      if (service.find(caseId).isPresent()) {
        requireOffice(service.definitionOf(caseId).office().id()); // before anything of the case is told
      }
      List<Violation> found = problems.stream().flatMap(Optional::stream).toList();
      if (!found.isEmpty()) {
        throw CaseRuleViolation.invalidOutput(caseId, service.get(caseId).currentActivity(), found);
      }
    }

    private void store(byte[] bytes, String mediaType, String ref, String hash) {
      StoredFile stored;
      try {
        stored = media.put(new ByteArrayInputStream(bytes), mediaType);
      } catch (IOException e) {
        throw new UncheckedIOException(Text.of("Berkas tidak dapat disimpan di penyimpanan media: %s",
            "The file cannot be stored in the media store: %s").format(e.getMessage()).bilingual(), e);
      }
      if (!stored.ref().equals(ref) || !stored.sha256().equals(hash) || stored.bytes() != bytes.length) {
        throw new IllegalStateException("the media store stored " + stored + " for " + ref
            + ": it is not content-addressed as MediaStore.refOf says");
      }
    }
  }
}
