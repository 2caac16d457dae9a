import Foundation
import XCTest

@testable import LungangCore

/// Property and hostile-input tests of `ScenarioLoader`: seeded mutations of a full valid
/// scenario, alias bombs, deep nesting, huge and base-60 numbers, wrong types, `extends`
/// cycles and odd targets, encodings. Every file loads or is rejected with well-formed
/// diagnostics, fast, and what loads can be turned into a `RotationInstance` of the tiny
/// district without a trap.
final class ScenarioLoaderFuzzTests: XCTestCase {
  /// Every key of model.md set, the district pointing at Scenarios/tiny.
  static let base = """
    name: 小样例 fuzz
    district: \(TinyFiles.folder.path)
    year: 2026
    rules:
      teacher_min_years: 6
      cadre_min_years: 6
      retirement_age: {M: 60, F: 55}
      retirement_buffer: 5
      scope: zone_or_group
      same_stage: true
      max_commute_km: 12.5
      key_to_same_or_weaker: yes
      wishes_only: false
      teacher_quota: 0.1
      quota_tiers: [1, 2, 3]
      key_share: 0.2
      cadre_quota: 0.5
      max_outflow: 0.2
      indicators: [higher_degree, key, pe_arts]
    weights: {shortage: 1000, quota: 500, key_share: 200, cadre_quota: 500, balance: 1, wish: 1,
              wish_miss: 5, commute: 0.1, move: 0.5}
    solver:
      time_limit_s: 60
      mip_gap: 0.000001
      threads: 0

    """

  /// YAML values that have broken loaders: overflowing and base-60 integers, non-finite
  /// floats, explicit tags, nulls, collections, aliases and anchors, quoted numbers.
  static let hostileValues = [
    ".inf", "-.inf", ".nan", ".NaN", "1e309", "-1e309", "9223372036854775807", "9223372036854775808",
    "-9223372036854775809", "0x7FFFFFFFFFFFFFFF", "0x8000000000000000", "0b" + String(repeating: "1", count: 70),
    "0o7777777777777777777777", "9223372036854775807:0", "1:2:3:4:5:6:7:8:9:10:11:12", "-1:30",
    "1:30.5", "~", "null", "", "[]", "{}", "[1, [2, [3]]]", "{a: {b: {c: 1}}}", "'0.1'", "\"2026\"",
    "yes", "off", "!!binary aGVsbG8=", "!!timestamp 2001-12-14", "!!int 12", "!!float abc",
    "!!str 12", "!!bool maybe", "!!int 0x10", "!local 3", "*undefined", "&a 3", "2026-01-01",
    "1_000", "+.5", "-0", "1e-400", "|\n  text", ">-\n  folded", "\"\\u0000\"", "\"\\e[31m\"",
    "[*a]", String(repeating: "[", count: 60) + String(repeating: "]", count: 60), "中文",
    "=cmd|' /C calc'!A0", String(repeating: "x", count: 5000), "- a\n- b", "{? [a, b] : 1}",
  ]

  private lazy var tiny: District = try! DistrictLoader.load(folder: TinyFiles.folder)

  /// Writes `bytes` as s.yaml in `folder` and checks the property; diagnostics may name any
  /// file of the folder. Returns whether the scenario loaded, and the diagnostics if not.
  @discardableResult
  private func check(
    _ bytes: [UInt8], _ context: @autoclosure () -> String, folder: FixtureFolder = FixtureFolder(),
    sourceLine: UInt = #line
  ) -> (loaded: Bool, diagnostics: [Diagnostic]) {
    let file = folder.write("s.yaml", data: Data(bytes))
    var files: [String: [UInt8]] = ["/dev/null": []]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? [] {
      let url = folder.url.appendingPathComponent(name)
      files[url.path] = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
    }
    let start = Date()
    defer {
      XCTAssertLessThan(Date().timeIntervalSince(start), 10, "blow-up: \(context())", line: sourceLine)
    }
    do {
      let s = try ScenarioLoader.load(file: file)
      for x in [s.weights.shortage, s.weights.balance, s.weights.move, s.solver.mipGap, s.solver.timeLimitS] {
        XCTAssertTrue(x.isFinite, "\(context())", line: sourceLine)
      }
      let inst = RotationInstance(district: tiny, scenario: s)
      XCTAssertEqual(inst.staff.count, 16, line: sourceLine)
      return (true, [])
    } catch let error as InputError {
      XCTAssertTrue(
        error.diagnostics.contains { $0.severity == .error }, "\(error) — \(context())", line: sourceLine)
      for d in error.diagnostics {
        // A missing key is named as the column, with no line.
        assertWellFormed(d, files: files, context(), columnNeedsLine: false, sourceLine: sourceLine)
      }
      return (false, error.diagnostics)
    } catch {
      XCTFail("not an InputError: \(error) — \(context())", line: sourceLine)
      return (false, [])
    }
  }

