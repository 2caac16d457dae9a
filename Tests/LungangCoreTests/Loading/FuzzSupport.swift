import Foundation
import XCTest

@testable import LungangCore

// Seeded hostile input for the loader fuzz tests.
//
// Every random choice comes from `SplitMix64`, so a case is fixed by its seed: a failure
// message names the seed, the case number and the mutations applied, and running the same
// test again replays exactly that input.

/// Builds hostile variants of valid input bytes from a seeded stream.
struct Mutator {
  var rng: SplitMix64

  init(seed: UInt64) { rng = SplitMix64(seed: seed) }

  /// Field values that have broken parsers before: number edge cases, sign and exponent
  /// forms, overflowing integers, non-ASCII digits, control and bidi characters, formula
  /// injection, Chinese labels, coordinates out of range.
  static let hostileValues = [
    "", " ", "\"", "\"\"", "1e309", "-1e309", "-0", "+0", "NaN", "nan", "inf", "-inf", "Infinity",
    "0x1F", "1,200", "12.5", "12.", "12.0", ".", "+", "-", "1e3", "1e-400", "-1",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "99999999999999999999999999999", "00000000000000000000000000012", "１２", "٣", "९",
    "🙂", "\u{202E}evil", "\u{1B}[31mred", "\t", "a\u{0}b", "=cmd|' /C calc'!A0", "+1+1", "-2+3",
    "@SUM(A1)", "＝1+1", "91", "-90.0000001", "180.5", "-181", "1e2", "中文", "小学", "初中", "男",
    "女", "教师", "校长", "是", "否", "数学", "本科", "高级", "区级骨干", "S1;S1;;S9", "；；",
    String(repeating: "x", count: 5000),
  ]

  /// Bytes that change the meaning of CSV or UTF-8 text.
  static let specialBytes: [UInt8] = [
    0x2C, 0x22, 0x0A, 0x0D, 0x00, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, 0xC0, 0xC3, 0xE3, 0x80, 0xF4,
    0xF5, 0x20, 0x09, 0x3B, 0x2D, 0x3D,
  ]

  /// Invalid or surprising UTF-8: overlong, surrogate, beyond U+10FFFF, lone continuation,
  /// truncated sequences, and a GB18030 encoding of 学校.
  static let badSequences: [[UInt8]] = [
    [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE4, 0xB8],
    [0xF0, 0x9F, 0x99], [0xD1, 0xA7, 0xD0, 0xA3], [0xFF], [0xC3, 0x28],
  ]

  mutating func int(_ n: Int) -> Int { rng.int(below: n) }

