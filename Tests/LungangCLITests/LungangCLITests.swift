import Foundation
import XCTest

import LungangCore

// End-to-end tests of the `lungang` executable: each runs the built binary (see
// CLITestSupport.swift for how it is found; `swift test` builds it, and
// `swift build && swift test` always works) and checks exit status, stdout, stderr and the
// files written, against docs/spec model.md "Output contract" and Scenarios/README.md.
// Every output goes into a fresh temp folder.

final class LungangCLITests: XCTestCase {
  let tinyYAML = "Scenarios/tiny.yaml"
  var tinyDistrict: URL { CLI.packageRoot.appendingPathComponent("Scenarios/tiny") }

  /// The plan of Scenarios/README.md step 6: staff id → (from, to).
  let tinyMoves: [String: (String, String)] = [
    "a1": ("A", "B"), "b1": ("B", "A"), "c2": ("C", "D"), "d2": ("D", "C"),
    "pA": ("A", "B"), "pB": ("B", "A"),
  ]

  // MARK: 1. solve tiny --json

  func testSolveTinyJSONIsTheHandWorkedOptimum() throws {
    let tmp = try CLI.tempDir(self)
    let out = tmp.appendingPathComponent("out")
    let r = try CLI.lungang(["solve", tinyYAML, "--out", out.path, "--json"])
    XCTAssertEqual(r.status, 0, r.err)
    CLI.assertVerified(out)

    // Nothing but one JSON document on stdout.
    let text = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertTrue(text.hasPrefix("{") && text.hasSuffix("}"), "stdout: \(r.out)")
    let doc = try CLI.jsonObject(r.stdout, "stdout")

    XCTAssertEqual(doc["status"] as? String, "optimal")
    XCTAssertEqual(doc["scenario"] as? String, "小样例 / Tiny hand-checked example")
    let objective = try XCTUnwrap(doc["objective"] as? [String: Any])
    let total = try XCTUnwrap(num(objective["total"]))
    XCTAssertEqual(total, 489, accuracy: 1e-6)
    XCTAssertEqual(try XCTUnwrap(num(objective["bound"])), 489, accuracy: 1e-6)
    XCTAssertEqual(try XCTUnwrap(num(objective["gap"])), 0, accuracy: 1e-9)
    let terms = try XCTUnwrap(objective["terms"] as? [String: Any])
    let expectedTerms: [String: Double] = [
      "shortage": 0, "quota": 0, "key_share": 80, "cadre_quota": 0, "balance": 400, "wish": 6,
      "commute": 0, "move": 3,
    ]
    XCTAssertEqual(Set(terms.keys), Set(expectedTerms.keys))
    var sum = 0.0
    for (k, v) in expectedTerms {
      let got = try XCTUnwrap(num(terms[k]), "term \(k)")
      XCTAssertEqual(got, v, accuracy: 1e-6, "term \(k)")
      sum += got
    }
    XCTAssertEqual(sum, total, accuracy: 1e-6, "terms add up to total")

    let counts = try XCTUnwrap(doc["counts"] as? [String: Any])
    let expectedCounts: [String: Int] = [
      "staff": 16, "teachers": 12, "cadres": 4, "eligible": 8, "movable": 9, "moved": 6,
      "moved_key": 2, "moved_cadres": 2, "shortage": 0, "quota_missing": 0,
    ]
    for (k, v) in expectedCounts {
      XCTAssertEqual((counts[k] as? NSNumber)?.intValue, v, "counts.\(k)")
    }
    for key in ["cv", "model", "timing", "inputs", "versions"] {
      XCTAssertNotNil(doc[key], "summary has \(key)")
    }
    try assertTimingAddsUp(doc)
    let inputs = try XCTUnwrap(doc["inputs"] as? [String: Any])
    for f in ["schools.csv", "staff.csv"] {
      let h = try XCTUnwrap(inputs[f] as? String, "inputs.\(f)")
      XCTAssertEqual(h.count, 64, "sha256 of \(f)")
    }

    // summary.json is byte for byte what was printed.
    let summaryFile = try Data(contentsOf: out.appendingPathComponent("summary.json"))
    XCTAssertEqual(summaryFile, r.stdout, "summary.json equals stdout")

    // plan.csv: the contract header and exactly the six moves of the README.
    let (header, plan) = csvRecords(try CLI.read(out.appendingPathComponent("plan.csv")))
    XCTAssertEqual(
      header,
      [
        "staff_id", "name", "role", "subject", "from_school", "from_stage", "to_school", "to_stage",
        "wish_rank", "commute_km", "reasons",
      ])
    XCTAssertEqual(plan.count, 6, "\(plan)")
    var seen: [String: (String, String)] = [:]
    for row in plan {
      let id = row["staff_id"] ?? ""
      XCTAssertNil(seen[id], "\(id) listed twice")
      seen[id] = (row["from_school"] ?? "", row["to_school"] ?? "")
    }
    XCTAssertEqual(Set(seen.keys), Set(tinyMoves.keys))
    for (id, (from, to)) in tinyMoves {
      XCTAssertEqual(seen[id]?.0, from, "\(id) from")
      XCTAssertEqual(seen[id]?.1, to, "\(id) to")
    }
    let byID = Dictionary(uniqueKeysWithValues: plan.map { ($0["staff_id"] ?? "", $0) })
    XCTAssertEqual(byID["b1"]?["wish_rank"], "1")
    XCTAssertEqual(byID["d2"]?["wish_rank"], "2")
    for id in ["a1", "c2", "pA", "pB"] { XCTAssertEqual(byID[id]?["wish_rank"], "", "\(id) wish_rank") }
    for id in ["a1", "b1"] {
      XCTAssertEqual(byID[id]?["from_stage"], "primary")
      XCTAssertEqual(byID[id]?["to_stage"], "primary")
    }
    for id in ["c2", "d2"] {
      XCTAssertEqual(byID[id]?["from_stage"], "junior")
      XCTAssertEqual(byID[id]?["to_stage"], "junior")
    }
    for id in ["pA", "pB"] { XCTAssertEqual(byID[id]?["role"], "principal") }
    for row in plan { XCTAssertEqual(row["commute_km"], "", "no home locations in tiny") }

    // sections.csv: one row per section.
    let (_, sections) = csvRecords(try CLI.read(out.appendingPathComponent("sections.csv")))
    XCTAssertEqual(sections.map { $0["school"] ?? "" }.sorted(), ["A", "B", "C", "D"])
  }

