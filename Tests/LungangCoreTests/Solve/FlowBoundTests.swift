import Foundation
import GLPKKit
import XCTest

@testable import LungangCore

/// The flow relaxation's bound is valid at any multipliers, equals the part's LP at the LP's
/// own duals (the transportation core has integral vertices), and subgradient steps raise it.
final class FlowBoundTests: XCTestCase {
  func fixture(seed: UInt64 = 5) throws -> LargestPartFixture {
    try LargestPartFixture(seed: seed)
  }

  func testBoundMeetsTheLPAtItsDualsAndStaysBelowIt() throws {
    for seed in [5, 9] as [UInt64] {
      let f = try fixture(seed: seed)
      let (p, z) = try f.solvedLP()
      let duals = try p.rowDuals()
      var flow = try XCTUnwrap(FlowBound(f.part, group: f.groups, kept: f.kept))
      XCTAssertFalse(flow.relaxedRows.isEmpty)
      XCTAssertTrue(flow.relaxedRows.allSatisfy { !f.kept[$0] })
      // At the LP's duals of the relaxed rows the relaxation is the LP (up to the costs'
      // rounding down, at most 1e-4 per person and post).
      let y = flow.relaxedRows.enumerated().map { k, r in
        min(max(duals[r + 1], flow.yLower[k]), flow.yUpper[k])
      }
      let atDuals = try XCTUnwrap(flow.evaluate(y)).bound
      XCTAssertLessThanOrEqual(atDuals, z + 1e-6 * max(1, abs(z)), "seed \(seed)")
      XCTAssertGreaterThan(atDuals, z - 1e-4 * Double(f.part.rowCount), "seed \(seed)")
      // At zero and from the plan's guess: below the LP; ascent does not lose the best.
      let zero = try XCTUnwrap(flow.evaluate(Array(repeating: 0, count: y.count).enumerated().map { k, v in
        min(max(v, flow.yLower[k]), flow.yUpper[k])
      })).bound
      XCTAssertLessThanOrEqual(zero, z + 1e-6)
      // From the start plan's flow the same optimum at zero.
      var fromPlan = try XCTUnwrap(FlowBound(f.part, group: f.groups, kept: f.kept))
      XCTAssertTrue(fromPlan.start(from: f.start))
      let zeroY = (0..<y.count).map { k in min(max(0, flow.yLower[k]), flow.yUpper[k]) }
      XCTAssertEqual(try XCTUnwrap(fromPlan.evaluate(zeroY)).bound, zero, accuracy: 1e-6 * max(1, abs(zero)))
      let guess = flow.startingMultipliers(from: f.start)
      let start = try XCTUnwrap(flow.evaluate(guess)).bound
      XCTAssertLessThanOrEqual(start, z + 1e-6)
      var ascending = try XCTUnwrap(FlowBound(f.part, group: f.groups, kept: f.kept))
      let deadline = Date(timeIntervalSinceNow: 2)
      XCTAssertTrue(ascending.begin(plan: f.start, deadline: deadline))
      _ = ascending.ascend(target: f.part.objectiveValue(f.start), deadline: deadline)
      XCTAssertGreaterThanOrEqual(ascending.best, max(start, zero) - 1e-9)
      XCTAssertLessThanOrEqual(ascending.best, z + 1e-6)
      XCTAssertGreaterThan(ascending.solves, 1)
    }
  }

  /// A part whose rows are not the transportation core (a kept row of another kind) gets no
  /// relaxation rather than a wrong bound.
  func testAnUnexpectedKeptRowGivesNoRelaxation() throws {
    let f = try fixture()
    var kept = f.kept
    let other = try XCTUnwrap(kept.indices.first { !kept[$0] && f.part.rowLower[$0] != f.part.rowUpper[$0] })
    kept[other] = true
    XCTAssertNil(FlowBound(f.part, group: f.groups, kept: kept))
  }

