import Foundation
import GLPKKit
import XCTest

@testable import LungangCore

/// A generated district, its model, and its largest part with the start plan of one
/// heuristic pass (feasible): what the column generation and flow relaxation tests start from.
struct LargestPartFixture {
  var inst: RotationInstance
  var form: Formulation
  var part: SparseModel
  var groups: [Int32]
  var stay: [Bool]
  var start: [Double]
  /// Per part row: a convexity or post row (the flow relaxation keeps it).
  var kept: [Bool]
  /// The part's columns and rows in the whole model.
  var columnsAndRows: Decomposition.Part

  /// `candidatesPerPerson`: a restricted instance (its model in the segment form, as the
  /// solver builds it).
  init(
    staff: Int = 600, scope: Scope = .district, seed: UInt64 = 5, mipGap: Double = 1e-6, candidatesPerPerson: Int? = nil
  ) throws {
    let options = GeneratorOptions(staff: staff, schools: 12, seed: seed)
    let district = try DistrictGenerator(options).generate()
    var sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
    sc.rules.scope = scope
    sc.solver.mipGap = mipGap
    inst = RotationInstance(district: district, scenario: sc, candidatesPerPerson: candidatesPerPerson)
    form = candidatesPerPerson == nil ? Formulation(inst, names: false) : Formulation(inst, names: false, balance: .segment)
    var search = LocalSearch(inst, form)
    let plan = search.run(deadline: .distantFuture, maxPasses: 1)
    let x = try XCTUnwrap(form.point(for: plan, inst))
    XCTAssertLessThanOrEqual(form.model.maxViolation(x), 1e-6)
    let dec = Decomposition(form.model)
    let subs = dec.subModels(form.model)
    let p = try XCTUnwrap(subs.indices.max { subs[$0].columnCount < subs[$1].columnCount })
    let cols = dec.parts[p].columns
    let inst = inst
    let form = form
    part = subs[p]
    groups = RotationSolver.personGroups(cols, form)
    stay = cols.map { c in
      c < form.assignCount
        && inst.destinations[Int(form.assignPerson[c])][Int(form.assignDestination[c])].isStay
    }
    start = cols.map { x[$0] }
    kept = dec.parts[p].rows.map { $0 < form.transportationRowsEnd }
    columnsAndRows = dec.parts[p]
  }

  /// The part loaded into GLPK and its LP's optimum (checked optimal).
  func solvedLP() throws -> (problem: GLPKProblem, objective: Double) {
    let problem = try RotationSolver.load(part)
    let lp = problem.solveLP(LPOptions(method: .dualPrimal))
    XCTAssertEqual(lp.termination, .optimal)
    return (problem, try XCTUnwrap(lp.objective))
  }
}
