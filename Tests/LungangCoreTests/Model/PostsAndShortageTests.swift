import XCTest

@testable import LungangCore

/// Rule 2 (posts): A(k,s) ≤ cap(k,s) = max(posts, current) (hard) and
/// short(k,s) ≥ posts(k,s) − A(k,s) at W_shortage = 1000 a head (soft).
final class PostsAndShortageTests: XCTestCase {
  /// A: a1 (eligible) and a2 (2 years, fixed), posts.csv A math = 1 (cap 2). B: posts.csv
  /// B math = 1, nobody there (short 1 before). a1 → B fills it and leaves A at its 1 post:
  /// shortage 0, one move 0.5. Total 0.5 (staying would cost 1000).
  func testPostAboveCurrentIsFilledByAMove() {
    var t = TinyDistrict.neutral()
    t.school("A")
    t.school("B")
    t.teacher("a1", at: "A")
    t.teacher("a2", at: "A", years: 2)
    t.post("A", 1)
    t.post("B", 1)
    let (inst, out) = t.solve()
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 0.5, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.shortage ?? -1, 0, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.shortageHeads, 0)
    XCTAssertEqual(out.moves(inst), ["a1": "B"])
  }

  /// As above, and B also has 1 labor post that nobody in the district teaches: it stays
  /// short whatever happens, a constant 1000 in the total. Total 1000.5.
  func testUnfillablePostIsAConstantInTheTotal() {
    var t = TinyDistrict.neutral()
    t.school("A")
    t.school("B")
    t.teacher("a1", at: "A")
    t.teacher("a2", at: "A", years: 2)
    t.post("A", 1)
    t.post("B", 1)
    t.post("B", 1, subject: .labor)
    let (inst, out) = t.solve()
    XCTAssertEqual(Formulation(inst).model.objectiveConstant, 1000, accuracy: 1e-9)
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 1000.5, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.shortage ?? -1, 1000, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.shortageHeads, 1)
    XCTAssertEqual(out.moves(inst), ["a1": "B"])
  }

  /// The hard cap. A: a1, a2, a3 eligible, posts.csv A math = 2 (cap = max(2, 3) = 3, so
  /// all three may stay although A is over its posts). B: b1, 2 years (fixed), no posts
  /// row (posts = current = 1, cap 1). teacher_quota 0.1: req_A = ⌈0.3⌉ = 1, req_B = 0
  /// (E_B = 0). B is a destination (cap 1 > 0), but b1 cannot leave, so nobody may push B
  /// to 2: no move, u_A = 1 → 500. Total 500.
  /// With posts.csv B math = 2 (cap 2, short 1) one of A's teachers goes: quota met, B
  /// filled, A at its 2 posts: total 0.5.
  func testHardCapKeepsASectionAtMaxOfPostsAndCurrent() {
    var t = TinyDistrict.neutral()
    t.rules.teacherQuota = 0.1
    t.school("A")
    t.school("B")
    for n in 1...3 { t.teacher("a\(n)", at: "A") }
    t.teacher("b1", at: "B", years: 2)
    t.post("A", 2)
    let (inst, out) = t.solve()
    XCTAssertEqual(inst.destinationSchools("a1"), ["B"])
    XCTAssertEqual(inst.quotaRequired, [1, 0])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 500, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.quota ?? -1, 500, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.terms.shortage ?? -1, 0, accuracy: 1e-9)
    XCTAssertEqual(out.moves(inst), [:])

    t.post("B", 2)
    let (inst2, out2) = t.solve()
    XCTAssertEqual(out2.status, .optimal)
    XCTAssertEqual(out2.objective ?? -1, 0.5, accuracy: 1e-6)
    let moves = out2.moves(inst2)
    XCTAssertEqual(moves.count, 1)
    XCTAssertEqual(Set(moves.values), ["B"])
  }
}
