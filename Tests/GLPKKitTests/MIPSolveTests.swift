import GLPKKit
import XCTest

final class MIPSolveTests: XCTestCase {
  func testTinyMIPOptimum() throws {
    let p = try TestModels.tinyMIP()
    XCTAssertEqual(p.integerColumns, 2)
    let r = p.solveMIP()
    XCTAssertEqual(r.termination, .optimal)
    XCTAssertEqual(r.primalStatus, .feasiblePoint)
    XCTAssertEqual(try XCTUnwrap(r.objective), 20, accuracy: 1e-9)
    XCTAssertEqual(try XCTUnwrap(r.bestBound), 20, accuracy: 1e-9)
    XCTAssertEqual(r.gap, 0)
    XCTAssertEqual(r.columnValues, [0, 4, 0])
    XCTAssertEqual(r.raw, "0 / GLP_OPT")
    XCTAssertNotNil(r.nodes)
    XCTAssertNil(r.injectedIncumbentAccepted)
  }

  func testTinyMIPWithPresolveCutsAndEveryBranching() throws {
    let rules: [Branching] = [
      .firstFractional, .lastFractional, .mostFractional, .driebeckTomlin,
      .pseudoCost,
    ]
    for branching in rules {
      for presolve in [false, true] {
        let p = try TestModels.tinyMIP()
        let r = p.solveMIP(
          MIPOptions(
            presolve: presolve, cuts: .all, branching: branching,
            backtracking: .depthFirst))
        XCTAssertEqual(r.termination, .optimal, "\(branching) \(presolve)")
        XCTAssertEqual(try XCTUnwrap(r.objective), 20, accuracy: 1e-9)
      }
    }
  }

  func testMinimizationBoundIsBelowObjective() throws {
    let p = try TestModels.tinyMIP()
    try p.setDirection(.minimize)
    try p.setRowBounds(2, .double(3, 6))  // x + 2y ≥ 3
    let r = p.solveMIP()
    XCTAssertEqual(r.termination, .optimal)
    // min 5x + 4y with x + 2y ≥ 3: y = 2 costs 8, (1, 1) costs 9.
    XCTAssertEqual(try XCTUnwrap(r.objective), 8, accuracy: 1e-9)
    XCTAssertEqual(r.columnValues, [0, 0, 2])
  }

  func testIntegerInfeasibleMIP() throws {
    let p = try TestModels.integerInfeasible()
    let r = p.solveMIP()
    XCTAssertEqual(r.termination, .infeasible)
    XCTAssertTrue(r.termination.isInfeasible)
    XCTAssertEqual(r.primalStatus, .noSolution)
    XCTAssertEqual(r.columnValues, [])
    XCTAssertNil(r.objective)
    XCTAssertNil(r.bestBound)
  }

  func testLPInfeasibleMIPWithAndWithoutPresolve() throws {
    for presolve in [false, true] {
      let p = try TestModels.tinyMIP()
      try p.setRowBounds(2, .lower(100))
      let r = p.solveMIP(MIPOptions(presolve: presolve))
      XCTAssertTrue(r.termination.isInfeasible, "\(presolve): \(r.raw)")
      XCTAssertEqual(r.primalStatus, .noSolution)
    }
  }

  func testTimeLimitIsNeverReportedAsOptimal() throws {
    let p = try TestModels.knapsack()
    let r = p.solveMIP(MIPOptions(timeLimit: 0.2))
    XCTAssertEqual(r.termination, .timeLimit, r.raw)
    XCTAssertEqual(r.rawReturnCode, 9)  // GLP_ETMLIM
    XCTAssertLessThan(r.solveTime, 5)
    if r.primalStatus == .feasiblePoint {
      let objective = try XCTUnwrap(r.objective)
      let bound = try XCTUnwrap(r.bestBound)
      XCTAssertGreaterThanOrEqual(bound, objective - 1e-6)
      XCTAssertGreaterThan(try XCTUnwrap(r.gap), 0)
      XCTAssertEqual(r.columnValues.count, p.columns + 1)
    } else {
      XCTAssertEqual(r.columnValues, [])
    }
  }

  func testShouldStopInterrupts() throws {
    let p = try TestModels.knapsack()
    var polls = 0
    let r = p.solveMIP(
      MIPOptions(timeLimit: 30),
      shouldStop: {
        polls += 1
        return polls >= 50
      })
    XCTAssertEqual(r.termination, .interrupted, r.raw)
    XCTAssertTrue(r.raw.hasPrefix("GLP_ESTOP"))
    XCTAssertLessThan(r.solveTime, 10)
  }

