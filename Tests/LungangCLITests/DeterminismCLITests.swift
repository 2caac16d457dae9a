import Foundation
import XCTest

/// Identical inputs give byte-identical outputs across runs and thread counts.
final class DeterminismCLITests: XCTestCase {
  /// A generated district with three independent parts, solved on one thread and on two:
  /// every output file is the same, byte for byte.
  func testOutputsAreByteIdenticalAcrossThreadCounts() throws {
    let tmp = try CLI.tempDir(self)
    let gen = try CLI.lungang([
      "generate", "--staff", "1200", "--schools", "14", "--zones", "3", "--seed", "5", "--out",
      tmp.appendingPathComponent("d").path,
    ])
    XCTAssertEqual(gen.status, 0, gen.err)
    let yaml = tmp.appendingPathComponent("s.yaml")
    try "name: det\ndistrict: d\nyear: 2026\n".write(to: yaml, atomically: true, encoding: .utf8)
    var outputs: [[Data]] = []
    for threads in ["1", "2", "1"] {
      let out = tmp.appendingPathComponent("out-\(outputs.count)")
      let r = try CLI.lungang(["solve", yaml.path, "--out", out.path, "--threads", threads, "--no-timing", "-q"])
      XCTAssertEqual(r.status, 0, r.err)
      let summary = try CLI.jsonObject(try Data(contentsOf: out.appendingPathComponent("summary.json")), "summary")
      XCTAssertEqual(summary["status"] as? String, "optimal")
      XCTAssertGreaterThan(((summary["model"] as? [String: Any])?["parts"] as? NSNumber)?.intValue ?? 0, 1)
      outputs.append(try ["plan.csv", "sections.csv", "summary.json"].map { try Data(contentsOf: out.appendingPathComponent($0)) })
    }
    XCTAssertGreaterThan(outputs[0][0].count, 200, "people move")
    XCTAssertEqual(outputs[0], outputs[1], "one thread vs two")
    XCTAssertEqual(outputs[0], outputs[2], "two runs on one thread")

    // With timing: write_s is the time plan.csv and sections.csv took (written before
    // summary.json), not a clock read before any file was written.
    let out = tmp.appendingPathComponent("out-timed")
    let r = try CLI.lungang(["solve", yaml.path, "--out", out.path, "--json", "-q"])
    XCTAssertEqual(r.status, 0, r.err)
    let doc = try CLI.jsonObject(r.stdout, "solve --json")
    let timing = try XCTUnwrap(doc["timing"] as? [String: Any])
    let write = try XCTUnwrap((timing["write_s"] as? NSNumber)?.doubleValue)
    XCTAssertGreaterThan(write, 0, "plan.csv of 1,200 people takes time to write: \(timing)")
    let total = try XCTUnwrap((timing["total_s"] as? NSNumber)?.doubleValue)
    let parts = ["load_s", "build_s", "solve_s", "write_s"].compactMap { (timing[$0] as? NSNumber)?.doubleValue }
    XCTAssertEqual(parts.count, 4)
    XCTAssertGreaterThanOrEqual(total, parts.reduce(0, +) - 0.004, "\(timing)")
    XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("summary.json")), r.stdout)
  }
}

/// `--redact`: no person's name in any output, stable pseudonyms, the plan unchanged.
final class RedactionCLITests: XCTestCase {
  func testRedactReplacesEveryNameByAStablePseudonym() throws {
    let tmp = try CLI.tempDir(self)
    let staff = csvRecords(try CLI.read(CLI.packageRoot.appendingPathComponent("Scenarios/tiny/staff.csv")))
    let nameColumn = try XCTUnwrap(staff.header.first { $0 == "name" || $0 == "姓名" })
    let names = staff.records.compactMap { $0[nameColumn] }.filter { !$0.isEmpty }
    XCTAssertEqual(names.count, staff.records.count)

    var texts: [String: String] = [:]
    var files: [String: String] = [:]
    for run in ["plain", "redacted", "redacted-again"] {
      let out = tmp.appendingPathComponent(run)
      var args = ["solve", "Scenarios/tiny.yaml", "--out", out.path, "--no-timing"]
      if run != "plain" { args.append("--redact") }
      let r = try CLI.lungang(args)
      XCTAssertEqual(r.status, 0, r.err)
      texts[run] = r.out + r.err
      for f in try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() {
        files[run, default: ""] += try CLI.read(out.appendingPathComponent(f))
      }
      texts[run, default: ""] += files[run, default: ""]
      if run != "plain" { CLI.assertVerified(out) }
    }
    let redacted = try XCTUnwrap(texts["redacted"])
    for n in names { XCTAssertFalse(redacted.contains(n), "\(n) appears in a redacted output") }
    XCTAssertTrue(try XCTUnwrap(texts["plain"]).contains(names[0]), "the names are there without --redact")
    XCTAssertEqual(files["redacted"], files["redacted-again"], "pseudonyms are stable")
    // Same plan: plan.csv equal once the name column is dropped.
    func planWithoutNames(_ run: String) throws -> [[String]] {
      parseCSV(try CLI.read(tmp.appendingPathComponent(run).appendingPathComponent("plan.csv"))).map { row in
        row.enumerated().filter { $0.offset != 1 }.map(\.element)
      }
    }
    XCTAssertEqual(try planWithoutNames("plain"), try planWithoutNames("redacted"))
    let pseudonyms = parseCSV(try CLI.read(tmp.appendingPathComponent("redacted/plan.csv"))).dropFirst().map { $0[1] }
    XCTAssertFalse(pseudonyms.isEmpty)
    for p in pseudonyms { XCTAssertNotNil(p.range(of: "^P-[0-9a-f]{10}$", options: .regularExpression), p) }
  }
}
