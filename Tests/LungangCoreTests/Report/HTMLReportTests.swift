import Foundation
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import LungangCore

/// report.html on the hand-checked district of `ReportFixtures`.
final class HTMLReportTests: XCTestCase {
  /// Every `<svg …>…</svg>` element of a document.
  static func svgElements(_ html: String) -> [String] {
    var out: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
      out.append(String(rest[start.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    return out
  }

  /// Occurrences of `needle` in `text`.
  static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

  func testSelfContainedWithoutScriptsOrExternalResources() {
    let html = HTMLReport.render(ReportFixtures.report())
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">"))
    XCTAssertTrue(html.hasSuffix("</body>\n</html>\n"))
    for banned in ["http://", "https://", "<script", "<link", "@import", "url(", "<img", "<iframe"] {
      XCTAssertFalse(html.lowercased().contains(banned), "the report contains \(banned)")
    }
    XCTAssertTrue(html.contains("font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\""))
    XCTAssertTrue(html.contains("\"Microsoft YaHei\""))
  }

  /// School B's name is `<b>&"B"|</b>'`: it must appear escaped everywhere (tables and SVG
  /// tooltips) and never as markup.
  func testHostileSchoolNameIsEscaped() {
    for lang in ReportLanguage.allCases {
      let html = HTMLReport.render(ReportFixtures.report(), language: lang)
      XCTAssertFalse(html.contains(ReportFixtures.hostileName), "\(lang): raw name")
      XCTAssertFalse(html.contains("<b>&") || html.contains("|</b>"), "\(lang): the name's markup leaked")
      let escaped = "&lt;b&gt;&amp;&quot;B&quot;|&lt;/b&gt;&#39;"
      XCTAssertTrue(html.contains("<td>\(escaped)</td>"), "\(lang): table cell")
      XCTAssertTrue(html.contains("<title>B \(escaped) ("), "\(lang): chart tooltip")
    }
  }

  /// 13 charts: CVs, sections meeting, 6 per-section charts (2 stages × 3 indicators), 3 flow
  /// heat-maps, moves per school, objective terms. Each is well-formed XML.
  func testChartsAreInlineSVG() throws {
    let html = HTMLReport.render(ReportFixtures.report())
    let svgs = Self.svgElements(html)
    XCTAssertEqual(svgs.count, 13)
    XCTAssertEqual(Self.count("<svg ", in: html), 13)
    for svg in svgs {
      let parser = XMLParser(data: Data(svg.utf8))
      XCTAssertTrue(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "") in \(svg.prefix(200))")
      XCTAssertTrue(svg.contains("viewBox=\"0 0 "))
    }
    // One per-section chart per (stage, indicator), with the threshold line labelled.
    for label in ["小学 高于规定学历教师", "小学 县级以上骨干教师", "初中 体育、艺术专任教师"] {
      XCTAssertEqual(Self.count("aria-label=\"\(label)\"", in: html), 1, label)
    }
    XCTAssertTrue(html.contains(">标准 4.2</text>"))
    XCTAssertTrue(html.contains(">标准 5.3</text>"))
    XCTAssertTrue(html.contains(">标准 0.9</text>"))
    // The tooltip of B's primary key teachers: 0 → 2.50 per 100 pupils.
    XCTAssertTrue(html.contains("(小学): 0.00 → 2.50</title>"))
    // Flow heat-map cells carry their count.
    XCTAssertTrue(html.contains("<title>North|N → South: 1</title>"))
    XCTAssertTrue(html.contains("<title>1 优质 → 3 薄弱: 1</title>"))
    XCTAssertTrue(html.contains("<title>South → South: 0</title>"))
  }

  func testTablesCarryTheFigures() {
    let html = HTMLReport.render(ReportFixtures.report())
    // Sections newly meeting or missing: B meets 4.2 after the swap, A misses it.
    XCTAssertTrue(
      html.contains("<td>A</td><td>学校A</td><td>小学</td><td>高学历</td><td class=\"n\">5.00</td><td class=\"n\">2.50</td><td class=\"n\">4.2</td><td class=\"bad\">新不达标</td>"))
    XCTAssertTrue(html.contains("<td class=\"bad\">新不达标</td>"))
    XCTAssertTrue(html.contains("<td class=\"ok\">新达标</td>"))
    // C misses its teacher quota; D is short of an english teacher.
    XCTAssertTrue(html.contains("<td>C</td><td>学校C</td><td>2 一般</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n bad\">1</td>"))
    XCTAssertTrue(html.contains("<td>D</td><td>学校D</td><td>初中</td><td>英语</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n bad\">1</td>"))
    XCTAssertTrue(html.contains("干部交流（全区）：应交流 1 人，实际交流 2 人，缺口 0 人。"))
  }

  func testChineseByDefaultAndEnglishOnRequest() {
    let zh = HTMLReport.render(ReportFixtures.report())
    let en = HTMLReport.render(ReportFixtures.report(), language: .en)
    XCTAssertEqual(zh, HTMLReport.render(ReportFixtures.report(), language: .zh))
    for text in ["<html lang=\"zh-CN\">", "<h1>干部教师交流轮岗方案报告</h1>", "校际差异系数", "学区之间的流动（人）", "新达标", "最优（已证明）"] {
      XCTAssertTrue(zh.contains(text), "zh: \(text)")
    }
    for text in [
      "<html lang=\"en\">", "<h1>Teacher and cadre rotation plan report</h1>",
      "Inter-school coefficient of variation (CV)", "Moves between zones (people)", "newly meets", "optimal (proven)",
      ">threshold 4.2</text>",
    ] {
      XCTAssertTrue(en.contains(text), "en: \(text)")
    }
    for text in ["校际差异系数", "交流前", "新达标", "学区之间"] { XCTAssertFalse(en.contains(text), "en contains \(text)") }
    for text in ["Inter-school", "Headline figures", "newly meets"] { XCTAssertFalse(zh.contains(text), "zh contains \(text)") }
  }

  func testSameInputGivesTheSameBytes() {
    for lang in ReportLanguage.allCases {
      XCTAssertEqual(
        HTMLReport.render(ReportFixtures.report(), language: lang),
        HTMLReport.render(ReportFixtures.report(), language: lang))
    }
  }

  func testTimingOnlyWhenGiven() {
    XCTAssertFalse(HTMLReport.render(ReportFixtures.report()).contains("用时（秒）"))
    var t = Timing()
    t.solve = 1.25
    t.total = 2
    let html = HTMLReport.render(ReportFixtures.report(timing: t))
    XCTAssertTrue(html.contains("用时（秒）"))
    XCTAssertTrue(html.contains("<td>求解</td><td class=\"n\">1.250</td>"))
  }

  /// A district the size of the sample (9,000 staff, 100 schools) with every movable person
  /// sent to their last allowed destination (far more moves than any real plan): the HTML stays
  /// well under 2 MB and draws one chart column per section.
  func testSampleSizedDistrictStaysSmall() {
    let district = GenerateFixtures.dongcheng
    let inst = RotationInstance(
      district: district, scenario: Scenario(name: "size", district: district.folder, year: 2026))
    var plan = Plan.allStay(inst)
    for i in inst.staff.indices where inst.movable[i] { plan.choice[i] = inst.destinations[i].count - 1 }
    var out = SolveOutcome(status: .timeLimit)
    out.plan = plan
    out.evaluation = PlanEvaluation(plan, inst)
    let report = PlanReport(inst, out)
    XCTAssertGreaterThan(report.headline.moved, 2000)
    let html = HTMLReport.render(report)
    XCTAssertLessThan(html.utf8.count, 2_000_000, "report.html is \(html.utf8.count) bytes")
    XCTAssertLessThan(MarkdownReport.render(report).utf8.count, 1_000_000)
    XCTAssertEqual(Self.svgElements(html).count, 13)
    let primary = inst.sections.filter { $0.stage == .primary }.count
    let junior = inst.sections.count - primary
    // Per-section charts: one tooltip per section and chart (school bars and heat-maps use
    // different texts).
    XCTAssertEqual(Self.count("(小学): ", in: html), 3 * primary)
    XCTAssertEqual(Self.count("(初中): ", in: html), 3 * junior)
  }
}
