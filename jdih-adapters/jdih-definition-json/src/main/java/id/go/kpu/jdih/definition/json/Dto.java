package id.go.kpu.jdih.definition.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.sop.ActivityKind;
import id.go.kpu.jdih.sop.Artifact;
import id.go.kpu.jdih.sop.DurationUnit;
import id.go.kpu.jdih.sop.Outcome;
import java.util.List;
import java.util.Map;

/**
 * The JSON format's data-transfer records, one per JSON object. They are the format: their component names and
 * order are the field names and order of the written JSON, so renaming or reordering a component changes the format.
 *
 * <p>Every component is a reference type, so that a field absent from the input reads as {@code null} instead of
 * failing (Jackson passes {@code null} for a missing creator property while
 * {@code DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES} is off, its default). Dates and the time zone are
 * plain strings that {@link FromDto} parses, so a bad date is reported together with every missing field rather than
 * stopping the read. Nothing here validates; {@link FromDto} and the core's {@code build()} do.
 */
final class Dto {

  private Dto() {}

  /** The document's root object. */
  record Definition(
      String format,
      Office office,
      Identity identity,
      String title,
      List<String> legalBasis,
      List<String> executorQualifications,
      List<String> relatedSops,
      List<Equipment> equipment,
      List<String> warnings,
      String recordKeeping,
      List<Role> roles,
      List<Activity> activities,
      Flow flow,
      String flowchartTitle,
      Signature signature,
      List<Platform> allowedPlatforms) {}

  record Office(String id, String name, String unit, String zone) {}

  record Identity(String number, Integer revision, String createdOn, String revisedOn, String approvedOn,
      Approver approvedBy) {}

  record Approver(String position, String name, String nip) {}

  record Equipment(String id, String name) {}

  record Role(String id, String name) {}

  record Activity(Integer number, String description, String executor, ActivityKind kind, Quality quality,
      String remarks) {}

  record Quality(List<Requirement> requirements, Time time, String output) {}

  /** {@code {"type":"tool","name":..,"equipmentId":..}} or {@code {"type":"document","name":..,"artifact":..}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Requirement(String type, String name, String equipmentId, Artifact artifact) {}

  record Time(Integer amount, DurationUnit unit) {}

  record Flow(Integer start, Map<String, Transition> transitions, String withdrawalRole) {}

  /** {@code {"type":"sequence","next":..}} or {@code {"type":"decision","branches":[..]}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Transition(String type, Target next, List<Branch> branches) {}

  record Branch(Outcome outcome, Target target, Boolean additionToSeed) {}

  /** {@code {"activity":n}} or {@code {"end":true}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Target(Integer activity, Boolean end) {}

  record Signature(String organisation, String position, String name) {}

  /** The values of {@link Requirement#type()}. */
  static final String TOOL = "tool";
  static final String DOCUMENT = "document";
  /** The values of {@link Transition#type()}. */
  static final String SEQUENCE = "sequence";
  static final String DECISION = "decision";
}
