import GLPKKit
import XCTest

/// Saving and restoring a simplex basis (on `TestModels.coverLP`: optimum 3 at (1, 1)).
final class BasisTests: XCTestCase {
  /// At the optimum row 1 (x + y ≥ 2) binds at its lower bound, row 2 (y ≤ 5) is slack and
  /// basic, x sits at its upper bound 1 (reduced cost −1) and y is basic.
  func testOptimalBasisByHand() throws {
    let p = try TestModels.coverLP()
    XCTAssertEqual(p.solveLP(LPOptions(method: .primal)).termination, .optimal)
    let b = try p.basis()
    XCTAssertEqual(b.rows, [.atLower, .basic])
    XCTAssertEqual(b.columns, [.atUpper, .basic])
  }

  /// A basis saved at the optimum comes back after another solve moved it, and the simplex
  /// from it finds the same optimum.
  func testRestoredBasisIsTheSavedOne() throws {
    let p = try TestModels.coverLP()
    _ = p.solveLP(LPOptions(method: .primal))
    let saved = try p.basis()
    try p.setColumnBounds(1, .fixed(0))
    let moved = p.solveLP(LPOptions(method: .primal))
    XCTAssertEqual(try XCTUnwrap(moved.objective), 4, accuracy: 1e-9)
    XCTAssertNotEqual(try p.basis(), saved)
    try p.setColumnBounds(1, .double(0, 1))
    try p.setBasis(saved)
    XCTAssertEqual(try p.basis(), saved)
    let r = p.solveLP(LPOptions(method: .primal))
    XCTAssertEqual(r.termination, .optimal)
    XCTAssertEqual(try XCTUnwrap(r.objective), 3, accuracy: 1e-9)
  }

  /// A basis of another size is refused before GLPK sees it.
  func testBasisOfAnotherSizeIsRefused() throws {
    let p = try TestModels.coverLP()
    _ = p.solveLP()
    let saved = try p.basis()
    _ = try p.addColumns(1)
    XCTAssertThrowsError(try p.setBasis(saved)) { e in
      XCTAssertEqual(e as? GLPKError, .basisSizeMismatch(basisRows: 2, basisColumns: 2, rows: 2, columns: 3))
    }
  }
}
