import XCTest

@testable import LungangCore

/// The plain second reading of the hard rules catches each kind of broken plan, and agrees
/// with `RotationInstance` on every allowed destination of a generated district.
final class RuleCheckTests: XCTestCase {
  typealias Place = RuleCheck.Place

  /// Two zones; A (tier 1) and B (tier 2) in Z1 share group G; C in Z2; D in Z2 (tier 3).
  func district() -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.school("A", zone: "Z1", group: "G", tier: 1, junior: 100)
    t.school("B", zone: "Z1", tier: 2)
    t.school("C", zone: "Z2", group: "G", tier: 2)
    t.school("D", zone: "Z2", tier: 3)
    t.teacher("t1", at: "A")
    t.teacher("t2", at: "B", key: .district)
    t.teacher("t3", at: "B", years: 2)  // not eligible
    t.teacher("t4", at: "A", past: ["B"])
    t.teacher("t5", at: "C", avoid: ["t6"])
    t.teacher("t6", at: "A")
    t.teacher("t7", at: "B", exempt: "病休")
    t.teacher("t8", at: "A", stage: .junior)
    t.cadre("c1", at: "A")
    t.cadre("c2", at: "B", role: .vicePrincipal)
    for id in ["A", "B", "C", "D"] { t.post(id, 10) }  // free math posts everywhere
    t.post("A", 10, stage: .junior)
    return t
  }

  func problems(_ t: TinyDistrict, _ moves: [String: Place]) -> [String] {
    let inst = t.instance
    return RuleCheck.problems(district: inst.district, scenario: inst.scenario, moves: moves)
  }

  func testAllStayKeepsEveryRule() {
    XCTAssertEqual(problems(district(), [:]), [])
  }

  func testAnAllowedMoveIsAccepted() {
    XCTAssertEqual(problems(district(), ["t1": Place(school: "B", stage: .primary)]), [])
  }

  func testNotMovable() {
    let p = problems(district(), ["t3": Place(school: "A", stage: .primary)])
    XCTAssertTrue(p.contains("t3 moves but is not movable"), "\(p)")
    let q = problems(district(), ["t7": Place(school: "A", stage: .primary)])
    XCTAssertTrue(q.contains("t7 moves but is not movable"), "\(q)")
  }

  func testScopePastSchoolsAndOwnSchool() {
    XCTAssertEqual(
      problems(district(), ["t1": Place(school: "D", stage: .primary)]),
      ["t1 may not go to D: D is outside the zone_or_group scope of A"])
    XCTAssertEqual(
      problems(district(), ["t4": Place(school: "B", stage: .primary)]),
      ["t4 may not go to B: they served at B before"])
    XCTAssertEqual(
      problems(district(), ["t1": Place(school: "A", stage: .primary)]),
      ["t1 may not go to A: it is their own school"])
  }

  func testKeyTeacherToStrongerTier() {
    XCTAssertEqual(
      problems(district(), ["t2": Place(school: "A", stage: .primary)]),
      ["t2 may not go to A: a key teacher may not go to the stronger tier 1 from tier 2"])
  }

  func testStageCertificationAndMissingSection() {
    XCTAssertEqual(
      problems(district(), ["t8": Place(school: "B", stage: .junior)]),
      ["t8 may not go to B: B has no junior section", "post cap: B junior math ends with 1 teachers, cap 0"])
    var t = district()
    t.teacher("t9", at: "B", cert: .junior)
    t.rules.sameStage = false
    t.school("E", zone: "Z1", primary: 0, junior: 50)
    t.teacher("e1", at: "E", stage: .junior)
    t.post("E", 3, stage: .junior)
    XCTAssertEqual(problems(t, ["t9": Place(school: "E", stage: .junior)]), [])
    XCTAssertEqual(
      problems(t, ["t1": Place(school: "E", stage: .junior)]),
      ["t1 may not go to E: they are not certified for junior"])
    t.rules.sameStage = true
    XCTAssertEqual(
      problems(t, ["t9": Place(school: "E", stage: .junior)]),
      ["t9 may not go to E: same_stage keeps them in primary"])
    XCTAssertEqual(
      problems(t, ["t1": Place(school: "A", stage: .junior)]),
      ["t1 may not go to A: it is their own school"])
  }

  func testNoPostOfTheSubject() {
    var t = district()
    t.teacher("t10", at: "A", subject: .music)
    XCTAssertEqual(
      problems(t, ["t10": Place(school: "B", stage: .primary)]),
      ["t10 may not go to B: B primary has no music post", "post cap: B primary music ends with 1 teachers, cap 0"])
  }

  func testCommuteLimitAndWishesOnly() {
    var t = district()
    t.schools[1].location = GeoPoint(lat: 39.9, lon: 116.4)
    t.staff[0].home = GeoPoint(lat: 40.0, lon: 116.4)  // about 11.1 km from B
    t.rules.maxCommuteKm = 10
    XCTAssertEqual(
      problems(t, ["t1": Place(school: "B", stage: .primary)]),
      ["t1 may not go to B: the commute of 11.12 km is over 10.0 km"])
    t.rules.maxCommuteKm = nil
    t.rules.wishesOnly = true
    t.staff[0].wishes = ["C"]
    XCTAssertEqual(
      problems(t, ["t1": Place(school: "B", stage: .primary)]),
      ["t1 may not go to B: B is not among their wishes (wishes_only)"])
  }

  func testPostCapAndCadrePostCap() {
    var t = district()
    t.post("B", 2)  // B primary math: t2, t3 and t7 now: current 3 → cap max(2, 3) = 3
    XCTAssertEqual(
      problems(t, ["t1": Place(school: "B", stage: .primary)]),
      ["post cap: B primary math ends with 4 teachers, cap 3"])
    XCTAssertEqual(
      problems(t, ["c1": Place(school: "B", stage: nil)]),
      ["c1 may not go to B: B has no principal post", "cadre post cap: B ends with 1 principals, cap 0"])
    t.cadre("c3", at: "C")
    XCTAssertEqual(
      problems(t, ["c1": Place(school: "C", stage: nil)]),
      ["cadre post cap: C ends with 2 principals, cap 1"])
  }

  func testOutflow() {
    var t = district()
    t.rules.maxOutflow = 0.2  // A has 4 teachers: ⌊0.8⌋ = 0, req 0 → limit 0
    XCTAssertEqual(
      problems(t, ["t1": Place(school: "B", stage: .primary)]),
      ["outflow: 1 teachers leave A, over its limit of 0"])
    t.rules.teacherQuota = 0.1  // req_A = ⌈0.1·4⌉ = 1 → limit 1
    XCTAssertEqual(problems(t, ["t1": Place(school: "B", stage: .primary)]), [])
  }

  func testAvoidance() {
    // t5 (C) avoids t6 (A): t5 may go to A (group G) only if t6 leaves.
    XCTAssertEqual(
      problems(district(), ["t5": Place(school: "A", stage: .primary)]),
      ["avoidance: t5 and t6 both end at A"])
    XCTAssertEqual(
      problems(district(), ["t5": Place(school: "A", stage: .primary), "t6": Place(school: "B", stage: .primary)]),
      [])
    // Two who cannot move and share a school: not a violation.
    var t = district()
    t.teacher("n1", at: "D", years: 1, avoid: ["n2"])
    t.teacher("n2", at: "D", years: 1)
    XCTAssertEqual(problems(t, [:]), [])
    // A movable one with an allowed destination must not stay with the other.
    t.teacher("n3", at: "D", avoid: ["n2"])
    t.teacher("d2", at: "C")
    XCTAssertEqual(problems(t, [:]), ["avoidance: n2 and n3 both end at D"])
  }

  /// On a generated district, the plain reading allows exactly the destinations that
  /// `RotationInstance` built, for every movable person, school and stage.
  func testAgreesWithTheInstanceOnEveryDestination() throws {
    for scope in [Scope.zoneOrGroup, .district] {
      let options = GeneratorOptions(staff: 400, schools: 10, seed: 11)
      let district = try DistrictGenerator(options).generate()
      var sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
      sc.rules.scope = scope
      sc.rules.maxCommuteKm = 12
      let inst = RotationInstance(district: district, scenario: sc)
      let check = RuleCheck(district: inst.district, scenario: sc)
      var compared = 0
      for (i, p) in inst.staff.enumerated() {
        XCTAssertEqual(check.isEligible(p), inst.eligible[i])
        XCTAssertEqual(check.isMovable(p), inst.movable[i])
        guard inst.movable[i] else { continue }
        var built = Set<String>()
        for d in inst.destinations[i] where !d.isStay {
          built.insert(inst.schools[d.school].id + "/" + (d.section >= 0 ? inst.sections[d.section].stage.code : "-"))
        }
        var plain = Set<String>()
        for s in inst.schools where s.id != p.school {
          let stages: [Stage?] = p.role == .teacher ? Stage.allCases.map { $0 } : [nil]
          for g in stages where check.whyNot(p, Place(school: s.id, stage: g)) == nil {
            plain.insert(s.id + "/" + (g?.code ?? "-"))
          }
        }
        XCTAssertEqual(built, plain, "destinations of \(p.id)")
        compared += plain.count
      }
      XCTAssertGreaterThan(compared, 100)
    }
  }
}
