package id.go.kpu.jdih.definition.json;

import static id.go.kpu.jdih.definition.json.Documents.at;
import static id.go.kpu.jdih.definition.json.Documents.edited;
import static id.go.kpu.jdih.definition.json.Documents.pathsAndRules;
import static id.go.kpu.jdih.definition.json.Documents.reference;
import static id.go.kpu.jdih.definition.json.Documents.violations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of bad document is refused with the JSON path and rule of each problem, in both languages. */
class ReadErrorsTest {

  // ---- malformed JSON ----

  @Test
  void malformedJsonNamesWhereItStoppedWithLineAndColumn() {
    String json = "{\n  \"format\": \"jdih-sop-definition/1\",\n  \"title\": \"x\" \"y\"\n}";
    List<Violation> v = violations(json);
    assertThat(v).hasSize(1);
    assertThat(v.get(0).path()).isEqualTo("title");
    assertThat(v.get(0).rule()).isEqualTo("JsonSyntax");
    assertThat(v.get(0).message().id()).startsWith("JSON tidak sah pada baris 3, kolom 16: ");
    assertThat(v.get(0).message().en()).startsWith("malformed JSON at line 3, column 16: ");
  }

  @Test
  void truncatedDocumentIsMalformed() {
    String json = reference();
    assertThat(pathsAndRules(json.substring(0, json.indexOf("\"roles\""))))
        .isEqualTo("recordKeeping JsonSyntax");
  }

  @Test
  void emptyDocumentTrailingContentAndDuplicateKeysAreMalformed() {
    assertThat(pathsAndRules("")).isEqualTo(" JsonSyntax");
    assertThat(pathsAndRules("  \n ")).isEqualTo(" JsonSyntax");
    assertThat(pathsAndRules(reference() + "{}")).isEqualTo(" JsonSyntax");
    assertThat(pathsAndRules("{\"format\": \"jdih-sop-definition/1\", \"title\": \"a\", \"title\": \"b\"}"))
        .isEqualTo("title JsonSyntax");
  }

  @Test
  void documentMustBeAnObject() {
    assertThat(pathsAndRules("[]")).isEqualTo(" Type");
    assertThat(pathsAndRules("null")).isEqualTo(" Type");
  }

  // ---- the format marker ----

  @Test
  void absentOrUnknownFormatIsRefusedBeforeAnythingElse() {
    assertThat(pathsAndRules(edited(r -> r.remove("format")))).isEqualTo("format Format");
    assertThat(pathsAndRules(edited(r -> r.putNull("format")))).isEqualTo("format Format");
    assertThat(pathsAndRules(edited(r -> r.put("format", 1)))).isEqualTo("format Format");
    // A later version with fields this one does not know: refused for its format, not for its fields.
    List<Violation> v = violations(edited(r -> r.put("format", "jdih-sop-definition/2").put("approvals", 2)));
    assertThat(v).extracting(Violation::path, Violation::rule).containsExactly(
        org.assertj.core.groups.Tuple.tuple("format", "Format"));
    assertThat(v.get(0).message().en())
        .isEqualTo("unsupported format \"jdih-sop-definition/2\"; supported: \"jdih-sop-definition/1\"");
    assertThat(v.get(0).message().id())
        .isEqualTo("format \"jdih-sop-definition/2\" tidak didukung; yang didukung: \"jdih-sop-definition/1\"");
  }

  // ---- unknown fields ----

  @Test
  void unknownFieldIsNamedWithItsPath() {
    List<Violation> v = violations(edited(r -> at(r, "/activities/2/quality").put("foo", 1)));
    assertThat(v).hasSize(1);
    assertThat(v.get(0).path()).isEqualTo("activities[2].quality.foo");
    assertThat(v.get(0).rule()).isEqualTo("UnknownField");
    assertThat(v.get(0).message().en()).isEqualTo("unknown field 'foo'; known fields: output, requirements, time");
    assertThat(v.get(0).message().id())
        .isEqualTo("kolom 'foo' tidak dikenal; kolom yang dikenal: output, requirements, time");
  }

  @Test
  void unknownFieldsAtTheTopAndInsideTransitions() {
    assertThat(pathsAndRules(edited(r -> r.put("titel", "x")))).isEqualTo("titel UnknownField");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow/transitions/2/branches/0").put("label", "Ya"))))
        .isEqualTo("flow.transitions[2].branches[0].label UnknownField");
  }

