package id.go.kpu.jdih.workflow.property;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Meeting;
import id.go.kpu.jdih.workflow.Person;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Every command the property tests send: each kind with valid and invalid payloads, by each kind of actor, paired
 * with how the {@link SopModel} sees it.
 */
final class CommandCatalog {

  /**
   * A command to send.
   *
   * @param label a readable name, shown in counterexamples
   * @param model the model's view
   * @param build builds the real command for a case with a command id
   */
  record Spec(String label, SopModel.Cmd model, BiFunction<CaseId, CommandId, CaseCommand> build) {
    CaseCommand build(CaseId id, CommandId commandId) {
      return build.apply(id, commandId);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private record Actor(String label, Person person, boolean valid) {}

  private static final Instant POSTED = Instant.parse("2024-03-08T03:00:00Z");

  private CommandCatalog() {}

  private static List<Actor> actors() {
    RoleId kasubag = RoleId.of("kasubag-hukum");
    RoleId tim = RoleId.of("tim-pembina-teknis");
    RoleId staf = RoleId.of("staf");
    RoleId sekretaris = RoleId.of("sekretaris");
    return List.of(
        new Actor("kasubag", Fixtures.KASUBAG, true),
        new Actor("tim", Fixtures.TIM, true),
        new Actor("staf", Fixtures.STAF, true),
        new Actor("sekretaris", Person.of("197501012000031002", "Sekretaris", sekretaris), true),
        new Actor("outsider", Fixtures.OUTSIDER, true),
        new Actor("all-roles", Person.of("198801012012011001", "Serba Bisa", kasubag, tim, staf, sekretaris), true),
        new Actor("invalid-actor", new Person(Fixtures.KASUBAG.nip(), " ", ImmutableSet.of(kasubag, tim, staf,
            sekretaris)), false));
  }

  private static Meeting meetingWithout(String equipment) {
    Meeting m = Fixtures.meeting();
    return new Meeting(m.date(), m.attendees(), m.conclusions(), m.minutes(),
        m.equipmentConfirmed().stream().filter(e -> !e.equals(equipment)).collect(ImmutableSet.toImmutableSet()));
  }

  private static Meeting meetingWithoutAttendees() {
    Meeting m = Fixtures.meeting();
    return new Meeting(m.date(), ImmutableList.of(), m.conclusions(), m.minutes(), m.equipmentConfirmed());
  }

  /** Every spec: each payload variant by each actor. */
  static ImmutableList<Spec> all() {
    ImmutableList.Builder<Spec> out = ImmutableList.builder();
    ContentProposal igX = Fixtures.produkHukum();
    ContentProposal telegram = Fixtures.informasiHukum(Platform.TELEGRAM);
    ContentProposal blank = new ContentProposal("Judul", igX.category(), " ", Optional.empty(), igX.platforms());
    for (Actor a : actors()) {
      Set<String> roles = a.person().roles().stream().map(RoleId::value).collect(Collectors.toSet());
      Person p = a.person();
      boolean env = a.valid();
      out.add(spec(a, "propose(IG+X)", new SopModel.Cmd("propose", roles, env, true, true, igX.platforms()),
          (id, c) -> new CaseCommand.Propose(c, id, p, igX)));
      out.add(spec(a, "propose(Telegram)", new SopModel.Cmd("propose", roles, env, true, true, telegram.platforms()),
          (id, c) -> new CaseCommand.Propose(c, id, p, telegram)));
      out.add(spec(a, "propose(blank material)", new SopModel.Cmd("propose", roles, env, false, true, Set.of()),
          (id, c) -> new CaseCommand.Propose(c, id, p, blank)));
      out.add(spec(a, "approve", new SopModel.Cmd("approve", roles, env, true, true, Set.of()),
          (id, c) -> new CaseCommand.Approve(c, id, p, Optional.empty())));
      out.add(spec(a, "reject", new SopModel.Cmd("reject", roles, env, true, true, Set.of()),
          (id, c) -> new CaseCommand.Reject(c, id, p, "Perbaiki materi")));
      out.add(spec(a, "reject(blank reason)", new SopModel.Cmd("reject", roles, env, false, true, Set.of()),
          (id, c) -> new CaseCommand.Reject(c, id, p, "")));
      out.add(spec(a, "meeting", new SopModel.Cmd("meeting", roles, env, true, true, Set.of()),
          (id, c) -> new CaseCommand.RecordMeeting(c, id, p, Fixtures.meeting())));
      out.add(spec(a, "meeting(no infocus)", new SopModel.Cmd("meeting", roles, env, true, false, Set.of()),
          (id, c) -> new CaseCommand.RecordMeeting(c, id, p, meetingWithout("infocus"))));
      out.add(spec(a, "meeting(no attendees)", new SopModel.Cmd("meeting", roles, env, false, true, Set.of()),
          (id, c) -> new CaseCommand.RecordMeeting(c, id, p, meetingWithoutAttendees())));
      out.add(spec(a, "summary", new SopModel.Cmd("summary", roles, env, true, true, Set.of()),
          (id, c) -> new CaseCommand.Summarize(c, id, p, "Rangkuman hasil rapat")));
      out.add(spec(a, "summary(blank)", new SopModel.Cmd("summary", roles, env, false, true, Set.of()),
          (id, c) -> new CaseCommand.Summarize(c, id, p, "\t")));
      out.add(spec(a, "design", new SopModel.Cmd("design", roles, env, true, true, Set.of()),
          (id, c) -> new CaseCommand.AttachDesign(c, id, p, List.of(Fixtures.jpeg(5)))));
      out.add(spec(a, "design(no items)", new SopModel.Cmd("design", roles, env, false, true, Set.of()),
          (id, c) -> new CaseCommand.AttachDesign(c, id, p, List.of())));
      out.add(spec(a, "caption", new SopModel.Cmd("caption", roles, env, true, true, Set.of()),
          (id, c) -> new CaseCommand.WriteCaption(c, id, p, Caption.of("Keterangan #JDIH"))));
      out.add(spec(a, "caption(blank)", new SopModel.Cmd("caption", roles, env, false, true, Set.of()),
          (id, c) -> new CaseCommand.WriteCaption(c, id, p, Caption.of(" "))));
      for (Platform platform : List.of(Platform.X, Platform.INSTAGRAM, Platform.TELEGRAM, Platform.FACEBOOK)) {
        out.add(spec(a, "publish(" + platform + ")", new SopModel.Cmd("publish", roles, env, true, true,
            Set.of(platform)), (id, c) -> new CaseCommand.RecordPublication(c, id, p,
            List.of(Fixtures.post(platform, POSTED)))));
      }
      out.add(spec(a, "publish(IG+X)", new SopModel.Cmd("publish", roles, env, true, true,
          Set.of(Platform.INSTAGRAM, Platform.X)), (id, c) -> new CaseCommand.RecordPublication(c, id, p,
          List.of(Fixtures.post(Platform.INSTAGRAM, POSTED), Fixtures.post(Platform.X, POSTED)))));
      out.add(spec(a, "task", new SopModel.Cmd("task", roles, env, true, true, Set.of()),
          (id, c) -> new CaseCommand.CompleteTask(c, id, p, "Selesai")));
      out.add(spec(a, "withdraw", new SopModel.Cmd("withdraw", roles, env, true, true, Set.of()),
          (id, c) -> new CaseCommand.Withdraw(c, id, p, "Dibatalkan")));
      out.add(spec(a, "withdraw(blank reason)", new SopModel.Cmd("withdraw", roles, env, false, true, Set.of()),
          (id, c) -> new CaseCommand.Withdraw(c, id, p, " ")));
    }
    return out.build();
  }

  private static Spec spec(Actor a, String what, SopModel.Cmd model, BiFunction<CaseId, CommandId, CaseCommand> b) {
    return new Spec(what + " by " + a.label(), model, b);
  }
}
