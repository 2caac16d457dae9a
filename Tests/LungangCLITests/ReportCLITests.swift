import Foundation
import XCTest

// End-to-end tests of the planners' report that `lungang solve` writes (report.html and
// report.md beside plan.csv), on Scenarios/tiny (plan and figures worked out by hand in
// Scenarios/README.md: a1↔b1, c2↔d2, pA↔pB; 120 pupils per primary, 90 per junior section).

final class ReportCLITests: XCTestCase {
  let tinyYAML = "Scenarios/tiny.yaml"

  func testSolveWritesTheReportInChineseByDefault() throws {
    let out = try CLI.tempDir(self).appendingPathComponent("out")
    let r = try CLI.lungang(["solve", tinyYAML, "--out", out.path, "--no-timing"])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.contains("(plan.csv, sections.csv, summary.json, report.html, report.md)"), r.out)
    let html = try CLI.read(out.appendingPathComponent("report.html"))
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">"))
    for banned in ["http://", "https://", "<script"] { XCTAssertFalse(html.contains(banned), banned) }
    XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 13, "13 charts")
    XCTAssertTrue(html.contains("<title>North → North: 4</title>"), "a1, b1, pA, pB move inside North")
    XCTAssertTrue(html.contains("<title>South → South: 2</title>"))
    let md = try CLI.read(out.appendingPathComponent("report.md"))
    XCTAssertTrue(md.hasPrefix("# 干部教师交流轮岗方案报告\n"))
    XCTAssertTrue(md.contains("状态: 最优（已证明）"))
    // a1 (key) leaves A: 2 → 1 key teachers for 120 pupils, 1.67 → 0.83 < 1 (newly misses);
    // c2 (key) goes to D: 0 → 1 for 90 pupils, 0 → 1.11 (newly meets).
    XCTAssertTrue(md.contains("| A | Anding Primary | 小学 | 骨干 | 1.67 | 0.83 | 1 | 新不达标 |"), md)
    XCTAssertTrue(md.contains("| D | Dongxing Junior | 初中 | 骨干 | 0.00 | 1.11 | 1 | 新达标 |"), md)
    XCTAssertTrue(md.contains("| 目标值 | 489.000 |"))
    XCTAssertFalse(md.contains("用时"), "no timing under --no-timing")
  }

  func testEnglishReportWithTimingWhenTimingIsIncluded() throws {
    let out = try CLI.tempDir(self).appendingPathComponent("out")
    let r = try CLI.lungang(["solve", tinyYAML, "--out", out.path, "--lang", "en", "--json"])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("summary.json")), r.stdout, "--json prints only the summary")
    let md = try CLI.read(out.appendingPathComponent("report.md"))
    XCTAssertTrue(md.hasPrefix("# Teacher and cadre rotation plan report\n"))
    XCTAssertTrue(md.contains("| A | Anding Primary | primary | key | 1.67 | 0.83 | 1 | newly misses |"), md)
    XCTAssertTrue(md.contains("### Timing (s)"))
    let html = try CLI.read(out.appendingPathComponent("report.html"))
    XCTAssertTrue(html.contains("<html lang=\"en\">"))
    XCTAssertFalse(html.contains("校际差异系数"))
  }

  func testUnknownLanguageIsBadUsageAndWritesNothing() throws {
    let out = try CLI.tempDir(self).appendingPathComponent("out")
    let r = try CLI.lungang(["solve", tinyYAML, "--out", out.path, "--lang", "fr"])
    XCTAssertEqual(r.status, 64, r.err)
    XCTAssertTrue(r.err.contains("--lang must be zh or en"), r.err)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written")
  }

  func testNoReportWritesOnlyTheContractFiles() throws {
    let out = try CLI.tempDir(self).appendingPathComponent("out")
    let r = try CLI.lungang(["solve", tinyYAML, "--out", out.path, "--no-report", "--no-timing"])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertEqual(
      try Set(FileManager.default.contentsOfDirectory(atPath: out.path)), ["plan.csv", "sections.csv", "summary.json"])
    XCTAssertTrue(r.out.contains("(plan.csv, sections.csv, summary.json)\n"), r.out)
  }
}
