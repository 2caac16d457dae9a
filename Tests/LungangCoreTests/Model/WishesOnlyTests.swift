import XCTest

@testable import LungangCore

/// wishes_only: a person who gave wishes may only go to a wished school; one who gave none
/// is unaffected.
///
/// A: p1 (wishes as given), p2 (no wishes), a3 (fixed); posts.csv A math = 1 (cap 3, so both
/// may leave). B: 2 empty math posts. C: a fixed Chinese teacher, no math post.
final class WishesOnlyTests: XCTestCase {
  private func district(p1Wishes: [String], only: Bool) -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.rules.wishesOnly = only
    t.school("A")
    t.school("B")
    t.school("C")
    t.teacher("p1", at: "A", wishes: p1Wishes)
    t.teacher("p2", at: "A")
    t.teacher("a3", at: "A", years: 2)
    t.teacher("c1", at: "C", subject: .chinese, years: 2)
    t.post("A", 1)
    t.post("B", 2)
    return t
  }

  /// wishes_only, p1 wished only C: p1 may not go to B (and C has no math post), so only
  /// p2 fills one of B's posts: 1000 + 0.5 = 1000.5.
  func testPersonWithWishesGoesOnlyToWishedSchools() {
    let (inst, out) = district(p1Wishes: ["C"], only: true).solve()
    XCTAssertEqual(inst.destinationSchools("p1"), [])
    XCTAssertEqual(inst.destinationSchools("p2"), ["B"])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 1000.5, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.shortage ?? -1, 1000, accuracy: 1e-9)
    XCTAssertEqual(out.moves(inst), ["p2": "B"])
  }

  /// Without wishes_only both go to B; p1's move is a wish miss: 2·0.5 + 5 = 6.
  func testWithoutTheRuleAMissIsOnlyACost() {
    let (inst, out) = district(p1Wishes: ["C"], only: false).solve()
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 6, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.wish ?? -1, 5, accuracy: 1e-9)
    XCTAssertEqual(out.moves(inst), ["p1": "B", "p2": "B"])
  }

  /// wishes_only, p1 wished [C, B]: B is wished (rank 2, cost 1): both go, 2·0.5 + 1 = 2.
  func testWishedSchoolIsAllowed() {
    let (inst, out) = district(p1Wishes: ["C", "B"], only: true).solve()
    XCTAssertEqual(inst.destinationSchools("p1"), ["B"])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 2, accuracy: 1e-6)
    XCTAssertEqual(out.moves(inst), ["p1": "B", "p2": "B"])
  }
}
