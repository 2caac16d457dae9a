import XCTest

@testable import LungangCore

/// Rule 5 (outflow): moved_j ≤ max(⌊max_outflow · T_j⌋, req_j), hard.
///
/// Common district: school A has five eligible math teachers a1…a5 (T_A = 5) and
/// posts.csv gives A only 2 math posts (cap A = max(2, 5) = 5, so up to three may leave
/// without a shortage at A). School B has 3 math posts and no teachers (cap 3, short 3).
/// Every teacher who moves A → B saves W_shortage = 1000 and costs W_move = 0.5.
final class OutflowTests: XCTestCase {
  private func district(maxOutflow: Double, quota: Double = 0) -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.rules.maxOutflow = maxOutflow
    t.rules.teacherQuota = quota
    t.school("A")
    t.school("B")
    for n in 1...5 { t.teacher("a\(n)", at: "A") }
    t.post("A", 2)
    t.post("B", 3)
    return t
  }

  /// max_outflow 0.2: limit_A = max(⌊0.2·5⌋, req 0) = 1. Only one teacher may leave although
  /// B pulls three: B stays short 2 → 2·1000, plus one move 0.5. Total 2000.5.
  func testLimitBindsAgainstAShortageElsewhere() {
    let t = district(maxOutflow: 0.2)
    let (inst, out) = t.solve()
    XCTAssertEqual(inst.teacherCount[inst.schoolNamed("A")], 5)
    XCTAssertEqual(inst.outflowLimit[inst.schoolNamed("A")], 1)
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 2000.5, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.shortage ?? -1, 2000, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.terms.move ?? -1, 0.5, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.shortageHeads, 2)
    let moves = out.moves(inst)
    XCTAssertEqual(moves.count, 1)
    XCTAssertEqual(Set(moves.values), ["B"])
  }

  /// max_outflow 0.39: ⌊1.95⌋ = 1 (a floor, not a rounding): same as above, 2000.5.
  /// max_outflow 0.4: ⌊2⌋ = 2: two leave, B short 1 → 1000 + 2·0.5 = 1001.
  func testLimitIsTheFloorOfTheShare() {
    let (inst1, out1) = district(maxOutflow: 0.39).solve()
    XCTAssertEqual(inst1.outflowLimit[inst1.schoolNamed("A")], 1)
    XCTAssertEqual(out1.status, .optimal)
    XCTAssertEqual(out1.objective ?? -1, 2000.5, accuracy: 1e-6)
    XCTAssertEqual(out1.moves(inst1).count, 1)

    let (inst2, out2) = district(maxOutflow: 0.4).solve()
    XCTAssertEqual(inst2.outflowLimit[inst2.schoolNamed("A")], 2)
    XCTAssertEqual(out2.status, .optimal)
    XCTAssertEqual(out2.objective ?? -1, 1001, accuracy: 1e-6)
    XCTAssertEqual(out2.evaluation?.terms.shortage ?? -1, 1000, accuracy: 1e-9)
    let moves = out2.moves(inst2)
    XCTAssertEqual(moves.count, 2)
    XCTAssertEqual(Set(moves.values), ["B"])
  }

  /// req_j overrides the share: teacher_quota 0.5, E_A = 5 → req_A = ⌈2.5⌉ = 3, so
  /// limit_A = max(⌊0.2·5⌋ = 1, 3) = 3. Three leave A for B: B full (shortage 0), quota met
  /// (u = 0), A keeps 2 = its posts. B has no teachers (E_B = 0, req_B = 0).
  /// Total 3·0.5 = 1.5. (Without the override: 1 move, 2 short, u = 2 → 3000.5.)
  func testQuotaRequirementOverridesTheLimit() {
    let t = district(maxOutflow: 0.2, quota: 0.5)
    let (inst, out) = t.solve()
    XCTAssertEqual(inst.quotaRequired[inst.schoolNamed("A")], 3)
    XCTAssertEqual(inst.outflowLimit[inst.schoolNamed("A")], 3)
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 1.5, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.shortage ?? -1, 0, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.terms.quota ?? -1, 0, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.movedFrom[inst.schoolNamed("A")], 3)
    let moves = out.moves(inst)
    XCTAssertEqual(moves.count, 3)
    XCTAssertEqual(Set(moves.values), ["B"])
  }
}