  /// Two people, each staying (cost 0) or filling a short post (cost 3; a shortage costs
  /// 10). With a post's own cap and shortage rows the flow is the whole problem and its bound
  /// is the optimum, 6 (both move). With one shortage row shared by both posts (optimum 3:
  /// one moves) the flow would count the shortage twice, so no relaxation is made.
  func testSharedShortageRowGivesNoRelaxation() throws {
    func model(shared: Bool) -> (SparseModel, [Int32], [Bool]) {
      var m = SparseModel()
      let a0 = m.addColumn("", lower: 0, upper: 1, integer: true, cost: 0)
      let a1 = m.addColumn("", lower: 0, upper: 1, integer: true, cost: 3)
      let b0 = m.addColumn("", lower: 0, upper: 1, integer: true, cost: 0)
      let b1 = m.addColumn("", lower: 0, upper: 1, integer: true, cost: 3)
      _ = m.addRow("", [(a0, 1), (a1, 1)], lower: 1, upper: 1)
      _ = m.addRow("", [(b0, 1), (b1, 1)], lower: 1, upper: 1)
      _ = m.addRow("", [(a1, 1)], upper: 1)
      _ = m.addRow("", [(b1, 1)], upper: 1)
      if shared {
        let s = m.addColumn("", lower: 0, upper: 1, integer: false, cost: 10)
        _ = m.addRow("", [(a1, 1), (b1, 1), (s, 1)], lower: 1)
      } else {
        let sa = m.addColumn("", lower: 0, upper: 1, integer: false, cost: 10)
        let sb = m.addColumn("", lower: 0, upper: 1, integer: false, cost: 10)
        _ = m.addRow("", [(a1, 1), (sa, 1)], lower: 1)
        _ = m.addRow("", [(b1, 1), (sb, 1)], lower: 1)
      }
      let groups: [Int32] = [0, 0, 1, 1] + Array(repeating: -1, count: m.columnCount - 4)
      return (m, groups, Array(repeating: true, count: m.rowCount))
    }
    let (own, g1, k1) = model(shared: false)
    var flow = try XCTUnwrap(FlowBound(own, group: g1, kept: k1))
    XCTAssertTrue(flow.relaxedRows.isEmpty)
    XCTAssertEqual(try XCTUnwrap(flow.evaluate([])).bound, 6, accuracy: 1e-9)
    let (shared, g2, k2) = model(shared: true)
    XCTAssertNil(FlowBound(shared, group: g2, kept: k2))
  }

  /// A weight too large for the integer costs (a hostile scenario) gives no relaxation
  /// instead of a trap: here one shortage column's cost of 10¹⁰.
  func testAHugeWeightGivesNoRelaxation() throws {
    let f = try fixture()
    XCTAssertNotNil(FlowBound(f.part, group: f.groups, kept: f.kept))
    var m = f.part
    let short = try XCTUnwrap((0..<m.columnCount).first { j in
      f.groups[j] == -1 && (0..<m.entryValue.count).contains { m.entryColumn[$0] == Int32(j) && f.kept[Int(m.entryRow[$0])] }
    })
    m.objective[short] = 1e10
    XCTAssertNil(FlowBound(m, group: f.groups, kept: f.kept))
  }

  /// A generated district solved with the flow phase on its largest part and without: the
  /// same optimum at a tight gap (the phase only adds a bound and plans); at a loose gap the
  /// flow phase's plan and bound prove the total and end the solve, with a valid bound.
  func testSolveWithTheFlowPhase() throws {
    let (district, scenario, without, exact) = try districtScopeSolvedWithoutTheFlowPhase()
    var sc = scenario
    let z = try XCTUnwrap(exact.objective)
    var with = without
    with.flowBoundMinColumns = 0
    let flowed = RotationSolver.solve(RotationInstance(district: district, scenario: sc), options: with)
    XCTAssertEqual(flowed.status, .optimal)
    XCTAssertEqual(try XCTUnwrap(flowed.objective), z, accuracy: 1e-6 * max(1, abs(z)))
    XCTAssertGreaterThanOrEqual(flowed.flowParts, 1, "the flow phase ran")
    XCTAssertTrue(flowed.evaluation?.violations.isEmpty ?? false)
    sc.solver.mipGap = 0.5
    let loose = RotationSolver.solve(RotationInstance(district: district, scenario: sc), options: with)
    XCTAssertEqual(loose.status, .optimal)
    XCTAssertGreaterThanOrEqual(loose.flowParts, 1)
    XCTAssertTrue(loose.evaluation?.violations.isEmpty ?? false)
    let bound = try XCTUnwrap(loose.bound)
    XCTAssertLessThanOrEqual(bound, z + 1e-6 * max(1, abs(z)))
    XCTAssertLessThanOrEqual(try XCTUnwrap(loose.gap), 0.5)
  }