  /// `count` random bytes.
  mutating func randomBytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
  }

  /// One to three mutations of `base`, and a description of them for failure messages.
  mutating func mutate(_ base: [UInt8]) -> (bytes: [UInt8], what: [String]) {
    var bytes = base
    var what: [String] = []
    for _ in 0..<(1 + int(3)) {
      what.append(mutateOnce(&bytes))
    }
    return (bytes, what)
  }

  /// Applies one randomly chosen mutation in place; returns its description.
  mutating func mutateOnce(_ bytes: inout [UInt8]) -> String {
    switch int(18) {
    case 0:
      bytes = randomBytes(int(400))
      return "random \(bytes.count) bytes"
    case 1:
      guard !bytes.isEmpty else { return "flip (empty)" }
      let k = 1 + int(8)
      for _ in 0..<k {
        let i = int(bytes.count)
        bytes[i] ^= UInt8(1) << UInt8(int(8))
      }
      return "flip \(k) bits"
    case 2:
      guard !bytes.isEmpty else { return "set (empty)" }
      let i = int(bytes.count)
      let b = rng.pick(Mutator.specialBytes)
      bytes[i] = b
      return "byte \(b) at \(i)"
    case 3:
      let i = int(bytes.count + 1)
      bytes.removeSubrange(i...)
      return "truncate at \(i)"
    case 4:
      var lines = splitLines(bytes)
      guard !lines.isEmpty else { return "delete line (none)" }
      let i = int(lines.count)
      lines.remove(at: i)
      bytes = joinLines(lines)
      return "delete line \(i + 1)"
    case 5:
      var lines = splitLines(bytes)
      guard !lines.isEmpty else { return "duplicate line (none)" }
      let i = int(lines.count)
      lines.insert(lines[i], at: int(lines.count + 1))
      bytes = joinLines(lines)
      return "duplicate line \(i + 1)"
    case 6:
      let c = int(21)
      bytes = mapFields(bytes) { fields in
        var f = fields
        if c < f.count { f.remove(at: c) }
        return f
      }
      return "remove column \(c + 1)"
    case 7:
      let a = int(21)
      let b = int(21)
      bytes = mapFields(bytes) { fields in
        var f = fields
        if a < f.count, b < f.count { f.swapAt(a, b) }
        return f
      }
      return "swap columns \(a + 1) and \(b + 1)"
    case 8:
      let i = int(bytes.count + 1)
      bytes.insert(0x22, at: i)
      return "quote at \(i)"
    case 9:
      let ends: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
      var out: [UInt8] = []
      for line in splitLines(bytes) {
        out += line
        out += rng.pick(ends)
      }
      bytes = out
      return "mixed line ends"
    case 10:
      let i = int(bytes.count + 1)
      bytes.insert(0, at: i)
      return "nul at \(i)"
    case 11:
      let boms: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]]
      let bom = rng.pick(boms)
      bytes = bom + bytes
      return "bom \(bom)"
    case 12:
      let text = String(decoding: bytes, as: UTF8.self)
      let big = rng.chance(0.5)
      var out: [UInt8] = rng.chance(0.5) ? (big ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
      for u in text.utf16 {
        let hi = UInt8(u >> 8)
        let lo = UInt8(u & 0xFF)
        out += big ? [hi, lo] : [lo, hi]
      }
      bytes = out
      return big ? "utf-16be" : "utf-16le"
    case 13:
      let i = int(bytes.count + 1)
      let seq = rng.pick(Mutator.badSequences)
      bytes.insert(contentsOf: seq, at: i)
      return "bytes \(seq) at \(i)"
    case 14:
      let value = rng.pick(Mutator.hostileValues)
      let line = int(40)
      let column = int(21)
      bytes = replaceField(bytes, line: line, column: column, with: value)
      return "field \(column + 1) of line \(line + 1) = \(value.debugDescription.prefix(40))"
    case 15:
      var lines = splitLines(bytes)
      guard !lines.isEmpty else { return "wide line (none)" }
      let i = int(lines.count)
      let extra = 1 + int(3000)
      lines[i] += Array(repeating: 0x2C, count: extra)
      if rng.chance(0.5) { lines[i] += Array("x".utf8) }
      bytes = joinLines(lines)
      return "\(extra) more fields on line \(i + 1)"
    case 16:
      let i = int(bytes.count + 1)
      let n = 1 + int(2000)
      bytes.insert(contentsOf: Array(repeating: 0x0A, count: n), at: i)
      return "\(n) empty lines at \(i)"
    default:
      // GB18030 bytes where UTF-8 was expected (or the other way round when mixed).
      let text = String(decoding: bytes, as: UTF8.self) + "\n学校,甲\n"
      if let gb = try? CSVFileEncoding.gb18030.encode(text) { bytes = [UInt8](gb) }
      return "gb18030"
    }
  }

  /// Lines without their ends (LF, CRLF or CR).
  func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var cur: [UInt8] = []
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x0A || b == 0x0D {
        lines.append(cur)
        cur = []
        if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
      } else {
        cur.append(b)
      }
      i += 1
    }
    if !cur.isEmpty { lines.append(cur) }
    return lines
  }

  func joinLines(_ lines: [[UInt8]]) -> [UInt8] { lines.flatMap { $0 + [0x0A] } }

  /// Rewrites every line split naively on commas (quotes are not respected on purpose).
  func mapFields(_ bytes: [UInt8], _ f: ([[UInt8]]) -> [[UInt8]]) -> [UInt8] {
    joinLines(
      splitLines(bytes).map { line in
        let fields = line.split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
        return Array(f(fields).joined(separator: [0x2C]))
      })
  }

  /// Replaces field `column` of line `line` (both modulo what exists); the value is written
  /// quoted when it holds a comma, quote or line end, so that it arrives verbatim.
  func replaceField(_ bytes: [UInt8], line: Int, column: Int, with value: String) -> [UInt8] {
    var lines = splitLines(bytes)
    guard !lines.isEmpty else { return bytes }
    let l = line % lines.count
    var fields = lines[l].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
    let c = column % fields.count
    let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    fields[c] = needsQuotes
      ? Array(("\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"").utf8) : Array(value.utf8)
    lines[l] = Array(fields.joined(separator: [0x2C]))
    return joinLines(lines)
  }
}

/// Physical lines of a text file as the CSV reader counts them (LF, CRLF and a lone CR each
/// end one), plus one for a last line without an end.
func physicalLineCount(_ bytes: [UInt8]) -> Int {
  var n = 1
  var i = 0
  while i < bytes.count {
    if bytes[i] == 0x0A {
      n += 1
    } else if bytes[i] == 0x0D {
      n += 1
      if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
    }
    i += 1
  }
  return n
}

/// `file:line: column: severity: message` or `file: severity: message` (with optional line
/// or column): what an editor or `grep` can jump to, on one line.
let diagnosticLinePattern = try! NSRegularExpression(
  pattern: #"^[^\n\r]+?(:\d+)?:( [^\n\r]+:)? (error|warning): [^\n\r]+$"#)

extension XCTestCase {
  /// Asserts that one diagnostic is well formed: a known file, a line within the file when
  /// given (always given with a column in a CSV file), one printable line of bounded length.
  func assertWellFormed(
    _ d: Diagnostic, files: [String: [UInt8]], _ context: @autoclosure () -> String,
    columnNeedsLine: Bool = true, sourceFile: StaticString = #filePath, sourceLine: UInt = #line
  ) {
    XCTAssertNotNil(files[d.file], "unknown file in \(d) — \(context())", file: sourceFile, line: sourceLine)
    if let line = d.line, let bytes = files[d.file] {
      // The decoded text of a GB18030 file has the same line ends as its bytes.
      XCTAssertTrue(
        (1...physicalLineCount(bytes)).contains(line), "line out of the file in \(d) — \(context())",
        file: sourceFile, line: sourceLine)
    }
    if d.column != nil, columnNeedsLine {
      XCTAssertNotNil(d.line, "a column without a line in \(d) — \(context())", file: sourceFile, line: sourceLine)
    }
    XCTAssertFalse(d.message.isEmpty, "empty message — \(context())", file: sourceFile, line: sourceLine)
    let text = d.description
    XCTAssertLessThan(text.count, 600, "diagnostic too long — \(context())", file: sourceFile, line: sourceLine)
    XCTAssertFalse(
      text.unicodeScalars.contains { $0.properties.generalCategory == .control },
      "control character in \(text.debugDescription.prefix(300)) — \(context())", file: sourceFile, line: sourceLine)
    let range = NSRange(text.startIndex..., in: text)
    XCTAssertNotNil(
      diagnosticLinePattern.firstMatch(in: text, range: range),
      "badly formed \(text.debugDescription.prefix(300)) — \(context())", file: sourceFile, line: sourceLine)
  }

  /// The loader property: `DistrictLoader.load` returns a district (whose instance can be
  /// built) or throws `InputError` with at least one error, every diagnostic well formed.
  /// Returns whether the district loaded, and its warnings or the errors and warnings.
  @discardableResult
  func assertLoadsOrReports(
    _ folder: FixtureFolder, files: [String: [UInt8]], _ context: @autoclosure () -> String,
    sourceFile: StaticString = #filePath, sourceLine: UInt = #line
  ) -> (loaded: Bool, diagnostics: [Diagnostic]) {
    let labelled = Dictionary(uniqueKeysWithValues: files.map { ("d/" + $0.key, $0.value) })
    do {
      let district = try DistrictLoader.load(folder: folder.url, displayPath: "d")
      for d in district.warnings {
        XCTAssertEqual(d.severity, .warning, file: sourceFile, line: sourceLine)
        assertWellFormed(d, files: labelled, context(), sourceFile: sourceFile, sourceLine: sourceLine)
      }
      // What `lungang validate` does next must not trap either.
      let inst = RotationInstance(
        district: district, scenario: Scenario(name: "fuzz", district: folder.url, year: 2026))
      XCTAssertEqual(inst.staff.count, district.staff.count, file: sourceFile, line: sourceLine)
      return (true, district.warnings)
    } catch let error as InputError {
      XCTAssertTrue(
        error.diagnostics.contains { $0.severity == .error }, "no error in \(error) — \(context())",
        file: sourceFile, line: sourceLine)
      for d in error.diagnostics {
        assertWellFormed(d, files: labelled, context(), sourceFile: sourceFile, sourceLine: sourceLine)
      }
      return (false, error.diagnostics)
    } catch {
      XCTFail("not an InputError: \(error) — \(context())", file: sourceFile, line: sourceLine)
      return (false, [])
    }
  }
}

/// The files of `Scenarios/tiny/` (the hand-checked district), read from the package.
enum TinyFiles {
  static let folder: URL = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while dir.path != "/" {
      if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
        return dir.appendingPathComponent("Scenarios/tiny")
      }
      dir = dir.deletingLastPathComponent()
    }
    fatalError("no Package.swift above \(#filePath)")
  }()

  static let schools = [UInt8](try! Data(contentsOf: folder.appendingPathComponent("schools.csv")))
  static let staff = [UInt8](try! Data(contentsOf: folder.appendingPathComponent("staff.csv")))
  /// A posts.csv for the tiny district (it has none): one row per section and subject held.
  static let posts = Array(
    """
    school,stage,subject,posts
    A,primary,math,2
    B,primary,chinese,1
    C,junior,english,1
    D,junior,pe,1

    """.utf8)
}