  @Test
  void fieldOfTheOtherVariantIsRefused() {
    assertThat(pathsAndRules(edited(r -> at(r, "/activities/2/quality/requirements/0").put("artifact", "MINUTES"))))
        .isEqualTo("activities[2].quality.requirements[0].artifact UnknownField");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow/transitions/1").putObject("branches"))))
        .isEqualTo("flow.transitions[1].branches Type");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow/transitions/1").putArray("branches"))))
        .isEqualTo("flow.transitions[1].branches UnknownField");
  }

  // ---- wrong types ----

  @Test
  void wrongTypesAreNamedWithWhatWasExpected() {
    List<Violation> v = violations(edited(r -> at(r, "/activities/0").put("number", "1")));
    assertThat(v).extracting(Violation::path, Violation::rule).containsExactly(
        org.assertj.core.groups.Tuple.tuple("activities[0].number", "Type"));
    assertThat(v.get(0).message().en()).isEqualTo("wrong type of value: expected a whole number");
    assertThat(v.get(0).message().id()).isEqualTo("jenis nilai salah: seharusnya bilangan bulat");

    assertThat(pathsAndRules(edited(r -> r.put("title", 12)))).isEqualTo("title Type");
    assertThat(pathsAndRules(edited(r -> r.put("title", true)))).isEqualTo("title Type");
    assertThat(pathsAndRules(edited(r -> r.putObject("title")))).isEqualTo("title Type");
    assertThat(pathsAndRules(edited(r -> r.put("legalBasis", "UU 14/2008")))).isEqualTo("legalBasis Type");
    assertThat(pathsAndRules(edited(r -> at(r, "/activities/1").putArray("quality"))))
        .isEqualTo("activities[1].quality Type");
    assertThat(pathsAndRules(edited(r -> at(r, "/activities/1/quality/time").put("amount", 1.5))))
        .isEqualTo("activities[1].quality.time.amount Type");
    assertThat(pathsAndRules(edited(r -> at(r, "/activities/0").put("number", 99_999_999_999L))))
        .isEqualTo("activities[0].number Type");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow/transitions/2/branches/0").put("additionToSeed", "false"))))
        .isEqualTo("flow.transitions[2].branches[0].additionToSeed Type");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow").put("transitions", "1->2"))))
        .isEqualTo("flow.transitions Type");
  }

  @Test
  void transitionKeyMustBeAnActivityNumber() {
    assertThat(pathsAndRules(edited(r -> {
      ObjectNode transitions = at(r, "/flow/transitions");
      transitions.set("01", transitions.remove("1"));
    }))).isEqualTo("flow.transitions[01] Type; flow.transitions[1] NotNull"); // so activity 1 has no transition
  }

  // ---- enum values ----

  @Test
  void unknownEnumValueListsTheAllowedOnes() {
    List<Violation> v = violations(edited(r -> at(r, "/activities/1").put("kind", "APPROVE")));
    assertThat(v).extracting(Violation::path, Violation::rule).containsExactly(
        org.assertj.core.groups.Tuple.tuple("activities[1].kind", "UnknownValue"));
    assertThat(v.get(0).message().en()).isEqualTo("unknown value 'APPROVE'; allowed: PROPOSAL, APPROVAL, MEETING, "
        + "SUMMARY, DESIGN, CAPTION, PUBLICATION, TASK");
    assertThat(v.get(0).message().id()).startsWith("nilai 'APPROVE' tidak dikenal; pilihan: PROPOSAL, APPROVAL,");

    assertThat(pathsAndRules(edited(r -> at(r, "/activities/4/quality/time").put("unit", "working_day"))))
        .isEqualTo("activities[4].quality.time.unit UnknownValue");
    assertThat(pathsAndRules(edited(r -> at(r, "/activities/3/quality/requirements/0").put("artifact", "NOTULEN"))))
        .isEqualTo("activities[3].quality.requirements[0].artifact UnknownValue");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow/transitions/2/branches/1").put("outcome", ""))))
        .isEqualTo("flow.transitions[2].branches[1].outcome UnknownValue");
    // An enum by its position is not accepted either.
    assertThat(pathsAndRules(edited(r -> at(r, "/activities/1").put("kind", 1)))).isEqualTo("activities[1].kind Type");
  }

