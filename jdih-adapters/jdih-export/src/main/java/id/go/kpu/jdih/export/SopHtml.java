package id.go.kpu.jdih.export;

import static id.go.kpu.jdih.export.Html.esc;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.sop.Activity;
import id.go.kpu.jdih.sop.Equipment;
import id.go.kpu.jdih.sop.Requirement;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.SignatureBlock;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.SopIdentity;
import java.util.List;
import java.util.stream.Collectors;

/** Renders the SOP AP document as one standalone HTML page. */
final class SopHtml {

  private SopHtml() {}

  static String render(SopDefinition sop, ExportOptions options) {
    Language lang = options.language();
    double laneWidth = laneWidth(sop.roles().size());
    FlowDiagram.Geometry g = FlowDiagram.Geometry.html().scaled(Math.min(1, laneWidth / 100));
    FlowDiagram diagram = FlowDiagram.of(sop, options.activitiesPerPage(), g, lang);
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"").append(lang == Language.EN ? "en" : "id").append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"jdih-export\">\n<title>SOP ")
        .append(esc(sop.identity().number())).append(" \u2013 ").append(esc(sop.title())).append("</title>\n")
        .append("<style>\n").append(css(laneWidth)).append("</style>\n</head>\n<body>\n");
    cover(b, sop, lang);
    identity(b, sop, lang);
    flowchart(b, sop, diagram, g, lang);
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  /** Lane columns are 100 px wide up to four lanes, then narrower so the Kegiatan column keeps its room. */
  static double laneWidth(int lanes) {
    return lanes <= 4 ? 100 : Math.max(64, 400.0 / lanes);
  }

  private static String t(Text text, Language lang) {
    return esc(text.in(lang));
  }

  private static void cover(StringBuilder b, SopDefinition sop, Language lang) {
    b.append("<section class=\"page cover\">\n")
        .append("<p class=\"office\">").append(esc(sop.office().name())).append("</p>\n")
        .append("<p class=\"doc\">").append(t(Labels.SOP, lang)).append("</p>\n")
        .append("<p class=\"sop-title\">").append(esc(sop.title())).append("</p>\n")
        .append("<p class=\"year\">").append(sop.identity().approvedOn().getYear()).append("</p>\n")
        .append("</section>\n");
  }

  private static void identity(StringBuilder b, SopDefinition sop, Language lang) {
    SopIdentity id = sop.identity();
    b.append("<section class=\"page identity\">\n<table class=\"identity\">\n");
    b.append("<tr><td class=\"unit\" rowspan=\"6\"><div>").append(esc(sop.office().unit())).append("</div></td>");
    field(b, Labels.NUMBER, esc(id.number()), lang, "number");
    b.append("<tr>");
    field(b, Labels.CREATED, esc(Dates.format(id.createdOn(), lang)), lang, "created");
    b.append("<tr>");
    field(b, Labels.REVISED, id.revisedOn().map(d -> esc(Dates.format(d, lang))).orElse(""), lang, "revised");
    b.append("<tr>");
    field(b, Labels.APPROVED, esc(Dates.format(id.approvedOn(), lang)), lang, "approved");
    b.append("<tr>");
    String approver = "<p>" + esc(id.approvedBy().position()) + "</p><div class=\"sign-space small\"></div>"
        + "<p class=\"name\">" + esc(id.approvedBy().name()) + "</p><p>" + t(Labels.NIP, lang) + " "
        + esc(id.approvedBy().nip().formatted()) + "</p>";
    field(b, Labels.APPROVED_BY, approver, lang, "approved-by");
    b.append("<tr>");
    field(b, Labels.NAME, esc(sop.title()), lang, "name");
    b.append("</table>\n<table class=\"lists\">\n");
    pair(b, Labels.LEGAL_BASIS, list(sop.legalBasis()), Labels.QUALIFICATIONS, list(sop.executorQualifications()),
        lang, "legal-basis", "qualifications");
    pair(b, Labels.RELATED, list(sop.relatedSops()), Labels.EQUIPMENT,
        list(sop.equipment().stream().map(Equipment::name).toList()), lang, "related", "equipment");
    pair(b, Labels.WARNINGS, list(sop.warnings()), Labels.RECORDS, "<p>" + esc(sop.recordKeeping()) + "</p>", lang,
        "warnings", "records");
    b.append("</table>\n</section>\n");
  }

  private static void field(StringBuilder b, Text label, String valueHtml, Language lang, String key) {
    b.append("<th>").append(t(label, lang)).append("</th><td class=\"colon\">:</td><td class=\"value\" data-field=\"")
        .append(key).append("\">").append(valueHtml).append("</td></tr>\n");
  }

  private static void pair(StringBuilder b, Text left, String leftHtml, Text right, String rightHtml, Language lang,
      String leftKey, String rightKey) {
    b.append("<tr><th>").append(t(left, lang)).append("</th><th>").append(t(right, lang)).append("</th></tr>\n")
        .append("<tr><td data-field=\"").append(leftKey).append("\">").append(leftHtml).append("</td><td data-field=\"")
        .append(rightKey).append("\">").append(rightHtml).append("</td></tr>\n");
  }

  private static String list(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    return Lists.punctuated(items).stream().map(i -> "<li>" + esc(i) + "</li>")
        .collect(Collectors.joining("", "<ol>", "</ol>"));
  }

  private static void flowchart(StringBuilder b, SopDefinition sop, FlowDiagram diagram, FlowDiagram.Geometry g,
      Language lang) {
    int pages = diagram.pages().size();
    for (int p = 0; p < pages; p++) {
      b.append("<section class=\"page flow\" data-page=\"").append(p + 1).append("\">\n<h2>")
          .append(esc(sop.flowchartTitle()));
      if (p > 0) {
        b.append(' ').append(t(Labels.CONTINUED, lang));
      }
      b.append("</h2>\n<table class=\"flowchart\">\n");
      header(b, sop.roles(), lang);
      b.append("<tbody>\n");
      for (FlowDiagram.Row row : diagram.pages().get(p).rows()) {
        row(b, row, diagram, g, lang);
      }
      b.append("</tbody>\n</table>\n");
      if (p == pages - 1) {
        if (diagram.hasAdditions()) {
          b.append("<p class=\"note\">").append(t(Labels.ADDITION_NOTE, lang)).append("</p>\n");
        }
        if (diagram.connectorPairs() > 0) {
          b.append("<p class=\"note\">").append(t(Labels.CONNECTOR_NOTE, lang)).append("</p>\n");
        }
        signature(b, sop.signature());
      }
      b.append("<p class=\"page-no\">").append(esc(Labels.PAGE.in(lang).formatted(p + 1, pages))).append("</p>\n");
      b.append("</section>\n");
    }
  }

  private static void header(StringBuilder b, List<Role> roles, Language lang) {
    int n = roles.size();
    b.append("<colgroup><col class=\"c-no\"><col class=\"c-act\">");
    for (int i = 0; i < n; i++) {
      b.append("<col class=\"c-lane\">");
    }
    b.append("<col class=\"c-req\"><col class=\"c-time\"><col class=\"c-out\"><col class=\"c-ket\"></colgroup>\n");
    b.append("<thead>\n<tr><th rowspan=\"2\">").append(t(Labels.NO, lang)).append("</th><th rowspan=\"2\">")
        .append(t(Labels.ACTIVITY, lang)).append("</th><th colspan=\"").append(n).append("\">")
        .append(t(Labels.EXECUTORS, lang)).append("</th><th colspan=\"3\">").append(t(Labels.QUALITY, lang))
        .append("</th><th rowspan=\"2\">").append(t(Labels.REMARKS, lang)).append("</th></tr>\n<tr>");
    for (int i = 0; i < n; i++) {
      b.append("<th class=\"lane\" data-lane=\"").append(esc(roles.get(i).id().value())).append("\" data-lane-index=\"")
          .append(i).append("\">").append(esc(roles.get(i).name())).append("</th>");
    }
    b.append("<th>").append(t(Labels.REQUIREMENTS, lang)).append("</th><th>").append(t(Labels.TIME, lang))
        .append("</th><th>").append(t(Labels.OUTPUT, lang)).append("</th></tr>\n<tr class=\"colnum\">");
    for (int i = 1; i <= n + 6; i++) {
      b.append("<td>").append(i).append("</td>");
    }
    b.append("</tr>\n</thead>\n");
  }

  private static void row(StringBuilder b, FlowDiagram.Row row, FlowDiagram diagram, FlowDiagram.Geometry g,
      Language lang) {
    Activity a = row.activity();
    String requirements = a.quality().requirements().stream().map(Requirement::name).map(Html::esc)
        .collect(Collectors.joining(", "));
    b.append("<tr class=\"activity\" data-activity=\"").append(a.number()).append("\" data-lane=\"")
        .append(esc(a.executor().value())).append("\">")
        .append("<td class=\"no\">").append(a.number()).append(".</td>")
        .append("<td class=\"kegiatan\">").append(esc(a.description())).append("</td>")
        .append("<td class=\"lanes\" colspan=\"").append(diagram.lanes()).append("\"><div class=\"lane-min\" style=\"height:")
        .append(SvgFlow.num(row.minHeight())).append("px\"></div>").append(SvgFlow.row(row, diagram.lanes(), g))
        .append("</td>")
        .append("<td class=\"req\">").append(requirements).append("</td>")
        .append("<td class=\"time\">").append(a.quality().time().map(ts -> esc(ts.label().in(lang))).orElse(""))
        .append("</td>")
        .append("<td class=\"out\">").append(esc(a.quality().output().orElse(""))).append("</td>")
        .append("<td class=\"ket\">").append(esc(a.remarks().orElse(""))).append("</td></tr>\n");
  }

  private static void signature(StringBuilder b, SignatureBlock s) {
    b.append("<div class=\"signature\"><p>").append(esc(s.organisation())).append("</p><p>")
        .append(esc(s.position())).append("</p><div class=\"sign-space\"></div><p class=\"name\">")
        .append(esc(s.name())).append("</p></div>\n");
  }

  private static String css(double laneWidth) {
    return """
        @page { size: A4 landscape; margin: 10mm; }
        * { box-sizing: border-box; }
        body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt; color: #000;
          margin: 0; }
        p { margin: 0; }
        .page { break-after: page; page-break-after: always; position: relative; }
        .page:last-child { break-after: auto; page-break-after: auto; }
        @media screen {
          body { background: #d9d9d9; }
          .page { background: #fff; width: 297mm; min-height: 210mm; margin: 6mm auto; padding: 10mm; }
        }
        .cover { text-align: center; font-weight: bold; padding-top: 40mm !important; }
        .cover .office { font-size: 16pt; margin-bottom: 25mm; }
        .cover .doc { font-size: 18pt; margin-bottom: 6mm; }
        .cover .sop-title { font-size: 15pt; margin: 0 25mm 25mm; }
        .cover .year { font-size: 16pt; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; }
        table.identity td.unit { width: 45%; text-align: center; vertical-align: middle; font-weight: bold;
          font-size: 12pt; }
        table.identity th { width: 17%; font-weight: bold; border-right: none; }
        table.identity td.colon { width: 2%; border-left: none; border-right: none; }
        table.identity td.value { border-left: none; }
        table.identity p.name, .signature p.name { font-weight: bold; text-decoration: underline; }
        table.lists { margin-top: -1px; table-layout: fixed; }
        table.lists th { text-align: left; background: #f2f2f2; }
        table.lists td { height: 3em; }
        ol { margin: 0; padding-left: 1.6em; }
        .sign-space { height: 18mm; }
        .sign-space.small { height: 10mm; }
        h2 { font-size: 11pt; text-align: center; margin: 0 0 4mm; }
        table.flowchart { table-layout: fixed; font-size: 8.5pt; }
        table.flowchart thead th { text-align: center; vertical-align: middle; background: #f2f2f2;
          overflow-wrap: anywhere; }
        table.flowchart tr.colnum td { text-align: center; font-size: 7pt; padding: 1px; background: #f2f2f2; }
        table.flowchart tbody tr { break-inside: avoid; page-break-inside: avoid; }
        col.c-no { width: 32px; } col.c-lane { width: %LANE%px; } col.c-req { width: 112px; }
        col.c-time { width: 54px; } col.c-out { width: 112px; } col.c-ket { width: 50px; }
        td.no { text-align: center; }
        td.time { text-align: center; }
        td.lanes { position: relative; padding: 0; }
        td.lanes svg.flow { position: absolute; left: 0; top: 0; width: 100%; height: 100%; overflow: visible; }
        svg line.lane-sep { stroke: #000; stroke-width: 1; shape-rendering: crispEdges; }
        svg line.arrow { stroke: #000; stroke-width: 1.2; }
        svg line.addition { stroke-dasharray: 4 3; }
        svg .shape rect, svg .shape polygon { fill: #fff; stroke: #000; stroke-width: 1.2; }
        svg .head polygon { fill: #000; }
        svg text { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; }
        svg text.conn { font-weight: bold; }
        svg text.lbl { font-weight: bold; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
        .note { font-size: 8pt; margin-top: 2mm; }
        .signature { width: 38%; margin: 6mm 0 0 auto; text-align: center; break-inside: avoid; }
        .page-no { position: absolute; bottom: 3mm; right: 10mm; font-size: 7pt; color: #555; }
        @media print { .page-no { display: none; } }
        """.replace("%LANE%", SvgFlow.num(laneWidth));
  }
}
