import XCTest

@testable import LungangCore

/// rules.scope decides where a person may go: same zone, same non-empty group, either, or
/// anywhere in the district.
///
/// Schools (one math post each, all full): A (zone Z1, group G1, tier 1) with a1, a2;
/// B (Z1, no group), C (Z2, G1), D (Z2, no group), tier 2, with b1, c1, d1. Everyone is
/// eligible. quota_tiers [1], teacher_quota 1.0: req_A = 2, all others 0. a1 wishes only D
/// (elsewhere a miss: 5), nobody else gives wishes. Every teacher who leaves A needs a
/// partner coming back (A's 2 posts, each other school's cap 1).
///   zone:          A ↔ B only; B has room for one: a2↔b1 (1.0), u_A = 1 (500).   501
///   group:         A ↔ C only: a2↔c1 (1.0) + 500.                              501
///   zone_or_group: B and C: a1, a2 to B and C, b1, c1 to A: 2.0 + a1's miss 5.   7
///   district:      a1 → D (wished, 0), d1 → A, a2 → B or C and back: 2.0.        2
final class ScopeTests: XCTestCase {
  private func solve(_ scope: Scope) -> (RotationInstance, SolveOutcome) {
    var t = TinyDistrict.neutral()
    t.rules.scope = scope
    t.rules.teacherQuota = 1.0
    t.rules.quotaTiers = [1]
    t.school("A", zone: "Z1", group: "G1", tier: 1)
    t.school("B", zone: "Z1", group: nil)
    t.school("C", zone: "Z2", group: "G1")
    t.school("D", zone: "Z2", group: nil)
    t.teacher("a1", at: "A", wishes: ["D"])
    t.teacher("a2", at: "A")
    t.teacher("b1", at: "B")
    t.teacher("c1", at: "C")
    t.teacher("d1", at: "D")
    return t.solve()
  }

  func testZone() {
    let (inst, out) = solve(.zone)
    XCTAssertEqual(inst.destinationSchools("a1"), ["B"])
    XCTAssertEqual(inst.destinationSchools("c1"), ["D"])
    XCTAssertEqual(inst.quotaRequired, [2, 0, 0, 0])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 501, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.quota ?? -1, 500, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.quotaMissing, 1)
    XCTAssertEqual(out.moves(inst), ["a2": "B", "b1": "A"])
  }

  func testGroup() {
    let (inst, out) = solve(.group)
    XCTAssertEqual(inst.destinationSchools("a1"), ["C"])
    XCTAssertEqual(inst.destinationSchools("b1"), [])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 501, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.quota ?? -1, 500, accuracy: 1e-9)
    XCTAssertEqual(out.moves(inst), ["a2": "C", "c1": "A"])
  }

  func testZoneOrGroup() {
    let (inst, out) = solve(.zoneOrGroup)
    XCTAssertEqual(inst.destinationSchools("a1"), ["B", "C"])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 7, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.quota ?? -1, 0, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.terms.wish ?? -1, 5, accuracy: 1e-9)
    let m = out.moves(inst)
    XCTAssertEqual(m.count, 4)
    XCTAssertEqual(Set([m["a1"], m["a2"]]), ["B", "C"])
    XCTAssertEqual(m["b1"], "A")
    XCTAssertEqual(m["c1"], "A")
  }

  func testDistrict() {
    let (inst, out) = solve(.district)
    XCTAssertEqual(inst.destinationSchools("a1"), ["B", "C", "D"])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 2, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.wish ?? -1, 0, accuracy: 1e-9)
    let m = out.moves(inst)
    XCTAssertEqual(m.count, 4)
    XCTAssertEqual(m["a1"], "D")
    XCTAssertEqual(m["d1"], "A")
    let a2 = m["a2"] ?? "none"
    XCTAssertTrue(a2 == "B" || a2 == "C", a2)
    XCTAssertEqual(m[a2 == "B" ? "b1" : "c1"], "A")
  }
}