  @Test
  void unknownTypeOfRequirementOrTransition() {
    assertThat(pathsAndRules(edited(r -> at(r, "/activities/2/quality/requirements/1").put("type", "machine"))))
        .isEqualTo("activities[2].quality.requirements[1].type UnknownValue");
    List<Violation> v = violations(edited(r -> at(r, "/flow/transitions/3").put("type", "jump")));
    assertThat(v).extracting(Violation::path, Violation::rule).containsExactly(
        org.assertj.core.groups.Tuple.tuple("flow.transitions[3].type", "UnknownValue"));
    assertThat(v.get(0).message().en()).isEqualTo("unknown value 'jump'; allowed: sequence, decision");
  }

  // ---- missing fields: all at once ----

  @Test
  void everyMissingFieldIsListedAtOnce() {
    String json = edited(r -> {
      r.remove("title");
      r.remove("equipment");
      at(r, "/identity").remove("createdOn");
      at(r, "/identity").remove("revision");
      at(r, "/identity/approvedBy").remove("nip");
      at(r, "/roles/0").remove("name");
      at(r, "/activities/3").remove("description");
      at(r, "/activities/3").remove("kind");
      at(r, "/activities/1/quality/time").remove("amount");
      at(r, "/activities/6/quality").remove("requirements");
      at(r, "/flow").remove("start");
      at(r, "/flow/transitions/2/branches/1").remove("additionToSeed");
      at(r, "/flow/transitions/4").remove("next");
      at(r, "/signature").remove("name");
    });
    List<Violation> v = violations(json);
    assertThat(v).extracting(x -> x.path() + " " + x.rule()).containsExactly(
        "activities[1].quality.time.amount NotNull",
        "activities[3].description NotBlank",
        "activities[3].kind NotNull",
        "activities[6].quality.requirements NotNull",
        "equipment NotNull",
        "flow.start NotNull",
        "flow.transitions[2].branches[1].additionToSeed NotNull",
        "flow.transitions[4].next NotNull",
        "identity.approvedBy.nip NotNull",
        "identity.createdOn NotNull",
        "identity.revision NotNull",
        "roles[0].name NotBlank",
        "signature.name NotBlank",
        "title NotBlank");
    assertThat(v).filteredOn(x -> x.rule().equals("NotNull")).allSatisfy(x -> {
      assertThat(x.message().in(Language.ID)).endsWith("wajib diisi");
      assertThat(x.message().in(Language.EN)).endsWith("is required");
    });
    // Issue 18, item 12: an activity's problems name it by its number, not only by its place in the file.
    assertThat(v).filteredOn(x -> x.path().startsWith("activities[")).extracting(x -> x.message().en())
        .containsExactly("activity 2: is required", "activity 4: is required and must not be blank",
            "activity 4: is required", "activity 7: is required");
  }

  @Test
  void activitiesOutOfOrderAreNamedByTheirNumber() {
    List<Violation> v = violations(edited(r -> {
      ArrayNode acts = (ArrayNode) r.get("activities");
      com.fasterxml.jackson.databind.JsonNode last = acts.remove(6);
      acts.insert(0, last); // activity 7 is now the file's first entry
      ((ObjectNode) acts.get(0)).put("executor", "humas");
      ((ObjectNode) acts.get(2)).put("description", "");
    }));
    assertThat(v).extracting(x -> x.path() + " " + x.message().en()).containsExactly(
        "activities[0].executor activity 7: executor 'humas' is not one of the roles",
        "activities[2].description activity 2: is required and must not be blank");
    assertThat(v.get(0).message().id()).startsWith("kegiatan 7: pelaksana 'humas'");
  }

  @Test
  void explicitNullOfARequiredFieldIsMissingTooWhileNullableFieldsMayBeNullOrAbsent() {
    assertThat(pathsAndRules(edited(r -> r.putNull("office").putNull("flowchartTitle"))))
        .isEqualTo("flowchartTitle NotBlank; office NotNull");
    // revisedOn, time, output, remarks and withdrawalRole are nullable: absent reads like null.
    String json = edited(r -> {
      at(r, "/identity").remove("revisedOn");
      at(r, "/activities/0").remove("remarks");
      at(r, "/activities/1/quality").remove("output");
      at(r, "/flow").remove("withdrawalRole");
    });
    assertThat(Documents.JSON.read(json).flow().withdrawalRole()).isEmpty();
    // allowedPlatforms too: absent or null is every platform.
    assertThat(Documents.JSON.read(edited(r -> r.remove("allowedPlatforms"))).allowedPlatforms())
        .hasSize(id.go.kpu.jdih.content.Platform.values().length);
  }

