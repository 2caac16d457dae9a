import Foundation
import XCTest

@testable import LungangCore

/// One tiny case per rule of model.md, solved by glpsol with Models/rotation.mod; each
/// expected optimum is worked out by hand in the comment above it.
/// Unless a test says otherwise (GMPL.scenario): year 2022, no indicators, teacher_quota 0,
/// key_share 0, max_outflow 1, weights at their defaults (shortage 1000, quota 500,
/// key_share 200, cadre_quota 500, wish 1, wish_miss 5, commute 0.1, move 0.5).
/// Schools default to zone A, tier 2, 100 primary pupils; teachers to math, primary,
/// eligible (10 years, male, born 1980).
final class GMPLModelTests: XCTestCase {
  typealias G = GMPL

  // MARK: posts and shortage (rule 2)

  func testPostsCapAndShortage() throws {
    // S1: T1, T2 (math, eligible). S2: C (chinese, 1 year, fixed).
    // posts: S1 math 0, S2 math 1, S2 pe 2 (nobody teaches pe: the post is created).
    // teacher_quota 1.0: E_1 = 2, req_1 = 2; outflow max(floor(1*2), 2) = 2.
    // cap(S2, math) = max(1, 0) = 1, so at most one of T1, T2 goes.
    // One moves: pe shortage 2 (unfillable) 2000 + u_1 = 1 → 500 + move 0.5 = 2500.5.
    // Nobody moves: 2000 + 1000 (S2 math) + 1000 (u = 2) = 4000. Both: cap forbids.
    let d = G.district(
      [G.school("S1"), G.school("S2")],
      [G.teacher("T1", "S1"), G.teacher("T2", "S1"), G.teacher("C", "S2", .chinese, years: 1)],
      posts: [G.post("S1"): 0, G.post("S2"): 1, G.post("S2", .pe): 2])
    let r = try G.assertTotal(d, G.scenario { $0.teacherQuota = 1.0 }, 2500.5)
    XCTAssertEqual(r.terms["shortage"]!, 2000, accuracy: 1e-9)
    XCTAssertEqual(r.terms["quota"]!, 500, accuracy: 1e-9)
    XCTAssertEqual(r.moves.count, 1)
  }

  func testPureExchangeWithoutPostsKeepsEveryone() throws {
    // No posts.csv: posts = current counts, cap = current. T1 (S1 math) cannot enter S2
    // (cap(S2, math) = 0 without a math teacher there) → nobody moves, total 0.
    // With S2 math posts 1: T1 moving fills S2 but empties S1 (posts 1) → 1000.5 versus
    // staying 1000 → stays: 1000.
    let schools = [G.school("S1"), G.school("S2")]
    let staff = [G.teacher("T1", "S1"), G.teacher("C", "S2", .chinese, years: 1)]
    try G.assertTotal(G.district(schools, staff), G.scenario(), 0)
    let r = try G.assertTotal(G.district(schools, staff, posts: [G.post("S2"): 1]), G.scenario(), 1000)
    XCTAssertEqual(r.moves, [])
  }

  // MARK: teacher quota (rule 3)

  func testTeacherQuotaTiersAndTolerance() throws {
    // S1 (tier 1) alone in zone A with 25 eligible teachers: nobody can go anywhere.
    // teacher_quota 0.28: 0.28 * 25 = 7.000000000000001 → ceil with 1e-9 tolerance = 7
    // (8 without) → u = 7 → 3500. S2 (tier 3, zone B, 3 eligible) is outside
    // quota_tiers [1, 2] → req 0. Total 3500.
    var staff = (1...25).map { G.teacher("A\($0)", "S1", .chinese) }
    staff += (1...3).map { G.teacher("B\($0)", "S2", .chinese) }
    let d = G.district([G.school("S1", tier: 1), G.school("S2", zone: "B", tier: 3)], staff)
    let r = try G.assertTotal(
      d, G.scenario { $0.teacherQuota = 0.28; $0.quotaTiers = [1, 2] }, 3500)
    XCTAssertEqual(r.counts["quota_missing"]!, 7, accuracy: 1e-9)
    // All tiers: S2 adds ceil(0.84) = 1 → 4000.
    try G.assertTotal(d, G.scenario { $0.teacherQuota = 0.28 }, 4000)
  }

