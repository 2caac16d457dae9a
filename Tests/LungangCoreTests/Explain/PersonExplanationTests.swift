import Foundation
import XCTest

@testable import LungangCore

/// `explain` on tiny districts whose accounts are worked out by hand: a mover with feasible
/// alternatives, a stayer whose school's quota is met without them, an exempt person, one
/// near retirement, and alternatives that break a hard rule.
final class PersonExplanationTests: XCTestCase {
  /// 1 km north–south on the sphere of radius 6371 km is 0.01° of latitude: R·0.01·π/180.
  let kmPerHundredthDegree = 6371.0 * 0.01 * Double.pi / 180

  /// Seven primary schools of zone Z1 (and D in Z2). t1 (math, at A, home at A's and C's
  /// spot) wishes C then B, served at E before. posts.csv: A math 0 (t1 may leave freely),
  /// B, C, D, E, H math 1 (empty: vacancies). F is junior-only, G has a Chinese post only,
  /// H lies 0.1° north (11.1 km) beyond max_commute_km 5. B lies 0.01° north (1.11 km).
  /// x1 at A is exempt (产假, maternity leave); n1 at A is 58, two years from retirement.
  ///
  /// No quotas, no balance (neutral rules). The vacancies of D, E and H cannot be filled
  /// (D out of scope, E past school, H too far): 3 × 1000. t1 fills C (first wish, 0 km):
  /// shortage 4 (B stays empty) × 1000 + move 0.5 = 4000.5.
  func moverDistrict() -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.rules.maxCommuteKm = 5
    let here = GeoPoint(lat: 39.90, lon: 116.40)
    t.school("A", at: here)
    t.school("B", at: GeoPoint(lat: 39.91, lon: 116.40))
    t.school("C", at: here)
    t.school("D", zone: "Z2", at: here)
    t.school("E", at: here)
    t.school("F", primary: 0, junior: 100, at: here)
    t.school("G", at: here)
    t.school("H", at: GeoPoint(lat: 40.00, lon: 116.40))
    t.teacher("t1", at: "A", home: here, wishes: ["C", "B"], past: ["E"])
    t.teacher("x1", at: "A", subject: .chinese, exempt: "产假")
    t.teacher("n1", at: "A", subject: .chinese, years: 20, born: 1968, gender: .male)
    t.teacher("f1", at: "F", stage: .junior, years: 1)
    t.teacher("g1", at: "G", subject: .chinese, years: 1)
    t.post("A", 0)
    for s in ["B", "C", "D", "E", "H"] { t.post(s, 1) }
    return t
  }

  func testMoverAccountAndExactAlternatives() throws {
    let (inst, out) = moverDistrict().solve()
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.moves(inst), ["t1": "C"])
    XCTAssertEqual(out.objective ?? -1, 4000.5, accuracy: 1e-6)
    let plan = try XCTUnwrap(out.plan)
    let ex = PersonExplanation(inst, plan: plan, person: inst.person("t1"))

    // Eligibility: 8 years ≥ 6; age 2026 − 1980 = 46, F retirement 55: 9 > 5.
    XCTAssertTrue(ex.eligibility.eligible)
    XCTAssertTrue(ex.eligibility.movable)
    XCTAssertEqual(ex.eligibility.age, 46)
    XCTAssertEqual(ex.eligibility.yearsToRetirement, 9)

    // Every other school is named with the rule that keeps it out.
    let byRule = Dictionary(uniqueKeysWithValues: ex.rules.byRule().map { ($0.0, $0.1.map { inst.schools[$0].id }) })
    XCTAssertEqual(
      byRule,
      [.scope: ["D"], .pastSchools: ["E"], .commute: ["H"], .cert: ["F"], .noSubjectPost: ["G"]])
    XCTAssertEqual(ex.allowedMoves.map { inst.schools[inst.destinations[inst.person("t1")][$0].school].id }.sorted(), ["B", "C"])

    // The move: first wish, 0 km, fills C's vacancy.
    XCTAssertTrue(ex.moves)
    XCTAssertEqual(ex.destination?.wishRank, 1)
    XCTAssertEqual(ex.destination?.km ?? -1, 0, accuracy: 1e-9)
    let post = try XCTUnwrap(ex.post(school: inst.schoolNamed("C"), section: ex.destination?.section ?? -1))
    XCTAssertEqual([post.posts, post.before, post.after, post.shortage], [1, 0, 1, 0])

    // Alternatives by hand: B costs wish 2 − 1 = 1 more and 0.1 × 1.11195 km more
    // (shortage unchanged: B filled, C empty instead); staying saves the move 0.5 and
    // leaves C empty: +1000 − 0.5 = 999.5. Both keep every hard rule.
    XCTAssertEqual(ex.alternatives.count, 2)
    let b = ex.alternatives[0]
    XCTAssertEqual(inst.schools[b.school].id, "B")
    XCTAssertTrue(b.feasible)
    XCTAssertEqual(b.delta, 1 + 0.1 * kmPerHundredthDegree, accuracy: 1e-9)
    XCTAssertEqual(b.termDeltas.map(\.0), ["wish", "commute"])
    XCTAssertEqual(b.termDeltas[0].1, 1, accuracy: 1e-12)
    let stay = ex.alternatives[1]
    XCTAssertTrue(stay.isStay)
    XCTAssertTrue(stay.feasible)
    XCTAssertEqual(stay.delta, 999.5, accuracy: 1e-9)
    XCTAssertEqual(stay.termDeltas.map(\.0), ["shortage", "move"])

    let text = ex.text(alternatives: 5)
    for fact in [
      "Eligible (应交流): yes", "years at the school: 8 ≥ teacher_min_years 6",
      "age 2026 − 1980 = 46; retirement age (F) 55: 9 years left, > retirement_buffer 5",
      "Allowed destinations besides staying: 2 (B/primary, C/primary)",
      "- 1 out of scope: D", "- 1 past school (past_schools): E", "- 1 beyond max_commute_km 5: H 11.12 km",
      "- 1 above their certificate (cert): F", "- 1 no post of their subject: G",
      "Plan: moves A/primary → C/primary", "wish: their 1st wish (list C;B): wish cost 1 − 1 = 0",
      "commute: 0.00 km from home (now 0.00 km)",
      "post taken C/primary math: posts 1, 0 before → 1 after (cap 1): every post filled (without them 1 short)",
      "+1.111", "+999.500", "Δ = total objective of the plan with only this person sent there",
    ] {
      XCTAssertTrue(text.contains(fact), "missing «\(fact)» in:\n\(text)")
    }
    XCTAssertEqual(ex.stayReasons(), [])
  }

  func testExemptPersonStaysWithTheReason() throws {
    let (inst, out) = moverDistrict().solve()
    let ex = PersonExplanation(inst, plan: try XCTUnwrap(out.plan), person: inst.person("x1"))
    XCTAssertFalse(ex.eligibility.eligible)
    XCTAssertFalse(ex.eligibility.movable)
    XCTAssertTrue(ex.eligibility.yearsMet)
    XCTAssertTrue(ex.eligibility.retirementMet)
    XCTAssertEqual(ex.eligibility.exemptReason, "产假")
    XCTAssertFalse(ex.moves)
    XCTAssertEqual(ex.stayReasons(), ["exempt this year (暂缓交流): 产假"])
    XCTAssertTrue(ex.alternatives.isEmpty)
    let text = ex.text()
    XCTAssertTrue(text.contains("exempt: yes, 产假 (暂缓交流)"), text)
    XCTAssertTrue(text.contains("Movable: no (exempt)"), text)
    XCTAssertTrue(text.contains("Plan: stays at A/primary"), text)
    XCTAssertFalse(text.contains("Alternatives"), text)
  }

  /// n1: male, born 1968, age 58: 60 − 58 = 2 years left, not > 5.
  func testNearRetirementIsNamedWithTheNumbers() throws {
    let (inst, out) = moverDistrict().solve()
    let ex = PersonExplanation(inst, plan: try XCTUnwrap(out.plan), person: inst.person("n1"))
    XCTAssertFalse(ex.eligibility.retirementMet)
    XCTAssertEqual(ex.eligibility.yearsToRetirement, 2)
    XCTAssertEqual(
      ex.stayReasons(),
      ["not movable: near retirement: 2 years to retirement age 60, not more than retirement_buffer 5; not a volunteer"])
  }

  /// Quota 50 %: A has s1 (wishes B) and s2 (wishes C, where there is no math post), E_A = 2,
  /// req = 1. B has 2 math posts and nobody; shortage is not priced (W_shortage 0), so only
  /// the quota asks for a move. s1 → B costs 0.5 (first wish); s2 → B would cost a wish
  /// miss 5 + 0.5. Optimum: s1 moves, s2 stays (total 0.5).
  /// s2's alternative, B: Δ = 5 + 0.5 = +5.5 by hand (quota already met, nothing else moves).
  func testStayerWhoseQuotaIsMet() throws {
    var t = TinyDistrict.neutral()
    t.rules.teacherQuota = 0.5
    t.weights.shortage = 0
    t.school("A")
    t.school("B")
    t.school("C")
    t.teacher("s1", at: "A", wishes: ["B"])
    t.teacher("s2", at: "A", wishes: ["C"])
    t.teacher("c1", at: "C", subject: .chinese, years: 1)
    t.post("A", 2)
    t.post("B", 2)
    let (inst, out) = t.solve()
    XCTAssertEqual(out.moves(inst), ["s1": "B"])
    XCTAssertEqual(out.objective ?? -1, 0.5, accuracy: 1e-9)
    let ex = PersonExplanation(inst, plan: try XCTUnwrap(out.plan), person: inst.person("s2"))
    XCTAssertTrue(ex.eligibility.eligible)
    XCTAssertFalse(ex.moves)
    XCTAssertEqual(ex.alternatives.count, 1)
    XCTAssertEqual(ex.alternatives[0].delta, 5.5, accuracy: 1e-12)
    XCTAssertTrue(ex.alternatives[0].feasible)
    XCTAssertEqual(
      ex.stayReasons(),
      [
        "A's teacher quota is met without them: 1 leave, 1 required",
        "no single move is better: the best, to B/primary, changes the objective by +5.500",
      ])
    // And the mover: counts toward A's quota.
    let mover = PersonExplanation(inst, plan: try XCTUnwrap(out.plan), person: inst.person("s1"))
    XCTAssertTrue(
      mover.text().contains("teacher quota of A: 1 required (50 % of 2 eligible), 1 leave with them: met"),
      mover.text())
    XCTAssertEqual(mover.alternatives.map(\.delta).count, 1)
    // s1 staying: quota misses 1 (500) and the move is saved (−0.5).
    XCTAssertEqual(mover.alternatives[0].delta, 499.5, accuracy: 1e-12)
  }

  /// A pure exchange (a1 ↔ b1, cap = current = 1): a1 staying alone puts two math teachers
  /// at A (cap 1) and leaves B short. The change is priced but named as breaking the cap,
  /// and not offered as feasible. Avoidance: c1 avoids d1, who cannot move and stays at D,
  /// so D is removed from c1's destinations.
  func testAlternativeThatBreaksAHardRuleAndAvoidance() throws {
    var t = TinyDistrict.neutral()
    t.rules.indicators = [.key]
    t.school("A")
    t.school("B")
    t.school("C")
    t.school("D")
    t.teacher("a1", at: "A", key: .district)
    t.teacher("a2", at: "A", subject: .chinese, key: .district, years: 1)
    t.teacher("b1", at: "B", wishes: ["A"])
    t.teacher("c1", at: "C", subject: .english, avoid: ["d1"])
    t.teacher("d1", at: "D", subject: .english, years: 1)
    t.teacher("d2", at: "D", subject: .english)
    let (inst, out) = t.solve()
    // Balance of primary key teachers: A 2, B 0, C 0, D 0 → a1 ↔ b1 evens A and B.
    XCTAssertEqual(out.moves(inst), ["a1": "B", "b1": "A"])
    let plan = try XCTUnwrap(out.plan)
    let ex = PersonExplanation(inst, plan: plan, person: inst.person("a1"))
    let stay = try XCTUnwrap(ex.alternatives.first { $0.isStay })
    XCTAssertFalse(stay.feasible)
    XCTAssertEqual(stay.breaks, ["section A/primary math: 2 teachers over cap 1"])
    // By hand: shortage +1000 (B math empty), move −0.5, balance: key counts become
    // A 2, B 0 (from 1, 1; C, D 0 either way) — recomputed by the same formula.
    let terms = inst.balanceTerms()
    var changed = plan
    changed.choice[inst.person("a1")] = 0
    let balanceStay = PlanEvaluation(changed, inst, terms: terms).terms.balance
    let balancePlan = PlanEvaluation(plan, inst, terms: terms).terms.balance
    XCTAssertEqual(stay.delta, 1000 - 0.5 + (balanceStay - balancePlan), accuracy: 1e-9)
    // μ = 100·2/400 = 0.5; before the swap both A's and B's term: with A 2 (2.0/100 pupils),
    // B, C, D 0: 10⁴·¼·(3² + 1 + 1 + 1) = 30000; after: A 1, B 1: 10⁴·¼·(1 + 1 + 1 + 1) = 10000.
    XCTAssertEqual(balanceStay, 30000, accuracy: 1e-6)
    XCTAssertEqual(balancePlan, 10000, accuracy: 1e-6)
    XCTAssertTrue(ex.text().contains("breaks alone: section A/primary math: 2 teachers over cap 1"))

    let c1 = PersonExplanation(inst, plan: plan, person: inst.person("c1"))
    XCTAssertEqual(c1.rules.avoidedFixed.map { inst.staff[$0].id }, ["d1"])
    XCTAssertEqual(c1.rules.avoidanceRemoved.values.map { inst.staff[$0].id }, ["d1"])
    XCTAssertEqual(c1.allowedMoves, [])
    XCTAssertEqual(c1.stayReasons(), ["movable, but every allowed destination is where someone they avoid stays (avoidance)"])
    let toD = try XCTUnwrap(c1.alternatives.first { inst.schools[$0.school].id == "D" })
    XCTAssertFalse(toD.feasible)
    XCTAssertTrue(toD.breaks.contains("c1 and d1 avoid each other but both end in D"), "\(toD.breaks)")
  }

  /// The JSON account is one document with the figures of the text.
  func testJSONAccount() throws {
    let (inst, out) = moverDistrict().solve()
    let ex = PersonExplanation(inst, plan: try XCTUnwrap(out.plan), person: inst.person("t1"))
    let text = ex.json(alternatives: 1).serialized()
    let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    XCTAssertEqual(doc["staff_id"] as? String, "t1")
    let planDoc = try XCTUnwrap(doc["plan"] as? [String: Any])
    XCTAssertEqual(planDoc["to_school"] as? String, "C")
    XCTAssertEqual((planDoc["wish_rank"] as? NSNumber)?.intValue, 1)
    let alts = try XCTUnwrap(doc["alternatives"] as? [String: Any])
    XCTAssertEqual((alts["count"] as? NSNumber)?.intValue, 2)
    let shown = try XCTUnwrap(alts["shown"] as? [[String: Any]])
    XCTAssertEqual(shown.count, 1)
    XCTAssertEqual((shown[0]["delta"] as? NSNumber)?.doubleValue ?? -1, 1 + 0.1 * kmPerHundredthDegree, accuracy: 1e-8)
    let dests = try XCTUnwrap(doc["destinations"] as? [String: Any])
    let excluded = try XCTUnwrap(dests["excluded"] as? [[String: Any]])
    XCTAssertEqual(excluded.map { $0["rule"] as? String }, ["scope", "past_schools", "max_commute_km", "cert", "no_subject_post"])
  }
}
