import Foundation
import XCTest

@testable import LungangCore

/// plan.csv read back into a plan: rows matched to allowed destinations, problems per row,
/// a BOM and formula-neutralised ids accepted.
final class PlanFileTests: XCTestCase {
  func instance() -> RotationInstance {
    var t = TinyDistrict.neutral()
    t.school("A")
    t.school("B")
    t.school("=C")
    t.teacher("a1", at: "A")
    t.teacher("-a2", at: "A")
    t.teacher("a3", at: "A", years: 1)
    t.post("B", 2)
    t.post("=C", 1)
    return t.instance
  }

  func write(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
  }

  func testRowsBecomeChoicesAndProblemsNameTheLine() throws {
    let inst = instance()
    var w = CSVWriter()
    w.row(["staff_id", "to_school", "to_stage"])
    w.row(["-a2", "=C", "primary"])  // written as '-a2 and '=C
    w.row(["a1", "B", "primary"])
    w.row(["a3", "B", "primary"])
    w.row(["zz", "B", "primary"])
    w.row(["a1", "Q", "primary"])
    let url = try write("\u{FEFF}" + w.text)
    let file = try PlanFile.read(inst, from: url)
    XCTAssertEqual(inst.schools[file.plan.endSchool(inst.person("a1"), in: inst)].id, "B")
    XCTAssertEqual(inst.schools[file.plan.endSchool(inst.person("-a2"), in: inst)].id, "=C")
    XCTAssertFalse(file.plan.moves(inst.person("a3"), in: inst))
    XCTAssertEqual(
      file.problems,
      [
        "plan.csv:4: a3 is not movable", "plan.csv:5: unknown staff zz", "plan.csv:6: a1 listed twice",
        "plan.csv:6: unknown school Q",
      ])
  }

  func testMissingColumnOrFileIsAnError() throws {
    let inst = instance()
    XCTAssertThrowsError(try PlanFile.read(inst, from: try write("staff_id,to_school\n"))) {
      XCTAssertEqual("\($0)", "plan.csv: missing staff_id, to_school or to_stage column")
    }
    XCTAssertThrowsError(try PlanFile.read(inst, from: URL(fileURLWithPath: "/nonexistent/plan.csv"))) {
      XCTAssertEqual("\($0)", "/nonexistent/plan.csv: cannot read")
    }
  }
}
