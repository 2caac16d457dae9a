import XCTest

@testable import LungangCore

/// Rule 6 (cadre quota, district-wide) and cadre posts (rule 2 for cadres: per school and
/// role, posts = cap = the current count; a cadre may only go to a school with a post of
/// their role).
final class CadreQuotaTests: XCTestCase {
  /// Principals pa at A and pb at B, both eligible: E_c = 2, cadre_quota 0.5 →
  /// ⌈1⌉ = 1. A principal can only leave if the other takes his place (cap = current = 1 at
  /// each school), so the quota is met by the swap pa↔pb: 2 moves · 0.5 = 1.0 (vs w = 1 →
  /// 500 without). Cadres are no teachers: T_j = 0 everywhere.
  func testPrincipalsSwapToMeetTheQuota() {
    var t = TinyDistrict.neutral()
    t.rules.cadreQuota = 0.5
    t.school("A")
    t.school("B")
    t.cadre("pa", at: "A")
    t.cadre("pb", at: "B")
    let (inst, out) = t.solve()
    XCTAssertEqual(inst.eligibleCadres, 2)
    XCTAssertEqual(inst.cadreQuotaRequired, 1)
    XCTAssertEqual(inst.teacherCount, [0, 0])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 1.0, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.cadreQuota ?? -1, 0, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.terms.move ?? -1, 1.0, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.movedCadres, 2)
    XCTAssertEqual(out.moves(inst), ["pa": "B", "pb": "A"])
  }

  /// Three principals at A, B, C. cadre_quota 0.5 → ⌈1.5⌉ = 2: one swap of two, 1.0.
  /// cadre_quota 0.7 → ⌈2.1⌉ = 3: a 3-cycle, 3·0.5 = 1.5.
  func testCeilingOfTheCadreQuota() {
    var t = TinyDistrict.neutral()
    t.school("A")
    t.school("B")
    t.school("C")
    t.cadre("pa", at: "A")
    t.cadre("pb", at: "B")
    t.cadre("pc", at: "C")
    t.rules.cadreQuota = 0.5
    let (inst1, out1) = t.solve()
    XCTAssertEqual(inst1.cadreQuotaRequired, 2)
    XCTAssertEqual(out1.status, .optimal)
    XCTAssertEqual(out1.objective ?? -1, 1.0, accuracy: 1e-6)
    let m1 = out1.moves(inst1)
    XCTAssertEqual(m1.count, 2)
    // A swap: the two movers end in each other's schools.
    let origins = Set(m1.keys.map { inst1.staff[inst1.person($0)].school })
    XCTAssertEqual(Set(m1.values), origins)

    t.rules.cadreQuota = 0.7
    let (inst2, out2) = t.solve()
    XCTAssertEqual(inst2.cadreQuotaRequired, 3)
    XCTAssertEqual(out2.status, .optimal)
    XCTAssertEqual(out2.objective ?? -1, 1.5, accuracy: 1e-6)
    XCTAssertEqual(out2.evaluation?.terms.cadreQuota ?? -1, 0, accuracy: 1e-9)
    XCTAssertEqual(out2.moves(inst2).count, 3)
  }

  /// Vice principal va at A, principal pb at B, vice principal vc at C. A cadre may only go
  /// to a school with a post of their role: va → C only, vc → A only, pb nowhere (no other
  /// school has a principal). cadre_quota 1.0, E_c = 3 → 3 required; the best is va↔vc
  /// (2 moves, 1.0) and w = 1 → 500. Total 501.
  func testCadreGoesOnlyToASchoolWithAPostOfTheirRole() {
    var t = TinyDistrict.neutral()
    t.rules.cadreQuota = 1.0
    t.school("A")
    t.school("B")
    t.school("C")
    t.cadre("va", at: "A", role: .vicePrincipal)
    t.cadre("pb", at: "B", role: .principal)
    t.cadre("vc", at: "C", role: .vicePrincipal)
    let (inst, out) = t.solve()
    XCTAssertEqual(inst.destinationSchools("va"), ["C"])
    XCTAssertEqual(inst.destinationSchools("vc"), ["A"])
    XCTAssertEqual(inst.destinationSchools("pb"), [])
    XCTAssertTrue(inst.movable[inst.person("pb")])
    XCTAssertEqual(inst.cadreQuotaRequired, 3)
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 501, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.cadreQuota ?? -1, 500, accuracy: 1e-9)
    XCTAssertEqual(out.moves(inst), ["va": "C", "vc": "A"])
  }

  /// A cadre shortage costs W_shortage like a teacher's. Cadre posts are a pure exchange
  /// (Σ per role is constant and each school is capped at its current count), so no
  /// feasible plan has one; check the pricing on a hand-made plan that breaks the cap:
  /// pa → B while pb stays. A is short one principal: shortage 1000, move 0.5, and the plan
  /// is flagged over the cap at B. The MIP prices the same point identically (1000.5) and
  /// sees its cadre post row violated.
  func testCadreShortageCostsTheShortageWeight() throws {
    var t = TinyDistrict.neutral()
    t.school("A")
    t.school("B")
    t.cadre("pa", at: "A")
    t.cadre("pb", at: "B")
    let inst = t.instance
    var plan = Plan.allStay(inst)
    plan.choice[inst.person("pa")] = try XCTUnwrap(inst.choice("pa", to: "B"))
    let ev = PlanEvaluation(plan, inst)
    XCTAssertEqual(ev.shortageHeads, 1)
    XCTAssertEqual(ev.terms.shortage, 1000, accuracy: 1e-9)
    XCTAssertEqual(ev.terms.total, 1000.5, accuracy: 1e-9)
    XCTAssertEqual(ev.violations.count, 1)
    XCTAssertTrue(ev.violations.first?.contains("over cap") ?? false, "\(ev.violations)")
    let form = Formulation(inst)
    let x = try XCTUnwrap(form.point(for: plan, inst))
    XCTAssertEqual(form.model.objectiveValue(x), 1000.5, accuracy: 1e-9)
    XCTAssertEqual(form.model.maxViolation(x), 1, accuracy: 1e-9)
    // The optimum keeps everyone: 0.
    let (_, out) = t.solve()
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 0, accuracy: 1e-9)
  }
}