  // MARK: properties

  func testTheBaseScenarioLoads() {
    XCTAssertTrue(check(Array(Self.base.utf8), "base").loaded)
  }

  /// Byte-level mutations (random bytes, flips, truncation, lines deleted or duplicated,
  /// quotes, line ends, NULs, BOMs, UTF-16, invalid UTF-8, GB18030), seed 0x5CE1.
  func testByteMutations() {
    var m = Mutator(seed: 0x5CE1)
    var loaded = 0
    for c in 0..<300 {
      let (bytes, what) = m.mutate(Array(Self.base.utf8))
      if check(bytes, "seed 0x5CE1 case \(c): \(what)").loaded { loaded += 1 }
    }
    XCTAssertGreaterThan(loaded, 0)
    XCTAssertLessThan(loaded, 300)
  }

  /// The value of one to three random `key: value` lines replaced by a hostile YAML value,
  /// seed 0x7A1E.
  func testHostileValues() {
    var m = Mutator(seed: 0x7A1E)
    let lines = Self.base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let keyed = lines.indices.filter { lines[$0].contains(": ") }
    var loaded = 0
    for c in 0..<300 {
      var mutated = lines
      var what: [String] = []
      for _ in 0..<(1 + m.int(3)) {
        let i = m.rng.pick(keyed)
        let value = m.rng.pick(Self.hostileValues)
        let key = mutated[i].prefix { $0 != ":" }
        // Block values go on the next lines, indented under the key.
        let indent = String(repeating: " ", count: key.prefix { $0 == " " }.count + 2)
        let written = value.contains("\n")
          ? "\n" + indent + value.replacingOccurrences(of: "\n", with: "\n" + indent) : value
        mutated[i] = key + ": " + written
        what.append("line \(i + 1) = \(value.debugDescription.prefix(40))")
      }
      if check(Array(mutated.joined(separator: "\n").utf8), "seed 0x7A1E case \(c): \(what)").loaded {
        loaded += 1
      }
    }
    XCTAssertGreaterThan(loaded, 0)
    XCTAssertLessThan(loaded, 300)
  }

  // MARK: crashes found by the properties

  /// Yams reads `9223372036854775807:0` as a base-60 integer with trapping arithmetic: it
  /// crashed `lungang validate` with SIGILL before base-60 numbers were refused.
  func testBase60NumbersAreErrorsNotTraps() {
    for value in ["9223372036854775807:0", "1:2:3:4:5:6:7:8:9:10:11:12", "1:30", "-1:30"] {
      for key in ["year", "rules:\n  teacher_min_years", "weights:\n  move", "solver:\n  threads"] {
        let text = "district: d\n" + (key == "year" ? "" : "year: 2026\n") + "\(key): \(value)\n"
        let (loaded, d) = check(Array(text.utf8), "\(key) \(value)")
        XCTAssertFalse(loaded)
        XCTAssertTrue(d.contains { $0.message.hasPrefix("expected a") && $0.message.contains(value) }, "\(d)")
      }
    }
  }

  /// A retirement age near `Int.max` with year 1900 (pupils born up to 2010 are then −110
  /// years old) overflowed `retirement_age − age` while building the instance: SIGILL in
  /// `lungang validate`. Year counts are now bounded to 0–200, and the extremes build.
  func testRetirementArithmeticCannotOverflow() throws {
    let bad = "district: d\nyear: 1900\nrules: {retirement_age: {M: 9223372036854775807}}\n"
    let (_, d) = check(Array(bad.utf8), "retirement")
    assertDiagnostic(
      d, file: d.first?.file ?? "", line: 3, column: "rules.retirement_age.M",
      contains: "9223372036854775807 is outside 0–200")
    for year in [1900, 2200] {
      let text = """
        district: d
        year: \(year)
        rules: {retirement_age: {M: 200, F: 0}, retirement_buffer: 200, teacher_min_years: 200, cadre_min_years: 0}

        """
      XCTAssertTrue(check(Array(text.utf8), "extremes \(year)").loaded)
    }
  }

