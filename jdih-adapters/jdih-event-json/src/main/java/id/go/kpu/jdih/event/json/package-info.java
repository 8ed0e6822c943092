/**
 * The JSON form of recorded case events: one {@link id.go.kpu.jdih.workflow.RecordedEvent} per line, for
 * append-only logs. {@link id.go.kpu.jdih.event.json.EventJson} writes and reads it.
 *
 * <h2>Format version 2</h2>
 *
 * <p>This format is the module's own, mapped field by field; it does not follow the Java names of jdih-core, so
 * that renaming a record component does not change stored logs. Any change to it gets a new version number, and
 * readers keep reading older versions (this one reads versions 1 and 2 and writes 2). A line is one JSON object, no
 * line break inside (every control character in a string is escaped), written with its fields in the order below.
 * Without {@code v} and {@code hash} the object is exactly the document whose RFC 8785 canonical form the event's
 * hash is computed over (hash format 2; see {@link id.go.kpu.jdih.workflow.EventDocument}, which also specifies
 * hash format 1): a verifier in any language parses the line, removes {@code v} and {@code hash}, canonicalizes,
 * hashes with SHA-256 and compares. Example (shortened):
 *
 * <pre>{@code
 * {"v":2,"hashFormat":2,"caseId":"kasus-1","sequence":4,
 *  "sop":{"officeId":"kpu-kab-kepulauan-mentawai","number":"6 Tahun 2023","revision":0},
 *  "commandId":"cmd-4","principal":"199003032015031003",
 *  "actor":{"nip":"199003032015031003","name":"Sari Staf","roles":["staf"]},
 *  "at":"2024-03-04T05:00:00Z","activity":4,
 *  "payload":{"type":"summarized","summary":"Rangkuman: infografis 4:5, terbit Senin."},
 *  "previousHash":"9f2c...","hash":"41d0..."}
 * }</pre>
 *
 * <table>
 *   <caption>The event</caption>
 *   <tr><th>field</th><th>JSON</th><th>meaning</th></tr>
 *   <tr><td>{@code v}</td><td>number</td><td>format version, {@code 2}</td></tr>
 *   <tr><td>{@code hashFormat}</td><td>number</td><td>how {@code hash} is computed: {@code 2}, or {@code 1} for an
 *       event first written by jdih 0.1</td></tr>
 *   <tr><td>{@code caseId}</td><td>string</td><td>the case id</td></tr>
 *   <tr><td>{@code sequence}</td><td>number</td><td>position in the case's history, from 1</td></tr>
 *   <tr><td>{@code sop}</td><td>object</td><td>{@code officeId} string, {@code number} string,
 *       {@code revision} number</td></tr>
 *   <tr><td>{@code commandId}</td><td>string</td><td>the command that produced the event</td></tr>
 *   <tr><td>{@code principal}</td><td>string, optional</td><td>the authenticated principal that acted, when
 *       recorded (never with hash format 1)</td></tr>
 *   <tr><td>{@code actor}</td><td>object</td><td>{@code nip} string (18 digits, no spaces), {@code name} string,
 *       {@code roles} array of role ids</td></tr>
 *   <tr><td>{@code at}</td><td>string</td><td>ISO-8601 instant in UTC, as {@link java.time.Instant#toString}</td></tr>
 *   <tr><td>{@code activity}</td><td>number, optional</td><td>the activity; absent for a withdrawal</td></tr>
 *   <tr><td>{@code payload}</td><td>object</td><td>what happened: {@code type} and the type's fields, below</td></tr>
 *   <tr><td>{@code previousHash}</td><td>string</td><td>the previous event's hash</td></tr>
 *   <tr><td>{@code hash}</td><td>string</td><td>this event's hash</td></tr>
 * </table>
 *
 * <table>
 *   <caption>The payload, by {@code type}</caption>
 *   <tr><th>{@code type}</th><th>fields</th></tr>
 *   <tr><td>{@code proposed}</td><td>{@code proposal}: proposal</td></tr>
 *   <tr><td>{@code approved}</td><td>{@code note}: string, optional</td></tr>
 *   <tr><td>{@code rejected}</td><td>{@code reason}: string</td></tr>
 *   <tr><td>{@code meetingRecorded}</td><td>{@code meeting}: meeting</td></tr>
 *   <tr><td>{@code summarized}</td><td>{@code summary}: string</td></tr>
 *   <tr><td>{@code designAttached}</td><td>{@code items}: array of media items</td></tr>
 *   <tr><td>{@code captionWritten}</td><td>{@code caption}: caption</td></tr>
 *   <tr><td>{@code publicationRecorded}</td><td>{@code posts}: array of posts</td></tr>
 *   <tr><td>{@code taskCompleted}</td><td>{@code result}: string</td></tr>
 *   <tr><td>{@code withdrawn}</td><td>{@code reason}: string</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Nested objects</caption>
 *   <tr><th>object</th><th>fields</th></tr>
 *   <tr><td>proposal</td><td>{@code title} string, {@code category} ({@code PRODUK_HUKUM}, {@code INFORMASI_HUKUM}),
 *       {@code material} string, {@code legalProduct} legal product (optional), {@code platforms} array of platform
 *       names ({@code INSTAGRAM}, {@code FACEBOOK}, {@code THREADS}, {@code X}, {@code TELEGRAM})</td></tr>
 *   <tr><td>legal product</td><td>{@code documentType}, {@code title}, {@code issuingBody}, {@code number},
 *       {@code form} strings; {@code formShort} string (optional); {@code year} number; {@code placeEnacted} string
 *       (optional); {@code enactedOn}, {@code promulgatedOn} ISO dates {@code 2022-08-01} (optional);
 *       {@code source} string (optional); {@code subjects} array of strings; {@code status} ({@code BERLAKU},
 *       {@code TIDAK_BERLAKU}); {@code relations} array of {@code {"kind": MENGUBAH|DIUBAH|MENCABUT|DICABUT,
 *       "other": string}}; {@code language}, {@code location}, {@code fieldOfLaw} strings (optional);
 *       {@code attachments} array of strings</td></tr>
 *   <tr><td>meeting</td><td>{@code date} ISO date, {@code attendees} array of strings, {@code conclusions}
 *       string, {@code minutes} document, {@code equipmentConfirmed} array of strings</td></tr>
 *   <tr><td>document</td><td>{@code fileRef}, {@code name}, {@code mediaType} strings, {@code bytes} number,
 *       {@code sha256} string</td></tr>
 *   <tr><td>media item</td><td>{@code fileRef}, {@code mediaType} strings, {@code width}, {@code height},
 *       {@code bytes} numbers, {@code sha256} string</td></tr>
 *   <tr><td>caption</td><td>{@code text} string, {@code perPlatform} object from platform name to string
 *       ({@code {}} when there is none)</td></tr>
 *   <tr><td>post</td><td>{@code platform} platform name, {@code postId} string, {@code url} URI string,
 *       {@code publishedAt} ISO-8601 instant</td></tr>
 * </table>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>An optional value that is empty is written as an absent field; a reader takes an absent field and
 *       {@code null} alike as empty. Every other field is required and never {@code null}.
 *   <li>Lists are written in their order; sets (roles, platforms, confirmed equipment) sorted by UTF-16 code units;
 *       the caption's {@code perPlatform} with its keys sorted. They are read back in the written order into
 *       Guava's immutable collections; an empty one is written as {@code []} or {@code {}}. A set with a repeated
 *       element is refused.
 *   <li>Enums are written by their Java constant name; numbers are integers (no fraction, no exponent).
 *   <li>UTF-16 surrogates are written as {@code \}{@code uXXXX} escapes (emoji as an escaped pair); every other
 *       character is written as itself, in UTF-8. An unpaired surrogate thus survives, and the bytes are always
 *       valid UTF-8.
 *   <li>A field not listed here, a repeated field, a missing {@code v} or another version are refused.
 * </ul>
 *
 * <p>{@code src/main/python/verify_events.py} in this module is a reference verifier of both hash formats in about
 * two hundred lines of Python (standard library only): it checks case logs and softcopy archives without Java,
 * and the build runs it against the golden events ({@code ForeignVerifierTest}).
 *
 * <h2>Format version 1</h2>
 * The lines jdih 0.1 wrote: the same fields without {@code hashFormat} and {@code principal}, sets and maps in
 * their iteration order; every version 1 line has hash format 1. They are read, never written.
 *
 * <p>Errors are {@link id.go.kpu.jdih.event.json.EventJsonException}s with codes {@code JDIH-JSON-101} to
 * {@code JDIH-JSON-107}.
 */
package id.go.kpu.jdih.event.json;
