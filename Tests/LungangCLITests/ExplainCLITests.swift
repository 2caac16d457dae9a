import Foundation
import XCTest

/// `lungang explain` on the solved tiny scenario (Scenarios/README.md works out every fact):
/// a1 moves A → B, c1 stays because d3 (who cannot move) avoids him at D, a3 is exempt.
final class ExplainCLITests: XCTestCase {
  let tinyYAML = "Scenarios/tiny.yaml"

  func solvedTiny() throws -> URL {
    let out = try CLI.tempDir(self).appendingPathComponent("tiny")
    let r = try CLI.lungang(["solve", tinyYAML, "--out", out.path, "-q"])
    XCTAssertEqual(r.status, 0, r.err)
    return out
  }

  func explain(_ dir: URL, _ id: String, _ extra: [String] = []) throws -> RunResult {
    try CLI.lungang(["explain", dir.path, id, "--scenario", tinyYAML] + extra)
  }

  func assertFacts(_ text: String, _ facts: [String], file: StaticString = #filePath, line: UInt = #line) {
    for f in facts { XCTAssertTrue(text.contains(f), "missing «\(f)» in:\n\(text)", file: file, line: line) }
  }

  func testMover() throws {
    let dir = try solvedTiny()
    let r = try explain(dir, "a1")
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertEqual(r.err, "")
    assertFacts(
      r.out,
      [
        "a1 An Li: teacher, math, primary, at A Anding Primary (tier 1, zone North, group East Group)",
        "Eligible (应交流): yes", "years at the school: 8 ≥ teacher_min_years 6",
        "age 2026 − 1985 = 41; retirement age (F) 55: 14 years left, > retirement_buffer 5",
        "Allowed destinations besides staying: 1 (B/primary)", "- 1 out of scope: D",
        "Plan: moves A/primary → B/primary (Beixin Primary)",
        "teacher quota of A: 1 required (10 % of 1 eligible), 1 leave with them: met; outflow limit 1",
        "key share of A: 1 key teacher(s) among the 1 leaving",
        "小学 primary 骨干 key: A/primary 2 → 1 (0.833/100 pupils, below 1); B/primary 0 → 1 (0.833/100 pupils, below 1); CV 1.0000 → 0.0000",
        // Staying alone: b1 still comes to A (2 math teachers, cap 1), B's math post empty
        // (+1000), A's quota missed (+500), primary key back to 2, 0 (+10000) and higher degree
        // A 4 (b1 too), B 2: 10⁴·(½·(1/3)² + ½·(1/3)²) = 1111.111 (+1111.111), move −0.5.
        "+12610.611", "shortage +1000.000, quota +500.000, balance +11111.111, move −0.500",
        "breaks alone: section A/primary math: 2 teachers over cap 1",
        "Δ = total objective of the plan with only this person sent there (everyone else unchanged) minus the plan's total",
      ])
  }

  func testRedactHidesNames() throws {
    let dir = try solvedTiny()
    let r = try explain(dir, "a1", ["--redact"])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertFalse(r.out.contains("An Li"), r.out)
    XCTAssertTrue(r.out.contains("a1 P-"), r.out)
  }

  func testStayerBlockedByAvoidance() throws {
    let dir = try solvedTiny()
    let r = try explain(dir, "c1")
    XCTAssertEqual(r.status, 0, r.err)
    assertFacts(
      r.out,
      [
        "Eligible (应交流): yes", "Allowed destinations besides staying: 0",
        "- avoidance: d3 Du Lan cannot move and stays at D, so D/junior is removed",
        "Plan: stays at C/junior",
        "movable, but every allowed destination is where someone they avoid stays (avoidance)",
        "c1 and d3 avoid each other but both end in D",
      ])
    // c3: a volunteer whose only school in scope with a pe post is his past school.
    let c3 = try explain(dir, "c3")
    assertFacts(
      c3.out,
      [
        "Movable: yes (volunteer, not exempt)", "- 1 past school (past_schools): D",
        "movable, but no allowed destination: every other school is excluded by the rules above",
      ])
  }

