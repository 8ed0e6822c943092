package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.definition.json.SopDefinitionJson;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.SopDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The part of the help that depends on the home's active SOP ({@code <home>/sop.json}, or the reference SOP): its
 * activities, the command performing each and its role, and the role ids {@code person add --role} takes. Added as
 * the footer of the top-level, {@code case} and {@code person add} help, so help never names a fixed activity
 * number or a fixed set of roles.
 */
final class ActiveSopHelp {
  /** The help's width (picocli's default): longer lines would be wrapped mid-column. */
  private static final int WIDTH = 79;

  private ActiveSopHelp() {}

  /** Sets the footers from the SOP of {@code home}; a {@code sop.json} that does not load is named instead. */
  static void apply(CommandLine cl, Path home, Language lang) {
    Path file = home.resolve("sop.json");
    List<String> lines = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    try {
      boolean own = Files.exists(file);
      SopDefinition sop = own ? new SopDefinitionJson().read(file) : ReferenceSop.definition();
      lines.add("");
      lines.add(t(lang, "SOP aktif: ", "Active SOP: ") + sop.key());
      lines.add("  " + sop.office().name());
      lines.add("  " + (own ? file.toString() : t(lang, "SOP acuan; SOP kantor Anda: 'jdih sop new', lalu " + file,
          "the reference SOP; your office's own: 'jdih sop new', then " + file)));
      lines.add(t(lang, "Kegiatan (no. 'jdih case' ..., pelaksana, uraian):",
          "Activities (no. 'jdih case' ..., performer, description):"));
      for (Activity a : sop.activities()) {
        String head = String.format(java.util.Locale.ROOT, "  %2d. %-14s %-18s ", a.number(), command(a.kind()),
            Timeline.shorten(sop.role(a.executor()).map(Role::name).orElse(a.executor().value()), 18));
        lines.add(head + Timeline.shorten(a.description(), Math.max(10, WIDTH - head.length())));
      }
      roles.add("");
      roles.add(t(lang, "Peran dalam SOP aktif (id untuk --role, nama):",
          "Roles in the active SOP (id for --role, name):"));
      sop.roles().forEach(r -> roles.add(String.format(java.util.Locale.ROOT, "  %-20s %s", r.id().value(),
          r.name())));
      lines.addAll(roles);
      lines.add(t(lang, "Platform: ", "Platforms: ") + sop.allowedPlatforms().stream().map(Platform::displayName)
          .collect(Collectors.joining(", ")));
    } catch (Exception e) {
      lines.clear();
      lines.add("");
      lines.add(t(lang, "SOP aktif (" + file + ") tidak dapat dibaca; periksa dengan 'jdih sop lint': ",
          "The active SOP (" + file + ") cannot be read; check it with 'jdih sop lint': ")
          + Main.describe(e, lang));
      roles.addAll(lines);
    }
    // Picocli formats help texts: a % from the SOP is kept as it is.
    String[] footer = lines.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
    cl.getCommandSpec().usageMessage().footer(footer);
    cl.getSubcommands().get("case").getCommandSpec().usageMessage().footer(footer);
    cl.getSubcommands().get("person").getSubcommands().get("add").getCommandSpec().usageMessage()
        .footer(roles.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new));
  }

  /** The command performing an activity of the kind. */
  static String command(ActivityKind kind) {
    return switch (kind) {
      case PROPOSAL -> "propose";
      case APPROVAL -> "approve|reject";
      case MEETING -> "meeting";
      case SUMMARY -> "summarize";
      case DESIGN -> "design";
      case CAPTION -> "caption";
      case PUBLICATION -> "publish";
      default -> "-";
    };
  }

  private static String t(Language lang, String id, String en) {
    return lang == Language.EN ? en : id;
  }
}
