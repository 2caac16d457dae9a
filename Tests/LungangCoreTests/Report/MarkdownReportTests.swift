import XCTest

@testable import LungangCore

/// report.md on the hand-checked district of `ReportFixtures`.
final class MarkdownReportTests: XCTestCase {
  /// Cells of a Markdown table row, split at pipes that are not backslash-escaped.
  static func cells(_ row: String) -> [String] {
    var cells: [String] = []
    var cell = ""
    var escaped = false
    for c in row {
      if escaped {
        cell.append(c)
        escaped = false
      } else if c == "\\" {
        cell.append(c)
        escaped = true
      } else if c == "|" {
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        cell = ""
      } else {
        cell.append(c)
      }
    }
    cells.append(cell.trimmingCharacters(in: .whitespaces))
    return Array(cells.dropFirst().dropLast())
  }

  /// Every table's rows have as many cells as its header.
  func testEveryTableRowHasTheHeadersColumns() {
    for lang in ReportLanguage.allCases {
      let md = MarkdownReport.render(ReportFixtures.report(), language: lang)
      var width: Int?
      var rows = 0
      for line in md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        guard line.hasPrefix("|") else {
          width = nil
          continue
        }
        let n = Self.cells(line).count
        if let w = width {
          XCTAssertEqual(n, w, "\(lang): \(line)")
          rows += 1
        } else {
          width = n
        }
      }
      XCTAssertGreaterThan(rows, 60, "\(lang): tables were read")
    }
  }

  /// `<b>&"B"|</b>'` is escaped so that Markdown shows it literally: no inline HTML, no extra
  /// table column.
  func testHostileSchoolNameIsEscaped() {
    let md = MarkdownReport.render(ReportFixtures.report())
    XCTAssertFalse(md.contains("<b>"))
    let escaped = "\\<b\\>\\&\"B\"\\|\\</b\\>'"
    XCTAssertTrue(md.contains("| B | \(escaped) | 40 |"), md)
    XCTAssertTrue(md.contains("| North\\|N | 2 | 1 | 3 |"), "zone names with a pipe are escaped too")
  }

  /// Per-section values per 100 pupils with ✓ / ✗ against the threshold (A: higher degree
  /// 5.00 → 2.50, key 2.50 → 0.00, PE/arts 2.50 both times).
  func testPerSectionRowsAndChanges() {
    let md = MarkdownReport.render(ReportFixtures.report())
    XCTAssertTrue(md.contains("| A | 学校A | 40 | 5.00 ✓ | 2.50 ✗ | 2.50 ✓ | 0.00 ✗ | 2.50 ✓ | 2.50 ✓ |"), md)
    XCTAssertTrue(md.contains("| D | 学校D | 40 | 2.50 ✗ | 2.50 ✗ | 0.00 ✗ | 0.00 ✗ | 2.50 ✓ | 2.50 ✓ |"), md)
    XCTAssertTrue(md.contains("| A | 学校A | 小学 | 高学历 | 5.00 | 2.50 | 4.2 | 新不达标 |"))
    XCTAssertTrue(md.contains("| 小学 | 高于规定学历教师 | 4.2 | 2 | 1 | 1 | 1 | 1 | 3.75 → 3.75 |"))
    XCTAssertTrue(md.contains("| 初中 | 高于规定学历教师 | 0.500 | 0.500 | 0.45 | 未达标 | 未达标 |"))
    XCTAssertTrue(md.contains("| 1 优质 | 0 | 1 | 1 | 2 |"), "tier flows from tier 1")
    XCTAssertTrue(md.contains("| C | 学校C | 2 一般 | 1 | 0 | 1 |"), "C's unmet quota")
    XCTAssertTrue(md.contains("| D | 学校D | 初中 | 英语 | 2 | 1 | 1 | 1 |"), "D's english shortage")
  }

  func testChineseByDefaultAndEnglishOnRequest() {
    let zh = MarkdownReport.render(ReportFixtures.report())
    let en = MarkdownReport.render(ReportFixtures.report(), language: .en)
    XCTAssertTrue(zh.hasPrefix("# 干部教师交流轮岗方案报告\n"))
    XCTAssertTrue(en.hasPrefix("# Teacher and cadre rotation plan report\n"))
    XCTAssertTrue(en.contains("| A | 学校A | primary | higher degree | 5.00 | 2.50 | 4.2 | newly misses |"))
    XCTAssertTrue(en.contains("| D | 学校D | junior | English | 2 | 1 | 1 | 1 |"))
    XCTAssertTrue(en.contains("Cadres (district-wide): 1 required, 2 moving, 0 missing."))
    for text in ["交流前", "新达标", "缺岗"] { XCTAssertFalse(en.contains(text), "en contains \(text)") }
  }

  func testDeterministicAndTimingOnlyWhenGiven() {
    XCTAssertEqual(MarkdownReport.render(ReportFixtures.report()), MarkdownReport.render(ReportFixtures.report()))
    XCTAssertFalse(MarkdownReport.render(ReportFixtures.report()).contains("用时"))
    var t = Timing()
    t.total = 3.5
    XCTAssertTrue(MarkdownReport.render(ReportFixtures.report(timing: t)).contains("| 合计 | 3.500 |"))
  }
}
