import Foundation
import GLPKKit
import XCTest

@testable import LungangCore

/// The zone split of a large part (`solveByZone`) and the Lagrangian bound behind it.
final class ZoneSplitTests: XCTestCase {
  struct Fixture {
    var part: SparseModel
    var cross: [Bool]
    var groups: [Int32]
    var stay: [Bool]
  }

  /// A generated district of 4 zones and 4 groups, default scope: its largest part (the
  /// first seed whose largest part has group moves across a zone line).
  func fixture() throws -> Fixture {
    for seed in UInt64(1)...20 {
      var options = GeneratorOptions(staff: 600, schools: 16, seed: seed)
      options.zones = 4
      options.groups = 4
      let district = try DistrictGenerator(options).generate()
      let sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
      let inst = RotationInstance(district: district, scenario: sc)
      let form = Formulation(inst, names: false)
      let dec = Decomposition(form.model)
      let subs = dec.subModels(form.model)
      let p = try XCTUnwrap(subs.indices.max { subs[$0].columnCount < subs[$1].columnCount })
      let cols = dec.parts[p].columns
      let cross = RotationSolver.crossingColumns(cols, form, inst)
      guard cross.contains(true) else { continue }
      return Fixture(
        part: subs[p], cross: cross, groups: RotationSolver.personGroups(cols, form),
        stay: cols.map { c in
          c < form.assignCount
            && inst.destinations[Int(form.assignPerson[c])][Int(form.assignDestination[c])].isStay
        })
    }
    struct NoCrossing: Error {}
    throw NoCrossing()  // fails the test: no seed gives group moves across zones
  }

  func optimum(_ f: Fixture) throws -> Double {
    let r = RotationSolver.solvePart(
      f.part, incumbent: nil, deadline: .distantFuture, mipGap: 0, log: false, shouldStop: nil)
    XCTAssertEqual(r.outcome, .optimal)
    return try XCTUnwrap(r.objective)
  }

  /// At the LP optimum's duals the Lagrangian bound is the LP itself (no column prices
  /// below zero), and at any other duals (here all zero) it is no higher.
  func testLagrangianBoundAtTheLPDualsIsTheLP() throws {
    let f = try fixture()
    let p = try RotationSolver.load(f.part)
    let lp = p.solveLP(LPOptions(method: .dualPrimal))
    let z = try XCTUnwrap(lp.objective)
    let bound = LagrangianBound(f.part, group: f.groups)
    XCTAssertEqual(bound.evaluate(try p.rowDuals()).bound, z, accuracy: 1e-6 * max(1, abs(z)))
    let zero = bound.evaluate(Array(repeating: 0, count: f.part.rowCount + 1)).bound
    XCTAssertLessThanOrEqual(zero, z + 1e-6)
  }

  /// Without the crossing columns the part falls into pieces; their plans make a plan of the
  /// part that uses no crossing column, costs at least the optimum, and the bound from the
  /// pieces' duals is at most the optimum.
  func testPiecesGiveAPlanAndAValidBound() throws {
    let f = try fixture()
    let z = try optimum(f)
    let attempt = RotationSolver.splitOnce(
      f.part, cross: f.cross, incumbent: nil, deadline: .distantFuture, mipGap: 0, log: false,
      stayColumns: f.stay, groups: f.groups, pricingMinColumns: Int.max, say: nil,
      shouldStop: nil, lastAttempt: true)
    guard case .plan(let x, let value, let bound, let priced) = attempt else {
      return XCTFail("no plan from the pieces: \(attempt)")
    }
    XCTAssertFalse(priced, "no piece reaches pricingMinColumns, so none is priced")
    XCTAssertLessThanOrEqual(f.part.maxViolation(x), 1e-6)
    for j in 0..<x.count where f.cross[j] { XCTAssertEqual(x[j], 0) }
    XCTAssertEqual(value, f.part.objectiveValue(x), accuracy: 1e-9)
    XCTAssertGreaterThanOrEqual(value, z - 1e-6)
    XCTAssertLessThanOrEqual(bound, z + 1e-6)
  }

  /// When the pieces cannot prove the gap, the whole part is solved from their plan: the
  /// same optimum as solving it directly.
  func testSolveByZoneReachesTheOptimum() throws {
    let f = try fixture()
    let z = try optimum(f)
    let r = RotationSolver.solveByZone(
      f.part, cross: f.cross, incumbent: nil, deadline: .distantFuture, mipGap: 0, log: false,
      stayColumns: f.stay, groups: f.groups, pricingMinColumns: Int.max, say: nil, onProgress: nil,
      shouldStop: nil)
    XCTAssertEqual(r.outcome, .optimal)
    XCTAssertEqual(try XCTUnwrap(r.objective), z, accuracy: 1e-6 * max(1, abs(z)))
    XCTAssertLessThanOrEqual(try XCTUnwrap(r.bound), z + 1e-6)
    XCTAssertLessThanOrEqual(f.part.maxViolation(try XCTUnwrap(r.values)), 1e-6)
  }
}