  /// `.inf` weights loaded and gave a plan with an infinite objective and exit 0; 1e308 gave
  /// an "optimal" objective of 4e308. Numbers must now be finite and weights at most 1e9.
  func testNonFiniteAndHugeNumbers() {
    let cases: [(String, String, String?)] = [
      ("weights", "balance: .inf", "expected a finite number, got \".inf\""),
      ("weights", "move: -.inf", "expected a finite number, got \"-.inf\""),
      ("weights", "move: .nan", "expected a number, got \".nan\""),
      ("weights", "shortage: 1e309", "expected a finite number, got \"1e309\""),
      ("weights", "shortage: 1e10", "1e10 is outside 0–1000000000"),
      ("weights", "shortage: 1e9", nil),
      ("solver", "time_limit_s: .inf", "expected a finite number"),
      ("solver", "time_limit_s: 1e300", nil),
      ("solver", "mip_gap: 1e309", "expected a finite number"),
      ("solver", "threads: 9223372036854775807", nil),
      ("solver", "threads: 9223372036854775808", "expected a whole number"),
      ("rules", "max_commute_km: .inf", "expected a finite number"),
      ("rules", "teacher_min_years: 201", "201 is outside 0–200"),
    ]
    for (section, entry, expected) in cases {
      let text = "district: d\nyear: 2026\n\(section): {\(entry)}\n"
      let (loaded, d) = check(Array(text.utf8), entry)
      if let expected {
        XCTAssertFalse(loaded, entry)
        XCTAssertTrue(d.contains { $0.line == 3 && $0.message.contains(expected) }, "\(entry): \(d)")
      } else {
        XCTAssertTrue(loaded, "\(entry): \(d)")
      }
    }
  }

  // MARK: aliases and nesting

  /// Nine aliases per level, nine levels deep: 387 million nodes when followed. As a mapping
  /// key, Yams hashed the whole tree (22 s at seven levels, never ending at nine); now the first
  /// alias is one error at its line, at once.
  func testBillionLaughsAreOneErrorAtTheFirstAlias() {
    var laughs = "district: d\nyear: 2026\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in 1...9 {
      laughs += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    let asValue = laughs + "name: *l9\n"
    let asKey = laughs + "rules: {? *l9 : 1}\n"
    for (what, text) in [("value", asValue), ("key", asKey)] {
      let (loaded, d) = check(Array(text.utf8), what)
      XCTAssertFalse(loaded)
      XCTAssertEqual(d.map(\.line), [4], what)
      XCTAssertEqual(d.first?.message, "aliases (*name) are not supported; write the value out")
    }
  }

  func testAnchorsWithoutAliasesAndAmpersandsInTextLoad() throws {
    let text = """
      name: "R&D *draft*" # & and * in a comment
      district: d
      year: &y 2026
      rules: &r
        scope: district
      weights: &w {move: 2}

      """
    let f = FixtureFolder()
    let s = try ScenarioLoader.load(file: f.write("s.yaml", text))
    XCTAssertEqual(s.name, "R&D *draft*")
    XCTAssertEqual(s.year, 2026)
    XCTAssertEqual(s.rules.scope, .district)
    XCTAssertEqual(s.weights.move, 2)
    // A tag and an anchor on one node, and a `*` elsewhere: refused with the first pass's error.
    let both = "district: d\nyear: !!int &y 2026\nname: a*b\n"
    let (loaded, d) = check(Array(both.utf8), "tag and anchor")
    XCTAssertFalse(loaded)
    XCTAssertEqual(d.first?.line, 2)
  }

  func testDeepNestingIsAnErrorNotAStackOverflow() {
    let cases: [(String, String, String)] = [
      ("flow 990", "rules: " + String(repeating: "[", count: 990) + String(repeating: "]", count: 990), "expected a mapping, got a list"),
      ("flow 100000", "rules: " + String(repeating: "[", count: 100_000), "not valid yaml"),
      ("mapping 5000", "rules: " + String(repeating: "{a: ", count: 5000) + "1" + String(repeating: "}", count: 5000), "not valid yaml"),
      ("block 1200", "rules:\n" + (0..<1200).map { String(repeating: " ", count: $0 + 1) + "k:" }.joined(separator: "\n"), "not valid yaml"),
    ]
    for (what, body, expected) in cases {
      let (loaded, d) = check(Array(("district: d\nyear: 2026\n" + body + "\n").utf8), what)
      XCTAssertFalse(loaded, what)
      XCTAssertTrue(d.contains { $0.message.hasPrefix(expected) && $0.line != nil }, "\(what): \(d.prefix(2))")
    }
  }

  // MARK: extends, files and encodings

