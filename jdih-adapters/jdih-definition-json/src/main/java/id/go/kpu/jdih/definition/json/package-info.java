/**
 * Loads and saves SOP definitions as JSON, so that an office can define its SOP without writing Java:
 * {@link id.go.kpu.jdih.definition.json.SopDefinitionJson}.
 *
 * <h2>The format {@code jdih-sop-definition/1}</h2>
 *
 * <p>A document is one JSON object, UTF-8. Field names are those of the core model's accessors. Every field is
 * required unless marked <em>nullable</em>; a nullable field may be {@code null} or left out, and is written as
 * {@code null}. Unknown fields are refused. Enum values are the constant names, in upper case.
 *
 * <pre>{@code
 * {
 *   "format": "jdih-sop-definition/1",             // must be exactly this
 *   "office": { "id": "kpu-kab-kepulauan-mentawai", "name": "...", "unit": "...", "zone": "Asia/Jakarta" },
 *   "identity": {
 *     "number": "6 Tahun 2023",
 *     "revision": 0,
 *     "createdOn": "2023-03-06",                    // ISO date, YYYY-MM-DD
 *     "revisedOn": null,                            // nullable; required when revision > 0
 *     "approvedOn": "2023-03-06",
 *     "approvedBy": { "position": "...", "name": "...", "nip": "19800908 200604 1 008" }  // spaces optional
 *   },
 *   "title": "...",
 *   "legalBasis": ["..."],                          // lists of texts; may be empty
 *   "executorQualifications": ["..."],
 *   "relatedSops": ["..."],
 *   "equipment": [{ "id": "komputer-laptop", "name": "Perangkat Komputer/Laptop" }],
 *   "warnings": [],
 *   "recordKeeping": "...",
 *   "roles": [{ "id": "kasubag-hukum", "name": "Kasubag Hukum" }],       // lanes, left to right
 *   "activities": [{
 *     "number": 1,
 *     "description": "...",
 *     "executor": "kasubag-hukum",                  // a role id
 *     "kind": "PROPOSAL",                           // an ActivityKind
 *     "quality": {
 *       "requirements": [
 *         { "type": "tool", "name": "PC/Laptop", "equipmentId": "komputer-laptop" },
 *         { "type": "document", "name": "Notulen Rapat", "artifact": "MINUTES" }   // an Artifact
 *       ],
 *       "time": { "amount": 1, "unit": "WORKING_DAY" },   // nullable; unit is a DurationUnit
 *       "output": "..."                               // nullable
 *     },
 *     "remarks": null                                 // nullable
 *   }],
 *   "flow": {
 *     "start": 1,
 *     "transitions": {                              // one per activity, keyed by its number
 *       "1": { "type": "sequence", "next": { "activity": 2 } },
 *       "2": { "type": "decision", "branches": [
 *         { "outcome": "APPROVED", "target": { "activity": 3 }, "additionToSeed": false },
 *         { "outcome": "REJECTED", "target": { "activity": 1 }, "additionToSeed": true } ] },
 *       "7": { "type": "sequence", "next": { "end": true } }
 *     },
 *     "withdrawalRole": "kasubag-hukum"             // nullable
 *   },
 *   "flowchartTitle": "...",
 *   "signature": { "organisation": "...", "position": "Sekretaris,", "name": "..." },
 *   "allowedPlatforms": ["INSTAGRAM", "FACEBOOK"]   // nullable: every platform; a Platform; proposals naming
 *                                                   // another platform are refused
 * }
 * }</pre>
 *
 * <p>(The comments above are for this page only; JSON has none.) A target is {@code {"activity": n}} or
 * {@code {"end": true}}. A {@code tool} requirement has no {@code artifact} and a {@code document} one has no
 * {@code equipmentId}; a {@code sequence} has no {@code branches} and a {@code decision} no {@code next}.
 *
 * <h2>Errors</h2>
 *
 * <p>Every problem is an {@link id.go.kpu.jdih.sop.InvalidDefinitionException} whose violations carry the JSON path
 * (for example {@code activities[2].quality.time.amount} or {@code flow.transitions[2].branches[0].target}) and one
 * of these rules, besides the core's own ({@code NotBlank}, {@code Positive}, {@code Unique}, {@code KnownRole},
 * ...): {@code JsonSyntax} (with line and column), {@code Format}, {@code UnknownField}, {@code Type},
 * {@code UnknownValue}, {@code NotNull} (a missing field or a null list element), {@code Date}, {@code TimeZone},
 * {@code OneOf} and {@code AssertTrue} (a malformed target). Files that cannot be read or written give a
 * {@link id.go.kpu.jdih.definition.json.DefinitionIoException}.
 */
package id.go.kpu.jdih.definition.json;
