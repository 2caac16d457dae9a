import XCTest

@testable import LungangCore

/// key_to_same_or_weaker: a key teacher may only go to a school whose tier ≥ their own
/// school's tier (1 strong, 3 weak). It concerns key teachers only.
///
/// A (tier 2): the mover m (eligible, wishes [B, C]) and a2 (fixed), posts.csv A math = 1.
/// B (tier 1), C (tier 3), D (tier 2): one empty math post each. m fills one of them, two
/// stay short (2000). Wish costs: B 0, C 1, D 5 (miss).
final class KeyToSameOrWeakerTests: XCTestCase {
  private func district(key: KeyLevel, rule: Bool) -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.rules.keyToSameOrWeaker = rule
    t.school("A", tier: 2)
    t.school("B", tier: 1)
    t.school("C", tier: 3)
    t.school("D", tier: 2)
    t.teacher("m", at: "A", key: key, wishes: ["B", "C"])
    t.teacher("a2", at: "A", years: 2)
    t.post("A", 1)
    for s in ["B", "C", "D"] { t.post(s, 1) }
    return t
  }

  /// Key teacher, rule on: B (stronger) is excluded; C (weaker, rank 2 → 1) beats D (same
  /// tier, miss 5): 2000 + 0.5 + 1 = 2001.5.
  func testKeyTeacherCannotGoToAStrongerSchool() {
    let (inst, out) = district(key: .district, rule: true).solve()
    XCTAssertEqual(inst.destinationSchools("m"), ["C", "D"])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 2001.5, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.wish ?? -1, 1, accuracy: 1e-9)
    XCTAssertEqual(out.moves(inst), ["m": "C"])
  }

  /// Rule off (key teacher), or a non-key teacher with the rule on: B (first wish) is
  /// allowed: 2000 + 0.5 = 2000.5.
  func testRuleOffOrNonKeyTeacherMayGoToAStrongerSchool() {
    for (key, rule) in [(KeyLevel.district, false), (KeyLevel.none, true)] {
      let (inst, out) = district(key: key, rule: rule).solve()
      XCTAssertEqual(inst.destinationSchools("m"), ["B", "C", "D"])
      XCTAssertEqual(out.status, .optimal)
      XCTAssertEqual(out.objective ?? -1, 2000.5, accuracy: 1e-6)
      XCTAssertEqual(out.moves(inst), ["m": "B"])
    }
  }

  /// The rule does not concern cadres: a principal of a tier-2 school may swap with the
  /// principal of a tier-1 school (cadre_quota 0.5 of 2 → 1): 1.0.
  func testCadresAreNotConcerned() {
    var t = TinyDistrict.neutral()
    t.rules.cadreQuota = 0.5
    t.school("A", tier: 2)
    t.school("B", tier: 1)
    t.cadre("pa", at: "A")
    t.cadre("pb", at: "B")
    let (inst, out) = t.solve()
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 1.0, accuracy: 1e-6)
    XCTAssertEqual(out.moves(inst), ["pa": "B", "pb": "A"])
  }
}
