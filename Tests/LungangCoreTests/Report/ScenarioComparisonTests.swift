import Foundation
import XCTest

@testable import LungangCore

/// `compare` on hand-written result folders: figures taken as written, counts from plan.csv
/// and sections.csv worked out by hand, the best of each row, the per-school difference and
/// the bytes of each format.
final class ScenarioComparisonTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("lungang-compare-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func folder(_ name: String, summary: String, plan: String?, sections: String?) throws -> String {
    let dir = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try summary.write(to: dir.appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)
    if let plan { try plan.write(to: dir.appendingPathComponent("plan.csv"), atomically: true, encoding: .utf8) }
    if let sections {
      try sections.write(to: dir.appendingPathComponent("sections.csv"), atomically: true, encoding: .utf8)
    }
    return dir.path
  }

  static func summary(
    _ name: String, total: Double, balance: Double, movedKey: Int, quotaMet: Int, cvAfter: Double,
    timing: Double?
  ) -> String {
    """
    {"scenario": "\(name)", "status": "optimal",
     "objective": {"total": \(total), "bound": \(total), "gap": 0,
       "terms": {"shortage": 0, "quota": 0, "key_share": 40, "cadre_quota": 0, "balance": \(balance),
                 "wish": 3, "commute": 0.9, "move": 2}},
     "counts": {"staff": 20, "eligible": 10, "movable": 11, "moved": 4, "moved_key": \(movedKey),
                "moved_cadres": 1, "shortage": 0, "quota_missing": 0, "quota_schools": 3, "quota_met": \(quotaMet)},
     "cv": {"primary": {"key": {"before": 0.5, "after": \(cvAfter)}}}
     \(timing.map { ", \"timing\": {\"total_s\": \($0)}" } ?? "")}
    """
  }

  let header = "staff_id,name,role,subject,from_school,from_stage,to_school,to_stage,wish_rank,commute_km,reasons\n"

  /// X: ranks 1, 2, none, 1 and km 2, 4, unknown, 3 → first wish 2 of 4, any wish 3 of 4,
  /// mean (2 + 4 + 3) / 3 = 3, max 4. p4 is a cadre whose name a spreadsheet would run as a
  /// formula (written `'=…`).
  var planX: String {
    header + "p1,张一,teacher,math,A,primary,B,primary,1,2.00,\n" + "p2,李二,teacher,math,B,primary,A,primary,2,4.00,\n"
      + "p3,王三,teacher,pe,C,junior,D,junior,,,\n" + "p4,'=HYPERLINK(),principal,,A,,C,,1,3.00,\n"
  }
  /// Y: ranks 1, none, 3; km 1.5, 0.5, 1 → first 1 of 3, any 2 of 3, mean 1, max 1.5.
  var planY: String {
    header + "p1,张一,teacher,math,A,primary,C,primary,1,1.50,\n" + "p2,李二,teacher,math,B,primary,A,primary,,0.50,\n"
      + "p5,赵五,teacher,pe,D,junior,C,junior,3,1.00,\n"
  }
  /// Key per 100 pupils after, threshold 1.0: X 1.0000 (meets, exactly) and 0.9999 (not);
  /// primary higher degree (4.2): 4.2000 meets, 4.1999 does not. Junior higher degree (5.3):
  /// 5.4000 meets.
  let sectionsX = """
    school,name,stage,pupils,higher_degree_before,higher_degree_after,higher_degree_per100_before,higher_degree_per100_after,key_before,key_after,key_per100_before,key_per100_after
    A,甲小学,primary,100,4,4,4.0000,4.2000,1,1,0.5000,1.0000
    B,乙小学,primary,100,4,4,4.1999,4.1999,1,1,1.0000,0.9999
    D,丁中学,junior,100,5,5,5.3000,5.4000,0,0,0.0000,0.0000

    """
  let sectionsY = """
    school,name,stage,pupils,higher_degree_before,higher_degree_after,higher_degree_per100_before,higher_degree_per100_after,key_before,key_after,key_per100_before,key_per100_after
    A,甲小学,primary,100,4,4,4.0000,4.2000,1,1,0.5000,1.2000
    B,乙小学,primary,100,4,4,4.1999,4.3000,1,1,1.0000,1.1000
    C,丙学校,primary,100,4,4,4.0000,4.0000,1,1,1.0000,1.0000
    D,丁中学,junior,100,5,5,5.3000,5.2999,0,0,0.0000,0.0000

    """

  func comparison() throws -> ScenarioComparison {
    let x = try folder(
      "x", summary: Self.summary("基线 / Base", total: 100.5, balance: 55.123456789, movedKey: 1, quotaMet: 3, cvAfter: 0.25, timing: 2.5),
      plan: planX, sections: sectionsX)
    let y = try folder(
      "y", summary: Self.summary("全区 / District", total: 120, balance: 75.6, movedKey: 1, quotaMet: 2, cvAfter: 0.125, timing: 3.25),
      plan: planY, sections: sectionsY)
    let z = try folder(
      "z", summary: Self.summary("通勤 / Commute", total: 130, balance: 80, movedKey: 1, quotaMet: 2, cvAfter: 0.5, timing: nil),
      plan: nil, sections: nil)
    let folders = try [x, y, z].map { try ResultFolder.load($0) }
    XCTAssertEqual(folders[2].warnings.count, 2, "\(folders[2].warnings)")
    XCTAssertTrue(folders[2].warnings[0].hasSuffix("plan.csv: no such file; the figures drawn from it are left out"))
    return ScenarioComparison(folders, diffPairs: [(0, 1)])
  }

  func row(_ c: ScenarioComparison, _ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> ComparisonRow {
    try XCTUnwrap(c.rows.first { $0.key == key }, "no row \(key)", file: file, line: line)
  }

  func testFiguresAreThoseOfTheFilesAndTheBestIsMarked() throws {
    let c = try comparison()
    XCTAssertEqual(c.titles, ["基线 / Base", "全区 / District", "通勤 / Commute"])
    // summary.json as written.
    let total = try row(c, "objective.total")
    XCTAssertEqual(total.values.map(\.number), [100.5, 120, 130])
    XCTAssertEqual(total.best, [true, false, false])
    XCTAssertEqual(try row(c, "terms.balance").values.map(\.number), [55.123456789, 75.6, 80])
    // All equal (moved_key 1 everywhere): nothing to choose, nothing marked.
    XCTAssertEqual(try row(c, "counts.moved_key").best, [false, false, false])
    // Neutral rows are never marked.
    XCTAssertEqual(try row(c, "counts.moved").best, [false, false, false])
    let quota = try row(c, "counts.quota_met")
    XCTAssertEqual(quota.values.map(\.number), [3, 2, 2])
    XCTAssertEqual(quota.values.map(\.of), [3, 3, 3])
    XCTAssertEqual(quota.best, [true, false, false])
    let cv = try row(c, "cv.primary.key.after")
    XCTAssertEqual(cv.values.map(\.number), [0.25, 0.125, 0.5])
    XCTAssertEqual(cv.best, [false, true, false])
    // plan.csv: by hand (see planX, planY); missing for z.
    XCTAssertEqual(try row(c, "wishes.first").values, [.count(2, of: 4), .count(1, of: 3), .missing])
    XCTAssertEqual(try row(c, "wishes.any").values, [.count(3, of: 4), .count(2, of: 3), .missing])
    XCTAssertEqual(try row(c, "wishes.any").best, [true, false, false])
    XCTAssertEqual(try row(c, "commute.mean_km").values.map(\.number), [3, 1, nil])
    XCTAssertEqual(try row(c, "commute.max_km").values.map(\.number), [4, 1.5, nil])
    XCTAssertEqual(try row(c, "commute.max_km").best, [false, true, false])
    // sections.csv: at or above the threshold meets it.
    XCTAssertEqual(try row(c, "sections_meeting.primary.key.after").values, [.count(1, of: 2), .count(3, of: 3), .missing])
    XCTAssertEqual(try row(c, "sections_meeting.primary.key.before").values, [.count(1, of: 2), .count(2, of: 3), .missing])
    XCTAssertEqual(try row(c, "sections_meeting.primary.higher_degree.after").values, [.count(1, of: 2), .count(2, of: 3), .missing])
    XCTAssertEqual(try row(c, "sections_meeting.junior.higher_degree.after").values, [.count(1, of: 1), .count(0, of: 1), .missing])
    XCTAssertEqual(try row(c, "sections_meeting.junior.higher_degree.after").best, [true, false, false])
    // No timing in z (--no-timing): missing, and the best of the others is marked.
    let time = try row(c, "timing.total_s")
    XCTAssertEqual(time.values.map(\.number), [2.5, 3.25, nil])
    XCTAssertEqual(time.best, [true, false, false])
  }

  /// Who ends where (see planX, planY): p1 B in X, C in Y; p2 A in both (not listed); p3 D in
  /// X, home C in Y; p4 C in X, home A in Y; p5 home D in X, C in Y.
  func testPerSchoolDifference() throws {
    let c = try comparison()
    let d = try XCTUnwrap(c.diffs.first)
    func ids(_ ps: [SchoolDifference.Person]) -> [String] { ps.map { $0.staffID + ($0.stays ? " stays" : "") } }
    XCTAssertEqual(d.schools.map(\.school), ["A", "B", "C", "D"])
    XCTAssertEqual(d.schools.map { ids($0.onlyA) }, [[], ["p1"], ["p4"], ["p3", "p5 stays"]])
    XCTAssertEqual(d.schools.map { ids($0.onlyB) }, [["p4 stays"], [], ["p1", "p3 stays", "p5"], []])
    XCTAssertEqual(d.schools.map(\.name), ["甲小学", "乙小学", "丙学校", "丁中学"])
    // The formula-neutralising quote is dropped when reading names back.
    XCTAssertEqual(d.schools[2].onlyA[0].name, "=HYPERLINK()")
  }

  func testExcelCSVHasBOMAndCRLFAndFullValues() throws {
    let c = try comparison()
    let text = c.render(.csv, excel: true)
    let bytes = Array(text.utf8)
    XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
    let body = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    XCTAssertTrue(body.hasSuffix("\r\n"))
    XCTAssertFalse(body.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF")
    XCTAssertTrue(body.hasPrefix("figure,key,better,基线 / Base,全区 / District,通勤 / Commute,best\r\n"))
    XCTAssertTrue(body.contains("\r\nobjective terms: balance,terms.balance,lower,55.123456789,75.6,80,基线 / Base\r\n"), body)
    XCTAssertTrue(body.contains("\r\npeople: schools meeting teacher quota,counts.quota_met,higher,3/3,2/3,2/3,基线 / Base\r\n"), body)
    XCTAssertTrue(body.contains("\r\n\r\nschool,school_name,only_in,other,staff_id,staff_name,from_school,stays\r\n"), body)
    XCTAssertTrue(body.contains("\r\nC,丙学校,全区 / District,基线 / Base,p3,王三,C,yes\r\n"), body)
    // The name read back as "=HYPERLINK()" is neutralised again on the way out.
    XCTAssertTrue(body.contains(",'=HYPERLINK(),"), body)
    // Plain csv: no BOM, LF.
    let plain = c.render(.csv)
    XCTAssertTrue(plain.hasPrefix("figure,"))
    XCTAssertFalse(plain.contains("\r"))
  }

  func testJSONIsOneDocumentWithBestFlags() throws {
    let c = try comparison()
    let text = c.render(.json)
    let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let rows = try XCTUnwrap(doc["rows"] as? [[String: Any]])
    let total = try XCTUnwrap(rows.first { $0["key"] as? String == "objective.total" })
    XCTAssertEqual(total["values"] as? [Double], [100.5, 120, 130])
    XCTAssertEqual(total["best"] as? [Bool], [true, false, false])
    XCTAssertEqual(total["better"] as? String, "lower")
    let quota = try XCTUnwrap(rows.first { $0["key"] as? String == "counts.quota_met" })
    XCTAssertEqual(quota["of"] as? [Int], [3, 3, 3])
    let time = try XCTUnwrap(rows.first { $0["key"] as? String == "timing.total_s" })
    XCTAssertTrue((time["values"] as? [Any])?[2] is NSNull)
    XCTAssertTrue(text.contains("\"values\": [\n        55.123456789,"), "balance written as in summary.json")
    let diffs = try XCTUnwrap(doc["diffs"] as? [[String: Any]])
    XCTAssertEqual(diffs.count, 1)
  }

  func testTableAndMarkdownMarkTheBest() throws {
    let c = try comparison()
    let table = c.render(.table)
    XCTAssertFalse(table.contains("\u{1B}["), "no colour unless asked")
    let totalLine = try XCTUnwrap(table.split(separator: "\n").first { $0.hasPrefix("objective total") })
    XCTAssertNotNil(
      totalLine.range(of: #"lower +100\.500\* +120\.000  +130\.000$"#, options: .regularExpression), String(totalLine))
    // Titles split at " / ": the Chinese part above the English one.
    let lines = table.split(separator: "\n").map(String.init)
    XCTAssertTrue(lines[0].contains("基线") && lines[1].contains("Base"), lines[0] + "\n" + lines[1])
    let colored = c.render(.table, color: true)
    XCTAssertTrue(colored.contains("\u{1B}[1;32m100.500*\u{1B}[0m"))
    // Same widths with and without colour.
    let strip = colored.replacingOccurrences(of: "\u{1B}[1;32m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
    XCTAssertEqual(strip, table)
    XCTAssertTrue(table.contains("Who ends where: A = 基线 / Base, B = 全区 / District; 4 school(s) differ"))
    let md = c.render(.md)
    XCTAssertTrue(md.contains("| objective total | lower | **100.500** | 120.000 | 130.000 |"), md)
    XCTAssertTrue(md.contains("| C | 丙学校 | p4 =HYPERLINK() (from A) | p1 张一 (from A), p3 王三 (stays), p5 赵五 (from D) |"), md)
  }

  func testMissingFolderOrSummaryIsAnErrorNamingIt() throws {
    let missing = root.appendingPathComponent("nope").path
    XCTAssertThrowsError(try ResultFolder.load(missing)) { e in
      XCTAssertEqual("\(e)", "\(missing): no such result folder")
    }
    let empty = root.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    XCTAssertThrowsError(try ResultFolder.load(empty.path)) { e in
      XCTAssertTrue("\(e)".hasPrefix(empty.appendingPathComponent("summary.json").path + ": no such file"), "\(e)")
    }
    try "[1]".write(to: empty.appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try ResultFolder.load(empty.path)) { e in
      XCTAssertTrue("\(e)".hasSuffix("summary.json: not a JSON object"), "\(e)")
    }
  }
}
