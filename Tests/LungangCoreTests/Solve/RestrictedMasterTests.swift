import Foundation
import GLPKKit
import XCTest

@testable import LungangCore

/// Column generation over destinations (RestrictedMaster), the LP dive, and pricing inside
/// the solver are exact: same LP bound, same optimum as the model with every column.
final class RestrictedMasterTests: XCTestCase {
  typealias Fixture = LargestPartFixture

  func fixture(
    staff: Int = 600, scope: Scope = .district, seed: UInt64 = 5, mipGap: Double = 1e-6
  ) throws -> Fixture {
    try LargestPartFixture(staff: staff, scope: scope, seed: seed, mipGap: mipGap)
  }

  /// The LP over all columns of `m`.
  func fullLP(_ m: SparseModel) throws -> Double {
    let p = try RotationSolver.load(m)
    let r = p.solveLP(LPOptions(method: .dualPrimal))
    XCTAssertEqual(r.termination, .optimal)
    return try XCTUnwrap(r.objective)
  }

  /// Pricing converges to the LP of the whole part while loading only part of its columns;
  /// reduced costs computed from the row duals agree with GLPK's for the loaded columns; the
  /// bound after the first restricted LP is already valid (not above the LP optimum).
  func testPricingReachesTheFullLPBound() throws {
    let f = try fixture()
    let z = try fullLP(f.part)
    let initial = RestrictedMaster.initialColumns(f.part, group: f.groups, stay: f.stay, start: f.start)
    let master = try RestrictedMaster(f.part, group: f.groups, initial: initial)
    // First restricted LP by hand: its Lagrangian bound is valid.
    let first = master.problem.solveLP(LPOptions(method: .dualPrimal))
    XCTAssertEqual(first.termination, .optimal)
    let restricted = try XCTUnwrap(first.objective)
    XCTAssertGreaterThanOrEqual(restricted, z - 1e-6)
    master.price(try master.problem.rowDuals())
    XCTAssertLessThanOrEqual(master.bound, z + 1e-6 * max(1, abs(z)))
    let glpkReduced = try master.problem.columnDuals()
    for (k, j) in master.partColumn.enumerated() {
      XCTAssertEqual(master.reducedCost[j], glpkReduced[k + 1], accuracy: 1e-6)
    }
    XCTAssertEqual(master.solveLP(deadline: .distantFuture, log: false), .converged)
    XCTAssertEqual(master.bound, z, accuracy: 1e-6 * max(1, abs(z)))
    XCTAssertGreaterThan(master.rounds, 1)
    XCTAssertLessThan(master.loadedCount, f.part.columnCount)
    // Every column left out then prices out (reduced cost ≥ 0).
    for j in 0..<f.part.columnCount where master.glpkColumn[j] == 0 {
      XCTAssertGreaterThanOrEqual(master.reducedCost[j], -1e-6)
    }
  }

  /// A stop asked before the first round ends the LP phase at once as `.interrupted`, with no
  /// LP solved and no bound claimed; without a stop the same master converges.
  func testAStopEndsTheLPPhase() throws {
    let f = try fixture()
    let initial = RestrictedMaster.initialColumns(f.part, group: f.groups, stay: f.stay, start: f.start)
    let master = try RestrictedMaster(f.part, group: f.groups, initial: initial)
    XCTAssertEqual(master.solveLP(deadline: .distantFuture, log: false, shouldStop: { true }), .interrupted)
    XCTAssertEqual(master.rounds, 0)
    XCTAssertEqual(master.bound, -.infinity)
    var asked = 0
    XCTAssertEqual(
      master.solveLP(deadline: .distantFuture, log: false, shouldStop: { asked += 1; return false }), .converged)
    XCTAssertGreaterThan(asked, 1, "asked before every round")
  }