  // MARK: key share (rule 4)

  func testKeyShare() throws {
    // S1: K (key) and N (non-key), math, both eligible; K wished S3 (so S2 is a miss: 5).
    // posts S1 math 1, S2 math 1 (empty). teacher_quota 0.5: E = 2, req = 1.
    // One of them moves to S2 (otherwise 1000 shortage + 500 quota).
    //   K moves: wish miss 5 + move 0.5 = 5.5, key share met.
    //   N moves: v = key_share * 1; key_share 0.2 → 40 + 0.5 = 40.5 → K: 5.5.
    //   key_share 0.02 → 4 + 0.5 = 4.5 < 5.5 → N: 4.5.
    let d = G.district(
      [G.school("S1"), G.school("S2"), G.school("S3", zone: "B")],
      [G.teacher("K", "S1", key: .district, wishes: ["S3"]), G.teacher("N", "S1"),
       G.teacher("C", "S2", .chinese, years: 1)],
      posts: [G.post("S1"): 1, G.post("S2"): 1])
    let a = try G.assertTotal(d, G.scenario { $0.teacherQuota = 0.5; $0.keyShare = 0.2 }, 5.5)
    XCTAssertEqual(a.moves, ["P1 S1 S2 primary"])
    let b = try G.assertTotal(d, G.scenario { $0.teacherQuota = 0.5; $0.keyShare = 0.02 }, 4.5)
    XCTAssertEqual(b.moves, ["P2 S1 S2 primary"])
    XCTAssertEqual(b.terms["key_share"]!, 4, accuracy: 1e-9)
  }

  // MARK: outflow (rule 5)

  func testOutflow() throws {
    // S1: 5 eligible math teachers, posts S1 math 0; S2 math posts 3 (empty).
    // max_outflow 0.2: floor(0.2 * 5) = 1; teacher_quota 0 → req 0 → at most 1 leaves:
    //   1 move 0.5 + shortage 2 → 2000.5.
    // teacher_quota 0.5: req = ceil(2.5) = 3 → limit max(1, 3) = 3 → 3 move: 1.5.
    let d = G.district(
      [G.school("S1"), G.school("S2")],
      (1...5).map { G.teacher("T\($0)", "S1") } + [G.teacher("C", "S2", .chinese, years: 1)],
      posts: [G.post("S1"): 0, G.post("S2"): 3])
    let a = try G.assertTotal(d, G.scenario { $0.maxOutflow = 0.2 }, 2000.5)
    XCTAssertEqual(a.moves.count, 1)
    let b = try G.assertTotal(d, G.scenario { $0.maxOutflow = 0.2; $0.teacherQuota = 0.5 }, 1.5)
    XCTAssertEqual(b.moves.count, 3)
  }

  // MARK: cadre quota and cadre posts (rules 2, 6)

  func testCadreQuotaAndCadrePosts() throws {
    // S1: principal P1, vice V1 (eligible); S2: principal P2 (eligible), vice V2 (2 years).
    // E_c = 3; cadre_quota 0.5 → ceil(1.5) = 2. Cadre posts = current counts (1 each).
    // V1 cannot enter S2 (vice post full, V2 fixed). P1 → S2 alone leaves S1 without a
    // principal (1000) and is capped at S2 unless P2 leaves. Swap P1 ↔ P2: 2 moves = 1.0,
    // quota met. Total 1.0.
    // cadre_quota 1.0 → req 3, only 2 can move → w = 1 → 500 + 1.0 = 501.
    let d = G.district(
      [G.school("S1"), G.school("S2")],
      [G.cadre("P1", "S1", .principal), G.cadre("V1", "S1", .vicePrincipal),
       G.cadre("P2", "S2", .principal), G.cadre("V2", "S2", .vicePrincipal, years: 2)])
    let a = try G.assertTotal(d, G.scenario(), 1.0)
    XCTAssertEqual(a.moves, ["P1 S1 S2 cadre", "P3 S2 S1 cadre"])
    try G.assertTotal(d, G.scenario { $0.cadreQuota = 1.0 }, 501)
  }

  // MARK: avoidance (rule 7)

