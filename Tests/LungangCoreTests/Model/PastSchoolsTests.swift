import XCTest

@testable import LungangCore

/// A person's past schools are never a destination.
final class PastSchoolsTests: XCTestCase {
  /// A: a1 (eligible, wishes [B, C]), a2 (fixed), posts.csv A math = 1. B and C: one empty
  /// math post each; a1 fills one, the other stays short (1000).
  /// No past schools: a1 → B (first wish): 1000 + 0.5 = 1000.5.
  /// B a past school: a1 → C (rank 2, cost 1): 1000 + 0.5 + 1 = 1001.5.
  func testTeacherNeverReturnsToAPastSchool() {
    for past in [[], ["B"]] {
      var t = TinyDistrict.neutral()
      t.school("A")
      t.school("B")
      t.school("C")
      t.teacher("a1", at: "A", wishes: ["B", "C"], past: past)
      t.teacher("a2", at: "A", years: 2)
      t.post("A", 1)
      t.post("B", 1)
      t.post("C", 1)
      let (inst, out) = t.solve()
      XCTAssertEqual(inst.destinationSchools("a1"), past.isEmpty ? ["B", "C"] : ["C"])
      XCTAssertEqual(out.status, .optimal)
      XCTAssertEqual(out.objective ?? -1, past.isEmpty ? 1000.5 : 1001.5, accuracy: 1e-6)
      XCTAssertEqual(out.moves(inst), ["a1": past.isEmpty ? "B" : "C"])
    }
  }

  /// Cadres too. Principals pa (A, past B) and pb (B); cadre_quota 1.0 → 2 required.
  /// pa may not go to B, so pb cannot leave either (A is full while pa stays): w = 2 → 1000.
  /// Without the past school: the swap, 1.0.
  func testCadreNeverReturnsToAPastSchool() {
    for past in [[], ["B"]] {
      var t = TinyDistrict.neutral()
      t.rules.cadreQuota = 1.0
      t.school("A")
      t.school("B")
      t.cadre("pa", at: "A", past: past)
      t.cadre("pb", at: "B")
      let (inst, out) = t.solve()
      XCTAssertEqual(inst.destinationSchools("pa"), past.isEmpty ? ["B"] : [])
      XCTAssertEqual(out.status, .optimal)
      XCTAssertEqual(out.objective ?? -1, past.isEmpty ? 1.0 : 1000, accuracy: 1e-6)
      XCTAssertEqual(out.moves(inst), past.isEmpty ? ["pa": "B", "pb": "A"] : [:])
    }
  }
}