  func testExtendsCyclesMissingFilesAndOddTargets() throws {
    let f = FixtureFolder()
    f.write("a.yaml", "extends: b.yaml\n")
    f.write("b.yaml", "extends: c.yaml\n")
    f.write("c.yaml", "extends: a.yaml\ndistrict: d\nyear: 2026\n")
    f.write("binary.yaml", data: Data((0..<256).map { UInt8($0) }))
    f.write("big.yaml", data: Data(repeating: 0x23, count: (1 << 20) + 1))
    try FileManager.default.createDirectory(
      at: f.url.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
    let cases: [(String, String)] = [
      ("extends: s.yaml", "extends cycle: s.yaml → s.yaml"),
      ("extends: a.yaml", "extends cycle: s.yaml → a.yaml → b.yaml → c.yaml → a.yaml"),
      ("extends: nope.yaml", "no such file \"nope.yaml\""),
      ("extends: folder.yaml", "a folder, not a file"),
      ("extends: /dev/null", "not a regular file"),
      ("extends: binary.yaml", "the file contains nul bytes"),
      ("extends: big.yaml", "the file has 1048577 bytes; at most 1048576 are read"),
      ("extends: [a.yaml]", "expected text, got a list"),
      ("extends: ~", "expected text, got null"),
    ]
    for (line, expected) in cases {
      let (loaded, d) = check(
        Array("\(line)\ndistrict: d\nyear: 2026\n".utf8), line, folder: f)
      XCTAssertFalse(loaded, line)
      XCTAssertTrue(d.contains { $0.message.contains(expected) }, "\(line): \(d)")
    }
  }

  /// A chain of 5,000 files extending one another overflowed the stack (SIGSEGV); 64 files
  /// load, the 65th is an error at its `extends` line.
  func testLongExtendsChains() throws {
    let f = FixtureFolder()
    for n in [64, 65] {
      for i in 1..<n { f.write("c\(n)-\(i).yaml", "extends: c\(n)-\(i + 1).yaml\n") }
      f.write("c\(n)-\(n).yaml", "district: d\nyear: 2026\n")
      let file = f.url.appendingPathComponent("c\(n)-1.yaml")
      if n == 64 {
        XCTAssertEqual(try ScenarioLoader.load(file: file).year, 2026)
        continue
      }
      do {
        _ = try ScenarioLoader.load(file: file)
        XCTFail("a chain of \(n) loaded")
      } catch let e as InputError {
        XCTAssertEqual(e.diagnostics.map(\.description), [
          f.url.appendingPathComponent("c\(n)-64.yaml").path
            + ":1: extends: error: more than 64 files extend one another"
        ])
      }
    }
  }

  func testEncodings() throws {
    let text = "name: 东城区轮岗\ndistrict: d\nyear: 2026\n"
    let f = FixtureFolder()
    let gb = f.write("gb.yaml", data: try CSVFileEncoding.gb18030.encode(text))
    XCTAssertEqual(try ScenarioLoader.load(file: gb).name, "东城区轮岗")
    let bom = f.write("bom.yaml", data: try CSVFileEncoding.utf8.encode(text))
    XCTAssertEqual(try ScenarioLoader.load(file: bom).name, "东城区轮岗")
    let utf16 = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
    let (_, d) = check([UInt8](utf16), "utf-16")
    XCTAssertEqual(d.map(\.message), ["the file is utf-16 text; save it as utf-8 or gb18030 (gbk) csv"])
    // Control characters are a YAML reader error, now with their line.
    let (_, e) = check(Array("district: d\nyear: 2026\nname: a\u{7}b\n".utf8), "bell")
    XCTAssertEqual(e.map(\.line), [3])
    XCTAssertTrue(e.first?.message.hasPrefix("not valid yaml: control characters are not allowed") ?? false, "\(e)")
  }

  /// Every key given a value of each wrong shape: one error naming the key, at its line.
  func testWrongTypesForEveryKey() {
    let keys = [
      "name", "district", "year", "extends",
      "rules.teacher_min_years", "rules.retirement_age", "rules.scope", "rules.same_stage",
      "rules.max_commute_km", "rules.quota_tiers", "rules.indicators", "rules.teacher_quota",
      "weights.move", "solver.threads", "solver.mip_gap",
    ]
    for key in keys {
      for value in ["[1, 2]", "{a: 1}", "'text'"] {
        let parts = key.split(separator: ".")
        var text = "district: d\nyear: 2026\n"
        if parts.count == 2 {
          text += "\(parts[0]):\n  \(parts[1]): \(value)\n"
        } else {
          text = text.replacingOccurrences(of: "\(key): \(key == "year" ? "2026" : "d")\n", with: "") + "\(key): \(value)\n"
        }
        let (loaded, d) = check(Array(text.utf8), "\(key): \(value)")
        // Text is a valid name and district, and [1, 2] valid quota tiers.
        if value == "'text'", ["name", "district"].contains(key) { continue }
        if value == "[1, 2]", key == "rules.quota_tiers" { continue }
        XCTAssertFalse(loaded, "\(key): \(value)")
        XCTAssertTrue(d.contains { $0.column == key || ($0.column ?? "").hasPrefix(key + ".") }, "\(key): \(value): \(d)")
      }
    }
  }
}
