import Foundation
import LungangCore
import XCTest

// End-to-end tests with hostile input: `lungang validate` on mutated copies of Scenarios/tiny
// (exit 0 or 2, never a signal, 70 or a hang; every stderr line a diagnostic), and a solve of
// a tiny district whose names and ids are spreadsheet formulas.

final class HostileInputCLITests: XCTestCase {
  private var tinyFolder: URL { CLI.packageRoot.appendingPathComponent("Scenarios/tiny") }

  /// One stderr line: `file:line: column: severity: message`, line and column optional.
  private let diagnosticLine = try! NSRegularExpression(
    pattern: #"^(tiny/(schools|staff|posts)\.csv|[^ ]*\.yaml|/dev/null)(:\d+)?: (.+: )?(error|warning): \S.*$"#)

  /// A mutation of the tiny scenario folder: a name, the file it changes, the new bytes from
  /// the old ones, and the exit status `lungang validate` must give.
  private struct Mutation {
    let name: String
    let file: String
    let status: Int32
    let change: ([UInt8]) -> [UInt8]
  }

  private static func text(_ f: @escaping (String) -> String) -> ([UInt8]) -> [UInt8] {
    { Array(f(String(decoding: $0, as: UTF8.self)).utf8) }
  }

  private static func replacing(_ a: String, _ b: String) -> ([UInt8]) -> [UInt8] {
    text { $0.replacingOccurrences(of: a, with: b) }
  }

  private static func seededFlips(_ seed: UInt64) -> ([UInt8]) -> [UInt8] {
    { bytes in
      var rng = SplitMix64(seed: seed)
      var b = bytes
      for _ in 0..<6 { b[rng.int(below: b.count)] ^= UInt8(1) << UInt8(rng.int(below: 8)) }
      return b
    }
  }

  private static func laughs() -> String {
    var y = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in 1...9 { y += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
    return y + "rules: {? *l9 : 1}\n"
  }

  private let mutations: [Mutation] = [
    Mutation(name: "schools truncated", file: "tiny/schools.csv", status: 2) { Array($0.prefix($0.count / 2)) },
    Mutation(name: "schools line deleted", file: "tiny/schools.csv", status: 2, change: text {
      $0.split(separator: "\n").enumerated().filter { $0.offset != 2 }.map(\.element).joined(separator: "\n") + "\n"
    }),
    Mutation(name: "schools line duplicated", file: "tiny/schools.csv", status: 2, change: text {
      let l = $0.split(separator: "\n").map(String.init)
      return (l + [l[1]]).joined(separator: "\n") + "\n"
    }),
    Mutation(name: "tier column removed", file: "tiny/schools.csv", status: 2, change: text {
      $0.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset != 4 }.map(\.element).joined(separator: ",") }.joined(separator: "\n")
    }),
    Mutation(name: "id and name data swapped", file: "tiny/schools.csv", status: 2, change: replacing("A,Anding Primary", "Anding Primary,A")),
    Mutation(name: "unbalanced quote", file: "tiny/schools.csv", status: 2, change: replacing("Beixin Primary", "\"Beixin Primary")),
    Mutation(name: "crlf", file: "tiny/schools.csv", status: 0, change: replacing("\n", "\r\n")),
    Mutation(name: "cr only", file: "tiny/staff.csv", status: 0, change: replacing("\n", "\r")),
    Mutation(name: "nul byte", file: "tiny/schools.csv", status: 2) { $0 + [0] },
    Mutation(name: "utf-16le with bom", file: "tiny/staff.csv", status: 2) {
      [0xFF, 0xFE] + [UInt8](String(decoding: $0, as: UTF8.self).data(using: .utf16LittleEndian)!)
    },
    Mutation(name: "utf-8 bom", file: "tiny/staff.csv", status: 0) { [0xEF, 0xBB, 0xBF] + $0 },
    Mutation(name: "gb18030 chinese", file: "tiny/schools.csv", status: 0) {
      [UInt8](try! CSVFileEncoding.gb18030.encode(
        String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "Anding Primary", with: "安定门小学")))
    },
    Mutation(name: "invalid utf-8", file: "tiny/schools.csv", status: 2) { $0 + [0xC0, 0x80, 0xFF] },
    Mutation(name: "2 MB name", file: "tiny/schools.csv", status: 0, change: replacing("Anding Primary", String(repeating: "x", count: 2_000_000))),
    Mutation(name: "100k empty lines", file: "tiny/staff.csv", status: 0) { $0 + [UInt8](repeating: 0x0A, count: 100_000) },
    Mutation(name: "pupils 1e309", file: "tiny/schools.csv", status: 2, change: replacing(",1,120,0,", ",1,1e309,0,")),
    Mutation(name: "negative pupils", file: "tiny/schools.csv", status: 2, change: replacing(",2,120,0,", ",2,-120,0,")),
    Mutation(name: "latitude 91", file: "tiny/schools.csv", status: 2, change: replacing("39.950000", "91")),
    Mutation(name: "5000 columns", file: "tiny/schools.csv", status: 0, change: replacing("lat,lon", "lat,lon" + String(repeating: ",", count: 5000))),
    Mutation(name: "birth year 20 digits", file: "tiny/staff.csv", status: 2, change: replacing(",1985,", ",99999999999999999999,")),
    Mutation(name: "escape sequence and newline in values", file: "tiny/staff.csv", status: 2, change: replacing(",bachelor,8,", ",\"bach\u{1B}[31m\nelor\",8,")),
    Mutation(name: "formula names", file: "tiny/staff.csv", status: 0, change: replacing("An Li", "=cmd|' /C calc'!A0")),
    Mutation(name: "flips 1", file: "tiny/staff.csv", status: 2, change: seededFlips(1)),
    Mutation(name: "flips 2", file: "tiny/schools.csv", status: 2, change: seededFlips(2)),
    Mutation(name: "billion laughs", file: "tiny.yaml", status: 2, change: text { $0 + laughs() }),
    Mutation(name: "base-60 year", file: "tiny.yaml", status: 2, change: replacing("year: 2026", "year: 9223372036854775807:0")),
    Mutation(name: "retirement overflow", file: "tiny.yaml", status: 2, change: replacing(
      "year: 2026", "year: 1900\nrules: {retirement_age: {M: 9223372036854775807}}")),
    Mutation(name: "extends itself", file: "tiny.yaml", status: 2, change: text { "extends: tiny.yaml\n" + $0 }),
    Mutation(name: "extends a device", file: "tiny.yaml", status: 2, change: text { "extends: /dev/null\n" + $0 }),
    Mutation(name: "gb18030 yaml", file: "tiny.yaml", status: 0) {
      [UInt8](try! CSVFileEncoding.gb18030.encode(
        String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "name: tiny", with: "name: 小样例")))
    },
    Mutation(name: "deep nesting", file: "tiny.yaml", status: 2, change: text { $0 + "solver: " + String(repeating: "[", count: 10_000) + "\n" }),
    Mutation(name: "infinite weight", file: "tiny.yaml", status: 2, change: text { $0 + "weights: {balance: .inf}\n" }),
    Mutation(name: "escape sequence in the scenario name", file: "tiny.yaml", status: 0, change: replacing(
      "name: tiny", #"name: "tiny\e[2J\e[31m""#)),
  ]

  /// Thirty-three hostile copies of Scenarios/tiny: each validates (0) or is rejected (2)
  /// as expected, within 20 s, and every stderr line is a diagnostic.
  func testValidateOnMutatedCopiesOfTiny() throws {
    let fm = FileManager.default
    let tinyYAML = "name: tiny\ndistrict: tiny\nyear: 2026\n"
    for m in mutations {
      let tmp = try CLI.tempDir(self)
      try fm.copyItem(at: tinyFolder, to: tmp.appendingPathComponent("tiny"))
      try Data(tinyYAML.utf8).write(to: tmp.appendingPathComponent("tiny.yaml"))
      let target = tmp.appendingPathComponent(m.file)
      try Data(m.change([UInt8](try Data(contentsOf: target)))).write(to: target)

      let r = try CLI.lungang(["validate", "tiny.yaml"], cwd: tmp, timeout: 20)
      XCTAssertEqual(r.status, m.status, "\(m.name): stderr\n\(r.err.prefix(2000))")
      let lines = r.errLines
      if r.status == 2 {
        XCTAssertTrue(lines.contains { $0.contains(" error: ") }, "\(m.name): \(lines)")
      } else {
        XCTAssertTrue(
          r.out.hasPrefix("tiny: valid") || r.out.hasPrefix("小样例: valid")
            || r.out.hasPrefix(#"tiny\u{1B}[2J\u{1B}[31m: valid"#), "\(m.name): \(r.out)")
      }
      XCTAssertFalse(
        r.out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(m.name): \(r.out.debugDescription)")
      for line in lines {
        XCTAssertLessThan(line.count, 600, "\(m.name): \(line.prefix(200))")
        XCTAssertNotNil(
          diagnosticLine.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
          "\(m.name): not a diagnostic: \(line.debugDescription.prefix(300))")
      }
    }
  }

  /// A district whose names and ids are spreadsheet formulas, and one with a CRLF, solves to
  /// the hand-worked plan; plan.csv and sections.csv have every formula-like cell prefixed with
  /// `'`, a negative number left alone, and every row as many fields as the header.
  func testFormulaNamesAreNeutralisedInPlanAndSections() throws {
    let tmp = try CLI.tempDir(self)
    let district = tmp.appendingPathComponent("hostile")
    try FileManager.default.createDirectory(at: district, withIntermediateDirectories: true)
    var schools = try CLI.read(tinyFolder.appendingPathComponent("schools.csv"))
    for (a, b) in [
      ("Anding Primary", #""=HYPERLINK(""http://x"",""y"")""#), ("Beixin Primary", "＝1+1"),
      ("Chongwen Junior", "-5"), ("Dongxing Junior", "\"Du\r\nxing\""),
    ] {
      schools = schools.replacingOccurrences(of: a, with: b)
    }
    var staff = try CLI.read(tinyFolder.appendingPathComponent("staff.csv"))
    for (a, b) in [
      ("Principal An,", "=cmd|' /C calc'!A0,"), ("a1,An Li,", "@a1,+1+1,"), ("Principal Bai,", "-2+3,"),
      ("b1,Bai Jing,", "-b1,@SUM(A1),"), ("Chen Hong,", "\"\t=1\","), ("Du Fang,", "\"\r=1\","),
    ] {
      staff = staff.replacingOccurrences(of: a, with: b)
    }
    try Data(schools.utf8).write(to: district.appendingPathComponent("schools.csv"))
    try Data(staff.utf8).write(to: district.appendingPathComponent("staff.csv"))
    try Data("name: hostile\ndistrict: hostile\nyear: 2026\n".utf8).write(to: tmp.appendingPathComponent("h.yaml"))

    let r = try CLI.lungang(["solve", "h.yaml", "--out", "out", "--no-timing", "--json"], cwd: tmp)
    XCTAssertEqual(r.status, 0, r.err)
    let doc = try CLI.jsonObject(r.stdout, "stdout")
    XCTAssertEqual(num((doc["objective"] as? [String: Any])?["total"]) ?? 0, 489, accuracy: 1e-6)

    let plan = parseCSV(try CLI.read(tmp.appendingPathComponent("out/plan.csv")))
    XCTAssertEqual(plan.count, 7)
    XCTAssertTrue(plan.allSatisfy { $0.count == 11 }, "\(plan)")
    // The tab before `=1` is trimmed on reading, as every field is; the CR is not.
    let idAndName = plan.dropFirst().map { [$0[0], $0[1]] }
    XCTAssertEqual(idAndName, [
      ["pA", "'=cmd|' /C calc'!A0"], ["'@a1", "'+1+1"], ["pB", "'-2+3"], ["'-b1", "'@SUM(A1)"],
      ["c2", "'=1"], ["d2", "'\r=1"],
    ])
    let sections = parseCSV(try CLI.read(tmp.appendingPathComponent("out/sections.csv")))
    XCTAssertEqual(sections.count, 5)
    XCTAssertTrue(sections.allSatisfy { $0.count == sections[0].count }, "\(sections)")
    XCTAssertEqual(sections.dropFirst().map { $0[1] }, [
      "'=HYPERLINK(\"http://x\",\"y\")", "'＝1+1", "-5", "Du\r\nxing",
    ])

    // In memory the names are as written: `validate` loads them without complaint.
    let v = try CLI.lungang(["validate", "h.yaml"], cwd: tmp)
    XCTAssertEqual(v.status, 0, v.err)
    XCTAssertEqual(v.err, "")
  }
}
