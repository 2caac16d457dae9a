import Foundation
import XCTest

@testable import LungangCore

/// The rules `explain` names must describe exactly the destinations the instance allows:
/// on a generated district under several rule settings, the schools no rule excludes are the
/// schools of the person's allowed destinations, for every movable person.
final class DestinationRulesTests: XCTestCase {
  func testNamedRulesMatchTheInstanceDestinations() throws {
    let district = try DistrictGenerator(GeneratorOptions(staff: 400, schools: 14, zones: 3, groups: 2, seed: 7))
      .generate()
    var settings: [(String, Rules)] = []
    settings.append(("defaults", Rules()))
    var wide = Rules()
    wide.scope = .district
    wide.maxCommuteKm = 4
    wide.wishesOnly = true
    settings.append(("district, commute 4 km, wishes only", wide))
    var mixed = Rules()
    mixed.scope = .group
    mixed.sameStage = false
    mixed.keyToSameOrWeaker = true
    settings.append(("group, any stage", mixed))
    var zone = Rules()
    zone.scope = .zone
    zone.keyToSameOrWeaker = false
    settings.append(("zone, no key-tier rule", zone))
    var seenRules = Set<ExclusionRule>()
    for (what, rules) in settings {
      var sc = Scenario(name: what, district: district.folder, year: 2026)
      sc.rules = rules
      let inst = RotationInstance(district: district, scenario: sc)
      var checked = 0
      for i in inst.staff.indices where inst.movable[i] {
        let r = DestinationRules(inst, person: i)
        let open = Set(inst.schools.indices.filter { $0 != inst.schoolOf[i] && r.excluded[$0] == nil })
        let allowed = Set(inst.destinations[i].filter { !$0.isStay }.map(\.school))
        XCTAssertEqual(open, allowed, "\(what): \(inst.staff[i].id)")
        seenRules.formUnion(r.excluded.values)
        checked += 1
      }
      XCTAssertGreaterThan(checked, 50, what)
    }
    // The settings exercise most rules (avoidance is checked in PersonExplanationTests).
    for rule in [ExclusionRule.scope, .pastSchools, .wishesOnly, .commute, .keyToSameOrWeaker, .sameStage] {
      XCTAssertTrue(seenRules.contains(rule), "no person excluded a school by \(rule)")
    }
  }

  /// Cadres: only schools with a post of their role. Teachers without same_stage: a
  /// junior-only school is out for a primary-certified teacher (cert); a school whose
  /// primary section lacks their subject is "no post" (the closest miss, even where its
  /// junior section is above their certificate); a junior certificate opens junior sections.
  func testCadrePostsAndStagesByHand() {
    var t = TinyDistrict.neutral()
    t.rules.sameStage = false
    t.school("A")
    t.school("B")
    t.school("J", primary: 0, junior: 100)
    t.school("N", primary: 100, junior: 100)
    t.cadre("vA", at: "A", role: .vicePrincipal)
    t.cadre("pB", at: "B")
    t.cadre("vN", at: "N", role: .vicePrincipal, years: 1)
    t.teacher("a1", at: "A")
    t.teacher("a2", at: "A", cert: .junior)
    t.teacher("b1", at: "B", subject: .chinese, years: 1)
    t.teacher("j1", at: "J", stage: .junior, years: 1)
    t.teacher("n1", at: "N", stage: .junior, years: 1)
    let inst = t.instance
    let v = DestinationRules(inst, person: inst.person("vA"))
    XCTAssertEqual(v.excluded.mapKeys { inst.schools[$0].id }, ["B": .noCadrePost, "J": .noCadrePost])
    XCTAssertEqual(inst.destinationSchools("vA"), ["N"])
    let a = DestinationRules(inst, person: inst.person("a1"))
    XCTAssertEqual(a.excluded.mapKeys { inst.schools[$0].id }, ["B": .noSubjectPost, "J": .cert, "N": .noSubjectPost])
    XCTAssertEqual(inst.destinationSchools("a1"), [])
    let a2 = DestinationRules(inst, person: inst.person("a2"))
    XCTAssertEqual(a2.excluded.mapKeys { inst.schools[$0].id }, ["B": .noSubjectPost])
    XCTAssertEqual(inst.destinationSchools("a2"), ["J", "N"])
  }
}

extension Dictionary {
  func mapKeys<K: Hashable>(_ f: (Key) -> K) -> [K: Value] {
    Dictionary<K, Value>(uniqueKeysWithValues: map { (f($0.key), $0.value) })
  }
}
