import GLPKKit
import XCTest

/// Duals and reduced costs after the simplex, adding a column to a solved problem, and the
/// checks `setMatrixColumn` makes before GLPK sees the entries (on `TestModels.coverLP`).
final class ColumnAndDualTests: XCTestCase {
  func testDualsAndReducedCostsByHand() throws {
    let p = try TestModels.coverLP()
    let r = p.solveLP(LPOptions(method: .primal))
    XCTAssertEqual(try XCTUnwrap(r.objective), 3, accuracy: 1e-9)
    let y = try p.rowDuals()
    XCTAssertEqual(y.count, 3)
    XCTAssertEqual(y[1], 2, accuracy: 1e-9)
    XCTAssertEqual(y[2], 0, accuracy: 1e-9)
    let d = try p.columnDuals()
    XCTAssertEqual(d[1], -1, accuracy: 1e-9)
    XCTAssertEqual(d[2], 0, accuracy: 1e-9)
    let x = try p.columnPrimals()
    XCTAssertEqual(x[1], 1, accuracy: 1e-9)
    XCTAssertEqual(x[2], 1, accuracy: 1e-9)
  }

  /// A column z (cost 0.5, in row 1) prices in at 0.5 − 2 = −1.5; added to the solved
  /// problem, the primal simplex continues from the basis to 1 at (0, 0, 2): z covers row 1
  /// more cheaply than x (cost 1) or y (cost 2).
  func testAddedColumnWarmStarts() throws {
    let p = try TestModels.coverLP()
    _ = p.solveLP()
    let z = try p.addColumns(1)
    XCTAssertEqual(z, 3)
    try p.setColumnBounds(z, .lower(0))
    try p.setObjective(z, 0.5)
    try p.setMatrixColumn(z, rows: [1], values: [1])
    let r = p.solveLP(LPOptions(method: .primal))
    XCTAssertEqual(r.termination, .optimal)
    XCTAssertEqual(try XCTUnwrap(r.objective), 1, accuracy: 1e-9)
    XCTAssertEqual(r.columnValues[1], 0, accuracy: 1e-9)
    XCTAssertEqual(r.columnValues[2], 0, accuracy: 1e-9)
    XCTAssertEqual(r.columnValues[3], 2, accuracy: 1e-9)
  }

  func testCrashBasisThenPrimalReachesTheOptimum() throws {
    let p = try TestModels.coverLP()
    try p.useAdvancedBasis()
    let r = p.solveLP(LPOptions(method: .primal))
    XCTAssertEqual(try XCTUnwrap(r.objective), 3, accuracy: 1e-9)
  }

  func testSetMatrixColumnChecksItsArguments() throws {
    let p = try TestModels.coverLP()
    func error(_ body: () throws(GLPKError) -> Void) -> GLPKError? {
      do { try body() } catch { return error }
      return nil
    }
    XCTAssertEqual(
      error { () throws(GLPKError) in try p.setMatrixColumn(3, rows: [1], values: [1]) },
      .columnIndexOutOfRange(3, columns: 2))
    XCTAssertEqual(
      error { () throws(GLPKError) in try p.setMatrixColumn(1, rows: [0], values: [1]) },
      .matrixRowOutOfRange(position: 0, row: 0, rows: 2))
    XCTAssertEqual(
      error { () throws(GLPKError) in try p.setMatrixColumn(1, rows: [1, 3], values: [1, 1]) },
      .matrixRowOutOfRange(position: 1, row: 3, rows: 2))
    XCTAssertEqual(
      error { () throws(GLPKError) in try p.setMatrixColumn(1, rows: [2, 1, 2], values: [1, 1, 1]) },
      .duplicateMatrixEntry(row: 2, column: 1, firstPosition: 0, secondPosition: 2))
    if case .nonFiniteMatrixValue(let position, _)? =
      error({ () throws(GLPKError) in try p.setMatrixColumn(1, rows: [1], values: [.nan]) })
    {
      XCTAssertEqual(position, 0)
    } else {
      XCTFail("a NaN entry must be refused")
    }
    XCTAssertNotNil(error { () throws(GLPKError) in try p.setMatrixColumn(1, rows: [1, 2], values: [1]) })
    // Nothing was changed by the refused calls: the optimum is still 3.
    XCTAssertEqual(try XCTUnwrap(p.solveLP().objective), 3, accuracy: 1e-9)
  }
}
