import Foundation
import XCTest

@testable import LungangCore

final class ScenarioLoaderTests: XCTestCase {
  private func errors(_ file: URL, sourceLine: UInt = #line) -> [Diagnostic] {
    do {
      _ = try ScenarioLoader.load(file: file)
      XCTFail("expected the scenario to be invalid", line: sourceLine)
      return []
    } catch let e as InputError {
      return e.diagnostics
    } catch {
      XCTFail("\(error)", line: sourceLine)
      return []
    }
  }

  func testDefaultsAndRequiredKeys() throws {
    let f = FixtureFolder()
    let text = "district: ../districts/east\nyear: 2022\n"
    let file = f.write("scenarios/base-2022.yaml", text)
    let s = try ScenarioLoader.load(file: file)
    XCTAssertEqual(s.name, "base-2022")
    XCTAssertEqual(s.year, 2022)
    XCTAssertEqual(s.district.path, f.url.appendingPathComponent("districts/east").standardizedFileURL.path)
    XCTAssertEqual(s.rules, Rules())
    XCTAssertEqual(s.weights, Weights())
    XCTAssertEqual(s.solver, SolverSettings())
    XCTAssertEqual(s.rules.teacherMinYears, 6)
    XCTAssertEqual(s.rules.retirementAge(.female), 55)
    XCTAssertEqual(s.rules.scope, .zoneOrGroup)
    XCTAssertNil(s.rules.maxCommuteKm)
    XCTAssertEqual(s.rules.indicators, [.higherDegree, .key, .peArts])
    XCTAssertEqual(s.weights.wishMiss, 5)
    XCTAssertEqual(s.solver.mipGap, 1e-6)
    XCTAssertEqual(s.inputHashes, ["base-2022.yaml": SHA256.hex(Array(text.utf8))])

    let empty = f.write("empty.yaml", "# nothing\n")
    let d = errors(empty)
    XCTAssertEqual(d.map(\.column), ["district", "year"])
    XCTAssertTrue(d.allSatisfy { $0.file == empty.path && $0.message == "missing required key" })
  }

  func testEveryKeySet() throws {
    let f = FixtureFolder()
    let file = f.write(
      "s.yaml",
      """
      name: Dongcheng 2022 baseline
      district: /data/dongcheng
      year: 2023
      rules:
        teacher_min_years: 5
        cadre_min_years: 4.0
        retirement_age: {M: 63, F: 58}
        retirement_buffer: 2
        scope: district
        same_stage: false
        max_commute_km: 12.5
        key_to_same_or_weaker: no
        wishes_only: true
        teacher_quota: 0.15
        quota_tiers: [1, 2, 2]
        key_share: 0.3
        cadre_quota: 1
        max_outflow: 0
        indicators: [key, senior_title]
      weights: {shortage: 900, quota: 400, key_share: 100, cadre_quota: 300,
                balance: 2, wish: 3, wish_miss: 7, commute: 0, move: 1}
      solver: {time_limit_s: 30, mip_gap: 0.001, threads: 2}

      """)
    let s = try ScenarioLoader.load(file: file)
    XCTAssertEqual(s.name, "Dongcheng 2022 baseline")
    XCTAssertEqual(s.district.path, "/data/dongcheng")
    XCTAssertEqual(s.year, 2023)
    let r = s.rules
    XCTAssertEqual(
      [r.teacherMinYears, r.cadreMinYears, r.retirementAgeMale, r.retirementAgeFemale, r.retirementBuffer],
      [5, 4, 63, 58, 2])
    XCTAssertEqual(r.scope, .district)
    XCTAssertFalse(r.sameStage)
    XCTAssertEqual(r.maxCommuteKm, 12.5)
    XCTAssertFalse(r.keyToSameOrWeaker)
    XCTAssertTrue(r.wishesOnly)
    XCTAssertEqual([r.teacherQuota, r.keyShare, r.cadreQuota, r.maxOutflow], [0.15, 0.3, 1, 0])
    XCTAssertEqual(r.quotaTiers, [1, 2])
    XCTAssertEqual(r.indicators, [.key, .seniorTitle])
    let w = s.weights
    XCTAssertEqual(
      [w.shortage, w.quota, w.keyShare, w.cadreQuota, w.balance, w.wish, w.wishMiss, w.commute, w.move],
      [900, 400, 100, 300, 2, 3, 7, 0, 1])
    XCTAssertEqual(s.solver.timeLimitS, 30)
    XCTAssertEqual(s.solver.mipGap, 0.001)
    XCTAssertEqual(s.solver.threads, 2)

    let json = s.effectiveJSON()
    XCTAssertEqual(json["rules"]?["scope"], .string("district"))
    XCTAssertEqual(json["rules"]?["indicators"], .array([.string("key"), .string("senior_title")]))
    XCTAssertEqual(json["solver"]?["threads"], .int(2))
    XCTAssertEqual(json["weights"]?["wish_miss"], .num(7))
    let parsed = try JSONSerialization.jsonObject(with: Data(json.serialized().utf8)) as? [String: Any]
    XCTAssertNotNil(parsed)
  }

