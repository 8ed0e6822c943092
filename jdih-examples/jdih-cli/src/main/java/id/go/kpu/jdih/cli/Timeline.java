package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.time.Deadlines;
import id.go.kpu.jdih.time.OpenActivity;
import id.go.kpu.jdih.workflow.ActivityRun;
import id.go.kpu.jdih.workflow.ContentCase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A case's timeline: every activity with its due and actual times, the open activity, and the outputs. */
final class Timeline {
  private Timeline() {}

  static String render(ContentCase c, SopDefinition sop, Deadlines deadlines, Instant now, Out out) {
    ZoneId zone = sop.office().zone();
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    String tz = zone.getId().equals("Asia/Jakarta") ? "WIB" : zone.getId().equals("Asia/Makassar") ? "WITA"
        : zone.getId().equals("Asia/Jayapura") ? "WIT" : zone.getId();
    StringBuilder sb = new StringBuilder();
    sb.append(out.t("Kasus ", "Case ")).append(c.id()).append("  [").append(c.status().label().in(out.lang))
        .append("]  SOP ").append(sop.key()).append('\n');
    c.proposal().ifPresent(p -> sb.append("  ").append(p.title()).append(" (").append(p.category().label()
        .in(out.lang)).append("; ").append(p.platforms().stream().map(x -> x.displayName()).sorted()
        .reduce((a, b) -> a + ", " + b).orElse("")).append(")\n"));
    sb.append(String.format("  %-3s %-34s %-22s %-17s %-17s %-17s %s%n", "No", out.t("Kegiatan", "Activity"),
        out.t("Pelaksana", "Done by"), out.t("Tersedia", "Available") + " " + tz, out.t("Batas", "Due") + " " + tz,
        out.t("Selesai", "Done") + " " + tz, out.t("Ket.", "Note")));
    for (ActivityRun r : c.runs()) {
      Activity a = sop.activity(r.activity()).orElseThrow();
      Optional<Instant> due = deadlines.due(a, r.availableAt());
      boolean onTime = due.map(d -> !r.completedAt().isAfter(d)).orElse(true);
      String note = (onTime ? out.t("tepat waktu", "on time") : out.t("TERLAMBAT", "LATE"))
          + r.outcome().map(o -> ", " + o.label().in(out.lang)).orElse("");
      sb.append(String.format("  %-3d %-34s %-22s %-17s %-17s %-17s %s%n", r.activity(), shorten(a.description(), 34),
          shorten(r.actor().name(), 22), f.format(r.availableAt()), due.map(f::format).orElse("-"),
          f.format(r.completedAt()), note));
    }
    Optional<OpenActivity> open = deadlines.open(c, sop, now);
    open.ifPresent(o -> sb.append(String.format("  %-3d %-34s %-22s %-17s %-17s %-17s %s%n", o.activity(),
        shorten(sop.activity(o.activity()).orElseThrow().description(), 34),
        shorten(sop.role(sop.activity(o.activity()).orElseThrow().executor()).map(r -> r.name()).orElse(""), 22),
        f.format(o.availableAt()), o.due().map(f::format).orElse("-"), out.t("(berjalan)", "(open)"),
        o.status().label().in(out.lang))));
    // A deadline in a year the holiday calendar does not cover counts every weekday of it as a working day.
    open.filter(o -> !o.coverage().isCovered()).ifPresent(o -> sb.append(out.t(
        "  PERINGATAN: kalender hari libur tidak mencakup tahun ", "  WARNING: the holiday calendar does not cover "))
        .append(o.coverage().uncoveredYears().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""))
        .append(out.t("; batas waktu dihitung tanpa hari libur tahun itu", "; the deadline counts no holiday of it"))
        .append('\n'));
    sb.append(out.t("  Revisi: ", "  Revisions: ")).append(c.revisions());
    c.lastRejection().ifPresent(r -> sb.append(out.t(" (terakhir: ", " (last: ")).append(r).append(')'));
    sb.append('\n');
    c.meeting().ifPresent(m -> sb.append(out.t("  Kesimpulan rapat: ", "  Meeting conclusions: "))
        .append(m.conclusions()).append(out.t("; notulen ", "; minutes ")).append(m.minutes().name()).append('\n'));
    c.summary().ifPresent(s -> sb.append(out.t("  Rangkuman: ", "  Summary: ")).append(s).append('\n'));
    if (!c.design().isEmpty()) {
      sb.append(out.t("  Desain: ", "  Design: ")).append(c.design().size()).append(out.t(" berkas (", " file(s) ("))
          .append(c.design().get(0).width()).append('x').append(c.design().get(0).height()).append(", ")
          .append(c.design().get(0).mediaType()).append(")\n");
    }
    c.caption().ifPresent(cap -> sb.append(out.t("  Keterangan: ", "  Caption: ")).append(shorten(cap.text(), 90))
        .append('\n'));
    c.posts().values().forEach(p -> sb.append("  ").append(p.platform().displayName()).append(": ")
        .append(p.postId()).append(' ').append(f.format(p.publishedAt())).append('\n'));
    c.withdrawalReason().ifPresent(r -> sb.append(out.t("  Dibatalkan: ", "  Withdrawn: ")).append(r).append('\n'));
    return sb.toString().stripTrailing();
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