  func testAvoidance() throws {
    // S1: A (math, eligible); C, D (chinese, 1 year, fixed) avoid each other: both fixed in
    // the same school → warning, no row. S2: B (math, 1 year, fixed) lists A in `avoid`
    // (only B's side lists the pair). posts S1 math 0, S2 math 2.
    // Without the pair A → S2: 0.5 (S2 short 0). With it A cannot end in S2: 1000.
    let schools = [G.school("S1"), G.school("S2")]
    func staff(_ avoid: Bool) -> [StaffMember] {
      [G.teacher("A", "S1"), G.teacher("C", "S1", .chinese, years: 1, avoid: ["D"]),
       G.teacher("D", "S1", .chinese, years: 1, avoid: ["C"]),
       G.teacher("B", "S2", years: 1, avoid: avoid ? ["A"] : [])]
    }
    let posts = [G.post("S1"): 0, G.post("S2"): 2]
    try G.assertTotal(G.district(schools, staff(false), posts: posts), G.scenario(), 0.5)
    try G.assertTotal(G.district(schools, staff(true), posts: posts), G.scenario(), 1000)
  }

  func testAvoidanceForcesALeave() throws {
    // S1: A (math, eligible) and B (chinese, fixed) who avoid each other; S2 math posts 1
    // (empty); S1 math posts 1. Without the pair A stays (1000, S2 short) rather than
    // move (1000 S1 short + 0.5). With it A must leave S1: 1000.5.
    let schools = [G.school("S1"), G.school("S2")]
    let posts = [G.post("S1"): 1, G.post("S2"): 1]
    let free = [G.teacher("A", "S1"), G.teacher("B", "S1", .chinese, years: 1),
                G.teacher("C", "S2", .chinese, years: 1)]
    try G.assertTotal(G.district(schools, free, posts: posts), G.scenario(), 1000)
    let paired = [G.teacher("A", "S1", avoid: ["B"]), G.teacher("B", "S1", .chinese, years: 1),
                  G.teacher("C", "S2", .chinese, years: 1)]
    let r = try G.assertTotal(G.district(schools, paired, posts: posts), G.scenario(), 1000.5)
    XCTAssertEqual(r.moves, ["P1 S1 S2 primary"])
  }

  // MARK: wishes

  func testWishRankAndMiss() throws {
    // A (S1, math) wishes [S3, S1, S3, S2]: rank of first occurrence S3 = 1, S2 = 4; S3 is a
    // past school. S2, S3, S4 each need one math teacher; S1 math posts 0.
    // Shortage 2 in any case (2000). A → S2: wish 4 - 1 = 3, + 0.5 → 2003.5;
    // A → S4 (not wished): 5 + 0.5 = 5.5. Optimum 2003.5.
    let schools = [G.school("S1"), G.school("S2"), G.school("S3"), G.school("S4")]
    let posts = [G.post("S1"): 0, G.post("S2"): 1, G.post("S3"): 1, G.post("S4"): 1]
    let a = G.teacher("A", "S1", wishes: ["S3", "S1", "S3", "S2"], past: ["S3"])
    let r = try G.assertTotal(G.district(schools, [a], posts: posts), G.scenario(), 2003.5)
    XCTAssertEqual(r.terms["wish"]!, 3, accuracy: 1e-9)
    XCTAssertEqual(r.moves, ["P1 S1 S2 primary"])
    // Wishes [S3] only, S3 past: every move misses: 2000 + 5 + 0.5; wish_miss 7 → 2007.5.
    let b = G.teacher("A", "S1", wishes: ["S3"], past: ["S3"])
    try G.assertTotal(G.district(schools, [b], posts: posts), G.scenario(), 2005.5)
    var s = G.scenario()
    s.weights.wishMiss = 7
    try G.assertTotal(G.district(schools, [b], posts: posts), s, 2007.5)
  }

  func testWishesOnly() throws {
    // A (S1) wishes [S3]; S3 has no math post (cap 0) so it is no destination. S2 needs
    // one math teacher; S1 math posts 0.
    // wishes_only false: A → S2, a wish miss: 5 + 0.5 = 5.5.
    // wishes_only true: A may only go to S3 → stays: 1000.
    // Adding B (S1, no wishes): wishes_only does not bind B → B → S2: 0.5.
    let schools = [G.school("S1"), G.school("S2"), G.school("S3")]
    let posts = [G.post("S1"): 0, G.post("S2"): 1]
    let a = G.teacher("A", "S1", wishes: ["S3"])
    try G.assertTotal(G.district(schools, [a], posts: posts), G.scenario(), 5.5)
    try G.assertTotal(
      G.district(schools, [a], posts: posts), G.scenario { $0.wishesOnly = true }, 1000)
    let r = try G.assertTotal(
      G.district(schools, [a, G.teacher("B", "S1")], posts: posts),
      G.scenario { $0.wishesOnly = true }, 0.5)
    XCTAssertEqual(r.moves, ["P2 S1 S2 primary"])
  }