  func testExemptPerson() throws {
    let dir = try solvedTiny()
    let r = try explain(dir, "a3")
    XCTAssertEqual(r.status, 0, r.err)
    assertFacts(
      r.out,
      [
        "Eligible (应交流): no", "exempt: yes, sick leave (暂缓交流)", "Movable: no (exempt)",
        "Plan: stays at A/primary", "exempt this year (暂缓交流): sick leave",
      ])
    XCTAssertFalse(r.out.contains("Alternatives"))
  }

  func testJSONIsOneDocument() throws {
    let dir = try solvedTiny()
    let r = try explain(dir, "pB", ["--json", "--alternatives", "3"])
    XCTAssertEqual(r.status, 0, r.err)
    let doc = try CLI.jsonObject(r.stdout, "explain --json")
    XCTAssertEqual(doc["staff_id"] as? String, "pB")
    let plan = try XCTUnwrap(doc["plan"] as? [String: Any])
    XCTAssertEqual(plan["to_school"] as? String, "A")
    XCTAssertEqual(num(plan["cost"]), 5.5, "wish miss 5 + move 0.5")
    let alts = try XCTUnwrap(doc["alternatives"] as? [String: Any])
    let shown = try XCTUnwrap(alts["shown"] as? [[String: Any]])
    // Staying: B keeps two principals (pA comes): cap broken; +1000 shortage at A, −5 −0.5.
    XCTAssertEqual(shown.count, 1)
    XCTAssertEqual(num(shown[0]["delta"]), 994.5)
    XCTAssertEqual(shown[0]["feasible"] as? Bool, false)
  }

  func testScenarioFromSummaryAndErrors() throws {
    let dir = try solvedTiny()
    // Without --scenario, summary.json's scenario_file is used.
    let sumURL = dir.appendingPathComponent("summary.json")
    var doc = try CLI.jsonObject(try Data(contentsOf: sumURL), "summary.json")
    doc.removeValue(forKey: "scenario_file")
    try JSONSerialization.data(withJSONObject: doc).write(to: sumURL)
    let none = try CLI.lungang(["explain", dir.path, "a1"])
    XCTAssertEqual(none.status, 2)
    XCTAssertTrue(none.err.contains("names no scenario_file; give --scenario FILE"), none.err)
    doc["scenario_file"] = CLI.packageRoot.appendingPathComponent(tinyYAML).path
    try JSONSerialization.data(withJSONObject: doc).write(to: sumURL)
    let viaSummary = try CLI.lungang(["explain", dir.path, "a1"])
    XCTAssertEqual(viaSummary.status, 0, viaSummary.err)
    XCTAssertTrue(viaSummary.out.contains("Plan: moves A/primary → B/primary"))

    // Unknown id: exit 2 with a suggestion.
    let unknown = try explain(dir, "A1")
    XCTAssertEqual(unknown.status, 2)
    XCTAssertTrue(unknown.err.contains("no staff with id A1") && unknown.err.contains("did you mean a1"), unknown.err)
    XCTAssertEqual(unknown.out, "")
  }

  /// A district edited after the run: the account comes with a warning.
  func testChangedInputIsAWarning() throws {
    let tmp = try CLI.tempDir(self)
    let district = tmp.appendingPathComponent("tiny")
    try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Scenarios/tiny"), to: district)
    let yaml = tmp.appendingPathComponent("tiny.yaml")
    try "name: copy\ndistrict: tiny\nyear: 2026\n".write(to: yaml, atomically: true, encoding: .utf8)
    let out = tmp.appendingPathComponent("out")
    XCTAssertEqual(try CLI.lungang(["solve", yaml.path, "--out", out.path, "-q"]).status, 0)
    let staff = district.appendingPathComponent("staff.csv")
    let text = try CLI.read(staff).replacingOccurrences(of: "An Li", with: "An Lili")
    try text.write(to: staff, atomically: true, encoding: .utf8)
    let r = try CLI.lungang(["explain", out.path, "a1", "--scenario", yaml.path])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.err.contains("warning: staff.csv has changed since the plan was made"), r.err)
  }
}
