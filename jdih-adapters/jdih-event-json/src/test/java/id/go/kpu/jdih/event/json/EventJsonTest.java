package id.go.kpu.jdih.event.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.LegalProductRef;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.event.json.EventJsonException.Problem;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.testkit.Fixtures;
import id.go.kpu.jdih.workflow.CaseEvent;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.CommandId;
import id.go.kpu.jdih.workflow.EventDocument;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.HashFormat;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Round trips, the pinned format, and the lines the reader refuses. */
class EventJsonTest {

  private final EventJson json = new EventJson();

  private List<RecordedEvent> everyKindOfEvent() {
    List<RecordedEvent> all = new ArrayList<>();
    all.addAll(Histories.happyPath(CaseId.of("bahagia")));
    all.addAll(Histories.withRejection(CaseId.of("ditolak-dulu")));
    all.addAll(Histories.withdrawn(CaseId.of("dibatalkan")));
    all.add(Histories.taskCompleted(CaseId.of("tugas")));
    return all;
  }

  /** Asserts the line is one event of this format that decodes to {@code e} exactly, and re-encodes identically. */
  private RecordedEvent roundTrip(RecordedEvent e) {
    String line = json.write(e);
    assertThat(line).doesNotContain("\n", "\r").startsWith("{\"v\":2,\"hashFormat\":").endsWith("}");
    RecordedEvent back = json.read(line);
    assertThat(back).isEqualTo(e);
    assertThat(back.expectedHash()).isEqualTo(back.hash()).isEqualTo(e.hash());
    assertThat(json.read(json.writeBytes(e))).isEqualTo(e);
    assertThat(json.write(back)).as("stable: re-encoding gives the same line").isEqualTo(line);
    return back;
  }

  @Test
  void everyEventOfFullCasesRoundTripsEqualWithItsHash() {
    for (List<RecordedEvent> history : List.of(Histories.happyPath(CaseId.of("bahagia")),
        Histories.withRejection(CaseId.of("ditolak-dulu")), Histories.withdrawn(CaseId.of("dibatalkan")),
        List.of(Histories.taskCompleted(CaseId.of("tugas"))))) {
      assertThat(HashChain.verify(history)).isEmpty();
      List<RecordedEvent> decoded = history.stream().map(this::roundTrip).toList();
      assertThat(decoded).isEqualTo(history);
      assertThat(HashChain.verify(decoded)).isEmpty();
    }
    List<RecordedEvent> rejected = Histories.withRejection(CaseId.of("ditolak-dulu"));
    assertThat(rejected).extracting(e -> e.payload().getClass().getSimpleName()).containsExactly("Proposed",
        "Rejected", "Proposed", "Approved", "MeetingRecorded", "Summarized", "DesignAttached", "CaptionWritten",
        "PublicationRecorded");
    RecordedEvent withdrawal = Histories.withdrawn(CaseId.of("dibatalkan")).get(2);
    assertThat(withdrawal.activity()).isEmpty();
    assertThat(json.write(withdrawal)).doesNotContain("\"activity\"");
    assertThat(json.read(json.write(withdrawal)).activity()).isEmpty();
  }

