package id.go.kpu.jdih.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.i18n.Language;
import id.go.kpu.jdih.sop.ReferenceSop;
import id.go.kpu.jdih.sop.SopDefinition;
import id.go.kpu.jdih.sop.TimeStandard;
import id.go.kpu.jdih.testkit.Fixtures;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class BpmnExporterTest {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String FLOWABLE = "http://flowable.org/bpmn";

  /** The OMG BPMN 2.0 schemas (BPMN20.xsd with Semantic, BPMNDI, DC, DI) as Flowable's converter jar ships them. */
  static Schema bpmnSchema() throws Exception {
    URL xsd = BpmnExporterTest.class.getResource("/org/flowable/impl/bpmn/parser/BPMN20.xsd");
    assertThat(xsd).as("BPMN20.xsd on the test classpath").isNotNull();
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
    return factory.newSchema(xsd);
  }

  static Stream<SopDefinition> definitions() {
    return Stream.of(ReferenceSop.definition(), Fixtures.secondApprovalVariant(), Definitions.hostile(),
        Definitions.oneLane(), Definitions.sixLanes());
  }

  @ParameterizedTest
  @MethodSource("definitions")
  void everyExportIsValidAgainstTheBpmn20Schema(SopDefinition sop) throws Exception {
    Schema schema = bpmnSchema();
    for (Language language : Language.values()) {
      String xml = BpmnExporter.bpmn(sop, language);
      assertThatCode(() -> schema.newValidator().validate(new StreamSource(new StringReader(xml))))
          .as("%s in %s", sop.key(), language).doesNotThrowAnyException();
    }
  }

  @Test
  void theSchemaCatchesWhatIsNotBpmn() throws Exception {
    Schema schema = bpmnSchema();
    String xml = BpmnExporter.bpmn(ReferenceSop.definition());
    // An unknown element, a misspelt attribute, and two extensionElements in one task.
    for (String broken : List.of(xml.replace("<laneSet id=\"lanes\">", "<bogus/><laneSet id=\"lanes\">"),
        xml.replace("sourceRef=\"start\"", "source=\"start\""),
        xml.replaceFirst("(<userTask[^>]*>)", "$1<extensionElements/>"))) {
      assertThat(broken).isNotEqualTo(xml);
      assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new StringReader(broken))))
          .isInstanceOf(SAXException.class);
    }
  }

  @Test
  void theReferenceSopAsAProcess() throws Exception {
    Document doc = parse(BpmnExporter.bpmn(ReferenceSop.definition()));
    Element process = (Element) doc.getElementsByTagNameNS(BPMN, "process").item(0);
    assertThat(process.getAttribute("id")).isEqualTo("sop-kpu-kab-kepulauan-mentawai-6-tahun-2023-r0")
        .isEqualTo(BpmnExporter.processKey(ReferenceSop.definition()));
    assertThat(process.getAttribute("isExecutable")).isEqualTo("true");

    List<Element> lanes = elements(doc, BPMN, "lane");
    assertThat(lanes).extracting(l -> l.getAttribute("name"))
        .containsExactly("Kasubag Hukum", "Tim Pembina/Teknis", "Staf");
    assertThat(refs(lanes.get(0))).containsExactly("start", "activity-1", "activity-2", "decision-2", "activity-6");
    assertThat(refs(lanes.get(1))).containsExactly("activity-3", "activity-5");
    assertThat(refs(lanes.get(2))).containsExactly("activity-4", "activity-7", "end");

    List<Element> tasks = elements(doc, BPMN, "userTask");
    assertThat(tasks).hasSize(7);
    assertThat(tasks).extracting(t -> t.getAttributeNS(FLOWABLE, "candidateGroups")).containsExactly(
        "kasubag-hukum", "kasubag-hukum", "tim-pembina-teknis", "staf", "tim-pembina-teknis", "kasubag-hukum",
        "staf");
    assertThat(tasks).extracting(t -> t.getAttributeNS(FLOWABLE, "dueDate")).containsOnly("P1D");
    Element meeting = tasks.get(2);
    assertThat(meeting.getAttribute("name"))
        .isEqualTo("Melaksanakan rapat pengelolaan akun media sosial JDIH KPU Kabupaten Kepulauan Mentawai");
    assertThat(text(meeting, BPMN, "documentation")).contains("Pelaksana: Tim Pembina/Teknis",
        "Kelengkapan: Infocus, PC/Laptop", "Waktu: 1 Hari", "Output: Kesimpulan Rapat");
    Element waktu = elements(meeting, BpmnExporter.JDIH_NAMESPACE, "waktu").get(0);
    assertThat(waktu.getAttribute("amount")).isEqualTo("1");
    assertThat(waktu.getAttribute("unit")).isEqualTo("WORKING_DAY");

    assertThat(elements(doc, BPMN, "startEvent")).extracting(e -> e.getAttribute("name")).containsExactly("Mulai");
    assertThat(elements(doc, BPMN, "endEvent")).extracting(e -> e.getAttribute("name")).containsExactly("Selesai");
    List<Element> gateways = elements(doc, BPMN, "exclusiveGateway");
    assertThat(gateways).extracting(g -> g.getAttribute("id")).containsExactly("decision-2");

    List<String> flows = elements(doc, BPMN, "sequenceFlow").stream()
        .map(f -> f.getAttribute("sourceRef") + ">" + f.getAttribute("targetRef")
            + (f.hasAttribute("name") ? "[" + f.getAttribute("name") + " "
                + text(f, BPMN, "conditionExpression") + "]" : ""))
        .toList();
    assertThat(flows).containsExactly("start>activity-1", "activity-1>activity-2", "activity-2>decision-2",
        "decision-2>activity-3[Ya ${approved}]", "decision-2>activity-1[Tidak ${!approved}]",
        "activity-3>activity-4", "activity-4>activity-5", "activity-5>activity-6", "activity-6>activity-7",
        "activity-7>end");
    Element reject = elements(doc, BPMN, "sequenceFlow").stream()
        .filter(f -> f.getAttribute("id").equals("flow-2-rejected")).findFirst().orElseThrow();
    assertThat(reject.getAttributeNS(BpmnExporter.JDIH_NAMESPACE, "additionToSeed")).isEqualTo("true");
    assertThat(elements(reject, BPMN, "conditionExpression").get(0)
        .getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).isEqualTo("tFormalExpression");
  }

  @Test
  void diagramInterchangeCoversEveryElement() throws Exception {
    Document doc = parse(BpmnExporter.bpmn(Fixtures.secondApprovalVariant()));
    List<String> shapes = elements(doc, BPMNDI, "BPMNShape").stream().map(s -> s.getAttribute("bpmnElement"))
        .toList();
    List<String> expected = new ArrayList<>(List.of("pool", "start", "end"));
    elements(doc, BPMN, "lane").forEach(l -> expected.add(l.getAttribute("id")));
    Stream.of("userTask", "exclusiveGateway").flatMap(n -> elements(doc, BPMN, n).stream())
        .forEach(e -> expected.add(e.getAttribute("id")));
    assertThat(shapes).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(elements(doc, BPMN, "exclusiveGateway")).extracting(g -> g.getAttribute("id"))
        .containsExactly("decision-2", "decision-7");
    List<Element> edges = elements(doc, BPMNDI, "BPMNEdge");
    assertThat(edges).extracting(e -> e.getAttribute("bpmnElement")).containsExactlyInAnyOrderElementsOf(
        elements(doc, BPMN, "sequenceFlow").stream().map(f -> f.getAttribute("id")).toList());
    assertThat(edges).allSatisfy(e -> assertThat(e.getElementsByTagNameNS(
        "http://www.omg.org/spec/DD/20100524/DI", "waypoint").getLength()).isGreaterThanOrEqualTo(2));
    // The Sekretaris lane holds its approval; the variant's 4-hour standard is PT4H.
    Element sekretaris = elements(doc, BPMN, "lane").get(3);
    assertThat(refs(sekretaris)).containsExactly("activity-7", "decision-7");
    assertThat(elements(doc, BPMN, "userTask").get(6).getAttributeNS(FLOWABLE, "dueDate")).isEqualTo("PT4H");
  }

  @Test
  void durationsAndEscaping() throws Exception {
    assertThat(BpmnExporter.isoDuration(TimeStandard.workingDays(3))).isEqualTo("P3D");
    assertThat(BpmnExporter.isoDuration(TimeStandard.calendarDays(2))).isEqualTo("P2D");
    assertThat(BpmnExporter.isoDuration(TimeStandard.hours(4))).isEqualTo("PT4H");
    String xml = BpmnExporter.bpmn(Definitions.hostile());
    assertThat(xml).doesNotContain("<script");
    Document doc = parse(xml);
    assertThat(elements(doc, BPMN, "userTask").get(2).getAttribute("name")).isEqualTo("Rapat " + Definitions.SCRIPT);
    assertThat(elements(doc, BPMN, "lane").get(0).getAttribute("name")).isEqualTo("Kasubag " + Definitions.SCRIPT);
    assertThat(BpmnExporter.processKey(Definitions.hostile()))
        .isEqualTo("sop-kpu-kab-kepulauan-mentawai-6-tahun-2023-script-alert-x-script-co-r0");
  }

  @Test
  void englishNames() throws Exception {
    Document doc = parse(BpmnExporter.bpmn(ReferenceSop.definition(), Language.EN));
    assertThat(elements(doc, BPMN, "startEvent").get(0).getAttribute("name")).isEqualTo("Start");
    assertThat(elements(doc, BPMN, "exclusiveGateway").get(0).getAttribute("name")).isEqualTo("Approved?");
    assertThat(elements(doc, BPMN, "sequenceFlow")).extracting(f -> f.getAttribute("name")).contains("Yes", "No");
    assertThat(text(elements(doc, BPMN, "userTask").get(0), BPMN, "documentation"))
        .contains("Executor: Kasubag Hukum", "Time: 1 working day");
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  static List<Element> elements(Document doc, String ns, String name) {
    return list(doc.getElementsByTagNameNS(ns, name));
  }

  static List<Element> elements(Element parent, String ns, String name) {
    return list(parent.getElementsByTagNameNS(ns, name));
  }

  private static List<Element> list(NodeList nodes) {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static List<String> refs(Element lane) {
    return elements(lane, BPMN, "flowNodeRef").stream().map(Element::getTextContent).toList();
  }

  private static String text(Element parent, String ns, String name) {
    return elements(parent, ns, name).get(0).getTextContent();
  }
}
