package id.go.kpu.jdih.benchmarks.flow;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.ContentCategory;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.Caption;
import id.go.kpu.jdih.workflow.CaseCommand;
import id.go.kpu.jdih.workflow.ContentProposal;
import id.go.kpu.jdih.workflow.Meeting;
import id.go.kpu.jdih.workflow.Person;
import id.go.kpu.jdih.workflow.PlatformPost;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The benchmarked case: the seven activities of the reference SOP with one rejection, nine commands in all —
 * propose, reject, propose again, approve, meeting, summary, design, caption, publication — performed by the
 * fixture people (Kasubag Hukum, Tim Pembina/Teknis, Staf) with the fixture outputs (a legal product for Instagram
 * and X, a meeting with its minutes, a 1080x1350 JPEG, a caption, one post per platform).
 */
public final class ReferenceCase {

  /** When the posts were published. */
  public static final Instant PUBLISHED_AT = Instant.parse("2024-03-08T03:00:00Z");

  private ReferenceCase() {}

  /** The nine steps with the fixture outputs; every object in them is immutable and may be shared. */
  public static List<Step> steps() {
    ContentProposal proposal = Fixtures.produkHukum();
    ContentProposal revised = new ContentProposal(proposal.title(), ContentCategory.PRODUK_HUKUM,
        proposal.material() + " Direvisi: tambahkan nomor dan tanggal penetapan.", proposal.legalProduct(),
        proposal.platforms());
    String reason = "Materi belum menyebut nomor dan tanggal penetapan.";
    Optional<String> note = Optional.empty();
    Meeting meeting = Fixtures.meeting();
    String summary = "Rangkuman: infografis 4:5, terbit Senin.";
    ImmutableList<MediaItem> design = ImmutableList.of(Fixtures.jpeg(7));
    Caption caption = new Caption("Kenali Keputusan KPU 10/HK.04/08/2022 tentang pedoman teknis JDIH. #JDIH #KPU",
        ImmutableMap.of());
    ImmutableList<PlatformPost> posts = proposal.platforms().stream().map(p -> Fixtures.post(p, PUBLISHED_AT))
        .collect(ImmutableList.toImmutableList());
    return steps(proposal, revised, reason, note, meeting, summary, design, caption, posts);
  }

  /** The nine steps with the given outputs. */
  public static List<Step> steps(ContentProposal proposal, ContentProposal revised, String reason,
      Optional<String> note, Meeting meeting, String summary, ImmutableList<MediaItem> design, Caption caption,
      ImmutableList<PlatformPost> posts) {
    Person kasubag = Fixtures.KASUBAG;
    Person tim = Fixtures.TIM;
    Person staf = Fixtures.STAF;
    return List.of(
        new Step(SopEvent.PROPOSE, kasubag, proposal, SopState.A2_APPROVAL,
            (cmd, id, actor) -> new CaseCommand.Propose(cmd, id, actor, proposal)),
        new Step(SopEvent.REJECT, kasubag, reason, SopState.A1_PROPOSAL,
            (cmd, id, actor) -> new CaseCommand.Reject(cmd, id, actor, reason)),
        new Step(SopEvent.PROPOSE, kasubag, revised, SopState.A2_APPROVAL,
            (cmd, id, actor) -> new CaseCommand.Propose(cmd, id, actor, revised)),
        new Step(SopEvent.APPROVE, kasubag, note, SopState.A3_MEETING,
            (cmd, id, actor) -> new CaseCommand.Approve(cmd, id, actor, note)),
        new Step(SopEvent.RECORD_MEETING, tim, meeting, SopState.A4_SUMMARY,
            (cmd, id, actor) -> new CaseCommand.RecordMeeting(cmd, id, actor, meeting)),
        new Step(SopEvent.SUMMARIZE, staf, summary, SopState.A5_DESIGN,
            (cmd, id, actor) -> new CaseCommand.Summarize(cmd, id, actor, summary)),
        new Step(SopEvent.ATTACH_DESIGN, tim, design, SopState.A6_CAPTION,
            (cmd, id, actor) -> new CaseCommand.AttachDesign(cmd, id, actor, design)),
        new Step(SopEvent.WRITE_CAPTION, kasubag, caption, SopState.A7_PUBLICATION,
            (cmd, id, actor) -> new CaseCommand.WriteCaption(cmd, id, actor, caption)),
        new Step(SopEvent.RECORD_PUBLICATION, staf, posts, SopState.PUBLISHED,
            (cmd, id, actor) -> new CaseCommand.RecordPublication(cmd, id, actor, posts)));
  }

  /** The platforms of the fixture proposal. */
  public static ImmutableSet<Platform> platforms() {
    return Fixtures.produkHukum().platforms();
  }
}
