/**
 * The SOP's record keeping, "Pencatatan dan Pendataan: disimpan dalam bentuk naskah asli (hardcopy) dan naskah asli
 * elektronik (softcopy)": {@link id.go.kpu.jdih.archive.SoftcopyBundle} writes and verifies the softcopy, a ZIP
 * bundle of one case or of a period's cases; {@link id.go.kpu.jdih.archive.HardcopyPdf} prints a case as a PDF to
 * be signed and kept on paper. Both refuse a history whose hash chain is broken. Every refusal is an
 * {@link id.go.kpu.jdih.archive.ArchiveException} with a stable code {@code JDIH-ARCH-0xx} and the entry concerned.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * SoftcopyBundle bundle = new SoftcopyBundle();                       // thread-safe; create once
 * VerifiedBundle one = bundle.writeCase(Path.of("kasus-1.zip"), definition, store.load(id), media);
 * var march = SoftcopyBundle.casesOpenedBetween(store, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), zone);
 * VerifiedBundle period = bundle.write(Path.of("maret-2024.zip"), march, registry::find, media);
 * VerifiedBundle read = bundle.read(Path.of("maret-2024.zip"));      // or extract(zip, folder), read(zip, store)
 *
 * HardcopyPdf hardcopy = new HardcopyPdf(deadlines, clock);
 * hardcopy.write(Path.of("kasus-1.pdf"), definition, store.load(id)); // Signatures.forSop(definition)
 * }</pre>
 *
 * <h2>Bundle layout (format {@code jdih-archive/1})</h2>
 *
 * <table>
 *   <caption>Entries, in this order</caption>
 *   <tr><th>entry</th><th>holds</th></tr>
 *   <tr><td>{@code manifest.json}</td><td>the manifest, below</td></tr>
 *   <tr><td>{@code sop/<office>_<number>_r<revision>.json}</td><td>each SOP definition the cases ran under, in the
 *       {@code jdih-sop-definition/1} format of jdih-definition-json, e.g.
 *       {@code sop/kpu-kab-kepulauan-mentawai_6-tahun-2023_r0.json}</td></tr>
 *   <tr><td>{@code cases/<case id>.jsonl}</td><td>a case's events, one line of jdih-event-json each, every line
 *       ending with {@code \n}</td></tr>
 *   <tr><td>{@code media/<sha256>.<ext>}</td><td>every file the events reference: the design items of every
 *       {@code DesignAttached} event (not only the latest) and the minutes of every meeting; named by content, so a
 *       file two cases share is stored once; {@code ext} from the media type ({@code jpg}, {@code png}, {@code pdf},
 *       {@code txt}, ..., else {@code bin})</td></tr>
 * </table>
 *
 * <p>Definitions are ordered by office, number and revision, cases by id, media by entry name. Every entry carries
 * the same timestamp (1980-02-01 00:00, set as local date-time so the JVM's time zone does not matter) and is
 * deflated; there are no folder entries, comments or extra fields. So the same cases, definitions and media give the
 * same bytes, whatever order they are passed in.
 *
 * <p>The manifest, with two-space indents and {@code \n} line ends:
 *
 * <pre>{@code
 * {
 *   "format": "jdih-archive/1",
 *   "definitions": [
 *     { "key": { "officeId": "kpu-kab-kepulauan-mentawai", "number": "6 Tahun 2023", "revision": 0 },
 *       "entry": "sop/kpu-kab-kepulauan-mentawai_6-tahun-2023_r0.json" } ],
 *   "cases": [
 *     { "id": "kasus-1", "sop": { ... }, "status": "PUBLISHED", "events": 7,
 *       "head": "<SHA-256 of the last event>", "entry": "cases/kasus-1.jsonl" } ],
 *   "media": [
 *     { "ref": "sha256:<hash>", "mediaType": "image/jpeg", "bytes": 5490, "sha256": "<hash>",
 *       "entry": "media/<hash>.jpg" } ],
 *   "files": [
 *     { "name": "sop/...json", "bytes": 9876, "sha256": "..." }, ... every entry but the manifest ... ]
 * }
 * }</pre>
 *
 * <h2>Verification</h2>
 *
 * <p>Reading, in order: entry count within the limit; every name a plain relative name (no {@code ..}, no leading
 * {@code /}, no {@code \}, no drive letter, no control character) and unique; the manifest present, strict JSON
 * with exactly the fields above; the ZIP holds exactly the manifest and the files it lists, and every listed file
 * belongs to a definition, case or media item; every file's inflated size and SHA-256 as listed; each definition
 * readable and under its key; each case's lines readable, all of that case, its hash chain intact
 * ({@code HashChain.verify(events, head)}) and fitting its definition (replayed); every media reference in the events
 * present, with the hash, size and type the events give, and no media nobody references; finally the manifest must
 * be byte for byte the one the writer produces for this verified content, so no change to it (a space, a reordered
 * list) passes. Sizes are counted on the inflated bytes as they are read, never taken from ZIP headers, and checked
 * against {@link id.go.kpu.jdih.archive.BundleLimits} (entry, total, manifest, entry count) and against the size the
 * manifest states, whichever is reached first. Nothing is written to disk before the whole bundle is verified, and
 * {@link id.go.kpu.jdih.archive.SoftcopyBundle#extract extract} resolves each name inside the target folder and
 * checks the resolved path again.
 *
 * <p>What a bundle can prove on its own: that nothing in it was altered after it was written, unless the manifest
 * was rewritten to match. Events are chained and media are pinned by the events' hashes, so a forger who rewrites the
 * manifest must also rewrite the whole chain and its head. Compare the head (and the manifest's or the bundle's
 * SHA-256, {@link id.go.kpu.jdih.archive.VerifiedBundle}) with a copy kept elsewhere: the signed hardcopy prints each
 * case's chain head and the SHA-256 of its definition's JSON, which is the SHA-256 of the definition's file in the
 * bundle.
 *
 * <h2>Hardcopy</h2>
 *
 * <p>A4 portrait, Indonesian, a 2 cm left margin for binding: the SOP identity; the case identity; the timeline with
 * times in the office's zone (WIB, WITA, WIT) and due times from {@code Deadlines}; the outputs; the approvals,
 * rejections and withdrawal with reasons; the chain head; the "Dibuat oleh", "Diperiksa oleh" and "Disahkan oleh"
 * blocks ({@link id.go.kpu.jdih.archive.Signatures}); a footer on every page with the case id, the start of the chain
 * head and "Halaman n dari m". Table rows wrap and break across pages (the header row repeats, a continued row says
 * "(lanjutan)"); the integrity table and the signatures stay on one page.
 *
 * <p>Drawn with jdih-pdf in Liberation Sans Regular, which PDFBox itself ships (SIL Open Font License 1.1) and which
 * is embedded as a subset, so the PDF looks the same everywhere, no system font is used, and names, quotes, dashes
 * and ellipses outside Windows-1252 ("Āisyah", “ ”, "–", "…") print and are extracted as written. Text is
 * normalised to NFC; a character the font has no glyph for is replaced by its compatibility decomposition where the
 * font covers that ("ＫＰＵ" becomes "KPU"), otherwise printed as its code point in brackets ({@code [U+1F5F3]} for
 * the ballot-box emoji of a caption), so the signed paper still says exactly what the record holds, and listed in
 * the PDF's document information entry {@code JdihMissingGlyphs}; variation selectors, joiners and control
 * characters, which have no visible form, are dropped. Bold is drawn by stroking the glyph outline as well as
 * filling it, since PDFBox bundles only the regular face. The same history, signatures and print time give the
 * same PDF bytes.
 */
package id.go.kpu.jdih.archive;
