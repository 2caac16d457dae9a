import GLPKKit
import XCTest

final class LPSolveTests: XCTestCase {
  func testTinyLPOptimum() throws {
    let p = try TestModels.tinyLP()
    let r = p.solveLP()
    XCTAssertEqual(r.termination, .optimal)
    XCTAssertEqual(r.primalStatus, .feasiblePoint)
    XCTAssertEqual(try XCTUnwrap(r.objective), 11, accuracy: 1e-9)
    XCTAssertEqual(try XCTUnwrap(r.bestBound), 11, accuracy: 1e-9)
    XCTAssertEqual(r.gap, 0)
    XCTAssertEqual(r.columnValues.count, 3)
    XCTAssertEqual(r.columnValues[1], 3, accuracy: 1e-9)
    XCTAssertEqual(r.columnValues[2], 1, accuracy: 1e-9)
    XCTAssertEqual(r.rawReturnCode, 0)
    XCTAssertEqual(r.raw, "0 / GLP_OPT")
    XCTAssertNil(r.nodes)
  }

  func testLPWithEveryMethodAndPresolve() throws {
    for method in [SimplexMethod.primal, .dual, .dualPrimal] {
      for presolve in [false, true] {
        let p = try TestModels.tinyLP()
        let r = p.solveLP(LPOptions(method: method, presolve: presolve))
        XCTAssertEqual(r.termination, .optimal, "\(method) \(presolve)")
        XCTAssertEqual(try XCTUnwrap(r.objective), 11, accuracy: 1e-9)
      }
    }
  }

  func testObjectiveConstantIsIncluded() throws {
    let p = try TestModels.tinyLP()
    try p.setObjectiveConstant(-1.5)
    XCTAssertEqual(try XCTUnwrap(p.solveLP().objective), 9.5, accuracy: 1e-9)
  }

  func testInfeasibleLP() throws {
    let p = try TestModels.tinyLP()
    try p.setRowBounds(1, .lower(100))  // x + y ≥ 100 with x ≤ 3, y ≤ 2
    let r = p.solveLP()
    XCTAssertEqual(r.termination, .infeasible)
    XCTAssertEqual(r.primalStatus, .noSolution)
    XCTAssertEqual(r.columnValues, [])
    XCTAssertNil(r.objective)
  }

  func testUnboundedLP() throws {
    let p = GLPKProblem()
    try p.setDirection(.maximize)
    try p.addColumns(1)
    try p.setColumnBounds(1, .lower(0))
    try p.setObjective(1, 1)
    try p.addRows(1)
    try p.setRowBounds(1, .lower(0))
    try p.loadMatrix(rows: [1], columns: [1], values: [1])
    let r = p.solveLP(LPOptions(method: .primal))
    XCTAssertEqual(r.termination, .unbounded)
    XCTAssertNil(r.bestBound)
  }
}
