package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Templates with {@code {placeholders}} (see {@link MessageContext} for the names), one subject and body per
 * {@link NotificationKind}, in Indonesian and English. Immutable and thread-safe.
 *
 * <pre>{@code
 * NotificationTemplates mine = NotificationTemplates.defaults().with(NotificationKind.OVERDUE,
 *     Text.of("[JDIH] TERLAMBAT {caseId} kegiatan {activity}", "[JDIH] LATE {caseId} activity {activity}"),
 *     Text.of("Batas {due} terlewati.", "Deadline {due} passed."));
 * }</pre>
 */
public final class PlaceholderTemplates implements NotificationTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

  private static final String FOOTER_ID = "\n\n--\nPesan otomatis SOP JDIH, {office}.";
  private static final String FOOTER_EN = "\n\n--\nAn automatic message of the JDIH SOP, {office}.";

  private static final PlaceholderTemplates DEFAULTS = new PlaceholderTemplates(defaultTemplates());

  private final ImmutableMap<NotificationKind, Message> templates;

  private PlaceholderTemplates(Map<NotificationKind, Message> templates) {
    List<String> problems = new ArrayList<>();
    for (NotificationKind kind : NotificationKind.values()) {
      Message m = templates.get(kind);
      if (m == null) {
        problems.add(kind + ": tidak ada templat / no template");
        continue;
      }
      check(kind, "subject", m.subject(), problems);
      check(kind, "body", m.body(), problems);
    }
    if (!problems.isEmpty()) {
      String all = String.join("; ", problems);
      throw new InvalidTemplateException(Text.of(all + " (placeholder yang dikenal: " + MessageContext.PLACEHOLDERS
          + ")", all + " (known placeholders: " + MessageContext.PLACEHOLDERS + ")"));
    }
    this.templates = ImmutableMap.copyOf(new EnumMap<>(templates));
  }

  /** The library's templates. */
  public static PlaceholderTemplates defaults() {
    return DEFAULTS;
  }

  /**
   * Templates for every kind.
   *
   * @throws InvalidTemplateException if a kind has no template or a template names an unknown placeholder
   */
  public static PlaceholderTemplates of(Map<NotificationKind, Message> templates) {
    return new PlaceholderTemplates(checkNotNull(templates, "templates"));
  }

  /**
   * These templates with the one for {@code kind} replaced.
   *
   * @throws InvalidTemplateException if the new template names an unknown placeholder
   */
  public PlaceholderTemplates with(NotificationKind kind, Text subject, Text body) {
    Map<NotificationKind, Message> copy = new EnumMap<>(templates);
    copy.put(checkNotNull(kind, "kind"), Message.of(subject, body));
    return new PlaceholderTemplates(copy);
  }

  /** The template (with placeholders) for {@code kind}. */
  public Message template(NotificationKind kind) {
    return checkNotNull(templates.get(kind), "every kind has a template");
  }

  @Override
  public Message render(MessageContext context) {
    Message m = template(context.kind());
    Map<String, String> id = context.values(Language.ID);
    Map<String, String> en = context.values(Language.EN);
    return Message.of(
        Text.of(fill(m.subject().id(), id), fill(m.subject().en(), en)),
        Text.of(fill(m.body().id(), id), fill(m.body().en(), en)));
  }

  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(values.get(m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static void check(NotificationKind kind, String part, Text text, List<String> problems) {
    for (String s : List.of(text.id(), text.en())) {
      Matcher m = PLACEHOLDER.matcher(s);
      TreeSet<String> unknown = new TreeSet<>();
      while (m.find()) {
        if (!MessageContext.PLACEHOLDERS.contains(m.group(1))) {
          unknown.add("{" + m.group(1) + "}");
        }
      }
      if (!unknown.isEmpty()) {
        problems.add(kind + " " + part + ": " + String.join(", ", unknown));
      }
    }
  }

  private static Map<NotificationKind, Message> defaultTemplates() {
    Map<NotificationKind, Message> m = new EnumMap<>(NotificationKind.class);
    m.put(NotificationKind.AVAILABLE, Message.of(
        Text.of("[JDIH] Tugas baru: kegiatan {activity} kasus {caseId}",
            "[JDIH] New task: activity {activity} of case {caseId}"),
        Text.of("Yth. {recipient},\n\nKegiatan {activity} kini menjadi tugas {role}:\n{activityText}\n\n"
                + "Kasus: {caseId} ({title})\nBatas waktu: {due}" + FOOTER_ID,
            "Dear {recipient},\n\nActivity {activity} is now the work of {role}:\n{activityText}\n\n"
                + "Case: {caseId} ({title})\nDue: {due}" + FOOTER_EN)));
    m.put(NotificationKind.DUE_SOON, Message.of(
        Text.of("[JDIH] Segera jatuh tempo: kegiatan {activity} kasus {caseId}",
            "[JDIH] Due soon: activity {activity} of case {caseId}"),
        Text.of("Yth. {recipient},\n\nKegiatan {activity} ({role}) pada kasus {caseId} ({title}) harus selesai "
                + "paling lambat {due}:\n{activityText}" + FOOTER_ID,
            "Dear {recipient},\n\nActivity {activity} ({role}) of case {caseId} ({title}) must be done by {due}:\n"
                + "{activityText}" + FOOTER_EN)));
    m.put(NotificationKind.OVERDUE, Message.of(
        Text.of("[JDIH] Terlambat: kegiatan {activity} kasus {caseId}",
            "[JDIH] Overdue: activity {activity} of case {caseId}"),
        Text.of("Yth. {recipient},\n\nKegiatan {activity} ({role}) pada kasus {caseId} ({title}) melewati batas "
                + "waktu {due} dan belum selesai:\n{activityText}" + FOOTER_ID,
            "Dear {recipient},\n\nActivity {activity} ({role}) of case {caseId} ({title}) passed its deadline, "
                + "{due}, and is not done yet:\n{activityText}" + FOOTER_EN)));
    m.put(NotificationKind.REJECTED, Message.of(
        Text.of("[JDIH] Draf tidak disetujui: kasus {caseId}", "[JDIH] Draft not approved: case {caseId}"),
        Text.of("Yth. {recipient},\n\nDraf materi konten \"{title}\" (kasus {caseId}) tidak disetujui pada "
                + "kegiatan {activity}.\nAlasan: {reason}\n\nSilakan perbaiki materi dan ajukan kembali." + FOOTER_ID,
            "Dear {recipient},\n\nThe draft content \"{title}\" (case {caseId}) was not approved at activity "
                + "{activity}.\nReason: {reason}\n\nPlease revise the material and propose it again." + FOOTER_EN)));
    m.put(NotificationKind.PUBLISHED, Message.of(
        Text.of("[JDIH] Terbit: kasus {caseId}", "[JDIH] Published: case {caseId}"),
        Text.of("Yth. {recipient},\n\nKonten \"{title}\" (kasus {caseId}) telah diunggah pada {platform}:\n"
                + "{links}" + FOOTER_ID,
            "Dear {recipient},\n\nThe content \"{title}\" (case {caseId}) was published on {platform}:\n{links}"
                + FOOTER_EN)));
    m.put(NotificationKind.NEEDS_CONFIRMATION, Message.of(
        Text.of("[JDIH] Perlu konfirmasi publikasi: kasus {caseId} di {platform}",
            "[JDIH] Publication needs confirmation: case {caseId} on {platform}"),
        Text.of("Yth. {recipient},\n\nPublikasi konten \"{title}\" (kasus {caseId}) ke {platform} belum pasti "
                + "berhasil dan perlu dikonfirmasi.\nKeterangan: {reason}\n\nPeriksa akun {platform}, lalu "
                + "konfirmasi apakah konten sudah terbit." + FOOTER_ID,
            "Dear {recipient},\n\nThe publication of \"{title}\" (case {caseId}) on {platform} may or may not have "
                + "gone out and needs confirming.\nDetail: {reason}\n\nCheck the {platform} account, then confirm "
                + "whether the content is up." + FOOTER_EN)));
    return m;
  }
}
