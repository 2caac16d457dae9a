import Foundation
import XCTest

@testable import LungangCore

final class DiagnosticTests: XCTestCase {
  func testDescriptionIsOneLineWhateverTheInput() {
    let d = Diagnostic(
      .error, file: "d/staff.csv", line: 3, column: "na\tme", "\"a\nb\u{1B}[31m\u{202E}\" is not a number")
    XCTAssertEqual(
      d.description, #"d/staff.csv:3: na\tme: error: "a\nb\u{1B}[31m\u{202E}" is not a number"#)
    XCTAssertEqual(Diagnostic(.warning, file: "f", "学校 ok").description, "f: warning: 学校 ok")
  }

  func testExcerptCutsLongValues() {
    XCTAssertEqual(Diagnostic.excerpt("short"), "short")
    let sixty = String(repeating: "名", count: 60)
    XCTAssertEqual(Diagnostic.excerpt(sixty), sixty)
    XCTAssertEqual(Diagnostic.excerpt(sixty + "x"), sixty + "…")
    XCTAssertEqual(Diagnostic.quoted(String(repeating: "9", count: 1_000_000)), "\"" + String(repeating: "9", count: 60) + "…\"")
    let long = Diagnostic(.error, file: "f", line: 1, column: String(repeating: "c", count: 500), "m")
    XCTAssertEqual(long.description, "f:1: " + String(repeating: "c", count: 60) + "…: error: m")
  }
}
