import GLPKKit
import XCTest

/// `solveLP(_:iterationsPerCall:shouldStop:)`: an LP solved in short calls ends where one call ends, and
/// a stop asked between calls ends it as `.interrupted`.
final class LPSliceTests: XCTestCase {
  /// A transportation LP: `n` sources with supply 3 each, `n` sinks with demand 2 each, cost of
  /// a route from an LCG (every route allowed, n² columns).
  private func transportation(_ n: Int) throws -> GLPKProblem {
    let p = GLPKProblem()
    try p.setDirection(.minimize)
    try p.addRows(2 * n)
    for i in 1...n { try p.setRowBounds(i, .upper(3)) }
    for j in 1...n { try p.setRowBounds(n + j, .lower(2)) }
    try p.addColumns(n * n)
    var rng = LCG(seed: 7)
    var rows: [Int32] = []
    var cols: [Int32] = []
    var vals: [Double] = []
    for i in 0..<n {
      for j in 0..<n {
        let c = i * n + j + 1
        try p.setColumnBounds(c, .lower(0))
        try p.setObjective(c, Double(rng.next(in: 1...1000)))
        rows += [Int32(i + 1), Int32(n + j + 1)]
        cols += [Int32(c), Int32(c)]
        vals += [1, 1]
      }
    }
    try p.loadMatrix(rows: rows, columns: cols, values: vals)
    return p
  }

  func testCallsEndWhereOneSolveEnds() throws {
    let whole = try transportation(80).solveLP(LPOptions(method: .primal, timeLimit: 30))
    XCTAssertEqual(whole.termination, .optimal)
    var asked = 0
    let sliced = try transportation(80).solveLP(
      LPOptions(method: .primal, timeLimit: 30), iterationsPerCall: 20, shouldStop: { asked += 1; return false })
    XCTAssertEqual(sliced.termination, .optimal)
    XCTAssertGreaterThan(asked, 1, "the LP took more than one call, so the resume shows")
    XCTAssertEqual(try XCTUnwrap(sliced.objective), try XCTUnwrap(whole.objective), accuracy: 1e-6)
    XCTAssertEqual(sliced.bestBound, sliced.objective)
  }

  func testAStopBetweenCallsInterrupts() throws {
    var asked = 0
    let p = try transportation(80)
    let r = p.solveLP(LPOptions(method: .primal), iterationsPerCall: 20, shouldStop: { asked += 1; return asked > 1 })
    XCTAssertEqual(r.termination, .interrupted)
    XCTAssertEqual(asked, 2)
    XCTAssertNil(r.bestBound)
    // Stopped before any call: nothing solved, nothing claimed.
    let q = try transportation(5)
    let r0 = q.solveLP(LPOptions(), iterationsPerCall: 1, shouldStop: { true })
    XCTAssertEqual(r0.termination, .interrupted)
    XCTAssertEqual(r0.primalStatus, .noSolution)
    XCTAssertNil(r0.objective)
  }

  func testIterationsPerCallMustBePositive() throws {
    let r = try transportation(3).solveLP(LPOptions(), iterationsPerCall: 0, shouldStop: { false })
    XCTAssertEqual(r.termination, .invalidModel)
  }

  func testATimeLimitStillEndsTheCalls() throws {
    let r = try transportation(120).solveLP(
      LPOptions(method: .primal, timeLimit: 0.002), iterationsPerCall: 5, shouldStop: { false })
    XCTAssertEqual(r.termination, .timeLimit)
  }

  /// One call with an iteration limit stops there, with the basis's point and no bound.
  func testAnIterationLimitStopsOneCall() throws {
    var o = LPOptions(method: .primal)
    o.iterationLimit = 3
    let r = try transportation(40).solveLP(o)
    XCTAssertEqual(r.termination, .iterationLimit)
    XCTAssertNil(r.bestBound)
  }
}
