import Foundation
import XCTest

@testable import LungangCore

/// The construction heuristic always returns a plan that satisfies every hard rule.
final class HeuristicTests: XCTestCase {
  func testHeuristicPlanIsFeasibleOnTheSampleDistrict() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let district = try DistrictLoader.load(folder: root.appendingPathComponent("Scenarios/dongcheng"))
    let sc = Scenario(name: "t", district: district.folder, year: 2026)
    let inst = RotationInstance(district: district, scenario: sc)
    let form = Formulation(inst)
    var search = LocalSearch(inst, form)
    XCTAssertEqual(search.violations, search.countViolations(), "start")
    XCTAssertGreaterThan(search.violations, 0, "the sample has people avoidance forces to leave")

    let plan = search.run(deadline: Date().addingTimeInterval(5))
    XCTAssertEqual(search.violations, search.countViolations(), "end")
    let ev = PlanEvaluation(plan, inst)
    for t in inst.teacherPosts.indices where ev.teacherPostsAfter[t] != search.postCount[t] {
      XCTFail("post \(t): search \(search.postCount[t]) evaluation \(ev.teacherPostsAfter[t])")
    }
    for i in inst.staff.indices where search.col[i] >= 0 && Int(form.assignPerson[search.col[i]]) != i {
      XCTFail("person \(i) holds column of \(form.assignPerson[search.col[i]])")
    }
    XCTAssertEqual(ev.violations, [])
    let x = try XCTUnwrap(form.point(for: plan, inst))
    XCTAssertEqual(form.model.maxViolation(x), 0, accuracy: 1e-6)
    XCTAssertEqual(form.model.objectiveValue(x), ev.terms.total, accuracy: 1e-6 * max(1, ev.terms.total))
    // Report the worst rows for debugging.
    var act = Array(repeating: 0.0, count: form.model.rowCount)
    for e in 0..<form.model.entryValue.count {
      act[Int(form.model.entryRow[e])] += form.model.entryValue[e] * x[Int(form.model.entryColumn[e])]
    }
    for r in 0..<form.model.rowCount where act[r] < form.model.rowLower[r] - 1e-6 || act[r] > form.model.rowUpper[r] + 1e-6 {
      XCTFail("\(form.model.rowNames[r]): \(act[r]) not in [\(form.model.rowLower[r]), \(form.model.rowUpper[r])]")
    }
  }
}