  func testMaxCommuteNullMeansNoLimitAndOverridesABase() throws {
    let f = FixtureFolder()
    f.write("base.yaml", "district: d\nyear: 2022\nrules: {max_commute_km: 10}\n")
    let file = f.write("v.yaml", "extends: base.yaml\nrules:\n  max_commute_km: null\n")
    XCTAssertEqual(try ScenarioLoader.load(file: f.url.appendingPathComponent("base.yaml")).rules.maxCommuteKm, 10)
    XCTAssertNil(try ScenarioLoader.load(file: file).rules.maxCommuteKm)
  }

  func testExtendsMergesRulesWeightsSolverKeyByKey() throws {
    let f = FixtureFolder()
    let baseText = """
      name: Baseline
      district: ../districts/east
      year: 2020
      rules:
        retirement_age: {M: 62, F: 56}
        scope: zone
        indicators: [key]
      weights: {wish: 2, move: 3}
      solver: {threads: 2, time_limit_s: 10}

      """
    f.write("common/base.yaml", baseText)
    let childText = """
      extends: common/base.yaml
      year: 2023
      rules:
        retirement_age: {F: 58}
        indicators: [pe_arts, higher_degree]
      weights:
        move: 1
      solver: {mip_gap: 0.01}

      """
    let file = f.write("variant.yaml", childText)
    let s = try ScenarioLoader.load(file: file)
    XCTAssertEqual(s.name, "variant")  // name is not inherited
    XCTAssertEqual(s.year, 2023)
    // district resolves relative to the file that sets it (common/).
    XCTAssertEqual(s.district.path, f.url.appendingPathComponent("districts/east").standardizedFileURL.path)
    XCTAssertEqual(s.rules.retirementAgeMale, 62)
    XCTAssertEqual(s.rules.retirementAgeFemale, 58)
    XCTAssertEqual(s.rules.scope, .zone)
    XCTAssertEqual(s.rules.indicators, [.peArts, .higherDegree])  // lists are replaced whole
    XCTAssertEqual(s.rules.teacherMinYears, 6)
    XCTAssertEqual(s.weights.wish, 2)
    XCTAssertEqual(s.weights.move, 1)
    XCTAssertEqual(s.weights.shortage, 1000)
    XCTAssertEqual(s.solver.threads, 2)
    XCTAssertEqual(s.solver.timeLimitS, 10)
    XCTAssertEqual(s.solver.mipGap, 0.01)
    XCTAssertEqual(
      s.inputHashes,
      ["variant.yaml": SHA256.hex(Array(childText.utf8)), "base.yaml": SHA256.hex(Array(baseText.utf8))])
  }

  func testExtendsCycleIsAnErrorNamingFileAndLine() {
    let f = FixtureFolder()
    f.write("a.yaml", "district: d\nyear: 2022\nextends: b.yaml\n")
    f.write("b.yaml", "# b\nextends: c.yaml\n")
    f.write("c.yaml", "extends: a.yaml\n")
    let a = f.url.appendingPathComponent("a.yaml")
    let d = errors(a)
    XCTAssertEqual(d.count, 1)
    XCTAssertEqual(d.first?.file, f.url.appendingPathComponent("c.yaml").path)
    XCTAssertEqual(d.first?.line, 1)
    XCTAssertEqual(d.first?.column, "extends")
    XCTAssertEqual(d.first?.message, "extends cycle: a.yaml → b.yaml → c.yaml → a.yaml")

    let selfish = f.write("self.yaml", "district: d\nyear: 2022\nextends: self.yaml\n")
    XCTAssertEqual(errors(selfish).first?.line, 3)

    let missing = f.write("m.yaml", "district: d\nyear: 2022\nextends: nope.yaml\n")
    XCTAssertEqual(errors(missing).first?.message, "no such file \"nope.yaml\"")
  }

