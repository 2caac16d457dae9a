import XCTest

@testable import LungangCore

/// Rule 3 (teacher quota) and rule 4 (key share) on tiny instances.
final class TeacherQuotaTests: XCTestCase {
  /// Two schools with one eligible math teacher each. Nobody moves: nothing requires it.
  func testNothingMovesWithoutAReason() {
    var t = TinyDistrict.neutral()
    t.school("A")
    t.school("B")
    t.teacher("a", at: "A")
    t.teacher("b", at: "B")
    let (inst, out) = t.solve()
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 0, accuracy: 1e-9)
    XCTAssertEqual(out.moves(inst), [:])
  }

  /// quota 0.10 of 1 eligible → req = ⌈0.1⌉ = 1 per school. Posts are full (pure exchange),
  /// so the only way to meet both quotas is the swap a↔b: 2 moves × 0.5 = 1; each school then
  /// sends 1 non-key teacher: key-share slack 0.2 each × 200 = 80. Total 81 < 2 × 500.
  func testQuotaForcesASwapAndKeySharePenalty() {
    var t = TinyDistrict.neutral()
    t.rules.teacherQuota = 0.10
    t.rules.keyShare = 0.20
    t.school("A")
    t.school("B")
    t.teacher("a", at: "A")
    t.teacher("b", at: "B")
    let (inst, out) = t.solve()
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 81, accuracy: 1e-6)
    XCTAssertEqual(out.moves(inst), ["a": "B", "b": "A"])
    XCTAssertEqual(out.evaluation?.terms.keyShare ?? -1, 80, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.terms.move ?? -1, 1, accuracy: 1e-9)
  }

  /// Same with key teachers: the key share is met, total = 1.
  func testKeyTeachersMeetTheKeyShare() {
    var t = TinyDistrict.neutral()
    t.rules.teacherQuota = 0.10
    t.rules.keyShare = 0.20
    t.school("A")
    t.school("B")
    t.teacher("a", at: "A", key: .district)
    t.teacher("b", at: "B", key: .municipal)
    let (_, out) = t.solve()
    XCTAssertEqual(out.objective ?? -1, 1, accuracy: 1e-6)
  }

  /// A: a1 key, a2 not; B: b1, b2 not key; quota 0.1 → req 1 each (⌈0.2⌉).
  /// Best: a1↔b-someone: v_A = 0, v_B = 0.2·1 → 40; moves 1. Total 41, and a1 is the one
  /// who leaves A (sending a2 would cost 81).
  func testKeyShareChoosesTheKeyTeacher() {
    var t = TinyDistrict.neutral()
    t.rules.teacherQuota = 0.10
    t.rules.keyShare = 0.20
    t.school("A")
    t.school("B")
    t.teacher("a1", at: "A", key: .district)
    t.teacher("a2", at: "A")
    t.teacher("b1", at: "B")
    t.teacher("b2", at: "B")
    let (inst, out) = t.solve()
    XCTAssertEqual(out.objective ?? -1, 41, accuracy: 1e-6)
    XCTAssertEqual(out.moves(inst)["a1"], "B")
    XCTAssertNil(out.moves(inst)["a2"])
  }

  /// A school outside quota_tiers has req 0: with only tier-1 schools in the quota and both
  /// schools tier 2, nothing moves and nothing is owed.
  func testQuotaTiers() {
    var t = TinyDistrict.neutral()
    t.rules.teacherQuota = 0.10
    t.rules.quotaTiers = [1]
    t.school("A")
    t.school("B")
    t.teacher("a", at: "A")
    t.teacher("b", at: "B")
    let (_, out) = t.solve()
    XCTAssertEqual(out.objective ?? -1, 0, accuracy: 1e-9)
  }
}
