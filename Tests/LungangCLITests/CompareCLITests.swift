import Foundation
import XCTest

/// `lungang compare` on two solved tiny scenarios: Scenarios/tiny.yaml (optimum 489) and a
/// variant without the cadre quota, where the principals pA and pB no longer swap (483:
/// pB's wish miss 5 and the two moves 1 are saved).
final class CompareCLITests: XCTestCase {
  /// Solves both scenarios into a temp folder; returns (base, variant) folders.
  func solved() throws -> (URL, URL) {
    let tmp = try CLI.tempDir(self)
    let base = tmp.appendingPathComponent("base")
    let variant = tmp.appendingPathComponent("variant")
    let yaml = tmp.appendingPathComponent("variant.yaml")
    try """
    name: 无干部比例 / No cadre quota
    extends: \(CLI.packageRoot.appendingPathComponent("Scenarios/tiny.yaml").path)
    rules: {cadre_quota: 0}

    """.write(to: yaml, atomically: true, encoding: .utf8)
    XCTAssertEqual(try CLI.lungang(["solve", "Scenarios/tiny.yaml", "--out", base.path, "-q"]).status, 0)
    let r = try CLI.lungang(["solve", yaml.path, "--out", variant.path, "-q"])
    XCTAssertEqual(r.status, 0, r.err)
    return (base, variant)
  }

  func summary(_ dir: URL) throws -> [String: Any] {
    try CLI.jsonObject(try Data(contentsOf: dir.appendingPathComponent("summary.json")), "summary.json")
  }

  /// The value of summary.json behind a row key (`terms.x` lives under objective.terms).
  func summaryValue(_ doc: [String: Any], _ key: String) -> Any? {
    var path = key.split(separator: ".").map(String.init)
    if path.first == "terms" { path.insert("objective", at: 0) }
    var cur: Any? = doc
    for k in path { cur = (cur as? [String: Any])?[k] }
    return cur
  }

  func testJSONFiguresAreExactlyThoseOfEachSummary() throws {
    let (base, variant) = try solved()
    let r = try CLI.lungang(["compare", base.path, variant.path, "--format", "json"])
    XCTAssertEqual(r.status, 0, r.err)
    let doc = try CLI.jsonObject(r.stdout, "compare --format json")
    let scenarios = try XCTUnwrap(doc["scenarios"] as? [[String: Any]])
    XCTAssertEqual(scenarios.map { $0["scenario"] as? String }, ["小样例 / Tiny hand-checked example", "无干部比例 / No cadre quota"])
    let rows = try XCTUnwrap(doc["rows"] as? [[String: Any]])
    let summaries = [try summary(base), try summary(variant)]
    var checked = 0
    for row in rows {
      guard let key = row["key"] as? String else { continue }
      let prefixes = ["objective.", "terms.", "counts.", "cv.", "timing."]
      guard prefixes.contains(where: { key.hasPrefix($0) }) else { continue }
      let values = try XCTUnwrap(row["values"] as? [Any], key)
      for (n, s) in summaries.enumerated() {
        XCTAssertEqual(num(values[n]), num(summaryValue(s, key)), "\(key) of scenario \(n)")
        checked += 1
      }
    }
    // 3 objective + 8 terms + 8 counts + 12 CVs (2 stages × 3 indicators × before/after) + time, × 2.
    XCTAssertEqual(checked, 2 * (3 + 8 + 8 + 12 + 1))
    func row(_ key: String) -> [String: Any]? { rows.first { $0["key"] as? String == key } }
    XCTAssertEqual(row("objective.total")?["values"] as? [Double], [489, 483])
    XCTAssertEqual(row("objective.total")?["best"] as? [Bool], [false, true])
    XCTAssertEqual(row("terms.wish")?["values"] as? [Double], [6, 1])
    XCTAssertEqual(row("counts.moved_cadres")?["values"] as? [Double], [2, 0])
    XCTAssertEqual(row("counts.moved_cadres")?["best"] as? [Bool], [true, false])
    // Every school of the tiny district meets its quota of 1 in both.
    XCTAssertEqual(row("counts.quota_met")?["values"] as? [Double], [4, 4])
    XCTAssertEqual(row("counts.quota_met")?["of"] as? [Int], [4, 4])
    XCTAssertEqual(row("counts.quota_met")?["best"] as? [Bool], [false, false])
    // Wishes (plan.csv): b1 first wish, d2 second; pB's miss only in the base.
    XCTAssertEqual(row("wishes.first")?["values"] as? [Double], [1, 1])
    XCTAssertEqual(row("wishes.any")?["values"] as? [Double], [2, 2])
    XCTAssertEqual(row("wishes.any")?["of"] as? [Int], [6, 4])
    // Junior key per 100 pupils after: C 1 and D 1 key teacher for 90 pupils, 1.11 ≥ 1.0.
    XCTAssertEqual(row("sections_meeting.junior.key.after")?["values"] as? [Double], [2, 2])
    XCTAssertEqual(row("sections_meeting.junior.key.before")?["values"] as? [Double], [1, 1])
    let diffs = try XCTUnwrap(doc["diffs"] as? [[String: Any]])
    XCTAssertEqual(diffs.count, 1)
    let schools = try XCTUnwrap(diffs[0]["schools"] as? [[String: Any]])
    XCTAssertEqual(schools.map { $0["school"] as? String }, ["A", "B"])
  }