  func testUnknownKeysAtAnyLevelWithLineNumbers() {
    let f = FixtureFolder()
    let file = f.write(
      "s.yaml",
      """
      district: d
      year: 2022
      rules:
        scope: zone
        teacher_min_year: 5
        retirement_age: {M: 60, X: 55}
      weight: {move: 1}
      solver:
        gap: 0.1

      """)
    let d = errors(file)
    let p = file.path
    assertDiagnostic(d, file: p, line: 5, column: "rules.teacher_min_year", contains: "unknown key \"teacher_min_year\"")
    assertDiagnostic(d, file: p, line: 6, column: "rules.retirement_age.X", contains: "unknown key \"X\"")
    assertDiagnostic(d, file: p, line: 7, column: "weight", contains: "unknown key \"weight\"")
    assertDiagnostic(d, file: p, line: 9, column: "solver.gap", contains: "unknown key \"gap\"")
    XCTAssertEqual(d.count, 4)
  }

  func testRangeAndTypeErrorsAllAtOnce() {
    let f = FixtureFolder()
    let file = f.write(
      "s.yaml",
      """
      district: d
      year: -2022
      rules:
        teacher_min_years: -1
        cadre_min_years: six
        retirement_buffer: 2.5
        scope: city
        same_stage: maybe
        max_commute_km: -3
        teacher_quota: 1.5
        key_share: -0.1
        quota_tiers: [0, 2, 4]
        indicators: [key, beauty]
        cadre_quota: "0.5"
        max_outflow: [0.2]
      weights: {shortage: -1, wish_miss: x}
      solver: {time_limit_s: -5, mip_gap: -0.001, threads: -1}

      """)
    let d = errors(file)
    let p = file.path
    let expected: [(Int, String, String)] = [
      (2, "year", "-2022 is outside 1900–2200"),
      (4, "rules.teacher_min_years", "-1 is negative"),
      (5, "rules.cadre_min_years", "expected a whole number, got \"six\""),
      (6, "rules.retirement_buffer", "expected a whole number, got \"2.5\""),
      (7, "rules.scope", "\"city\" is not a scope"),
      (8, "rules.same_stage", "expected true or false, got \"maybe\""),
      (9, "rules.max_commute_km", "-3 is negative"),
      (10, "rules.teacher_quota", "1.5 is outside 0–1"),
      (11, "rules.key_share", "-0.1 is negative"),
      (12, "rules.quota_tiers", "0 is outside 1–3"),
      (12, "rules.quota_tiers", "4 is outside 1–3"),
      (13, "rules.indicators", "\"beauty\" is not an indicator"),
      (14, "rules.cadre_quota", "expected a number, got \"0.5\""),
      (15, "rules.max_outflow", "expected a number, got a list"),
      (16, "weights.shortage", "-1 is negative"),
      (16, "weights.wish_miss", "expected a number, got \"x\""),
      (17, "solver.time_limit_s", "-5 is negative"),
      (17, "solver.mip_gap", "-0.001 is negative"),
      (17, "solver.threads", "-1 is negative"),
    ]
    for (line, column, fragment) in expected {
      assertDiagnostic(d, file: p, line: line, column: column, contains: fragment)
    }
    XCTAssertEqual(d.count, expected.count)
    XCTAssertEqual(d.map { $0.line ?? 0 }, d.map { $0.line ?? 0 }.sorted())
  }

  func testYAMLSyntaxErrorAndDuplicateKeyHaveLines() {
    let f = FixtureFolder()
    let bad = f.write("bad.yaml", "district: d\nyear: 2022\nrules: [a, b\nweights: {}\n")
    let d = errors(bad)
    XCTAssertEqual(d.count, 1)
    XCTAssertNotNil(d.first?.line)
    XCTAssertTrue(d.first?.message.hasPrefix("not valid yaml") ?? false)

    let dup = f.write("dup.yaml", "district: d\nyear: 2022\nyear: 2023\n")
    let e = errors(dup)
    XCTAssertEqual(e.count, 1)
    XCTAssertNotNil(e.first?.line)
    XCTAssertTrue(e.first?.message.contains("year") ?? false)

    let list = f.write("list.yaml", "- district: d\n")
    XCTAssertTrue(errors(list).contains { $0.line == 1 && $0.message.contains("mapping") })
  }

  func testErrorsInAnExtendedFileNameThatFile() {
    let f = FixtureFolder()
    f.write("base/b.yaml", "district: d\nyear: 2022\nrules:\n  scope: town\n")
    let file = f.write("v.yaml", "extends: base/b.yaml\nweights: {move: -1}\n")
    let d = errors(file)
    assertDiagnostic(d, file: f.url.appendingPathComponent("base/b.yaml").path, line: 4, column: "rules.scope", contains: "\"town\"")
    assertDiagnostic(d, file: file.path, line: 2, column: "weights.move", contains: "-1 is negative")
    // The loaded file comes first.
    XCTAssertEqual(d.first?.file, file.path)
  }
}
