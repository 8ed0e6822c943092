/**
 * Exports of an SOP definition for people and for other tools, each one call from a definition (or a filled
 * monitoring form) to a {@code String} or {@code byte[]}:
 *
 * <ul>
 *   <li>{@link id.go.kpu.jdih.export.SopDocumentExporter}: the printable SOP in the "SOP AP" layout of Permenpan RB
 *       No. 35 Tahun 2012 (cover, identity page, flowchart table with the flow drawn in one lane column per
 *       pelaksana, signature block), as standalone HTML with inline SVG or as PDF drawn with jdih-pdf (Apache
 *       PDFBox, the embedded Liberation Sans).
 *   <li>{@link id.go.kpu.jdih.export.BpmnExporter}: BPMN 2.0 XML with a lane per role, a user task per activity
 *       (candidate group = role id, due date from the time standard), an exclusive gateway after each approval,
 *       and diagram interchange, deployable to Flowable as it is.
 *   <li>{@link id.go.kpu.jdih.export.MermaidExporter}: a Mermaid {@code flowchart TD} with a subgraph per lane.
 *   <li>{@link id.go.kpu.jdih.export.MonitoringFormExporter}: the filled "Monitoring Pelaksanaan SOP AP" form
 *       ({@link id.go.kpu.jdih.compliance.MonitoringForm}) as HTML or PDF, with the monitoring official's
 *       signature block ({@link id.go.kpu.jdih.export.Signatory}).
 * </ul>
 *
 * <p>Fixed labels are in Indonesian by default and in English on request ({@link
 * id.go.kpu.jdih.export.ExportOptions}); the SOP's own texts are printed as the definition writes them, and every
 * one of them is escaped. In PDF they are drawn in the embedded Liberation Sans, so they print as written, "ā", “ ”,
 * "–" and "…" included; a character the font has no glyph for is printed as its code point ({@code [U+2713]}) and
 * listed in the PDF's document information (see jdih-pdf). All exporters are stateless and
 * thread-safe.
 */
package id.go.kpu.jdih.export;