  // MARK: commute

  func testCommuteLimitAndCost() throws {
    // A's home (39.9, 116.4); S1 (A's school) unlocated; S3 at (39.9, 116.6):
    // haversine 17.060970992112626 km (R 6371). S3 needs one math teacher; S1 math posts 0.
    // No limit: A → S3: 0.1 * 17.060970992112626 + 0.5 = 2.2060970992112626.
    // Limit 10 km: S3 excluded → 1000.
    // Limit 10 km plus S4 (no location, needs math): A → S4 (distance unknown: no limit,
    // 0 km) → 1000 (S3 short) + 0.5 = 1000.5.
    let home = GeoPoint(lat: 39.9, lon: 116.4)
    let a = G.teacher("A", "S1", home: home)
    let s3 = G.school("S3", at: GeoPoint(lat: 39.9, lon: 116.6))
    let two = G.district([G.school("S1"), s3], [a], posts: [G.post("S1"): 0, G.post("S3"): 1])
    let r = try G.assertTotal(two, G.scenario(), 0.1 * 17.060970992112626 + 0.5)
    XCTAssertEqual(r.terms["commute"]!, 1.7060970992112626, accuracy: 1e-9)
    try G.assertTotal(two, G.scenario { $0.maxCommuteKm = 10 }, 1000)
    let three = G.district(
      [G.school("S1"), s3, G.school("S4")], [a],
      posts: [G.post("S1"): 0, G.post("S3"): 1, G.post("S4"): 1])
    try G.assertTotal(three, G.scenario { $0.maxCommuteKm = 10 }, 1000.5)
    try G.assertTotal(three, G.scenario { $0.maxCommuteKm = 20 }, 1000.5)
  }

  // MARK: balance (优质均衡)

  func testBalanceSecantEpigraph() throws {
    // Indicator key only. S1 (100 primary pupils): K1, K2, K3 key math teachers; S2 (200):
    // N1, N2, N3 non-key math teachers; all eligible, pure exchange (swaps only).
    // μ = 100 * 3 / 300 = 1. With c = key teachers left in S1 (S2 has 3 - c):
    //   B(c) = 1e4 [ (1/3)(c - 1)^2 + (2/3)((3 - c)/2 - 1)^2 ]
    //   B(3) = 20000, B(2) = 5000, B(1) = 0, B(0) = 5000.
    // A swap costs 2 moves = 1.0.
    //   W_balance 1: c = 1 with two swaps: 0 + 2.0 = 2.0.
    //   W_balance 1e-4: c=3: 2; c=2: 0.5 + 1 = 1.5; c=1: 0 + 2 = 2 → 1.5.
    let staff = (1...3).map { G.teacher("K\($0)", "S1", key: .municipal) }
      + (1...3).map { G.teacher("N\($0)", "S2") }
    let d = G.district([G.school("S1", primary: 100), G.school("S2", primary: 200)], staff)
    var s = G.scenario { $0.indicators = [.key] }
    let a = try G.assertTotal(d, s, 2.0)
    XCTAssertEqual(a.terms["balance"]!, 0, accuracy: 1e-9)
    XCTAssertEqual(a.moves.count, 4)
    s.weights.balance = 1e-4
    let b = try G.assertTotal(d, s, 1.5)
    XCTAssertEqual(b.terms["balance"]!, 0.5, accuracy: 1e-9)
  }