  /// total_s covers load, build and solve (each rounded to 3 decimals).
  func assertTimingAddsUp(_ doc: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws {
    let timing = try XCTUnwrap(doc["timing"] as? [String: Any], "summary has timing", file: file, line: line)
    let total = try XCTUnwrap(num(timing["total_s"]), "timing.total_s", file: file, line: line)
    var parts = 0.0
    for k in ["load_s", "build_s", "solve_s"] {
      let v = try XCTUnwrap(num(timing[k]), "timing.\(k)", file: file, line: line)
      XCTAssertGreaterThanOrEqual(v, 0, k, file: file, line: line)
      parts += v
    }
    XCTAssertGreaterThan(total, 0, "timing.total_s: \(timing)", file: file, line: line)
    XCTAssertGreaterThanOrEqual(total, parts - 0.0025, "timing.total_s ≥ load + build + solve: \(timing)", file: file, line: line)
  }

  // MARK: 2. CVs recomputed from plan.csv and the district CSVs

  func testSummaryCVsMatchTheOfficialFormulaRecomputedFromThePlan() throws {
    let tmp = try CLI.tempDir(self)
    let out = tmp.appendingPathComponent("out")
    let r = try CLI.lungang(["solve", tinyYAML, "--out", out.path, "--no-timing", "--quiet"])
    XCTAssertEqual(r.status, 0, r.err)
    CLI.assertVerified(out)
    let summary = try CLI.jsonObject(try Data(contentsOf: out.appendingPathComponent("summary.json")), "summary.json")
    let cv = try XCTUnwrap(summary["cv"] as? [String: Any])

    // The district, read here without LungangCore.
    let schools = csvRecords(try CLI.read(tinyDistrict.appendingPathComponent("schools.csv"))).records
    let staff = csvRecords(try CLI.read(tinyDistrict.appendingPathComponent("staff.csv"))).records
    let plan = csvRecords(try CLI.read(out.appendingPathComponent("plan.csv"))).records

    // Sections: (school, stage) with pupils > 0.
    var pupils: [String: Int] = [:]  // "school/stage" → pupils
    for s in schools {
      let id = s["id"] ?? ""
      if let n = Int(s["students_primary"] ?? ""), n > 0 { pupils["\(id)/primary"] = n }
      if let n = Int(s["students_junior"] ?? ""), n > 0 { pupils["\(id)/junior"] = n }
    }
    // Where each teacher is before and after.
    var after: [String: String] = [:]
    for p in plan where p["role"] == "teacher" {
      after[p["staff_id"] ?? ""] = "\(p["to_school"] ?? "")/\(p["to_stage"] ?? "")"
    }
    let degreeRank = ["secondary": 0, "associate": 1, "bachelor": 2, "master": 3, "doctor": 4]
    func has(_ m: String, _ t: [String: String], stage: String) -> Bool {
      switch m {
      case "higher_degree":
        let d = degreeRank[t["degree"] ?? ""] ?? -1
        return stage == "primary" ? d >= 1 : d >= 2
      case "key":
        let k = t["key"] ?? ""
        return !k.isEmpty && k != "none"
      case "pe_arts":
        return ["pe", "music", "art"].contains(t["subject"] ?? "")
      default:
        XCTFail("unknown indicator \(m)")
        return false
      }
    }
    /// CV = S / X̄, X̄ = Σ P_k X_k / P, S = √(Σ P_k (X_k − X̄)² / P), X_k per 100 pupils.
    func officialCV(_ m: String, _ stage: String, afterRotation: Bool) -> Double? {
      var count: [String: Int] = [:]
      for t in staff where t["role"] == "teacher" {
        let id = t["id"] ?? ""
        let sec = afterRotation ? (after[id] ?? "\(t["school"] ?? "")/\(t["stage"] ?? "")")
          : "\(t["school"] ?? "")/\(t["stage"] ?? "")"
        guard sec.hasSuffix("/" + stage) else { continue }
        if has(m, t, stage: stage) { count[sec, default: 0] += 1 }
      }
      let secs = pupils.keys.filter { $0.hasSuffix("/" + stage) }
      let P = Double(secs.reduce(0) { $0 + pupils[$1]! })
      let x = secs.map { (Double(pupils[$0]!), 100 * Double(count[$0] ?? 0) / Double(pupils[$0]!)) }
      let mean = x.reduce(0) { $0 + $1.0 * $1.1 } / P
      if mean == 0 { return nil }
      let s = (x.reduce(0) { $0 + $1.0 * ($1.1 - mean) * ($1.1 - mean) } / P).squareRoot()
      return s / mean
    }

    let indicators = ["higher_degree", "key", "pe_arts"]  // the scenario default
    XCTAssertEqual(Set(cv.keys), ["primary", "junior"])
    var recomputed: [String: Double?] = [:]
    for stage in ["primary", "junior"] {
      let perInd = try XCTUnwrap(cv[stage] as? [String: Any], "cv.\(stage)")
      XCTAssertEqual(Set(perInd.keys), Set(indicators), "cv.\(stage) indicators")
      for m in indicators {
        let entry = try XCTUnwrap(perInd[m] as? [String: Any], "cv.\(stage).\(m)")
        for (when, isAfter) in [("before", false), ("after", true)] {
          let want = officialCV(m, stage, afterRotation: isAfter)
          recomputed["\(stage).\(m).\(when)"] = want
          let got = entry[when]
          if let want {
            let g = try XCTUnwrap(num(got), "cv.\(stage).\(m).\(when) is \(String(describing: got))")
            XCTAssertEqual(g, want, accuracy: 1e-9, "cv.\(stage).\(m).\(when)")
          } else {
            XCTAssertTrue(got is NSNull, "cv.\(stage).\(m).\(when) has mean 0: null, got \(String(describing: got))")
          }
        }
      }
    }
    // And the recomputation agrees with the hand-worked README (step 6).
    let readme: [String: Double] = [
      "primary.key.before": 1, "primary.key.after": 0, "junior.key.before": 1, "junior.key.after": 0,
      "junior.higher_degree.before": 0.2, "junior.higher_degree.after": 0.2,
      "primary.higher_degree.before": 0, "primary.higher_degree.after": 0,
      "primary.pe_arts.before": 0, "primary.pe_arts.after": 0,
      "junior.pe_arts.before": 0, "junior.pe_arts.after": 0,
    ]
    for (k, v) in readme {
      XCTAssertEqual(try XCTUnwrap(recomputed[k] ?? nil, k), v, accuracy: 1e-9, k)
    }
  }

  // MARK: 3. Determinism

  func testSolvingTwiceWithNoTimingGivesIdenticalBytes() throws {
    let tmp = try CLI.tempDir(self)
    let dirs = [tmp.appendingPathComponent("run1"), tmp.appendingPathComponent("run2")]
    for d in dirs {
      let r = try CLI.lungang(["solve", tinyYAML, "--out", d.path, "--no-timing", "--json"])
      XCTAssertEqual(r.status, 0, r.err)
      XCTAssertEqual(try Data(contentsOf: d.appendingPathComponent("summary.json")), r.stdout)
    }
    for f in ["plan.csv", "sections.csv", "summary.json", "report.html", "report.md"] {
      let a = try Data(contentsOf: dirs[0].appendingPathComponent(f))
      let b = try Data(contentsOf: dirs[1].appendingPathComponent(f))
      XCTAssertFalse(a.isEmpty, f)
      XCTAssertEqual(a, b, "\(f) differs between runs")
    }
    let summary = try CLI.jsonObject(try Data(contentsOf: dirs[0].appendingPathComponent("summary.json")), "summary.json")
    XCTAssertNil(summary["timing"], "--no-timing leaves timing out")
    XCTAssertEqual(
      try Set(FileManager.default.contentsOfDirectory(atPath: dirs[0].path)),
      ["plan.csv", "sections.csv", "summary.json", "report.html", "report.md"], "no temp files are left behind")
  }

  // MARK: 4. Invalid input

  /// Copies tiny into `dir/bad`, breaks it in five ways, and returns the expected
  /// diagnostics as (prefix `file:line: column:`, a word of the message).
  func writeBrokenTiny(in dir: URL) throws -> [(String, String)] {
    let bad = dir.appendingPathComponent("bad")
    try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
    var staff = try CLI.read(tinyDistrict.appendingPathComponent("staff.csv"))
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = staff[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    func set(line: Int, _ column: String, _ value: String, expect old: String) throws {
      var f = staff[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let c = try XCTUnwrap(header.firstIndex(of: column))
      XCTAssertEqual(f[c], old, "staff.csv line \(line) \(column) before breaking it")
      f[c] = value
      staff[line - 1] = f.joined(separator: ",")
    }
    try set(line: 3, "gender", "X", expect: "F")  // a1: not a code
    try set(line: 5, "birth_year", "1900", expect: "1990")  // a3: out of 1940–2010
    try set(line: 7, "id", "pB", expect: "b1")  // b1 → duplicate of pB on line 6
    try set(line: 10, "school", "Z", expect: "C")  // pC: unknown school
    try staff.joined(separator: "\n").write(to: bad.appendingPathComponent("staff.csv"), atomically: true, encoding: .utf8)
    var schools = try CLI.read(tinyDistrict.appendingPathComponent("schools.csv"))
    XCTAssertTrue(schools.hasSuffix("\n"))
    schools += "D,Dongxing Again,South,,3,0,90,39.88,116.42\n"  // line 6: duplicate id D
    try schools.write(to: bad.appendingPathComponent("schools.csv"), atomically: true, encoding: .utf8)
    try "name: broken\ndistrict: bad\nyear: 2026\n".write(
      to: dir.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    return [
      ("bad/schools.csv:6: id:", "duplicate"),
      ("bad/staff.csv:3: gender:", "X"),
      ("bad/staff.csv:5: birth_year:", "1900"),
      ("bad/staff.csv:7: id:", "duplicate"),
      ("bad/staff.csv:10: school:", "Z"),
    ]
  }

  func assertDiagnostics(_ r: RunResult, _ expected: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
    let errors = r.errLines.filter { $0.contains(" error: ") }
    for (prefix, word) in expected {
      let hits = errors.filter { $0.hasPrefix(prefix + " ") && $0.contains(word) }
      XCTAssertEqual(hits.count, 1, "expected one diagnostic `\(prefix) … \(word)`; stderr:\n\(r.err)", file: file, line: line)
    }
    XCTAssertEqual(errors.count, expected.count, "exactly the problems made, no more; stderr:\n\(r.err)", file: file, line: line)
  }

  func testInvalidDistrictExits2WithEveryProblemAndWritesNothing() throws {
    let tmp = try CLI.tempDir(self)
    let expected = try writeBrokenTiny(in: tmp)
    // Run inside the temp folder so that paths are shown relative to it (bad/staff.csv).
    let solve = try CLI.lungang(["solve", "broken.yaml", "--out", "out", "--json"], cwd: tmp)
    XCTAssertEqual(solve.status, 2, solve.err)
    assertDiagnostics(solve, expected)
    XCTAssertEqual(solve.out, "", "nothing on stdout when the input is invalid")
    XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("out").path), "no output folder")

    // An existing output folder is left empty.
    let existing = tmp.appendingPathComponent("existing")
    try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
    let solve2 = try CLI.lungang(["solve", "broken.yaml", "--out", existing.path], cwd: tmp)
    XCTAssertEqual(solve2.status, 2, solve2.err)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: existing.path), [])

    let validate = try CLI.lungang(["validate", "broken.yaml"], cwd: tmp)
    XCTAssertEqual(validate.status, 2, validate.err)
    assertDiagnostics(validate, expected)
    XCTAssertEqual(
      validate.errLines.filter { $0.contains(" error: ") }, solve.errLines.filter { $0.contains(" error: ") },
      "validate and solve report the same diagnostics")
    let validateJSON = try CLI.lungang(["validate", "broken.yaml", "--json"], cwd: tmp)
    XCTAssertEqual(validateJSON.status, 2)
    assertDiagnostics(validateJSON, expected)
  }

