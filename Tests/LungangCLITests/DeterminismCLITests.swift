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
  }
}