  /// Balance steps are priced too: the first LP loads per count the steps the start plan
  /// fills and `segmentWindow` more, and the converged LP is still the LP of the whole part.
  func testBalanceStepsStartFromAWindowAndArePriced() throws {
    let f = try fixture()
    let z = try fullLP(f.part)
    let steps = (0..<f.part.columnCount).filter { f.groups[$0] == RestrictedMaster.segmentGroup }
    XCTAssertFalse(steps.isEmpty)
    // The count row of each step (its only entry).
    var rowOf: [Int: Int32] = [:]
    for e in 0..<f.part.entryValue.count where f.groups[Int(f.part.entryColumn[e])] == RestrictedMaster.segmentGroup {
      XCTAssertNil(rowOf[Int(f.part.entryColumn[e])])
      rowOf[Int(f.part.entryColumn[e])] = f.part.entryRow[e]
    }
    let initial = RestrictedMaster.initialColumns(f.part, group: f.groups, stay: f.stay, start: f.start)
    var beyond: [Int32: Int] = [:]
    for j in steps {
      let r = try XCTUnwrap(rowOf[j])
      if f.start[j] > 1e-9 {
        XCTAssertTrue(initial[j], "a step the start plan fills is loaded")
      } else if initial[j] {
        beyond[r, default: 0] += 1
      }
    }
    XCTAssertTrue(beyond.values.allSatisfy { $0 <= RestrictedMaster.segmentWindow })
    XCTAssertTrue(steps.contains { !initial[$0] }, "some steps start left out")
    let master = try RestrictedMaster(f.part, group: f.groups, initial: initial)
    XCTAssertEqual(master.solveLP(deadline: .distantFuture, log: false), .converged)
    XCTAssertEqual(master.bound, z, accuracy: 1e-6 * max(1, abs(z)))
    let lp = try master.problem.columnPrimals()
    for j in steps where master.glpkColumn[j] == 0 {
      XCTAssertGreaterThanOrEqual(master.reducedCost[j], -1e-6)
    }
    // The LP's steps of each count are filled cheapest first (a prefix up to one fraction).
    var byRow: [Int32: [Double]] = [:]
    for j in steps {
      let g = Int(master.glpkColumn[j])
      byRow[rowOf[j]!, default: []].append(g == 0 ? 0 : lp[g])
    }
    for (_, v) in byRow {
      for k in 1..<max(1, v.count) where v[k] > 1e-6 {
        XCTAssertGreaterThan(v[k - 1], 1 - 1e-6)
      }
    }
  }

  /// The dive ends with an integral point that satisfies every row of the part, costs at
  /// least the LP, and leaves the column bounds as they were.
  func testDiveFindsAFeasiblePlan() throws {
    let f = try fixture()
    let p = try RotationSolver.load(f.part)
    let lp = p.solveLP(LPOptions(method: .dualPrimal))
    let z = try XCTUnwrap(lp.objective)
    let x = try XCTUnwrap(
      LPDive.dive(
        p, group: f.groups, start: Array(lp.columnValues.dropFirst()), deadline: .distantFuture,
        log: false))
    XCTAssertLessThanOrEqual(f.part.maxViolation(x), 1e-6)
    for j in 0..<f.part.columnCount where f.part.columnIsInteger[j] {
      XCTAssertTrue(x[j] == 0 || x[j] == 1)
    }
    XCTAssertGreaterThanOrEqual(f.part.objectiveValue(x), z - 1e-6)
    for j in 0..<f.part.columnCount where f.part.columnIsInteger[j] {
      XCTAssertEqual(try p.columnBounds(j + 1), .double(0, 1))
    }
  }

  /// Options on one thread without pricing, and the same with pricing on every part.
  func plainAndPriced() -> (plain: SolveOptions, priced: SolveOptions) {
    var plain = SolveOptions()
    plain.pricingMinColumns = Int.max
    plain.threads = 1
    var priced = plain
    priced.pricingMinColumns = 0
    return (plain, priced)
  }

  /// Solving with pricing on every part and without it gives the same optimum, proven, on
  /// a generated district in both scopes.
  func testPricedSolveHasTheSameOptimum() throws {
    let (plain, priced) = plainAndPriced()
    for scope in [Scope.zoneOrGroup, .district] {
      let f = try fixture(staff: 500, scope: scope, seed: 9)
      let a = RotationSolver.solve(f.inst, options: plain)
      let b = RotationSolver.solve(f.inst, options: priced)
      XCTAssertEqual(a.status, .optimal)
      XCTAssertEqual(b.status, .optimal)
      let oa = try XCTUnwrap(a.objective)
      let ob = try XCTUnwrap(b.objective)
      XCTAssertEqual(oa, ob, accuracy: 2e-6 * max(1, abs(oa)), "\(scope)")
      XCTAssertEqual(b.evaluation?.violations ?? ["none"], [])
      XCTAssertEqual(b.notes, [])
      XCTAssertLessThanOrEqual(try XCTUnwrap(b.bound), ob + 1e-9)
      XCTAssertEqual(a.pricedParts, 0)
      XCTAssertGreaterThan(b.pricedParts, 0)
    }
  }