  @Test
  void allowedPlatformsAreKnownPlatformsAndNotNone() {
    List<Violation> v = violations(edited(r -> r.putArray("allowedPlatforms").add("INSTAGRAM").add("TIKTOK")));
    assertThat(v).extracting(Violation::path, Violation::rule).containsExactly(
        org.assertj.core.groups.Tuple.tuple("allowedPlatforms[1]", "UnknownValue"));
    assertThat(v.get(0).message().en()).isEqualTo("unknown value 'TIKTOK'; allowed: INSTAGRAM, FACEBOOK, THREADS, X, "
        + "TELEGRAM");
    assertThat(pathsAndRules(edited(r -> r.putArray("allowedPlatforms")))).isEqualTo("allowedPlatforms NotEmpty");
    assertThat(pathsAndRules(edited(r -> r.putArray("allowedPlatforms").addNull())))
        .isEqualTo("allowedPlatforms[0] NotNull");
    assertThat(Documents.JSON.read(edited(r -> r.putArray("allowedPlatforms").add("FACEBOOK"))).allowedPlatforms())
        .containsExactly(id.go.kpu.jdih.content.Platform.FACEBOOK);
  }

  @Test
  void missingSectionsHideTheirConsequences() {
    // Without a flow every activity lacks a transition; only the cause is reported.
    assertThat(pathsAndRules(edited(r -> r.remove("flow")))).isEqualTo("flow NotNull");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow").remove("transitions")))).isEqualTo("flow.transitions NotNull");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow/transitions/5").remove("type"))))
        .isEqualTo("flow.transitions[5].type NotNull");
  }

  // ---- null elements ----

  @Test
  void nullElementIsNamedByIndexAndLaterElementsKeepTheirJsonIndex() {
    String json = edited(r -> {
      ArrayNode legal = (ArrayNode) r.get("legalBasis");
      legal.insertNull(1);
      legal.add(" ");
      ArrayNode reqs = (ArrayNode) r.at("/activities/4/quality/requirements");
      reqs.insertNull(1);
      ((ObjectNode) reqs.get(3)).put("name", "");
    });
    List<Violation> v = violations(json);
    assertThat(v).extracting(x -> x.path() + " " + x.rule()).containsExactly(
        "activities[4].quality.requirements[1] NotNull",
        "activities[4].quality.requirements[3].name NotBlank",
        "legalBasis[1] NotNull",
        "legalBasis[5] NotBlank");
    assertThat(v.get(0).message().en()).isEqualTo("activity 5: must not be null");
    assertThat(v.get(0).message().id()).isEqualTo("kegiatan 5: tidak boleh null");
  }

  @Test
  void nullActivityRoleBranchOrTransition() {
    assertThat(pathsAndRules(edited(r -> ((ArrayNode) r.get("roles")).insertNull(0))))
        .isEqualTo("roles[0] NotNull");
    assertThat(pathsAndRules(edited(r -> ((ArrayNode) r.at("/flow/transitions/2/branches")).addNull())))
        .isEqualTo("flow.transitions[2].branches[2] NotNull");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow/transitions").putNull("3"))))
        .isEqualTo("flow.transitions[3] NotNull");
    assertThat(pathsAndRules(edited(r -> ((ArrayNode) r.get("activities")).insertNull(7))))
        .isEqualTo("activities[7] NotNull");
  }

  // ---- dates and zones ----

  @Test
  void badDatesAreNamedAndListedWithOtherProblems() {
    String json = edited(r -> {
      at(r, "/identity").put("createdOn", "2023-02-30");
      at(r, "/identity").put("approvedOn", "06-03-2023");
      r.put("title", "");
    });
    List<Violation> v = violations(json);
    assertThat(v).extracting(x -> x.path() + " " + x.rule()).containsExactly(
        "identity.approvedOn Date", "identity.createdOn Date", "title NotBlank");
    assertThat(v.get(0).message().en())
        .isEqualTo("'06-03-2023' is not a valid date; write YYYY-MM-DD, e.g. 2023-03-06");
    assertThat(v.get(0).message().id())
        .isEqualTo("'06-03-2023' bukan tanggal yang sah; tulis TTTT-BB-HH, mis. 2023-03-06");
  }

  @Test
  void revisionDateRuleStillAppliesAndBadRevisionDateIsNotReportedTwice() {
    assertThat(pathsAndRules(edited(r -> at(r, "/identity").put("revision", 1))))
        .isEqualTo("identity.revisedOn RevisionDate");
    assertThat(pathsAndRules(edited(r -> at(r, "/identity").put("revision", 1).put("revisedOn", "kemarin"))))
        .isEqualTo("identity.revisedOn Date");
  }

  @Test
  void unknownTimeZone() {
    assertThat(pathsAndRules(edited(r -> at(r, "/office").put("zone", "WIB")))).isEqualTo("office.zone TimeZone");
  }

  // ---- targets ----

  @Test
  void targetIsEitherAnActivityOrTheEnd() {
    assertThat(pathsAndRules(edited(r -> at(r, "/flow/transitions/1/next").put("end", true))))
        .isEqualTo("flow.transitions[1].next OneOf");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow/transitions/1").putObject("next"))))
        .isEqualTo("flow.transitions[1].next OneOf");
    assertThat(pathsAndRules(edited(r -> at(r, "/flow/transitions/7/next").put("end", false))))
        .isEqualTo("flow.transitions[7].next.end AssertTrue");
  }

  // ---- the core's rules, at JSON paths ----

  @Test
  void coreRulesAreReportedAtJsonPaths() {
    String json = edited(r -> {
      at(r, "/activities/4").put("executor", "humas");
      at(r, "/identity/approvedBy").put("nip", "1234");
      at(r, "/flow/transitions/1/next").put("activity", 0);
      at(r, "/flow/transitions/3/next").put("activity", 12);
      at(r, "/roles/2").put("id", "Staf");
      at(r, "/activities/6/quality/time").put("amount", -1);
      at(r, "/flow").put("withdrawalRole", "ketua");
    });
    // Renaming the role "staf" also makes activities 4 and 7, which it executes, refer to an unknown role.
    assertThat(pathsAndRules(json)).isEqualTo("activities[3].executor KnownRole; activities[4].executor KnownRole; "
        + "activities[6].executor KnownRole; "
        + "activities[6].quality.time.amount Positive; "
        + "flow.transitions[1].next KnownActivity; flow.transitions[1].next.activity Positive; "
        + "flow.transitions[3].next KnownActivity; "
        + "flow.withdrawalRole KnownRole; "
        + "identity.approvedBy.nip Pattern; "
        + "roles[2].id Pattern");
  }

  @Test
  void activitiesInAnyOrderAreReportedAtTheirOwnIndex() {
    String json = edited(r -> {
      ArrayNode activities = (ArrayNode) r.get("activities");
      ObjectNode last = (ObjectNode) activities.remove(6);
      last.put("description", " ");
      activities.insert(0, last);
      ObjectNode third = (ObjectNode) activities.get(3);
      ((ObjectNode) third.at("/quality/requirements/1")).put("equipmentId", "PC");
    });
    // Activity 7 is first in the file and activity 3 fourth; the core orders them by number.
    assertThat(pathsAndRules(json)).isEqualTo(
        "activities[0].description NotBlank; activities[3].quality.requirements[1].equipmentId Pattern");
    String valid = edited(r -> {
      ArrayNode activities = (ArrayNode) r.get("activities");
      activities.insert(0, activities.remove(6));
    });
    assertThat(Documents.JSON.read(valid)).isEqualTo(id.go.kpu.jdih.sop.ReferenceSop.definition());
  }

  @Test
  void duplicateNumbersAndDecisionRulesComeFromTheCore() {
    String json = edited(r -> {
      at(r, "/activities/6").put("number", 6);
      at(r, "/activities/0").put("kind", "APPROVAL");
    });
    // With no activity 7 left, the arrow from 6 and the transition keyed "7" point nowhere.
    assertThat(pathsAndRules(json)).isEqualTo("activities[6].number Unique; "
        + "flow.transitions[1] DecisionAfterApproval; flow.transitions[6].next KnownActivity; "
        + "flow.transitions[7] KnownActivity");
  }

  @Test
  void documentWithOnlyTheMarkerListsEveryRequiredField() {
    ObjectNode root = JsonNodeFactory.instance.objectNode().put("format", SopDefinitionJson.FORMAT);
    assertThat(pathsAndRules(root.toString())).isEqualTo("activities NotNull; equipment NotNull; "
        + "executorQualifications NotNull; flow NotNull; flowchartTitle NotBlank; identity NotNull; "
        + "legalBasis NotNull; office NotNull; recordKeeping NotBlank; relatedSops NotNull; roles NotNull; "
        + "signature NotNull; title NotBlank; warnings NotNull");
  }
}