  func testBalanceConstantOfClosedSections() throws {
    // Nobody can move (all 1 year). Indicators higher_degree and key, primary only.
    // S1 (100): bachelor key; S2 (300): associate, secondary.
    // higher_degree (primary: ≥ associate): c = 1, 1; P = 400; μ = 100 * 2 / 400 = 0.5.
    //   S1: X = 1, (1 - .5)/.5 = 1 → 1 * 100/400 = .25; S2: X = 1/3, (1/3 - 1/2)/(1/2) = -1/3
    //   → 1/9 * 3/4 = 1/12. B = 1e4 (1/4 + 1/12) = 3333.333…
    // key: c = 1, 0; μ = 0.25. S1: X = 1 → 3^2 * 1/4 = 2.25; S2: 0 → 1 * 3/4 = .75 → 30000.
    // Total 33333.333…: a constant of the objective, added to TOTAL.
    let staff = [
      G.teacher("A", "S1", years: 1, key: .district, degree: .bachelor),
      G.teacher("B", "S2", years: 1, degree: .associate),
      G.teacher("C", "S2", .chinese, years: 1, degree: .secondary),
    ]
    let d = G.district([G.school("S1", primary: 100), G.school("S2", primary: 300)], staff)
    let r = try G.assertTotal(
      d, G.scenario { $0.indicators = [.higherDegree, .key] }, 1e4 / 3 + 30000)
    XCTAssertEqual(r.checks["constant"]!, 1e4 / 3 + 30000, accuracy: 1e-6)
  }

  // MARK: scope

  func testScope() throws {
    // S1 (zone A, group G) — A's school. S2 (zone B, group G), S3 (zone A, no group),
    // S4 (zone C, no group); each needs one math teacher; S1 math posts 0.
    // A wishes [S4, S2, S3]: wish cost S4 0, S2 1, S3 2. Shortage 2 always (2000).
    //   district → S4: 2000.5;  zone_or_group → S2: 2001.5;  zone → S3: 2002.5;
    //   group → S2: 2001.5.
    let schools = [
      G.school("S1", zone: "A", group: "G"), G.school("S2", zone: "B", group: "G"),
      G.school("S3", zone: "A"), G.school("S4", zone: "C"),
    ]
    let posts = [G.post("S1"): 0, G.post("S2"): 1, G.post("S3"): 1, G.post("S4"): 1]
    let d = G.district(schools, [G.teacher("A", "S1", wishes: ["S4", "S2", "S3"])], posts: posts)
    try G.assertTotal(d, G.scenario { $0.scope = .district }, 2000.5)
    try G.assertTotal(d, G.scenario { $0.scope = .zoneOrGroup }, 2001.5)
    try G.assertTotal(d, G.scenario { $0.scope = .zone }, 2002.5)
    try G.assertTotal(d, G.scenario { $0.scope = .group }, 2001.5)
    // B teaches at S3, which has no group: under scope group B may go nowhere, so S2 and
    // S4 stay short: 2000 (S3 math posts = current 1, met by B staying).
    let e = G.district(
      schools, [G.teacher("B", "S3", wishes: ["S4", "S2"])],
      posts: [G.post("S2"): 1, G.post("S4"): 1])
    try G.assertTotal(e, G.scenario { $0.scope = .group }, 2000)
  }

  // MARK: same_stage, cert

  func testSameStageFalseAndCert() throws {
    // S1 (primary): A (primary math, cert junior), C (primary math, cert primary), both
    // eligible; S1 math posts 0. S2 (junior 100 pupils only): junior math posts 2 (empty).
    // same_stage true: nobody may change stage → 2 short: 2000.
    // same_stage false: A (cert junior) → S2 junior; C's cert is primary → 1000 + 0.5.
    let d = G.district(
      [G.school("S1"), G.school("S2", primary: 0, junior: 100)],
      [G.teacher("A", "S1", cert: .junior), G.teacher("C", "S1")],
      posts: [G.post("S1"): 0, G.post("S2", .math, .junior): 2])
    try G.assertTotal(d, G.scenario(), 2000)
    let r = try G.assertTotal(d, G.scenario { $0.sameStage = false }, 1000.5)
    XCTAssertEqual(r.moves, ["P1 S1 S2 junior"])
  }

  // MARK: key_to_same_or_weaker