  /// At a gap that is not tight (1e-5) the final search gets only the columns that could beat
  /// the incumbent by more than the gap, from the LP's basis and the heuristic's passes over
  /// the best plan: its plan is within the gap, and its bound is still valid (not above the
  /// optimum proven at 1e-6 without pricing).
  func testPricedSolveAtALooserGapKeepsItsBoundValid() throws {
    let (plain, priced) = plainAndPriced()
    for scope in [Scope.zoneOrGroup, .district] {
      let tight = try fixture(staff: 500, scope: scope, seed: 9)
      let looser = try fixture(staff: 500, scope: scope, seed: 9, mipGap: 1e-5)
      let a = RotationSolver.solve(tight.inst, options: plain)
      let b = RotationSolver.solve(looser.inst, options: priced)
      XCTAssertEqual(a.status, .optimal)
      XCTAssertEqual(b.status, .optimal)
      let optimum = try XCTUnwrap(a.objective)
      let ob = try XCTUnwrap(b.objective)
      let bound = try XCTUnwrap(b.bound)
      XCTAssertLessThanOrEqual(bound, optimum + 1e-6 * max(1, abs(optimum)), "\(scope)")
      XCTAssertLessThanOrEqual(ob - bound, 1e-5 * max(1, abs(ob)) + 1e-9, "\(scope)")
      XCTAssertGreaterThanOrEqual(ob, optimum - 1e-6 * max(1, abs(optimum)), "\(scope)")
      XCTAssertEqual(b.evaluation?.violations ?? ["none"], [])
      XCTAssertGreaterThan(b.pricedParts, 0)
    }
  }
}

/// The two exact forms of the balance term have the same LP relaxation.
final class BalanceFormLPTests: XCTestCase {
  func testSecantAndSegmentFormsHaveTheSameLP() throws {
    let options = GeneratorOptions(staff: 500, schools: 12, seed: 4)
    let district = try DistrictGenerator(options).generate()
    let sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
    let inst = RotationInstance(district: district, scenario: sc)
    func lp(_ form: Formulation) throws -> Double {
      let p = try RotationSolver.load(form.model)
      let r = p.solveLP(LPOptions(method: .dualPrimal))
      XCTAssertEqual(r.termination, .optimal)
      return try XCTUnwrap(r.objective)
    }
    let secant = Formulation(inst, names: false, balance: .secant)
    let segment = Formulation(inst, names: false, balance: .segment)
    XCTAssertLessThan(segment.model.rowCount, secant.model.rowCount)
    let a = try lp(secant)
    XCTAssertEqual(try lp(segment), a, accuracy: 1e-6 * max(1, abs(a)))
  }
}

/// Each part's gap keeps the total within mip_gap, which is relative to the whole total.
final class PartGapTests: XCTestCase {
  /// Parts of 100 and 20 with a constant of 1000: the total (1120) outweighs the parts, so
  /// each part keeps mip_gap.
  func testAPositiveConstantKeepsTheGap() {
    XCTAssertEqual(RotationSolver.partGap(mipGap: 1e-4, constant: 1000, partValues: [100, 20]), 1e-4)
  }

  /// Parts of 100 and −40 with a constant of 10: the total is 70 but the parts' gaps add up
  /// over 140, so each part gets 1e-4 · 70/140; part gaps of 0.5e-4·100 and 0.5e-4·40 sum to
  /// 7e-3 = 1e-4 · 70.
  func testPartsWorthMoreThanTheTotalShareTheGap() {
    XCTAssertEqual(
      RotationSolver.partGap(mipGap: 1e-4, constant: 10, partValues: [100, -40]), 0.5e-4, accuracy: 1e-15)
  }

  /// Parts worth less than 1 count as 1 each (the gap test's max(1, |v|)).
  func testSmallPartsCountAsOne() {
    XCTAssertEqual(
      RotationSolver.partGap(mipGap: 1e-6, constant: 0, partValues: [0.5, 0.25, 1.25]), 1e-6 * 2 / 3.25,
      accuracy: 1e-18)
  }
}
