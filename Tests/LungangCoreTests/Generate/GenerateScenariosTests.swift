import XCTest
@testable import LungangCore

/// The committed Scenarios/ folder: every scenario and district loads, variants differ from the
/// baseline only where they say, and the tiny district is the one Scenarios/README.md works on.
final class GenerateScenariosTests: XCTestCase {
  let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Scenarios")

  func testBaselineAndVariantsLoad() throws {
    let base = try ScenarioLoader.load(file: scenarios.appendingPathComponent("baseline.yaml"))
    XCTAssertEqual(base.year, 2026)
    XCTAssertEqual(base.district.standardizedFileURL.lastPathComponent, "dongcheng")
    XCTAssertEqual(base.rules, Rules())
    XCTAssertEqual(base.weights, Weights())

    let scope = try ScenarioLoader.load(file: scenarios.appendingPathComponent("district-scope.yaml"))
    var expected = Rules()
    expected.scope = .district
    XCTAssertEqual(scope.rules, expected)
    XCTAssertEqual(scope.district.standardizedFileURL, base.district.standardizedFileURL)

    let q = try ScenarioLoader.load(file: scenarios.appendingPathComponent("quota20-commute8.yaml"))
    expected = Rules()
    expected.teacherQuota = 0.20
    expected.maxCommuteKm = 8
    XCTAssertEqual(q.rules, expected)
    XCTAssertEqual(Set([base.name, scope.name, q.name]).count, 3, "names tell the variants apart")
  }

  func testTinyDistrictIsTheHandWorkedOne() throws {
    let s = try ScenarioLoader.load(file: scenarios.appendingPathComponent("tiny.yaml"))
    XCTAssertEqual(s.year, 2026)
    XCTAssertEqual(s.rules, Rules())
    let d = try DistrictLoader.load(folder: s.district)
    XCTAssertEqual(d.warnings, [])
    XCTAssertEqual(d.schools.map(\.id), ["A", "B", "C", "D"])
    XCTAssertEqual(d.staff.count, 16)
    XCTAssertTrue(d.posts.isEmpty, "no posts.csv: pure exchange")
    // Eligibility as in README step 1: years ≥ 6, not exempt, retirement margin > 5.
    let eligible = d.staff.filter { p in
      let age = s.year - p.birthYear
      let minYears = p.role.isCadre ? s.rules.cadreMinYears : s.rules.teacherMinYears
      return p.years >= minYears && p.exemptReason == nil
        && s.rules.retirementAge(p.gender) - age > s.rules.retirementBuffer
    }
    XCTAssertEqual(eligible.map(\.id).sorted(), ["a1", "b1", "c1", "c2", "d1", "d2", "pA", "pB"])
    XCTAssertEqual(d.staff.filter { $0.volunteer }.map(\.id), ["c3"])
  }

  func testDongchengLoads() throws {
    let d = try DistrictLoader.load(folder: scenarios.appendingPathComponent("dongcheng"))
    XCTAssertEqual(d.warnings, [])
    XCTAssertEqual(d.schools.count, 100)
    XCTAssertEqual(d.staff.count, 9000)
    XCTAssertEqual(Set(d.schools.map(\.zone)).count, 8)
  }
}