  func testKeyToSameOrWeaker() throws {
    // K (key) at S1 tier 2; S2 tier 1 (stronger), S3 tier 3 (weaker), each needs one math
    // teacher; S1 math posts 0. K wishes [S2, S3] (cost 0, 1). Shortage 1 either way.
    // Rule on: S2 excluded → S3: 1000 + 1 + 0.5 = 1001.5. Rule off → S2: 1000.5.
    // A non-key teacher is not concerned: N instead of K → S2: 1000.5.
    let schools = [G.school("S1", tier: 2), G.school("S2", tier: 1), G.school("S3", tier: 3)]
    let posts = [G.post("S1"): 0, G.post("S2"): 1, G.post("S3"): 1]
    let k = G.district(schools, [G.teacher("K", "S1", key: .leader, wishes: ["S2", "S3"])], posts: posts)
    try G.assertTotal(k, G.scenario(), 1001.5)
    try G.assertTotal(k, G.scenario { $0.keyToSameOrWeaker = false }, 1000.5)
    let n = G.district(schools, [G.teacher("N", "S1", wishes: ["S2", "S3"])], posts: posts)
    try G.assertTotal(n, G.scenario(), 1000.5)
  }

  // MARK: eligibility: retirement edge, min years

  func testRetirementEdgeAndMinYears() throws {
    // 2022, retirement M 60, F 55, buffer 5: eligible iff retirement − age > 5 (strict).
    //   M 1967: 60 − 55 = 5 → no;  M 1968: 6 → yes;  F 1972: 55 − 50 = 5 → no;
    //   F 1973: 6 → yes.  years 6 (= teacher_min_years) → yes; years 5 → no.
    // One school, nobody can go anywhere; teacher_quota 1.0 → req = E = 3 → u = 3 → 1500.
    let staff = [
      G.teacher("M67", "S1", birth: 1967, gender: .male),
      G.teacher("M68", "S1", birth: 1968, gender: .male),
      G.teacher("F72", "S1", birth: 1972, gender: .female),
      G.teacher("F73", "S1", birth: 1973, gender: .female),
      G.teacher("Y6", "S1", years: 6), G.teacher("Y5", "S1", years: 5),
    ]
    let r = try G.assertTotal(
      G.district([G.school("S1")], staff), G.scenario { $0.teacherQuota = 1.0 }, 1500)
    XCTAssertEqual(r.counts["eligible"]!, 3)
  }

  // MARK: volunteer, exempt

  func testVolunteerAndExempt() throws {
    // S1: V (1 year, volunteer: movable though not eligible), X (10 years, exempt and
    // volunteer: exempt wins, stays), N (1 year). All math; S1 math posts 0; S2 needs 1.
    // V → S2: 0.5.  Without V's volunteering nobody can move: 1000.
    let schools = [G.school("S1"), G.school("S2")]
    let posts = [G.post("S1"): 0, G.post("S2"): 1]
    func staff(_ v: Bool) -> [StaffMember] {
      [G.teacher("V", "S1", years: 1, volunteer: v),
       G.teacher("X", "S1", exempt: "病假", volunteer: true), G.teacher("N", "S1", years: 1)]
    }
    let r = try G.assertTotal(G.district(schools, staff(true), posts: posts), G.scenario(), 0.5)
    XCTAssertEqual(r.moves, ["P1 S1 S2 primary"])
    XCTAssertEqual(r.counts["eligible"]!, 0)
    XCTAssertEqual(r.counts["movable"]!, 1)
    try G.assertTotal(G.district(schools, staff(false), posts: posts), G.scenario(), 1000)
  }

  // MARK: the data file

  func testDataFileIsASCIIAndDeterministic() throws {
    let d = G.district(
      [G.school("一中", group: "集团"), G.school("S2", at: GeoPoint(lat: 39.5, lon: 116.25))],
      [G.teacher("张三", "一中", wishes: ["S2"], avoid: ["李四"]),
       G.teacher("李四", "S2", home: GeoPoint(lat: 39.75, lon: 116.5))])
    let a = GMPLDataWriter.data(district: d, scenario: G.scenario())
    let b = GMPLDataWriter.data(district: d, scenario: G.scenario())
    XCTAssertEqual(a, b)
    XCTAssertTrue(a.unicodeScalars.allSatisfy { $0.isASCII }, a)
    XCTAssertFalse(a.contains("教师"))
    XCTAssertTrue(a.contains("P1 S2 1"))
    XCTAssertTrue(a.contains("(P1,P2)"))
    XCTAssertTrue(a.contains("S2 39.5 116.25"))
    XCTAssertTrue(a.contains("#   S1 = \\u{4E00}\\u{4E2D}"))
  }
}
