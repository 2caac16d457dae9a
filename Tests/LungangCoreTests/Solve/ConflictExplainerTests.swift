import XCTest

@testable import LungangCore

/// Each hard rule family, in a tiny scenario whose hard rules admit no plan, is named by the
/// explanation, with the posts, schools or people in conflict.
final class ConflictExplainerTests: XCTestCase {
  /// a1 (movable) avoids a2 (exempt, cannot move) at school A; B, the only school in scope,
  /// is the other place a1 could go.
  func avoidanceAtA() -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.school("A", zone: "Z1")
    t.school("B", zone: "Z1")
    t.school("C", zone: "Z2")
    t.teacher("a1", at: "A", avoid: ["a2"])
    t.teacher("a2", at: "A", exempt: "病休")
    t.teacher("b1", at: "B", years: 1)
    t.teacher("c1", at: "C")
    return t
  }

  func reasons(_ t: TinyDistrict, file: StaticString = #filePath, line: UInt = #line) -> String {
    let (_, out) = t.solve(file: file, line: line)
    XCTAssertEqual(out.status, .infeasible, file: file, line: line)
    XCTAssertNil(out.plan, file: file, line: line)
    return out.reasons.joined(separator: "\n")
  }

  func testPostCapsAndAvoidance() {
    // B's math posts are full (1 post, 1 teacher who cannot move): a1 can go nowhere.
    let text = reasons(avoidanceAtA())
    XCTAssertTrue(text.contains("the hard rules admit no plan for the 1 people who may move at schools A"), text)
    XCTAssertTrue(
      text.contains("avoidance (rule 7): 教师a1 (a1) may not stay at 学校A (A), where 教师a2 (a2), whom they avoid, cannot move from"),
      text)
    XCTAssertTrue(
      text.contains(
        "teacher post caps (rule 2): relaxing it alone would admit a plan, with the fewest changes being: "
          + "1 more math post in the primary section of 学校B (B) (its cap is 1)"), text)
  }

  func testOutflowNamedBeforeSolving() {
    // a1 and a8 both avoid a2, who cannot move, so both must leave A; A has 8 teachers and
    // may let ⌊0.2·8⌋ = 1 go.
    var t = avoidanceAtA()
    t.post("B", 3)
    for id in ["a3", "a4", "a5", "a6", "a7"] { t.teacher(id, at: "A", years: 1) }
    t.teacher("a8", at: "A", avoid: ["a2"])
    t.rules.maxOutflow = 0.2
    let text = reasons(t)
    XCTAssertEqual(
      text,
      "the outflow limit (rule 5): 2 teachers must leave 学校A (A), over its limit of 1: 教师a1 (a1), "
        + "教师a8 (a8) may not stay, as each avoids someone there who cannot move (avoidance, rule 7)")
  }

  func testOutflowFoundBySolving() {
    // Two pairs at A who avoid each other, all four movable: two of them must leave, but A
    // (5 teachers) may let ⌊0.2·5⌋ = 1 go. B has room for both.
    var t = TinyDistrict.neutral()
    t.school("A", zone: "Z1")
    t.school("B", zone: "Z1")
    t.teacher("a1", at: "A", avoid: ["a2"])
    t.teacher("a2", at: "A")
    t.teacher("a3", at: "A", avoid: ["a4"])
    t.teacher("a4", at: "A")
    t.teacher("a5", at: "A", years: 1)
    t.teacher("b1", at: "B", years: 1)
    t.post("B", 4)
    t.rules.maxOutflow = 0.2
    let text = reasons(t)
    XCTAssertTrue(
      text.contains(
        "the outflow limit (rule 5): relaxing it alone would admit a plan, with the fewest changes being: "
          + "1 more teacher leaving 学校A (A) than its outflow limit of 1"), text)
    XCTAssertTrue(text.contains("avoidance (rule 7): relaxing it alone would admit a plan"), text)
    XCTAssertTrue(text.contains("teacher post caps (rule 2): relaxing it alone would not admit a plan"), text)
  }

  func testCadrePostCapsAndAvoidance() {
    var t = TinyDistrict.neutral()
    t.school("A", zone: "Z1")
    t.school("B", zone: "Z1")
    t.cadre("pa", at: "A", avoid: ["va"])
    t.cadre("va", at: "A", role: .vicePrincipal, years: 1)
    t.cadre("pb", at: "B", years: 1)
    t.teacher("a1", at: "A", years: 1)
    let text = reasons(t)
    XCTAssertTrue(text.contains("avoidance (rule 7): 干部pa (pa) may not stay at 学校A (A)"), text)
    XCTAssertTrue(
      text.contains("cadre post caps (rule 2): relaxing it alone would admit a plan, with the fewest changes being: 1 more principal post at 学校B (B)"),
      text)
  }

  func testAvoidanceBetweenTwoWhoMayBothMove() {
    // a1 must leave A and b1 must leave B (each avoids an exempt colleague); past schools
    // leave each of them only C, and a1 and b1 avoid each other.
    var t = TinyDistrict.neutral()
    t.school("A", zone: "Z1")
    t.school("B", zone: "Z1")
    t.school("C", zone: "Z1")
    t.teacher("a1", at: "A", past: ["B"], avoid: ["a2", "b1"])
    t.teacher("a2", at: "A", exempt: "病休")
    t.teacher("b1", at: "B", past: ["A"], avoid: ["b2"])
    t.teacher("b2", at: "B", exempt: "病休")
    t.teacher("c1", at: "C", years: 1)
    t.post("C", 3)
    let text = reasons(t)
    XCTAssertTrue(
      text.contains(
        "avoidance (rule 7): relaxing it alone would admit a plan, with the fewest changes being: "
          + "教师a1 (a1) and 教师b1 (b1), who avoid each other, both ending at 学校C (C)"), text)
    XCTAssertTrue(text.contains("教师b1 (b1) may not stay at 学校B (B), where 教师b2 (b2)"), text)
  }
}
