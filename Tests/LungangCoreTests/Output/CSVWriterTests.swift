import Foundation
import XCTest

@testable import LungangCore

final class CSVWriterTests: XCTestCase {
  /// OWASP's CSV-injection starters and their full-width forms get a `'`; signed decimal
  /// numbers and everything else stay as they are.
  func testFormulaLikeFieldsAreNeutralised() {
    let w = CSVWriter()
    let neutralised: [(String, String)] = [
      ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
      ("+1+1", "'+1+1"),
      ("-2+3", "'-2+3"),
      ("@SUM(A1)", "'@SUM(A1)"),
      ("\t=1", "'\t=1"),
      ("\r=1", "\"'\r=1\""),
      ("＝1+1", "'＝1+1"),
      ("＋1", "'＋1"),
      ("－1", "'－1"),
      ("＠SUM(A1)", "'＠SUM(A1)"),
      ("-", "'-"),
      ("+", "'+"),
      ("-inf", "'-inf"),
      ("-nan", "'-nan"),
      ("-0x1p3", "'-0x1p3"),
      ("-1,5", "\"'-1,5\""),
      ("=A1,\"x\"", "\"'=A1,\"\"x\"\"\""),
    ]
    for (field, written) in neutralised {
      XCTAssertTrue(CSVWriter.isFormulaLike(field), field.debugDescription)
      XCTAssertEqual(w.escape(field), written, field.debugDescription)
    }
    for field in ["-3", "-0.25", "-1e5", "+12", "+0.5", "12", "a=1", " =1", "'=1", "中文", "", "1-2"] {
      XCTAssertFalse(CSVWriter.isFormulaLike(field), field.debugDescription)
      XCTAssertEqual(w.escape(field), field, field.debugDescription)
    }
    XCTAssertEqual(CSVWriter(neutralizeFormulas: false).escape("=1"), "=1")
  }

  /// A CRLF is one `Character` in Swift and compared unequal to "\r" and "\n": a field holding
  /// one was written unquoted, splitting the record in two.
  func testEveryLineEndIsQuoted() {
    let w = CSVWriter()
    XCTAssertEqual(w.escape("Du\r\nxing"), "\"Du\r\nxing\"")
    XCTAssertEqual(w.escape("a\nb"), "\"a\nb\"")
    XCTAssertEqual(w.escape("a\rb"), "\"a\rb\"")
    XCTAssertEqual(w.escape("a\u{2028}b"), "a\u{2028}b")
    var rows = CSVWriter(lineEnd: "\r\n")
    rows.row(["x", "Du\r\nxing", "y"])
    XCTAssertEqual(rows.text, "x,\"Du\r\nxing\",y\r\n")
  }
}
