import XCTest

@testable import LungangCore

/// Rule 7 (avoidance): two people who `avoid` each other never end in the same school.
/// The pair forms when either side lists the other; it binds whenever one of them can move.
final class AvoidanceTests: XCTestCase {
  /// A: a1 (movable) and a2 (2 years: not movable) avoid each other; B: b1 (movable).
  /// Math posts are full (A 2, B 1). a1 may not stay with a2, so a1 → B (the only other
  /// school); B's cap 1 then forces b1 out, and b1's only destination is A, where a1's
  /// place is free. 2 moves · 0.5 = 1.0 (without the pair the optimum is 0).
  /// Same result whichever side lists the other.
  func testMovablePersonMustLeaveWhereTheAvoidedOneStays() {
    for side in ["a1", "a2"] {
      var t = TinyDistrict.neutral()
      t.school("A")
      t.school("B")
      t.teacher("a1", at: "A", avoid: side == "a1" ? ["a2"] : [])
      t.teacher("a2", at: "A", years: 2, avoid: side == "a2" ? ["a1"] : [])
      t.teacher("b1", at: "B")
      let (inst, out) = t.solve()
      XCTAssertEqual(inst.avoidPairs.count, 1, side)
      XCTAssertFalse(inst.movable[inst.person("a2")], side)
      XCTAssertEqual(out.status, .optimal, side)
      XCTAssertEqual(out.objective ?? -1, 1.0, accuracy: 1e-6, side)
      XCTAssertEqual(out.evaluation?.terms.move ?? -1, 1.0, accuracy: 1e-9, side)
      XCTAssertEqual(out.evaluation?.terms.shortage ?? -1, 0, accuracy: 1e-9, side)
      XCTAssertEqual(out.moves(inst), ["a1": "B", "b1": "A"], side)
    }
  }

  /// Two people who both cannot move share school A: a warning, not a contradiction.
  /// Case 1: a1 and a2 are both not movable (2 years). Case 2: a1 is eligible (movable) but
  /// has no allowed destination (B is a past school), a2 is not movable.
  /// Nothing else pulls: optimum 0, nobody moves, a note names both.
  func testTwoWhoCannotMoveShareASchoolIsAWarning() {
    for movableA1 in [false, true] {
      var t = TinyDistrict.neutral()
      t.school("A")
      t.school("B")
      t.teacher("a1", at: "A", years: movableA1 ? 8 : 2, past: ["B"], avoid: ["a2"])
      t.teacher("a2", at: "A", years: 2)
      t.teacher("b1", at: "B")
      let (inst, out) = t.solve()
      XCTAssertEqual(inst.movable[inst.person("a1")], movableA1)
      XCTAssertEqual(inst.destinationSchools("a1"), [])
      XCTAssertEqual(out.status, .optimal)
      XCTAssertEqual(out.objective ?? -1, 0, accuracy: 1e-9)
      XCTAssertEqual(out.moves(inst), [:])
      let warnings = out.notes.filter { $0.hasPrefix("warning") }
      XCTAssertEqual(warnings.count, 1, "\(out.notes)")
      XCTAssertTrue(
        warnings.first.map { $0.contains("a1") && $0.contains("a2") } ?? false, "\(out.notes)")
    }
  }

  /// a1 (movable) at A avoids a2 (fixed at A) and b1 (fixed at B, B's only math post).
  /// Both of a1's places (stay, B) are forbidden: the hard rules admit no plan, and the
  /// reason names avoidance.
  func testNowhereToGoIsInfeasible() {
    var t = TinyDistrict.neutral()
    t.school("A")
    t.school("B")
    t.teacher("a1", at: "A", avoid: ["a2", "b1"])
    t.teacher("a2", at: "A", years: 2)
    t.teacher("b1", at: "B", years: 2)
    let (inst, out) = t.solve()
    XCTAssertEqual(inst.destinationSchools("a1"), ["B"])
    XCTAssertEqual(out.status, .infeasible)
    XCTAssertNil(out.plan)
    XCTAssertFalse(out.reasons.isEmpty)
    XCTAssertTrue(out.reasons.contains { $0.contains("avoid") }, "\(out.reasons)")
  }

  /// a1 and a2, both movable, avoid each other at A; their only other school B has one math
  /// post held by b1, who cannot move. One of them must leave, B has no room: infeasible,
  /// found by the solver this time; the reason names avoidance among the hard rules.
  func testNoRoomToSeparateIsInfeasible() {
    let (_, out) = noRoomToSeparate().solve()
    assertInfeasibleByAvoidance(out)
  }

  /// The district of the test above: a1 and a2 avoid each other at A, B's only post is held.
  func noRoomToSeparate() -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.school("A")
    t.school("B")
    t.teacher("a1", at: "A", avoid: ["a2"])
    t.teacher("a2", at: "A")
    t.teacher("b1", at: "B", years: 2)
    return t
  }

  func assertInfeasibleByAvoidance(_ out: SolveOutcome, line: UInt = #line) {
    XCTAssertEqual(out.status, .infeasible, line: line)
    XCTAssertNil(out.plan, line: line)
    XCTAssertTrue(out.reasons.contains { $0.contains("avoid") }, "\(out.reasons)", line: line)
  }

  /// The same on the path of large parts (presolved root LP, which proves that no LP point
  /// exists): still infeasible with the reason, not a time-out without a plan.
  func testNoRoomToSeparateIsInfeasibleOnTheLargePartPath() {
    var options = SolveOptions()
    options.pricingMinColumns = 0
    options.zoneSplitMinColumns = 0
    assertInfeasibleByAvoidance(RotationSolver.solve(noRoomToSeparate().instance, options: options))
  }
}