  /// A part kept to the flow phase (`SolveOptions.flowOnlyMinColumns`): when the phase's
  /// rounds end with time left the part goes on into GLPK and reaches the same optimum; when
  /// the time limit ends the phase, the part's plan and flow bound are the result, with
  /// status time_limit, a plan that keeps the hard rules and a bound below the optimum; so
  /// does a limit that counts from a start already that far back.
  func testFlowOnlyPartsFallBackToGLPKOrEndAtTheTimeLimit() throws {
    let (district, sc, exactOptions, exact) = try districtScopeSolvedWithoutTheFlowPhase()
    let z = try XCTUnwrap(exact.objective)
    var flowOnly = exactOptions
    flowOnly.flowBoundMinColumns = 0
    flowOnly.flowOnlyMinColumns = 0
    let fellBack = RotationSolver.solve(RotationInstance(district: district, scenario: sc), options: flowOnly)
    XCTAssertEqual(fellBack.status, .optimal)
    XCTAssertEqual(try XCTUnwrap(fellBack.objective), z, accuracy: 1e-6 * max(1, abs(z)))
    XCTAssertGreaterThanOrEqual(fellBack.flowParts, 1, "the flow phase ran")
    XCTAssertEqual(fellBack.flowOnlyParts, 0, "its rounds ended with time left: GLPK went on")
    flowOnly.timeLimit = 1e-3
    let cut = RotationSolver.solve(RotationInstance(district: district, scenario: sc), options: flowOnly)
    XCTAssertEqual(cut.status, .timeLimit)
    XCTAssertGreaterThanOrEqual(cut.flowOnlyParts, 1, "the time limit ended the phase: GLPK skipped")
    XCTAssertTrue(cut.evaluation?.violations.isEmpty ?? false)
    XCTAssertGreaterThanOrEqual(try XCTUnwrap(cut.objective), z - 1e-6 * max(1, abs(z)))
    XCTAssertLessThanOrEqual(try XCTUnwrap(cut.bound), z + 1e-6 * max(1, abs(z)))
    // The limit counts from `startedAt` (the command's start, loading included): 20 s that
    // have already passed end the phase as 1 ms does, where 20 s from the solve's start let
    // it finish (`fellBack`, at the scenario's 60 s).
    flowOnly.timeLimit = 20
    flowOnly.startedAt = Date(timeIntervalSinceNow: -20)
    let late = RotationSolver.solve(RotationInstance(district: district, scenario: sc), options: flowOnly)
    XCTAssertEqual(late.status, .timeLimit)
    XCTAssertGreaterThanOrEqual(late.flowOnlyParts, 1)
    XCTAssertTrue(late.evaluation?.violations.isEmpty ?? false)
  }

  /// A generated 600-staff district with the whole district open at gap 1e-6, the options
  /// that keep the flow phase off (one thread), and its solve with them (checked optimal).
  private func districtScopeSolvedWithoutTheFlowPhase() throws -> (District, Scenario, SolveOptions, SolveOutcome) {
    let options = GeneratorOptions(staff: 600, schools: 12, seed: 5)
    let district = try DistrictGenerator(options).generate()
    var sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
    sc.rules.scope = .district
    sc.solver.mipGap = 1e-6
    var without = SolveOptions()
    without.flowBoundMinColumns = .max
    without.threads = 1
    let exact = RotationSolver.solve(RotationInstance(district: district, scenario: sc), options: without)
    XCTAssertEqual(exact.status, .optimal)
    XCTAssertEqual(exact.flowParts, 0)
    return (district, sc, without, exact)
  }

  /// The district's gap is proven only once every part has a plan and a bound and the total
  /// is within mip_gap; a later, worse record of a part does not undo its better one.
  func testDistrictGapNeedsEveryPart() {
    let g = DistrictGap(parts: 2, constant: 100, gap: 0.01)
    XCTAssertFalse(g.record(0, objective: 50, bound: 49))
    XCTAssertFalse(g.isProven, "part 1 has no record")
    XCTAssertFalse(g.record(1, objective: 60, bound: 40), "210 against 189: 10 %")
    XCTAssertTrue(g.record(1, objective: 51, bound: 50), "201 against 199: 1.0 %")
    XCTAssertTrue(g.isProven)
    XCTAssertTrue(g.record(0, objective: 70, bound: 10), "better records are kept")
    let h = DistrictGap(parts: 1, constant: 0, gap: 0.01)
    XCTAssertFalse(h.record(0, objective: 10, bound: nil))
    XCTAssertFalse(h.record(0, objective: 10, bound: 9))
  }

  /// A total proven within mip_gap makes the run optimal even when a part reached the time
  /// limit or was stopped for it, but not when the user stopped the run, nor when the
  /// total's gap is above mip_gap; otherwise the parts' outcomes decide.
  func testRunStatusAfterTheDistrictGap() {
    func status(stopped: Bool = false, timeUp: Bool = false, user: Bool = false, proven: Bool = false, gap: Double? = 0.005)
      -> PlanStatus
    {
      RotationSolver.runStatus(
        partStopped: stopped, partTimeUp: timeUp, userStopped: user, totalProven: proven, gap: gap, mipGap: 0.01)
    }
    XCTAssertEqual(status(timeUp: true, proven: true), .optimal)
    XCTAssertEqual(status(stopped: true, proven: true), .optimal)
    XCTAssertEqual(status(stopped: true, timeUp: true, proven: true), .optimal)
    XCTAssertEqual(status(timeUp: true, user: true, proven: true), .timeLimit)
    XCTAssertEqual(status(stopped: true, user: true, proven: true), .interrupted)
    XCTAssertEqual(status(timeUp: true, proven: true, gap: 0.02), .timeLimit)
    XCTAssertEqual(status(timeUp: true, proven: true, gap: nil), .timeLimit)
    XCTAssertEqual(status(timeUp: true), .timeLimit)
    XCTAssertEqual(status(stopped: true, timeUp: true), .interrupted)
    XCTAssertEqual(status(), .optimal)
  }
}
