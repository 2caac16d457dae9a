import XCTest

@testable import LungangCore

/// Eligible (应交流) and movable. year 2026; retirement ages M 60, F 55; buffer 5.
/// Eligible: years ≥ min years, not exempt, retirement_age − age > buffer (strict).
/// Movable: eligible, or volunteer and not exempt.
///
/// The pull used below: posts.csv gives the source school 0 math posts (cap = current, so
/// anyone may leave at no shortage) and B empty math posts at 1000 each.
final class EligibilityTests: XCTestCase {
  /// f50: F born 1976, age 50: 55 − 50 = 5 = buffer → not eligible.
  /// f49: F born 1977, age 49: 6 > 5 → eligible.
  /// m55: M born 1971, age 55: 60 − 55 = 5 → not eligible.
  /// m54: M born 1972, age 54: 6 > 5 → eligible.
  /// B has 4 posts: only f49 and m54 can fill: 2·1000 + 2·0.5 = 2001.
  func testRetirementEdgeIsStrict() {
    var t = TinyDistrict.neutral()
    t.school("A")
    t.school("B")
    t.teacher("f50", at: "A", born: 1976, gender: .female)
    t.teacher("f49", at: "A", born: 1977, gender: .female)
    t.teacher("m55", at: "A", born: 1971, gender: .male)
    t.teacher("m54", at: "A", born: 1972, gender: .male)
    t.post("A", 0)
    t.post("B", 4)
    let (inst, out) = t.solve()
    XCTAssertEqual(
      ["f50", "f49", "m55", "m54"].map { inst.eligible[inst.person($0)] }, [false, true, false, true])
    XCTAssertEqual(
      ["f50", "f49", "m55", "m54"].map { inst.movable[inst.person($0)] }, [false, true, false, true])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 2001, accuracy: 1e-6)
    XCTAssertEqual(out.moves(inst), ["f49": "B", "m54": "B"])
  }

  /// teacher_min_years 6, cadre_min_years 8. t6 (6 years) eligible, t5 not; cadres c8 at A
  /// eligible, c7 at B not. B has one empty math post: t6 fills it (1000 saved), t5 cannot:
  /// the post is filled, 0.5. cadre_quota 1.0 of E_c = 1 → 1 required; c8 could only swap
  /// with c7, who cannot move: w = 1 → 500. Total 500.5. (Were c7 counted, 2 required: 1000.)
  func testMinYears() {
    var t = TinyDistrict.neutral()
    t.rules.teacherMinYears = 6
    t.rules.cadreMinYears = 8
    t.rules.cadreQuota = 1.0
    t.school("A")
    t.school("B")
    t.teacher("t6", at: "A", years: 6)
    t.teacher("t5", at: "A", years: 5)
    t.cadre("c8", at: "A", years: 8)
    t.cadre("c7", at: "B", years: 7)
    t.post("A", 0)
    t.post("B", 1)
    let (inst, out) = t.solve()
    XCTAssertEqual(["t6", "t5", "c8", "c7"].map { inst.eligible[inst.person($0)] }, [true, false, true, false])
    XCTAssertEqual(inst.eligibleCadres, 1)
    XCTAssertEqual(inst.cadreQuotaRequired, 1)
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 500.5, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.cadreQuota ?? -1, 500, accuracy: 1e-9)
    XCTAssertEqual(out.moves(inst), ["t6": "B"])
  }

  /// x is exempt, eligible by years and a volunteer: never movable, so B's post stays
  /// empty: 1000, nobody moves. The same for an exempt cadre (not in E_c: quota 0).
  func testExemptNeverMovesEvenAsVolunteer() {
    var t = TinyDistrict.neutral()
    t.rules.cadreQuota = 1.0
    t.school("A")
    t.school("B")
    t.teacher("x", at: "A", exempt: "病休", volunteer: true)
    t.cadre("cx", at: "A", exempt: "病休", volunteer: true)
    t.cadre("cb", at: "B", years: 2)
    t.post("A", 0)
    t.post("B", 1)
    let (inst, out) = t.solve()
    for id in ["x", "cx"] {
      XCTAssertFalse(inst.eligible[inst.person(id)], id)
      XCTAssertFalse(inst.movable[inst.person(id)], id)
      XCTAssertEqual(inst.destinations[inst.person(id)].count, 0, id)
    }
    XCTAssertEqual(inst.eligibleCadres, 0)
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 1000, accuracy: 1e-6)
    XCTAssertEqual(out.moves(inst), [:])
  }

  /// A volunteer with few years is movable, counts in moved_j but not in E_j.
  /// A: e1 (eligible, wishes only C, so any move of e1 is a miss: 5) and v (2 years,
  /// volunteer); posts.csv A math = 1. B: one empty math post. C: a fixed Chinese teacher.
  /// teacher_quota 0.6: E_A = 1 (v not counted) → req_A = ⌈0.6⌉ = 1 (with v counted it
  /// would be ⌈1.2⌉ = 2 and cost 500 more). v → B fills B and meets the quota (v counts in
  /// moved_A): total 0.5. (Sending e1 instead: 5.5; nobody: 1500.)
  func testVolunteerIsMovableAndCountsInMovedButNotInEligible() {
    var t = TinyDistrict.neutral()
    t.rules.teacherQuota = 0.6
    t.school("A")
    t.school("B")
    t.school("C")
    t.teacher("e1", at: "A", wishes: ["C"])
    t.teacher("v", at: "A", years: 2, volunteer: true)
    t.teacher("c1", at: "C", subject: .chinese, years: 2)
    t.post("A", 1)
    t.post("B", 1)
    let (inst, out) = t.solve()
    let a = inst.schoolNamed("A")
    XCTAssertFalse(inst.eligible[inst.person("v")])
    XCTAssertTrue(inst.movable[inst.person("v")])
    XCTAssertEqual(inst.eligibleTeachers[a], 1)
    XCTAssertEqual(inst.quotaRequired[a], 1)
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 0.5, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.quota ?? -1, 0, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.movedFrom[a], 1)
    XCTAssertEqual(out.moves(inst), ["v": "B"])
  }
}