  @Test
  void everyPayloadTypeIsCovered() {
    Set<Class<?>> covered = everyKindOfEvent().stream().map(e -> e.payload().getClass()).collect(Collectors.toSet());
    assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(CaseEvent.class.getPermittedSubclasses()));
  }

  @Test
  void legalProductWithEveryOptionalPresentAndWithAllEmpty() {
    List<RecordedEvent> history = Histories.withRejection(CaseId.of("produk"));
    String full = json.write(history.get(0));
    String bare = json.write(history.get(2));
    for (String field : List.of("formShort", "placeEnacted", "enactedOn", "promulgatedOn", "source", "language",
        "location", "fieldOfLaw")) {
      assertThat(full).contains("\"" + field + "\":\"");
      assertThat(bare).doesNotContain("\"" + field + "\"");
    }
    assertThat(full).contains("\"enactedOn\":\"2020-11-02\"", "\"promulgatedOn\":\"2020-11-03\"",
        "\"relations\":[{\"kind\":\"MENGUBAH\",\"other\":\"Keputusan KPU Nomor 16 Tahun 2019\"},"
            + "{\"kind\":\"DICABUT\",\"other\":\"Keputusan KPU Nomor 1 Tahun 2021\"}]",
        "\"status\":\"TIDAK_BERLAKU\"", "\"attachments\":[\"lampiran-1.pdf\",\"lampiran-2.pdf\"]");
    assertThat(bare).contains("\"subjects\":[]", "\"relations\":[]", "\"attachments\":[]");
    LegalProductRef decodedFull = ((CaseEvent.Proposed) json.read(full).payload()).proposal().legalProduct()
        .orElseThrow();
    assertThat(decodedFull).isEqualTo(Histories.everyFieldPresent());
    assertThat(decodedFull.subjects()).containsExactly("PEMILIHAN", "JDIH", "KAMPANYE");
    LegalProductRef decodedBare = ((CaseEvent.Proposed) json.read(bare).payload()).proposal().legalProduct()
        .orElseThrow();
    assertThat(decodedBare).isEqualTo(Histories.everyOptionalEmpty());
    // null is read as empty, like an absent field
    String withNulls = bare.replace("\"year\":", "\"formShort\":null,\"enactedOn\":null,\"year\":");
    assertThat(json.read(withNulls)).isEqualTo(history.get(2));
    // an informasi-hukum proposal has no legal product at all
    assertThat(json.write(Histories.withdrawn(CaseId.of("x")).get(0))).doesNotContain("legalProduct");
  }

  @Test
  void captionPerPlatformTextsAreWrittenByPlatformNameAndPostsKeepTheirOrder() {
    RecordedEvent e = Histories.withRejection(CaseId.of("keterangan")).get(7);
    String line = json.write(e);
    assertThat(line).contains("\"perPlatform\":{\"INSTAGRAM\":").contains(",\"X\":\"SE 12/2024 singkat untuk X\"}");
    CaseEvent.CaptionWritten c = (CaseEvent.CaptionWritten) json.read(line).payload();
    assertThat(c.caption().perPlatform().keySet().asList()).containsExactly(Platform.INSTAGRAM, Platform.X);
    assertThat(c.caption()).isEqualTo(((CaseEvent.CaptionWritten) e.payload()).caption());
    assertThat(c.caption().textFor(Platform.TELEGRAM)).startsWith("Kenali Surat Edaran");
    RecordedEvent publication = Histories.withRejection(CaseId.of("keterangan")).get(8);
    CaseEvent.PublicationRecorded p = (CaseEvent.PublicationRecorded) json.read(json.write(publication)).payload();
    assertThat(p.posts()).extracting(post -> post.platform())
        .containsExactly(Platform.TELEGRAM, Platform.X, Platform.INSTAGRAM);
    assertThat(p.posts().get(0).publishedAt()).isEqualTo(Instant.parse("2024-03-06T04:05:06.789Z"));
  }

  /** The format is pinned: a change here is a change of the stored format and needs a new version. */
  @Test
  void theFormatIsStable() {
    RecordedEvent e = RecordedEvent.create(CaseId.of("kasus-1"), 4, ReferenceSop.definition().key(),
        CommandId.of("cmd-4"), Fixtures.STAF, Instant.parse("2024-03-04T05:00:00Z"), OptionalInt.of(4),
        new CaseEvent.Summarized("Rangkuman: infografis 4:5, terbit Senin."), HashChain.GENESIS);
    String expected = "{\"v\":2,\"hashFormat\":2,\"caseId\":\"kasus-1\",\"sequence\":4,"
        + "\"sop\":{\"officeId\":\"kpu-kab-kepulauan-mentawai\",\"number\":\"6 Tahun 2023\",\"revision\":0},"
        + "\"commandId\":\"cmd-4\","
        + "\"actor\":{\"nip\":\"199003032015031003\",\"name\":\"Sari Staf\",\"roles\":[\"staf\"]},"
        + "\"at\":\"2024-03-04T05:00:00Z\",\"activity\":4,"
        + "\"payload\":{\"type\":\"summarized\",\"summary\":\"Rangkuman: infografis 4:5, terbit Senin.\"},"
        + "\"previousHash\":\"" + HashChain.GENESIS + "\",\"hash\":\"" + e.hash() + "\"}";
    assertThat(json.write(e)).isEqualTo(expected);
    assertThat(json.read(expected)).isEqualTo(e);
    // field order does not matter to the reader
    String reordered = "{\"hash\":\"" + e.hash() + "\",\"payload\":{\"summary\":\"Rangkuman: infografis 4:5, "
        + "terbit Senin.\",\"type\":\"summarized\"},\"v\":2,\"caseId\":\"kasus-1\",\"sequence\":4,\"hashFormat\":2,"
        + "\"sop\":{\"revision\":0,\"officeId\":\"kpu-kab-kepulauan-mentawai\",\"number\":\"6 Tahun 2023\"},"
        + "\"commandId\":\"cmd-4\",\"actor\":{\"roles\":[\"staf\"],\"nip\":\"199003032015031003\","
        + "\"name\":\"Sari Staf\"},\"at\":\"2024-03-04T05:00:00Z\",\"activity\":4,"
        + "\"previousHash\":\"" + HashChain.GENESIS + "\"}";
    assertThat(json.read(reordered)).isEqualTo(e);
  }

  @Test
  void stringsSurviveExactlyAndTheBytesAreValidUtf8() throws CharacterCodingException {
    String[] texts = {"Pemilu \uD83D\uDDF3\uFE0F 2024 \u2014 caf\u00E9", "lone high \uD83D end", "lone low \uDC00",
        "line\nbreak\r\ttab \u0000 nul \u2028 sep \"quoted\" \\ backslash", " "};
    for (String text : texts) {
      RecordedEvent e = RecordedEvent.create(CaseId.of("unicode"), 1, ReferenceSop.definition().key(),
          CommandId.of("u-1"), Fixtures.STAF, Instant.parse("2024-03-04T05:00:00.123456789Z"), OptionalInt.of(4),
          new CaseEvent.Summarized(text), HashChain.GENESIS);
      byte[] bytes = json.writeBytes(e);
      UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      assertThat(new String(bytes, UTF_8)).doesNotContain("\n", "\r");
      RecordedEvent back = json.read(bytes);
      assertThat(((CaseEvent.Summarized) back.payload()).summary()).isEqualTo(text);
      assertThat(back).isEqualTo(e);
      assertThat(back.expectedHash()).isEqualTo(e.hash());
    }
    String line = json.write(RecordedEvent.create(CaseId.of("unicode"), 1, ReferenceSop.definition().key(),
        CommandId.of("u-1"), Fixtures.STAF, Instant.EPOCH, OptionalInt.of(4), new CaseEvent.Summarized(texts[0]),
        HashChain.GENESIS));
    assertThat(line).contains("Pemilu \\ud83d\\uddf3\uFE0F 2024 \u2014 caf\u00E9");
    assertThat(line).contains("\"at\":\"1970-01-01T00:00:00Z\"");
  }

  @Test
  void aChangedSummaryDecodesButBreaksTheHashChain() {
    List<RecordedEvent> history = Histories.happyPath(CaseId.of("dirusak"));
    List<String> lines = history.stream().map(json::write).collect(Collectors.toCollection(ArrayList::new));
    assertThat(lines.get(3)).contains("\"summary\":\"Rangkuman: infografis 4:5, terbit Senin.\"");
    lines.set(3, lines.get(3).replace("terbit Senin", "terbit Selasa"));
    List<RecordedEvent> decoded = lines.stream().map(json::read).toList();
    assertThat(((CaseEvent.Summarized) decoded.get(3).payload()).summary()).contains("terbit Selasa");
    assertThat(decoded.get(3).expectedHash()).isNotEqualTo(decoded.get(3).hash());
    assertThat(HashChain.verify(decoded)).contains(new HashChain.Break(3, HashChain.Reason.ALTERED));
  }

  private EventJsonException refused(String line) {
    EventJsonException e = catchThrowableOfType(EventJsonException.class, () -> json.read(line));
    assertThat(e).as("refused: %s", line).isNotNull();
    assertThat(e.code()).isEqualTo(e.problem().code());
    assertThat(e.getMessage()).startsWith(e.code() + ": JSON peristiwa: ").contains(" / event JSON: ");
    if (!e.path().isEmpty()) {
      assertThat(e.message(Language.ID)).contains("di '" + e.path() + "'");
      assertThat(e.message(Language.EN)).contains("at '" + e.path() + "'");
    }
    return e;
  }

  @Test
  void unknownFieldsAreRefusedWithTheirPath() {
    RecordedEvent proposed = Histories.withRejection(CaseId.of("asing")).get(0);
    String line = json.write(proposed);
    EventJsonException top = refused(line.replace("{\"v\":2,", "{\"v\":2,\"extra\":true,"));
    assertThat(top.problem()).isEqualTo(Problem.UNKNOWN_FIELD);
    assertThat(top.code()).isEqualTo("JDIH-JSON-102");
    assertThat(top.path()).isEqualTo("extra");
    EventJsonException nested = refused(line.replace("\"year\":2020,", "\"year\":2020,\"warna\":\"merah\","));
    assertThat(nested.path()).isEqualTo("payload.proposal.legalProduct.warna");
    assertThat(nested.message(Language.EN)).contains("unknown field at 'payload.proposal.legalProduct.warna'");
    assertThat(nested.message(Language.ID)).contains("kolom tidak dikenal di 'payload.proposal.legalProduct.warna'");
    EventJsonException inList = refused(line.replace("{\"kind\":\"MENGUBAH\",", "{\"kind\":\"MENGUBAH\",\"x\":1,"));
    assertThat(inList.path()).isEqualTo("payload.proposal.legalProduct.relations[0].x");
    // a field of another payload type is unknown here too
    EventJsonException otherType = refused(line.replace("{\"type\":\"proposed\",",
        "{\"type\":\"proposed\",\"summary\":\"x\","));
    assertThat(otherType.problem()).isEqualTo(Problem.UNKNOWN_FIELD);
    assertThat(otherType.path()).isEqualTo("payload.summary");
  }

  @Test
  void malformedAndInvalidLinesAreRefusedWithCodeAndPath() {
    List<RecordedEvent> history = Histories.withRejection(CaseId.of("rusak"));
    String proposed = json.write(history.get(0));
    String summary = json.write(history.get(5));
    String caption = json.write(history.get(7));
    String meeting = json.write(history.get(4));
    record Case(String line, Problem problem, String path) {}
    List<Case> cases = List.of(
        new Case("", Problem.MALFORMED, ""),
        new Case("   ", Problem.MALFORMED, ""),
        new Case("[]", Problem.MALFORMED, ""),
        new Case("\"teks\"", Problem.MALFORMED, ""),
        // a torn line, cut inside the summary
        new Case(summary.substring(0, summary.indexOf("Rangkuman") + 5), Problem.MALFORMED, "payload.summary"),
        new Case(summary + " {}", Problem.MALFORMED, ""),
        new Case(summary + "x", Problem.MALFORMED, ""),
        new Case(summary.replace("{\"v\":2,", "{\"v\":2,\"v\":2,"), Problem.MALFORMED, "v"),
        new Case(summary.replace("{\"v\":2,", "{"), Problem.MISSING_FIELD, "v"),
        new Case(summary.replace("{\"v\":2,", "{\"v\":3,"), Problem.UNSUPPORTED_VERSION, "v"),
        new Case(summary.replace("{\"v\":2,", "{\"v\":0,"), Problem.UNSUPPORTED_VERSION, "v"),
        new Case(summary.replace("{\"v\":2,", "{\"v\":\"2\","), Problem.UNSUPPORTED_VERSION, "v"),
        new Case(summary.replace("\"hashFormat\":2,", ""), Problem.MISSING_FIELD, "hashFormat"),
        new Case(summary.replace("\"hashFormat\":2,", "\"hashFormat\":7,"), Problem.INVALID_VALUE, "hashFormat"),
        // a version 1 line has no hash format and no principal
        new Case(summary.replace("{\"v\":2,", "{\"v\":1,"), Problem.UNKNOWN_FIELD, "hashFormat"),
        new Case(summary.replace("\"commandId\":", "\"principal\":\" spasi\",\"commandId\":"),
            Problem.INVALID_VALUE, "principal"),
        new Case(summary.replace("\"summary\":\"", "\"ringkasan\":\""), Problem.UNKNOWN_FIELD, "payload.ringkasan"),
        new Case(summary.replace("\"type\":\"summarized\",", ""), Problem.MISSING_FIELD, "payload.type"),
        new Case(summary.replace("\"type\":\"summarized\"", "\"type\":\"dirangkum\""), Problem.INVALID_VALUE,
            "payload.type"),
        new Case(summary.replace("\"sequence\":6", "\"sequence\":\"6\""), Problem.WRONG_TYPE, "sequence"),
        new Case(summary.replace("\"sequence\":6", "\"sequence\":6.5"), Problem.WRONG_TYPE, "sequence"),
        new Case(summary.replace("\"sequence\":6", "\"sequence\":99999999999999999999"), Problem.WRONG_TYPE,
            "sequence"),
        new Case(summary.replace("\"sequence\":6", "\"sequence\":0"), Problem.INVALID_VALUE, "sequence"),
        new Case(summary.replace("\"sequence\":6", "\"sequence\":null"), Problem.MISSING_FIELD, "sequence"),
        new Case(summary.replace("\"caseId\":\"rusak\"", "\"caseId\":\"../../etc/passwd\""), Problem.INVALID_VALUE,
            "caseId"),
        new Case(summary.replace("\"revision\":0", "\"revision\":-1"), Problem.INVALID_VALUE, "sop"),
        new Case(summary.replace("\"at\":\"", "\"at\":\"kemarin"), Problem.INVALID_VALUE, "at"),
        new Case(summary.replace("\"activity\":4", "\"activity\":true"), Problem.WRONG_TYPE, "activity"),
        new Case(summary.replace("\"roles\":[\"staf\"]", "\"roles\":[\"staf\",\"staf\"]"), Problem.INVALID_VALUE,
            "actor.roles[1]"),
        new Case(summary.replace("\"roles\":[\"staf\"]", "\"roles\":\"staf\""), Problem.WRONG_TYPE, "actor.roles"),
        new Case(summary.replace("\"name\":\"Sari Staf\",", ""), Problem.MISSING_FIELD, "actor.name"),
        new Case(proposed.replace("\"category\":\"PRODUK_HUKUM\"", "\"category\":\"produk_hukum\""),
            Problem.INVALID_VALUE, "payload.proposal.category"),
        new Case(proposed.replace("\"platforms\":[\"INSTAGRAM\",", "\"platforms\":[\"TIKTOK\","), Problem.INVALID_VALUE,
            "payload.proposal.platforms[0]"),
        new Case(proposed.replace("\"enactedOn\":\"2020-11-02\"", "\"enactedOn\":\"2-11-2020\""),
            Problem.INVALID_VALUE, "payload.proposal.legalProduct.enactedOn"),
        new Case(proposed.replace("\"kind\":\"DICABUT\"", "\"kind\":null"), Problem.MISSING_FIELD,
            "payload.proposal.legalProduct.relations[1].kind"),
        new Case(caption.replace("\"perPlatform\":{\"INSTAGRAM\":", "\"perPlatform\":{\"TWITTER\":"),
            Problem.INVALID_VALUE, "payload.caption.perPlatform[TWITTER]"),
        new Case(caption.replace("\"perPlatform\":{\"INSTAGRAM\":\"", "\"perPlatform\":{\"X\":\"a\",\"X\":\""),
            Problem.MALFORMED, "payload.caption.perPlatform.X"),
        new Case(meeting.replace("\"bytes\":48213", "\"bytes\":4.8e4"), Problem.WRONG_TYPE,
            "payload.meeting.minutes.bytes"));
    for (Case c : cases) {
      assertThat(c.line()).as("each case changes its line").isNotIn(proposed, summary, caption, meeting);
      EventJsonException e = refused(c.line());
      assertThat(e.problem()).as("%s", c.line()).isEqualTo(c.problem());
      assertThat(e.path()).as("%s", c.line()).isEqualTo(c.path());
    }
  }

  @Test
  void invalidUtf8BytesAreMalformed() {
    byte[] line = json.writeBytes(Histories.happyPath(CaseId.of("bita")).get(3));
    byte[] broken = Arrays.copyOf(line, line.length);
    int at = new String(line, UTF_8).indexOf("Rangkuman");
    broken[at] = (byte) 0xC3; // a lead byte followed by an ASCII letter
    EventJsonException e = catchThrowableOfType(EventJsonException.class, () -> json.read(broken));
    assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(e.code()).isEqualTo("JDIH-JSON-101");
    // Jackson would guess UTF-16 or UTF-32 from zero bytes or a byte-order mark; the format is UTF-8 only
    String text = new String(line, UTF_8);
    for (byte[] other : List.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, '{', '}', '\n'},
        text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
        text.getBytes(java.nio.charset.StandardCharsets.UTF_16), new byte[] {'{', 0, '}'},
        new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0})) {
      EventJsonException x = catchThrowableOfType(EventJsonException.class, () -> json.read(other));
      assertThat(x).as("%s", Arrays.toString(other)).isNotNull();
      assertThat(x.problem()).isEqualTo(Problem.MALFORMED);
    }
    // a range of a larger buffer reads like the line alone
    byte[] padded = new byte[line.length + 20];
    System.arraycopy(line, 0, padded, 7, line.length);
    assertThat(json.read(padded, 7, line.length)).isEqualTo(json.read(line));
  }

  @Test
  void aNullRequiredValueCannotBeWritten() {
    // Such an event cannot be created (its hash cannot be computed); a store could still be handed one.
    assertThatIllegalArgumentException().isThrownBy(() -> RecordedEvent.create(CaseId.of("kosong"), 1,
        ReferenceSop.definition().key(), CommandId.of("n-1"), Fixtures.STAF, Instant.EPOCH, OptionalInt.of(4),
        new CaseEvent.Summarized(null), HashChain.GENESIS)).withMessageContaining("payload.summary");
    RecordedEvent e = unhashed(new CaseEvent.Summarized(null), OptionalInt.of(4));
    EventJsonException x = catchThrowableOfType(EventJsonException.class, () -> json.write(e));
    assertThat(x.problem()).isEqualTo(Problem.NOT_ENCODABLE);
    assertThat(x.code()).isEqualTo("JDIH-JSON-107");
    assertThat(x.path()).isEqualTo("payload.summary");
    RecordedEvent items = unhashed(new CaseEvent.DesignAttached(
        ImmutableList.of(new id.go.kpu.jdih.content.MediaItem("f", null, 1, 1, 1, Fixtures.sha(1)))),
        OptionalInt.of(5));
    assertThat(catchThrowableOfType(EventJsonException.class, () -> json.write(items)).path())
        .isEqualTo("payload.items[0].mediaType");
  }

  @Test
  void oneInstanceIsSafeToShareBetweenThreads() throws Exception {
    List<RecordedEvent> events = everyKindOfEvent();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          int n = 0;
          for (int round = 0; round < 50; round++) {
            for (RecordedEvent e : events) {
              if (!json.read(json.write(e)).equals(e)) {
                throw new AssertionError("differs: " + e);
              }
              n++;
            }
          }
          return n;
        }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get(1, TimeUnit.MINUTES)).isEqualTo(50 * events.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void setsAreWrittenSortedAndReadInTheirWrittenOrder() {
    RecordedEvent e = Histories.withRejection(CaseId.of("urutan")).get(0);
    assertThat(((CaseEvent.Proposed) e.payload()).proposal().platforms().asList())
        .containsExactly(Platform.X, Platform.INSTAGRAM, Platform.TELEGRAM);
    String line = json.write(e);
    assertThat(line).contains("\"platforms\":[\"INSTAGRAM\",\"TELEGRAM\",\"X\"]");
    ImmutableSet<Platform> platforms = ((CaseEvent.Proposed) json.read(line).payload()).proposal().platforms();
    assertThat(platforms.asList()).containsExactly(Platform.INSTAGRAM, Platform.TELEGRAM, Platform.X);
    // a version 1 line (jdih 0.1 wrote sets in their iteration order) is read in its order
    String v1 = line.replace("{\"v\":2,\"hashFormat\":2,", "{\"v\":1,")
        .replace("[\"INSTAGRAM\",\"TELEGRAM\",\"X\"]", "[\"X\",\"INSTAGRAM\",\"TELEGRAM\"]");
    ImmutableSet<Platform> old = ((CaseEvent.Proposed) json.read(v1).payload()).proposal().platforms();
    assertThat(old.asList()).containsExactly(Platform.X, Platform.INSTAGRAM, Platform.TELEGRAM);
  }

  private static RecordedEvent unhashed(CaseEvent payload, OptionalInt activity) {
    return new RecordedEvent(CaseId.of("kosong"), 1, ReferenceSop.definition().key(), CommandId.of("n-1"),
        Optional.empty(), Fixtures.STAF, Instant.EPOCH, activity, payload, HashChain.GENESIS, Fixtures.sha(9),
        HashFormat.JCS_2);
  }

  /** A line jdih 0.1 wrote (from a real log, kept as it was): read as format 1, and its hash still verifies. */
  @Test
  void aVersion1LineOfJdih01ReadsWithHashFormat1AndVerifies() {
    String v1 = "{\"v\":1,\"caseId\":\"kasus-terbit\",\"sequence\":1,\"sop\":{\"officeId\":\"kpu-kab-kepulauan-m"
        + "entawai\",\"number\":\"6 Tahun 2023\",\"revision\":0},\"commandId\":\"a4165ac6-d05d-45a0-8496-8"
        + "72af9f9164e\",\"actor\":{\"nip\":\"198001012006041001\",\"name\":\"Rina Marlina\",\"roles\":[\""
        + "kasubag-hukum\"]},\"at\":\"2026-12-04T13:51:05.312737401Z\",\"activity\":1,\"payload\":{\"type"
        + "\":\"proposed\",\"proposal\":{\"title\":\"Tahukah kamu: DPT\",\"category\":\"INFORMASI_HUKUM\","
        + "\"material\":\"Materi: Tahukah kamu: DPT (DPT, DPTb, DPK) \u2014 \u2713 \u00ebmoji \\ud83d"
        + "\\uddf3\ufe0f\",\"platforms\":[\"INSTAGRAM\",\"X\"]}},\"previousHash\":\"0000000000000000000000"
        + "000000000000000000000000000000000000000000\",\"hash\":\"658462a51c64b74eba710b626246661e4bfc57a"
        + "1233f4d6bbd4bec99e2fb2ccf\"}";
    RecordedEvent e = json.read(v1);
    assertThat(e.hashFormat()).isEqualTo(HashFormat.LEGACY_1);
    assertThat(e.principal()).isEmpty();
    assertThat(e.expectedHash()).isEqualTo(V1_HASH);
    // written again (an archive copies it), it becomes a version 2 line that keeps hash format 1 and its hash
    String v2 = json.write(e);
    assertThat(v2).startsWith("{\"v\":2,\"hashFormat\":1,");
    assertThat(json.read(v2)).isEqualTo(e);
    assertThat(json.read(v2).expectedHash()).isEqualTo(V1_HASH);
  }

  /** The line without {@code v} and {@code hash} is exactly the document the hash is computed over. */
  @Test
  void theLineWithoutVersionAndHashIsTheHashedDocument() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<RecordedEvent> all = new ArrayList<>(everyKindOfEvent());
    RecordedEvent first = all.get(0);
    all.add(RecordedEvent.create(first.caseId(), first.sequence(), first.sop(), first.commandId(),
        Optional.of(Principal.of("rina.marlina")), first.actor(), first.at(), first.activity(), first.payload(),
        first.previousHash()));
    for (RecordedEvent e : all) {
      ObjectNode line = (ObjectNode) mapper.readTree(json.write(e));
      assertThat(line.remove("v").intValue()).isEqualTo(EventJson.FORMAT_VERSION);
      assertThat(line.remove("hash").textValue()).isEqualTo(e.hash());
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = mapper.convertValue(line, Map.class);
      assertThat(EventDocument.canonical(tree)).isEqualTo(EventDocument.canonical(EventDocument.of(e)));
      assertThat(EventDocument.hash(EventDocument.of(e))).isEqualTo(e.hash());
    }
  }

  private static final String V1_HASH = "658462a51c64b74eba710b626246661e4bfc57a1233f4d6bbd4bec99e2fb2ccf";
}
