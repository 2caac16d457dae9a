import Foundation
import XCTest

@testable import LungangCore

/// Property tests of the byte-level readers, `TextDecoding` and `CSVReader`, on seeded random
/// and mutated input. A failure names the seed and case; `Mutator(seed:)` replays it.
final class CSVFuzzTests: XCTestCase {
  /// Whether the standard library's UTF-8 decoder accepts `bytes` without a repair.
  private func standardLibraryAccepts(_ bytes: [UInt8]) -> Bool {
    !transcode(bytes.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true) { _ in }
  }

  /// Random bytes and mutations of the tiny staff.csv: decoding gives NUL-free UTF-8 without a
  /// BOM, or one error naming the file and no line; `isValidUTF8` agrees with the standard
  /// library's validation.
  func testDecodingRandomBytes() {
    var m = Mutator(seed: 0xDEC0DE)
    for c in 0..<500 {
      let bytes = c % 2 == 0 ? m.randomBytes(m.int(300)) : m.mutate(TinyFiles.staff).bytes
      XCTAssertEqual(
        TextDecoding.isValidUTF8(bytes), standardLibraryAccepts(bytes),
        "seed 0xDEC0DE case \(c)")
      do {
        let (out, encoding) = try TextDecoding.utf8Bytes(of: Data(bytes), file: "f.csv")
        XCTAssertTrue(standardLibraryAccepts(out), "case \(c)")
        XCTAssertFalse(out.contains(0), "case \(c)")
        if encoding == .utf8 {
          XCTAssertEqual(out, bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, "case \(c)")
        }
      } catch let e as InputError {
        XCTAssertEqual(e.diagnostics.count, 1, "case \(c)")
        XCTAssertEqual(e.diagnostics.first?.file, "f.csv")
        XCTAssertNil(e.diagnostics.first?.line)
      } catch {
        XCTFail("case \(c): \(error)")
      }
    }
  }

  /// Random and mutated text: records start on strictly increasing lines inside the file,
  /// after the header, and their fields add up to the flat field list.
  func testParsingRandomTextKeepsLinesInsideTheFile() {
    var m = Mutator(seed: 0xC5F)
    for c in 0..<500 {
      let bytes = c % 3 == 0 ? m.randomBytes(m.int(500)) : m.mutate(TinyFiles.staff).bytes
      let (t, diagnostics) = CSVReader.parse(bytes, file: "f.csv")
      let lines = physicalLineCount(bytes)
      let context = "seed 0xC5F case \(c)"
      var previous = t.header.isEmpty ? 0 : t.headerLine
      XCTAssertTrue((1...lines).contains(t.headerLine), context)
      var total = 0
      for r in t.records {
        XCTAssertGreaterThan(r.line, previous, context)
        XCTAssertLessThanOrEqual(r.line, lines, context)
        XCTAssertEqual(r.start, total, context)
        previous = r.line
        total += r.count
      }
      XCTAssertEqual(total, t.fields.count, context)
      for d in diagnostics {
        XCTAssertEqual(d.message, "a quoted field is never closed", context)
        XCTAssertTrue((1...lines).contains(d.line ?? 0), context)
      }
    }
  }

  /// Tables of random text (quotes, commas, every line end, CJK, formula-like strings)
  /// written with `CSVWriter` and read back with `CSVReader` come back field for field, each
  /// record at the line where the writer started it.
  func testWriterOutputReadsBackFieldForField() {
    var rng = SplitMix64(seed: 0x2047)
    let alphabet: [String] = [
      "a", "Z", "0", "9", "-", "=", "+", "@", ",", "\"", "\n", "\r\n", "\r", " ", "学", "校", "；", ";",
      "'", "|", "！", "\u{3000}", "🙂",
    ]
    for c in 0..<300 {
      let columns = 1 + rng.int(below: 6)
      let rows = rng.int(below: 6)
      func field() -> String {
        var s = ""
        for _ in 0..<rng.int(below: 8) { s += rng.pick(alphabet) }
        // The reader trims spaces around fields and skips rows of empty fields by design.
        let t = s.trimmingCharacters(in: CharacterSet(charactersIn: " \u{3000}"))
        return t.isEmpty ? "x" : t
      }
      let header = (0..<columns).map { "c\($0)" }
      let table = (0..<rows).map { _ in (0..<columns).map { _ in field() } }
      var w = CSVWriter(lineEnd: rng.chance(0.5) ? "\n" : "\r\n", neutralizeFormulas: false)
      w.row(header)
      var expectedLines: [Int] = []
      var line = 2
      for r in table {
        expectedLines.append(line)
        w.row(r)
        line += r.reduce(0) { $0 + physicalLineCount(Array($1.utf8)) - 1 } + 1
      }
      let (t, d) = CSVReader.parse(Array(w.text.utf8), file: "f.csv")
      XCTAssertTrue(d.isEmpty, "seed 0x2047 case \(c)")
      XCTAssertEqual(t.header, header)
      let back = t.records.indices.map { r in (0..<columns).map { t.value(r, $0) } }
      XCTAssertEqual(back, table, "seed 0x2047 case \(c)")
      XCTAssertEqual(t.records.map(\.line), expectedLines, "seed 0x2047 case \(c)")
    }
  }

  /// A 10 MB field is decoded and read in one piece, quickly.
  func testTenMegabyteField() throws {
    let start = Date()
    let big = String(repeating: "学", count: 3_500_000)
    let text = "id,name\n1,\"\(big)\"\n2,b\n"
    let (bytes, _) = try TextDecoding.utf8Bytes(of: Data(text.utf8), file: "f.csv")
    let (t, d) = CSVReader.parse(bytes, file: "f.csv")
    XCTAssertTrue(d.isEmpty)
    XCTAssertEqual(t.records.count, 2)
    XCTAssertEqual(t.value(0, 1).utf8.count, 10_500_000)
    XCTAssertEqual(t.records.map(\.line), [2, 3])
    XCTAssertLessThan(Date().timeIntervalSince(start), 20, "a bound against blow-ups, not a benchmark (the machine is shared)")
  }

  /// An unbalanced quote swallows the rest of the file into one field: one error at the
  /// record's first line, and no later record.
  func testUnbalancedQuoteIsOneErrorAtItsRecord() {
    let (t, d) = CSVReader.parse(Array("a,b\n1,2\n3,\"x\n4,5\n6,7\n".utf8), file: "f.csv")
    XCTAssertEqual(d.map(\.description), ["f.csv:3: error: a quoted field is never closed"])
    XCTAssertEqual(t.records.map(\.line), [2, 3])
    XCTAssertEqual(t.value(1, 1), "x\n4,5\n6,7\n")
  }
}
