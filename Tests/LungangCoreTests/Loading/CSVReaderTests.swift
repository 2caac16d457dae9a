import Foundation
import XCTest

@testable import LungangCore

final class CSVReaderTests: XCTestCase {
  private func parse(_ text: String) -> (CSVTable, [Diagnostic]) {
    CSVReader.parse(Array(text.utf8), file: "t.csv")
  }

  private func rows(_ t: CSVTable) -> [[String]] {
    t.records.indices.map { r in (0..<t.records[r].count).map { t.value(r, $0) } }
  }

  func testQuotingLineEndsBlankRowsAndPhysicalLines() {
    let text = "a,b\r\n\"x\r\ny\",2\r\n\r\n,,\n  p , \"q\"\"r\" \n\"\",z"
    let (t, d) = parse(text)
    XCTAssertTrue(d.isEmpty)
    XCTAssertEqual(t.header, ["a", "b"])
    XCTAssertEqual(t.headerLine, 1)
    XCTAssertEqual(rows(t), [["x\r\ny", "2"], ["p", "q\"r"], ["", "z"]])
    // Line 2 starts the quoted record spanning lines 2-3; line 4 is blank, line 5 all empty.
    XCTAssertEqual(t.records.map(\.line), [2, 6, 7])
  }

  func testCommaInsideQuotesAndTrailingFieldWithoutNewline() {
    let (t, _) = parse("name,n\n\"Li, Wei\",3")
    XCTAssertEqual(rows(t), [["Li, Wei", "3"]])
  }

  func testTrimsIdeographicAndNoBreakSpaces() {
    let (t, _) = parse("a,b\n\u{3000}甲\u{3000},\u{A0}b\u{A0}\n")
    XCTAssertEqual(rows(t), [["甲", "b"]])
  }

  func testLeadingBlankLinesMoveTheHeader() {
    let (t, _) = parse("\n\na,b\n1,2\n")
    XCTAssertEqual(t.headerLine, 3)
    XCTAssertEqual(t.records.map(\.line), [4])
  }

  func testUnterminatedQuoteIsAnErrorAtItsFirstLine() {
    let (_, d) = parse("a,b\n1,2\n\"open,3\nmore\n")
    XCTAssertEqual(d.count, 1)
    XCTAssertEqual(d.first?.line, 3)
    XCTAssertEqual(d.first?.severity, .error)
    XCTAssertTrue(d.first?.message.contains("never closed") ?? false)
  }

  func testLoneCarriageReturnEndsALine() {
    let (t, _) = parse("a\r1\r2\r")
    XCTAssertEqual(rows(t), [["1"], ["2"]])
    XCTAssertEqual(t.records.map(\.line), [2, 3])
  }

  func testValueParsing() {
    XCTAssertEqual(ValueParsing.wholeNumber("12"), 12)
    XCTAssertEqual(ValueParsing.wholeNumber("12.0"), 12)
    XCTAssertEqual(ValueParsing.wholeNumber("12.00"), 12)
    XCTAssertEqual(ValueParsing.wholeNumber("-3"), -3)
    XCTAssertNil(ValueParsing.wholeNumber("12.5"))
    XCTAssertNil(ValueParsing.wholeNumber("1e3"))
    XCTAssertNil(ValueParsing.wholeNumber("1,200"))
    XCTAssertNil(ValueParsing.wholeNumber(""))
    XCTAssertNil(ValueParsing.wholeNumber(".0"))
    XCTAssertEqual(ValueParsing.decimal("39.9"), 39.9)
    XCTAssertEqual(ValueParsing.decimal("-116"), -116)
    XCTAssertEqual(ValueParsing.decimal("1.5e1"), 15)
    XCTAssertNil(ValueParsing.decimal("nan"))
    XCTAssertNil(ValueParsing.decimal("inf"))
    XCTAssertNil(ValueParsing.decimal("0x10"))
    XCTAssertNil(ValueParsing.decimal("1.2.3"))
    XCTAssertNil(ValueParsing.decimal("e5"))
    XCTAssertEqual(ValueParsing.list("S1; S2；；S3;"), ["S1", "S2", "S3"])
    XCTAssertEqual(ValueParsing.list(""), [])
  }
}

final class TextDecodingTests: XCTestCase {
  func testUTF8WithAndWithoutBOM() throws {
    let plain = try TextDecoding.utf8Bytes(of: Data("学校,a".utf8), file: "f")
    XCTAssertEqual(plain.encoding, .utf8)
    XCTAssertEqual(String(decoding: plain.bytes, as: UTF8.self), "学校,a")
    let bom = try TextDecoding.utf8Bytes(of: Data([0xEF, 0xBB, 0xBF] + Array("学校,a".utf8)), file: "f")
    XCTAssertEqual(bom.encoding, .utf8)
    XCTAssertEqual(String(decoding: bom.bytes, as: UTF8.self), "学校,a")
  }

  func testGB18030() throws {
    let text = "学校代码,学校名称\nS1,第一小学€\n"
    let data = try XCTUnwrap(text.data(using: TextDecoding.gb18030))
    XCTAssertFalse(TextDecoding.isValidUTF8(Array(data)))
    let decoded = try TextDecoding.utf8Bytes(of: data, file: "f")
    XCTAssertEqual(decoded.encoding, .gb18030)
    XCTAssertEqual(String(decoding: decoded.bytes, as: UTF8.self), text)
  }

  func testOtherEncodingsAreErrorsNamingTheFile() {
    let cases: [[UInt8]] = [
      [0xFF, 0xFE] + Array("a,b".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },  // UTF-16LE
      Array("id,name\nS1,caf".utf8) + [0xE9] + Array("\n".utf8),  // Latin-1
      [0x61, 0x00, 0x62],  // binary
      [0xFF, 0xFF, 0xFF],
    ]
    for bytes in cases {
      XCTAssertThrowsError(try TextDecoding.utf8Bytes(of: Data(bytes), file: "d/staff.csv")) { e in
        let d = (e as? InputError)?.diagnostics ?? []
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d.first?.file, "d/staff.csv")
        XCTAssertEqual(d.first?.severity, .error)
      }
    }
  }

  func testUTF8Validation() {
    XCTAssertTrue(TextDecoding.isValidUTF8(Array("aé学𠀀".utf8)))
    XCTAssertFalse(TextDecoding.isValidUTF8([0xC0, 0x80]))  // overlong
    XCTAssertFalse(TextDecoding.isValidUTF8([0xED, 0xA0, 0x80]))  // surrogate
    XCTAssertFalse(TextDecoding.isValidUTF8([0xF4, 0x90, 0x80, 0x80]))  // > U+10FFFF
    XCTAssertFalse(TextDecoding.isValidUTF8([0xE5, 0xAD]))  // truncated
  }
}