  func testTableMatchesTheSummariesAndShowsWhoEndsWhere() throws {
    let (base, variant) = try solved()
    let r = try CLI.lungang(["compare", base.path, variant.path])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertFalse(r.out.contains("\u{1B}["), "no colour when stdout is not a terminal")
    let lines = r.out.split(separator: "\n").map(String.init)
    func line(_ label: String) throws -> [String] {
      let l = try XCTUnwrap(lines.first { $0.hasPrefix(label + " ") }, label)
      return l.split(separator: " ").map(String.init)
    }
    // Figures printed with 3 decimals; the best marked with *.
    XCTAssertEqual(try line("objective total").suffix(2), ["489.000", "483.000*"])
    XCTAssertEqual(try line("  key_share").suffix(3), ["lower", "80.000", "80.000"])
    XCTAssertEqual(try line("  balance").suffix(2), ["400.000", "400.000"])
    XCTAssertEqual(try line("  wish").suffix(2), ["6.000", "1.000*"])
    XCTAssertEqual(try line("  move").suffix(2), ["3.000", "2.000*"])
    XCTAssertEqual(try line("  moved").suffix(2), ["6", "4"])
    XCTAssertEqual(try line("  cadres moved").suffix(2), ["2*", "0"])
    XCTAssertEqual(try line("status").suffix(2), ["optimal", "optimal"])
    let b = try summary(base)
    let time = try XCTUnwrap(num(summaryValue(b, "timing.total_s")))
    XCTAssertEqual(try line("time total s")[4].trimmingCharacters(in: CharacterSet(charactersIn: "*")), String(format: "%.1f", time))
    XCTAssertTrue(r.out.contains("Who ends where: A = 小样例 / Tiny hand-checked example, B = 无干部比例 / No cadre quota; 2 school(s) differ"), r.out)
    XCTAssertTrue(r.out.contains("A       Anding Primary  pB Principal Bai (from B)  pA Principal An (stays)"), r.out)
    XCTAssertTrue(r.out.contains("B       Beixin Primary  pA Principal An (from A)   pB Principal Bai (stays)"), r.out)

    let noDiff = try CLI.lungang(["compare", base.path, variant.path, "--no-diff", "--format", "md"])
    XCTAssertEqual(noDiff.status, 0, noDiff.err)
    XCTAssertFalse(noDiff.out.contains("Who ends where"))
    XCTAssertTrue(noDiff.out.contains("| objective total | lower | 489.000 | **483.000** |"), noDiff.out)
  }

  func testExcelCSVBytes() throws {
    let (base, variant) = try solved()
    let r = try CLI.lungang(["compare", base.path, variant.path, "--excel"])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertEqual(Array(r.stdout.prefix(3)), [0xEF, 0xBB, 0xBF])
    let body = String(decoding: r.stdout.dropFirst(3), as: UTF8.self)
    XCTAssertTrue(body.hasSuffix("\r\n"))
    XCTAssertFalse(body.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
    let rows = parseCSV(body)
    XCTAssertEqual(rows[0], ["figure", "key", "better", "小样例 / Tiny hand-checked example", "无干部比例 / No cadre quota", "best"])
    let total = try XCTUnwrap(rows.first { $0.count > 1 && $0[1] == "objective.total" })
    XCTAssertEqual(Array(total[3...]), ["489", "483", "无干部比例 / No cadre quota"])
    XCTAssertTrue(rows.contains(["school", "school_name", "only_in", "other", "staff_id", "staff_name", "from_school", "stays"]))

    let bad = try CLI.lungang(["compare", base.path, "--excel", "--format", "md"])
    XCTAssertEqual(bad.status, 64, bad.err)
  }

  func testMissingFolderOrSummaryExits2NamingTheFile() throws {
    let tmp = try CLI.tempDir(self)
    let missing = tmp.appendingPathComponent("nowhere").path
    let r = try CLI.lungang(["compare", missing])
    XCTAssertEqual(r.status, 2)
    XCTAssertEqual(r.errLines, ["lungang compare: \(missing): no such result folder"])
    XCTAssertEqual(r.out, "")
    let empty = tmp.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let r2 = try CLI.lungang(["compare", empty.path])
    XCTAssertEqual(r2.status, 2)
    XCTAssertTrue(r2.err.contains(empty.appendingPathComponent("summary.json").path + ": no such file"), r2.err)
  }
}