  func testProgressReportsIncumbentsAndBounds() throws {
    let p = try TestModels.knapsack(items: 60, constraints: 3)
    var reports: [MIPProgress] = []
    let r = p.solveMIP(
      MIPOptions(timeLimit: 20, progressInterval: 0.05),
      onProgress: { reports.append($0) })
    XCTAssertTrue(
      [.optimal, .timeLimit].contains(r.termination), "\(r)")
    let bingo = reports.filter(\.isNewIncumbent)
    XCTAssertFalse(bingo.isEmpty)
    for report in bingo {
      let objective = try XCTUnwrap(report.incumbentObjective)
      if let bound = report.bestBound {
        XCTAssertGreaterThanOrEqual(bound, objective - 1e-6)
      }
    }
    // Incumbents only improve (maximization).
    let objectives = bingo.compactMap(\.incumbentObjective)
    XCTAssertEqual(objectives, objectives.sorted())
    XCTAssertLessThanOrEqual(
      try XCTUnwrap(objectives.last), try XCTUnwrap(r.objective) + 1e-9)
  }

  func testGapLimitStopsWithinTolerance() throws {
    let p = try TestModels.knapsack(items: 60, constraints: 3)
    let r = p.solveMIP(MIPOptions(timeLimit: 20, mipGap: 0.05))
    XCTAssertTrue([.gapLimit, .optimal].contains(r.termination), r.raw)
    XCTAssertEqual(r.primalStatus, .feasiblePoint)
    if r.termination == .gapLimit {
      XCTAssertEqual(r.rawReturnCode, 14)  // GLP_EMIPGAP
      XCTAssertLessThanOrEqual(try XCTUnwrap(r.gap), 0.05 + 1e-3)
    }
  }

  func testInvalidOptionsGiveInvalidModelWithoutSolving() throws {
    let p = try TestModels.tinyMIP()
    let r = p.solveMIP(MIPOptions(timeLimit: -1))
    XCTAssertEqual(r.termination, .invalidModel)
    XCTAssertEqual(r.primalStatus, .noSolution)
    XCTAssertTrue(r.raw.contains("time limit"), r.raw)
  }

  /// A search stops at the first incumbent that reaches `objectiveTarget`, with
  /// `.objectiveLimit` and that point; a target beyond the optimum changes nothing.
  func testObjectiveTargetStopsAtTheFirstGoodEnoughPlan() throws {
    let start = TestModels.greedyKnapsackPoint(items: 60, constraints: 3)
    let full = try TestModels.knapsack(items: 60, constraints: 3)
    let optimum = full.solveMIP(MIPOptions(timeLimit: 30))
    XCTAssertEqual(optimum.termination, .optimal, optimum.raw)
    let best = try XCTUnwrap(optimum.objective)

    let p = try TestModels.knapsack(items: 60, constraints: 3)
    var greedy = 0.0
    for j in 1...p.columns { greedy += try p.objectiveCoefficient(j) * start[j] }
    XCTAssertLessThan(greedy, best - 1, "the greedy point is not optimal, so stopping at it shows")
    var options = MIPOptions(timeLimit: 30)
    options.objectiveTarget = greedy  // maximizing: any plan at least this good
    let r = p.solveMIP(options, incumbent: start)
    XCTAssertEqual(r.termination, .objectiveLimit, r.raw)
    XCTAssertEqual(r.primalStatus, .feasiblePoint)
    let value = try XCTUnwrap(r.objective)
    XCTAssertGreaterThanOrEqual(value, greedy - 1e-9)
    XCTAssertLessThan(value, best - 1e-9, "stopped before the optimum")

    let q = try TestModels.knapsack(items: 60, constraints: 3)
    options.objectiveTarget = best + 1  // unreachable
    let s = q.solveMIP(options)
    XCTAssertEqual(s.termination, .optimal, s.raw)
    XCTAssertEqual(try XCTUnwrap(s.objective), best, accuracy: 1e-9)
  }

  func testNonFiniteObjectiveTargetIsInvalid() throws {
    let p = try TestModels.tinyMIP()
    var options = MIPOptions()
    options.objectiveTarget = .nan
    let r = p.solveMIP(options)
    XCTAssertEqual(r.termination, .invalidModel)
    XCTAssertTrue(r.raw.contains("objective target"), r.raw)
  }
}