  func testUnknownScenarioKeyExits2NamingFileAndLine() throws {
    let tmp = try CLI.tempDir(self)
    let yaml = tmp.appendingPathComponent("typo.yaml")
    try """
      name: typo
      district: \(tinyDistrict.path)
      year: 2026
      rules:
        teacher_quota: 0.1
        max_outfow: 0.3
      colour: blue

      """.write(to: yaml, atomically: true, encoding: .utf8)
    let out = tmp.appendingPathComponent("out")
    for args in [["solve", yaml.path, "--out", out.path], ["validate", yaml.path]] {
      let r = try CLI.lungang(args)
      XCTAssertEqual(r.status, 2, "\(args[0]): \(r.err)")
      let errors = r.errLines.filter { $0.contains("error:") }
      XCTAssertTrue(
        errors.contains { $0.hasPrefix(yaml.path + ":6:") && $0.contains("max_outfow") && $0.contains("unknown key") },
        "\(args[0]) names typo.yaml:6; stderr:\n\(r.err)")
      XCTAssertTrue(
        errors.contains { $0.hasPrefix(yaml.path + ":7:") && $0.contains("colour") && $0.contains("unknown key") },
        "\(args[0]) names typo.yaml:7; stderr:\n\(r.err)")
      XCTAssertEqual(r.out, "")
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing solved, nothing written")
  }

  func testMissingScenarioFileExits2() throws {
    let tmp = try CLI.tempDir(self)
    for cmd in ["solve", "validate", "export"] {
      var args = [cmd, "missing.yaml"]
      if cmd == "solve" { args += ["--out", "out"] }
      if cmd == "export" { args += ["--out", "x.mps"] }
      let r = try CLI.lungang(args, cwd: tmp)
      XCTAssertEqual(r.status, 2, "\(cmd): \(r.err)")
      XCTAssertTrue(r.errLines.contains { $0.hasPrefix("missing.yaml:") && $0.contains("no such file") }, r.err)
    }
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), [], "nothing written")
  }

  // MARK: 5. Infeasible

  /// Two primary schools in one zone; h1 (movable) and w1 (not movable) avoid each other at
  /// X. `yMath` decides whether Y has a math post (held by y1, who cannot move).
  func writeAvoidanceDistrict(in dir: URL, yMath: Bool) throws -> URL {
    let d = dir.appendingPathComponent("couple")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    try """
      id,name,zone,group,tier,students_primary,students_junior
      X,Xishan Primary,North,,2,100,0
      Y,Yuquan Primary,North,,2,100,0

      """.write(to: d.appendingPathComponent("schools.csv"), atomically: true, encoding: .utf8)
    try """
      id,name,gender,birth_year,role,school,stage,subject,degree,years,avoid
      h1,Husband Han,M,1980,teacher,X,primary,math,bachelor,10,
      w1,Wife Wang,F,1982,teacher,X,primary,chinese,bachelor,1,h1
      y1,Yang Yi,M,1985,teacher,Y,primary,\(yMath ? "math" : "english"),bachelor,2,
      y2,Yue Er,F,1986,teacher,Y,primary,chinese,bachelor,3,

      """.write(to: d.appendingPathComponent("staff.csv"), atomically: true, encoding: .utf8)
    let yaml = dir.appendingPathComponent("couple.yaml")
    try "name: couple\ndistrict: couple\nyear: 2026\nrules:\n  max_outflow: 1\n".write(
      to: yaml, atomically: true, encoding: .utf8)
    return yaml
  }

  func testAvoidanceThatCannotBeMetExits3AndWritesNoPlan() throws {
    let tmp = try CLI.tempDir(self)
    let yaml = try writeAvoidanceDistrict(in: tmp, yMath: true)
    // The input itself is valid.
    let v = try CLI.lungang(["validate", yaml.path, "--json"])
    XCTAssertEqual(v.status, 0, v.err)
    let counts = try CLI.jsonObject(v.stdout, "validate --json")
    XCTAssertEqual((counts["movable"] as? NSNumber)?.intValue, 1)

    let out = tmp.appendingPathComponent("out")
    let r = try CLI.lungang(["solve", yaml.path, "--out", out.path])
    XCTAssertEqual(r.status, 3, "stdout: \(r.out)\nstderr: \(r.err)")
    XCTAssertTrue(r.err.contains("admit no plan"), r.err)
    XCTAssertTrue(r.err.contains("X"), "the reason names the school: \(r.err)")
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "no plan written")

    // --json: the summary on stdout says infeasible, with the reason; still no files.
    let j = try CLI.lungang(["solve", yaml.path, "--out", out.path, "--json"])
    XCTAssertEqual(j.status, 3, j.err)
    let doc = try CLI.jsonObject(j.stdout, "stdout")
    XCTAssertEqual(doc["status"] as? String, "infeasible")
    XCTAssertFalse((doc["reasons"] as? [String] ?? []).isEmpty, "summary has reasons")
    try assertTimingAddsUp(doc)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "no plan written")

    // diagnose says the same, naming the rule families, the people and the post.
    let d = try CLI.lungang(["diagnose", yaml.path])
    XCTAssertEqual(d.status, 3, d.err)
    XCTAssertTrue(d.out.contains("couple: the hard rules admit no plan"), d.out)
    XCTAssertTrue(d.out.contains("avoidance (rule 7): Husband Han (h1) may not stay at Xishan Primary (X), where Wife Wang (w1)"), d.out)
    XCTAssertTrue(d.out.contains("teacher post caps (rule 2): relaxing it alone would admit a plan"), d.out)
    XCTAssertTrue(d.out.contains("1 more math post in the primary section of Yuquan Primary (Y) (its cap is 1)"), d.out)
    let dj = try CLI.lungang(["diagnose", yaml.path, "--json"])
    XCTAssertEqual(dj.status, 3, dj.err)
    let ddoc = try CLI.jsonObject(dj.stdout, "diagnose --json")
    XCTAssertEqual(ddoc["hard_rules"] as? String, "no_plan")
    XCTAssertEqual((ddoc["conflicts"] as? [String])?.count, 1)
  }

  func testDiagnoseTinyAdmitsAPlan() throws {
    let d = try CLI.lungang(["diagnose", tinyYAML, "--json"])
    XCTAssertEqual(d.status, 0, d.err)
    let doc = try CLI.jsonObject(d.stdout, "diagnose --json")
    XCTAssertEqual(doc["hard_rules"] as? String, "admits_plan")
    XCTAssertEqual(doc["conflicts"] as? [String], [])
  }

  /// model.md: two people who both cannot move (not movable, or no allowed destination) and
  /// share a school are a warning, not a contradiction. h1 is movable but Y has no math post.
  func testAvoidancePairThatNeitherCanLeaveIsAWarningNotInfeasible() throws {
    let tmp = try CLI.tempDir(self)
    let yaml = try writeAvoidanceDistrict(in: tmp, yMath: false)
    let out = tmp.appendingPathComponent("out")
    let r = try CLI.lungang(["solve", yaml.path, "--out", out.path])
    XCTAssertEqual(r.status, 0, "stdout: \(r.out)\nstderr: \(r.err)")
    CLI.assertVerified(out)
    XCTAssertTrue(
      r.errLines.contains { $0.contains("warning") && $0.contains("h1") && $0.contains("w1") },
      "a warning names the pair: \(r.err)")
    XCTAssertFalse(r.err.contains("admit no plan"), r.err)
    let plan = csvRecords(try CLI.read(out.appendingPathComponent("plan.csv")))
    XCTAssertEqual(plan.records.count, 0, "nobody moves")
    let summary = try CLI.jsonObject(try Data(contentsOf: out.appendingPathComponent("summary.json")), "summary.json")
    let counts = try XCTUnwrap(summary["counts"] as? [String: Any])
    XCTAssertEqual((counts["movable"] as? NSNumber)?.intValue, 1, "h1 still counts as movable")
    XCTAssertEqual((counts["moved"] as? NSNumber)?.intValue, 0)

    // --quiet prints nothing but errors: the warning goes.
    let q = try CLI.lungang(["solve", yaml.path, "--out", tmp.appendingPathComponent("out-q").path, "--quiet"])
    XCTAssertEqual(q.status, 0, q.err)
    XCTAssertEqual(q.err, "")
  }

  // MARK: 6. Usage

  func testBadUsageExits64() throws {
    let tmp = try CLI.tempDir(self)
    let out = tmp.appendingPathComponent("out")
    let cases: [([String], String)] = [
      (["solve", tinyYAML, "--out", out.path, "--bogus"], "--bogus"),
      (["solve", tinyYAML, "--out", out.path, "--time-limit", "-1"], "--time-limit"),
      (["solve", tinyYAML, "--out", out.path, "--time-limit=-1"], "must be positive"),
      (["solve", tinyYAML, "--out", out.path, "--time-limit", "0"], "must be positive"),
      (["frobnicate"], "frobnicate"),
    ]
    for (args, word) in cases {
      let r = try CLI.lungang(args)
      XCTAssertEqual(r.status, 64, "\(args): \(r.err)")
      XCTAssertTrue(r.err.contains(word), "\(args): stderr mentions \(word): \(r.err)")
      XCTAssertEqual(r.out, "", "\(args)")
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing solved")
  }

  /// A model that would not fit in memory is refused before it is built (exit 2, nothing
  /// written); LUNGANG_MAX_COLUMNS stands in for a small machine.
  func testModelTooLargeForMemoryIsRefused() throws {
    let out = try CLI.tempDir(self).appendingPathComponent("out")
    for args in [["solve", tinyYAML, "--out", out.path], ["validate", tinyYAML]] {
      let r = try CLI.run(
        try CLI.binary(), args, cwd: CLI.packageRoot, environment: ["LUNGANG_MAX_COLUMNS": "5"])
      XCTAssertEqual(r.status, 2, r.err)
      XCTAssertTrue(r.err.contains("tiny.yaml: rules.scope: error: the model would have more than 5 assignment columns (9 movable people, scope zone_or_group)"), r.err)
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    XCTAssertEqual(try CLI.lungang(["validate", tinyYAML]).status, 0)
  }

  /// A model over the column limit whose candidates fit is solved on them: exit 0, a note on
  /// stderr, a plan that verifies, and a bound below it (status time_limit: the bound prices
  /// every allowed destination and does not prove the gap here). LUNGANG_MAX_COLUMNS and
  /// LUNGANG_CANDIDATE_COLUMNS stand in for a small machine.
  func testModelOverTheLimitIsSolvedOnCandidates() throws {
    let tmp = try CLI.tempDir(self)
    let d = tmp.appendingPathComponent("g")
    let g = try CLI.lungang(["generate", "--staff", "600", "--schools", "12", "--seed", "5", "--out", d.path])
    XCTAssertEqual(g.status, 0, g.err)
    let yaml = tmp.appendingPathComponent("g.yaml")
    try "name: g\ndistrict: g\nyear: 2026\nrules: {scope: district}\nsolver: {time_limit_s: 20}\n"
      .write(to: yaml, atomically: true, encoding: .utf8)
    let out = tmp.appendingPathComponent("out")
    let env = ["LUNGANG_MAX_COLUMNS": "1500", "LUNGANG_CANDIDATE_COLUMNS": "700"]
    let r = try CLI.run(
      try CLI.binary(), ["solve", yaml.path, "--out", out.path, "--json"], cwd: CLI.packageRoot, environment: env)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.err.contains("the 1709 allowed destinations would not fit"), r.err)
    XCTAssertTrue(r.err.contains("their 2 cheapest moves as candidates (710 columns)"), r.err)
    let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
    XCTAssertEqual(summary["status"] as? String, "time_limit")
    let objective = try XCTUnwrap(summary["objective"] as? [String: Any])
    let total = try XCTUnwrap(objective["total"] as? Double)
    let bound = try XCTUnwrap(objective["bound"] as? Double)
    XCTAssertLessThan(bound, total)
    CLI.assertVerified(out)
    let v = try CLI.run(try CLI.binary(), ["validate", yaml.path], cwd: CLI.packageRoot, environment: env)
    XCTAssertEqual(v.status, 0, v.err)
    XCTAssertTrue(v.err.contains("cheapest moves as candidates"), v.err)
    // `explain` names the allowed schools left out of a person's candidates.
    let plan = try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
    let movers = plan.split(separator: "\n").dropFirst().prefix(5).map { String($0.split(separator: ",")[0]) }
    var named = false
    for id in movers where !named {
      let e = try CLI.run(try CLI.binary(), ["explain", out.path, id], cwd: CLI.packageRoot, environment: env)
      XCTAssertEqual(e.status, 0, e.err)
      named = e.out.contains("allowed, but not among their 2 cheapest moves kept as candidates")
    }
    XCTAssertTrue(named, "explain names the schools left out")
  }

  func testOutputIntoTheDistrictFolderIsRefused() throws {
    for out in ["Scenarios/tiny", "Scenarios/tiny/", "Scenarios/tiny/out", "Scenarios/../Scenarios/tiny"] {
      let r = try CLI.lungang(["solve", tinyYAML, "--out", out])
      XCTAssertEqual(r.status, 64, "\(out): \(r.err)")
      XCTAssertTrue(r.err.contains("must not be the district folder or inside it"), r.err)
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent("Scenarios/tiny/plan.csv").path))
    XCTAssertFalse(FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent("Scenarios/tiny/out").path))
  }

  func testOutputThatCannotBeWrittenExits73() throws {
    let tmp = try CLI.tempDir(self)
    let file = tmp.appendingPathComponent("a-file")
    try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.lungang(["solve", tinyYAML, "--out", file.path])
    XCTAssertEqual(r.status, 73, r.err)
    XCTAssertTrue(r.err.contains(file.path), "names the folder: \(r.err)")
    XCTAssertEqual(try CLI.read(file), "keep me\n", "the file is left alone")
  }

  // MARK: 7. validate baseline

  /// SIGINT during a long solve of the sample district: the best plan so far is written with
  /// status `interrupted`, exit 0, and every move in plan.csv is a real person.
  func testInterruptWritesTheBestPlanSoFar() throws {
    let tmp = try CLI.tempDir(self)
    let out = tmp.appendingPathComponent("out")
    let r = try CLI.run(
      try CLI.binary(), ["solve", "Scenarios/baseline.yaml", "--out", out.path, "--json", "--time-limit", "600"],
      cwd: CLI.packageRoot, timeout: 300, interruptAfter: 4)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.err.contains("interrupted"), r.err)
    let doc = try CLI.jsonObject(r.stdout, "solve --json")
    XCTAssertEqual(doc["status"] as? String, "interrupted")
    CLI.assertVerified(out)  // the plan written on SIGINT keeps every rule
    let objective = try XCTUnwrap(doc["objective"] as? [String: Any])
    XCTAssertNotNil(objective["total"] as? NSNumber)
    let plan = try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
    let rows = plan.split(separator: "\n").dropFirst()
    XCTAssertFalse(rows.isEmpty, "the heuristic's plan moves people")
    let staff = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Scenarios/dongcheng/staff.csv"), encoding: .utf8)
    for row in rows.prefix(20) {
      let id = String(row.split(separator: ",")[0])
      XCTAssertTrue(staff.contains("\n\(id),") || staff.contains("\r\n\(id),"), id)
    }
  }

  /// `verify` accepts the plan `solve` wrote and catches hand-broken plans and summaries.
  func testVerifyAcceptsTheSolvedPlanAndCatchesBrokenOnes() throws {
    let tmp = try CLI.tempDir(self)
    let good = tmp.appendingPathComponent("good")
    XCTAssertEqual(try CLI.lungang(["solve", tinyYAML, "--out", good.path, "-q"]).status, 0)
    let ok = try CLI.lungang(["verify", tinyYAML, good.path])
    XCTAssertEqual(ok.status, 0, ok.err)
    CLI.assertVerified(good)  // the scenario read from summary.json's scenario_file
    let notAResult = try CLI.lungang(["verify", tmp.path])
    XCTAssertEqual(notAResult.status, 2)
    XCTAssertTrue(notAResult.err.contains("summary.json: error: cannot read"), notAResult.err)

    func broken(_ name: String, _ edit: (inout String, inout String) -> Void) throws -> RunResult {
      let dir = tmp.appendingPathComponent(name)
      try FileManager.default.copyItem(at: good, to: dir)
      var plan = try String(contentsOf: dir.appendingPathComponent("plan.csv"), encoding: .utf8)
      var summary = try String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8)
      edit(&plan, &summary)
      try plan.write(to: dir.appendingPathComponent("plan.csv"), atomically: true, encoding: .utf8)
      try summary.write(to: dir.appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)
      return try CLI.lungang(["verify", tinyYAML, dir.path])
    }
    // a1 (a math teacher at A) sent to D, outside her scope (zone North, no shared group).
    let outOfScope = try broken("scope") { plan, _ in
      plan = plan.replacingOccurrences(of: "a1,An Li,teacher,math,A,primary,B,primary", with: "a1,An Li,teacher,math,A,primary,D,junior")
    }
    XCTAssertEqual(outOfScope.status, 1)
    XCTAssertTrue(outOfScope.err.contains("not an allowed destination of a1"), outOfScope.err)
    // The principal of A sent to C as well: C then has two principals.
    let overCap = try broken("cap") { plan, _ in
      plan = plan.replacingOccurrences(of: "pA,Principal An,principal,,A,,B", with: "pA,Principal An,principal,,A,,C")
    }
    XCTAssertEqual(overCap.status, 1)
    XCTAssertTrue(overCap.err.contains("rule violated"), overCap.err)
    // A summary whose total was changed.
    let badTotal = try broken("total") { _, summary in
      summary = summary.replacingOccurrences(of: "\"total\": 489", with: "\"total\": 488")
    }
    XCTAssertEqual(badTotal.status, 1)
    XCTAssertTrue(badTotal.err.contains("total is 488"), badTotal.err)
  }

  func testValidateBaselineJSON() throws {
    let r = try CLI.lungang(["validate", "Scenarios/baseline.yaml", "--json"])
    XCTAssertEqual(r.status, 0, r.err)
    let doc = try CLI.jsonObject(r.stdout, "validate --json")
    XCTAssertEqual(doc["valid"] as? Bool, true)
    let expected = ["schools": 100, "staff": 9000, "teachers": 8666, "cadres": 334, "warnings": 0]
    for (k, v) in expected { XCTAssertEqual((doc[k] as? NSNumber)?.intValue, v, k) }
    for k in ["sections", "eligible", "movable"] {
      XCTAssertGreaterThan((doc[k] as? NSNumber)?.intValue ?? 0, 0, k)
    }
  }

  // MARK: 8. export

  func testExportMPSWritesTheModelAndNames() throws {
    let tmp = try CLI.tempDir(self)
    let mps = tmp.appendingPathComponent("x.mps")
    let r = try CLI.lungang(["export", tinyYAML, "--format", "mps", "--out", mps.path])
    XCTAssertEqual(r.status, 0, r.err)
    let names = tmp.appendingPathComponent("x.mps.names.csv")
    XCTAssertEqual(
      try Set(FileManager.default.contentsOfDirectory(atPath: tmp.path)), ["x.mps", "x.mps.names.csv"])
    let mpsText = try CLI.read(mps)
    XCTAssertTrue(mpsText.contains("ROWS") && mpsText.contains("COLUMNS"), "an MPS file")
    // The header comment gives the sizes; names.csv has one line per row and column.
    func size(_ label: String) -> Int? {
      for l in mpsText.split(separator: "\n") where l.hasPrefix("* \(label):") {
        return Int(l.dropFirst(label.count + 3).trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
      }
      return nil
    }
    let (header, recs) = csvRecords(try CLI.read(names))
    XCTAssertEqual(header.first, "kind")
    XCTAssertEqual(recs.filter { $0["kind"] == "column" }.count, try XCTUnwrap(size("Columns")))
    XCTAssertEqual(recs.filter { $0["kind"] == "row" }.count, try XCTUnwrap(size("Rows")))
    XCTAssertTrue(recs.contains { $0["staff_id"] == "a1" && $0["school"] == "B" && $0["detail"] == "move" })

    // glpsol solves the MPS to the same optimum.
    let sol = tmp.appendingPathComponent("x.sol")
    let g = try CLI.run(try CLI.glpsol(), ["--freemps", mps.path, "-o", sol.path], cwd: tmp)
    XCTAssertEqual(g.status, 0, g.out + g.err)
    let report = try CLI.read(sol)
    let objLine = try XCTUnwrap(report.split(separator: "\n").first { $0.hasPrefix("Objective:") }, report)
    let value = objLine.split(separator: "=").last.flatMap {
      Double($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }
    XCTAssertEqual(try XCTUnwrap(value, String(objLine)), 489, accuracy: 1e-6)
  }

  func testExportGMPLSolvesWithRotationModToTotal489() throws {
    let tmp = try CLI.tempDir(self)
    let dat = tmp.appendingPathComponent("x.dat")
    let r = try CLI.lungang(["export", tinyYAML, "--format", "gmpl", "--out", dat.path])
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), ["x.dat"])
    let g = try CLI.run(try CLI.glpsol(), ["-m", "Models/rotation.mod", "-d", dat.path], cwd: CLI.packageRoot)
    XCTAssertEqual(g.status, 0, g.out + g.err)
    var total: Double?
    var termSum = 0.0
    var moves = 0
    for l in g.out.split(separator: "\n") {
      let f = l.split(separator: " ")
      if f.first == "TOTAL", f.count == 2 { total = Double(f[1]) }
      if f.first == "TERM", f.count == 3 { termSum += Double(f[2]) ?? .nan }
      if f.first == "MOVE" { moves += 1 }
    }
    let t = try XCTUnwrap(total, "glpsol printed no TOTAL:\n\(g.out)")
    XCTAssertEqual(t, 489, accuracy: 1e-6)
    XCTAssertEqual(termSum, t, accuracy: 1e-6)
    XCTAssertEqual(moves, 6)
  }

  // MARK: 9. generate, then validate

  func testGenerateThenValidate() throws {
    let tmp = try CLI.tempDir(self)
    let d = tmp.appendingPathComponent("d")
    let r = try CLI.lungang(["generate", "--staff", "200", "--schools", "10", "--seed", "3", "--out", d.path])
    XCTAssertEqual(r.status, 0, r.err)
    for f in ["schools.csv", "staff.csv"] {
      XCTAssertTrue(FileManager.default.fileExists(atPath: d.appendingPathComponent(f).path), f)
    }
    // Same options, same bytes.
    let d2 = tmp.appendingPathComponent("d2")
    let r2 = try CLI.lungang(["generate", "--staff", "200", "--schools", "10", "--seed", "3", "--out", d2.path])
    XCTAssertEqual(r2.status, 0, r2.err)
    for f in try FileManager.default.contentsOfDirectory(atPath: d.path) {
      XCTAssertEqual(
        try Data(contentsOf: d.appendingPathComponent(f)), try Data(contentsOf: d2.appendingPathComponent(f)), f)
    }

    let yaml = tmp.appendingPathComponent("gen.yaml")
    try "name: generated\ndistrict: d\nyear: 2026\n".write(to: yaml, atomically: true, encoding: .utf8)
    let v = try CLI.lungang(["validate", yaml.path, "--json"])
    XCTAssertEqual(v.status, 0, v.err)
    let doc = try CLI.jsonObject(v.stdout, "validate --json")
    XCTAssertEqual(doc["valid"] as? Bool, true)
    XCTAssertEqual((doc["schools"] as? NSNumber)?.intValue, 10)
    XCTAssertEqual((doc["staff"] as? NSNumber)?.intValue, 200)
    let text = try CLI.lungang(["validate", yaml.path])
    XCTAssertEqual(text.status, 0, text.err)
    XCTAssertTrue(text.out.contains("generated: valid"), text.out)
  }

  /// --avoid-same-school: a share outside 0…1 is refused with exit 2 and the option named;
  /// 0 writes a district where no two people who avoid each other share a school.
  func testGenerateAvoidSameSchool() throws {
    let tmp = try CLI.tempDir(self)
    let bad = try CLI.lungang([
      "generate", "--staff", "200", "--schools", "10", "--avoid-same-school", "2", "--out",
      tmp.appendingPathComponent("bad").path,
    ])
    XCTAssertEqual(bad.status, 2, bad.err)
    XCTAssertTrue(bad.err.contains("--avoid-same-school"), bad.err)
    let d = tmp.appendingPathComponent("d")
    let r = try CLI.lungang([
      "generate", "--staff", "4000", "--schools", "20", "--seed", "4", "--avoid-same-school", "0",
      "--english", "--out", d.path,
    ])
    XCTAssertEqual(r.status, 0, r.err)
    let district = try DistrictLoader.load(folder: d)
    let schoolOf = Dictionary(uniqueKeysWithValues: district.staff.map { ($0.id, $0.school) })
    var pairs = 0
    for p in district.staff {
      for a in p.avoid {
        pairs += 1
        XCTAssertNotEqual(schoolOf[a], p.school, "\(p.id) and \(a)")
      }
    }
    XCTAssertGreaterThan(pairs, 0)
  }
}
