import XCTest

@testable import LungangCore

/// Escaping and number formats of the report.
final class ReportFormatTests: XCTestCase {
  func testHTMLEscapesMarkupQuotesAndControlCharacters() {
    XCTAssertEqual(ReportFormat.html("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
    XCTAssertEqual(ReportFormat.html("北京\u{0}市\u{7F}"), "北京 市 ")
    XCTAssertEqual(ReportFormat.html("a\tb\nc"), "a\tb\nc")
    XCTAssertEqual(ReportFormat.html("&amp;"), "&amp;amp;", "entities in the data are shown, not interpreted")
  }

  func testMarkdownEscapesWhatMarkdownWouldInterpret() {
    XCTAssertEqual(ReportFormat.markdown("a|b"), "a\\|b")
    XCTAssertEqual(ReportFormat.markdown("<i>*x*_y_</i>"), "\\<i\\>\\*x\\*\\_y\\_\\</i\\>")
    XCTAssertEqual(ReportFormat.markdown("[x](y) `z` \\"), "\\[x\\](y) \\`z\\` \\\\")
    XCTAssertEqual(ReportFormat.markdown("line\nbreak\r\n"), "line break  ")
    XCTAssertEqual(ReportFormat.markdown("东城区 第一中学"), "东城区 第一中学")
  }

  func testNumbers() {
    XCTAssertEqual(ReportFormat.per100(2.5), "2.50")
    XCTAssertEqual(ReportFormat.cv(1.0 / 3), "0.333")
    XCTAssertEqual(ReportFormat.cv(nil), "—")
    XCTAssertEqual(ReportFormat.gapPercent(0.000536), "0.0536 %")
    XCTAssertEqual(ReportFormat.gapPercent(nil), "—")
    XCTAssertEqual(ReportFormat.percent(0.1), "10%")
    XCTAssertEqual(ReportFormat.percent(0.125), "12.5%")
    XCTAssertEqual(ReportFormat.coord(-0.04), "0", "no negative zero")
    XCTAssertEqual(ReportFormat.coord(12.26), "12.3")
    XCTAssertEqual(ReportFormat.coord(3), "3")
  }
}
