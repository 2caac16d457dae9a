import XCTest

@testable import LungangCore

/// Terminal tables line up by display width: a CJK character takes two columns.
final class TextTableTests: XCTestCase {
  func testColumnsAlignByDisplayWidth() {
    let t = TextTable(
      header: ["名称\nname", "n"], rows: [["甲小学", "1"], ["Beixin", "12"], ["heading that runs across"]],
      rightAligned: [1])
    XCTAssertEqual(
      t.render(),
      """
      名称
      name     n
      ------  --
      甲小学   1
      Beixin  12
      heading that runs across

      """)
  }

  func testColourWrapsTheTextNotThePadding() {
    let t = TextTable(header: ["a", "b"], rows: [["x", "1"], ["yy", "22"]], rightAligned: [1], highlighted: [[0, 1]])
    XCTAssertEqual(t.render(color: true).split(separator: "\n")[2], "x    \u{1B}[1;32m1\u{1B}[0m")
    XCTAssertEqual(t.render(color: false).split(separator: "\n")[2], "x    1")
  }
}
