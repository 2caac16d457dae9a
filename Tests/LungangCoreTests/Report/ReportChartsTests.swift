import XCTest

@testable import LungangCore

/// The SVG charts: scales, order and content.
final class ReportChartsTests: XCTestCase {
  let zh = ReportStrings(.zh)

  /// The `<title>` texts of a drawing, in document order.
  static func titles(_ svg: String) -> [String] {
    svg.components(separatedBy: "<title>").dropFirst().map { String($0.prefix { $0 != "<" }) }
  }

  func testTickSteps() {
    XCTAssertEqual(ReportCharts.tickStep(4.5), 2)
    XCTAssertEqual(ReportCharts.tickStep(10.8), 5)
    XCTAssertEqual(ReportCharts.tickStep(0.9), 0.25)
    XCTAssertEqual(ReportCharts.tickStep(0), 1)
    XCTAssertEqual(ReportCharts.tickLabel(0.25), "0.25")
    XCTAssertEqual(ReportCharts.tickLabel(1.5), "1.5")
    XCTAssertEqual(ReportCharts.tickLabel(2), "2")
  }

  func testHeatColourGrowsDarkerWithTheCount() {
    XCTAssertEqual(ReportCharts.heatColour(1), "#1864ab")
    XCTAssertEqual(ReportCharts.heatColour(0), "#c8dbee", "the smallest non-zero count is still visibly coloured")
    XCTAssertLessThan(ReportCharts.heatColour(0.8), ReportCharts.heatColour(0.2), "darker means smaller hex")
  }

  /// Sections are drawn in the order of their value before (B 0.00 before A 2.50 for key),
  /// each as a hollow and a filled dot; the after dot is green when it meets the threshold and
  /// red when not.
  func testDumbbellOrderAndColours() throws {
    let r = ReportFixtures.report()
    let key = try XCTUnwrap(r.indicators.first { $0.stage == .primary && $0.indicator == .key })
    let svg = ReportCharts.dumbbell(key, zh)
    let titles = Self.titles(svg)
    XCTAssertEqual(titles.count, 2)
    XCTAssertTrue(titles[0].hasPrefix("B "), titles[0])
    XCTAssertTrue(titles[0].hasSuffix("(小学): 0.00 → 2.50"), titles[0])
    XCTAssertTrue(titles[1].hasPrefix("A 学校A (小学): 2.50 → 0.00"), titles[1])
    // B after meets (green), A after misses (red); legend dots too.
    XCTAssertEqual(HTMLReportTests.count("fill=\"\(ReportCharts.ok)\"", in: svg), 2)
    XCTAssertEqual(HTMLReportTests.count("fill=\"\(ReportCharts.bad)\"", in: svg), 2)
    XCTAssertEqual(HTMLReportTests.count("stroke-dasharray", in: svg), 1, "the threshold line")
  }

  /// Schools without moves are left out; the others are sorted by net change, then by moves.
  func testSchoolBarsLeaveOutStillSchools() {
    let r = ReportFixtures.report()
    let titles = Self.titles(ReportCharts.schoolBars(r.schools, zh, label: "x"))
    XCTAssertEqual(titles.map { String($0.prefix(2)) }, ["A ", "B ", "C "], "A: 4 moves, B: 2, C: 2 (net 0 each); D still")
    XCTAssertTrue(titles[0].hasPrefix("A 学校A: 调入 2 (其中骨干 0), 调出 2 (其中骨干 1), 净变化 0"), titles[0])
  }

  /// A bar and a mark at the same value end at the same x.
  func testBarsAndMarksShareTheScale() {
    let svg = ReportCharts.horizontalBars(
      [ReportCharts.BarRow(label: "x", values: [0.5], texts: ["0.5"], mark: 0.5)],
      series: [("v", "#000000")], markLegend: nil, label: "t")
    // The bar: <rect x="L" … width="W"; the mark: <line x1="L+W" …
    let rect = svg.components(separatedBy: "<rect x=\"")[1]
    let x = Double(rect.prefix { $0 != "\"" })!
    let w = Double(rect.components(separatedBy: "width=\"")[1].prefix { $0 != "\"" })!
    let mark = svg.components(separatedBy: "<line x1=\"")[1]
    let mx = Double(mark.prefix { $0 != "\"" })!
    XCTAssertEqual(x + w, mx, accuracy: 0.11)
  }
}
