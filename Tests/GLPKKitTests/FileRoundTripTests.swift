import Foundation
import GLPKKit
import XCTest

final class FileRoundTripTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("glpkkit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try FileManager.default.removeItem(at: directory)
  }

  func testMPSRoundTripGivesSameOptimum() throws {
    let original = try TestModels.tinyMIP()
    let url = directory.appendingPathComponent("tiny.mps")
    try original.writeMPS(to: url)
    let copy = try GLPKProblem.readMPS(from: url)
    XCTAssertEqual(copy.rows, 2)
    XCTAssertEqual(copy.columns, 2)
    XCTAssertEqual(copy.nonzeros, 4)
    XCTAssertEqual(copy.integerColumns, 2)
    XCTAssertEqual(try copy.columnName(1), "x")
    XCTAssertEqual(try copy.rowName(2), "mix")
    try copy.setDirection(.maximize)  // MPS carries no direction
    let r = copy.solveMIP()
    XCTAssertEqual(r.termination, .optimal)
    XCTAssertEqual(try XCTUnwrap(r.objective), 20, accuracy: 1e-9)
    XCTAssertEqual(r.columnValues, [0, 4, 0])
  }

  func testLPRoundTripGivesSameOptimum() throws {
    let original = try TestModels.tinyMIP()
    let url = directory.appendingPathComponent("tiny.lp")
    try original.writeLP(to: url)
    let text = try String(contentsOf: url, encoding: .utf8)
    XCTAssertTrue(text.contains("Maximize"), text)
    let copy = try GLPKProblem.readLP(from: url)
    XCTAssertEqual(try copy.direction(), .maximize)
    XCTAssertEqual(copy.integerColumns, 2)
    let r = copy.solveMIP()
    XCTAssertEqual(r.termination, .optimal)
    XCTAssertEqual(try XCTUnwrap(r.objective), 20, accuracy: 1e-9)
  }

  func testBigModelWriteMPSReadMPSKeepsOptimum() throws {
    let original = try TestModels.knapsack(items: 30, constraints: 3)
    let expected = try XCTUnwrap(original.solveMIP().objective)
    let url = directory.appendingPathComponent("knapsack.mps")
    try original.writeMPS(to: url)
    let copy = try GLPKProblem.readMPS(from: url)
    try copy.setDirection(.maximize)
    XCTAssertEqual(copy.nonzeros, original.nonzeros)
    XCTAssertEqual(
      try XCTUnwrap(copy.solveMIP().objective), expected, accuracy: 1e-9)
  }

  func testReadErrorsThrowWithGLPKMessage() throws {
    let missing = directory.appendingPathComponent("missing.mps")
    XCTAssertThrowsError(try GLPKProblem.readMPS(from: missing)) { error in
      guard case .fileReadFailed(_, let message) = error as? GLPKError else {
        return XCTFail("\(error)")
      }
      XCTAssertTrue(message.contains("missing.mps"), message)
    }
    let garbage = directory.appendingPathComponent("garbage.mps")
    try "NAME x\nROWS\n what is this\n".write(
      to: garbage, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try GLPKProblem.readMPS(from: garbage)) { error in
      guard case .fileReadFailed = error as? GLPKError else {
        return XCTFail("\(error)")
      }
    }
  }

  func testWriteErrorsAndBadPathsThrow() throws {
    let p = try TestModels.tinyLP()
    let nowhere = directory.appendingPathComponent("no/such/dir/x.lp")
    XCTAssertThrowsError(try p.writeLP(to: nowhere)) { error in
      guard case .fileWriteFailed = error as? GLPKError else {
        return XCTFail("\(error)")
      }
    }
    let web = try XCTUnwrap(URL(string: "https://example.com/x.mps"))
    XCTAssertThrowsError(try p.writeMPS(to: web)) { error in
      XCTAssertEqual(error as? GLPKError, .invalidPath(web.absoluteString))
    }
  }
}
