import Foundation
import XCTest

@testable import LungangCore

/// The construction heuristic always returns a plan that satisfies every hard rule.
final class HeuristicTests: XCTestCase {
  /// The committed sample district (`Scenarios/dongcheng`).
  static func sampleDistrict() throws -> District {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try DistrictLoader.load(folder: root.appendingPathComponent("Scenarios/dongcheng"))
  }

  func testHeuristicPlanIsFeasibleOnTheSampleDistrict() throws {
    let district = try Self.sampleDistrict()
    let sc = Scenario(name: "t", district: district.folder, year: 2026)
    let inst = RotationInstance(district: district, scenario: sc)
    let form = Formulation(inst)
    var search = LocalSearch(inst, form)
    XCTAssertEqual(search.violations, search.countViolations(), "start")
    XCTAssertGreaterThan(search.violations, 0, "the sample has people avoidance forces to leave")

    let plan = search.run(deadline: Date().addingTimeInterval(5))
    XCTAssertEqual(search.violations, search.countViolations(), "end")
    let ev = PlanEvaluation(plan, inst)
    for t in inst.teacherPosts.indices where ev.teacherPostsAfter[t] != search.postCount[t] {
      XCTFail("post \(t): search \(search.postCount[t]) evaluation \(ev.teacherPostsAfter[t])")
    }
    for i in inst.staff.indices where search.col[i] >= 0 && Int(form.assignPerson[search.col[i]]) != i {
      XCTFail("person \(i) holds column of \(form.assignPerson[search.col[i]])")
    }
    XCTAssertEqual(ev.violations, [])
    let x = try XCTUnwrap(form.point(for: plan, inst))
    XCTAssertEqual(form.model.maxViolation(x), 0, accuracy: 1e-6)
    XCTAssertEqual(form.model.objectiveValue(x), ev.terms.total, accuracy: 1e-6 * max(1, ev.terms.total))
    // Report the worst rows for debugging.
    var act = Array(repeating: 0.0, count: form.model.rowCount)
    for e in 0..<form.model.entryValue.count {
      act[Int(form.model.entryRow[e])] += form.model.entryValue[e] * x[Int(form.model.entryColumn[e])]
    }
    for r in 0..<form.model.rowCount where act[r] < form.model.rowLower[r] - 1e-6 || act[r] > form.model.rowUpper[r] + 1e-6 {
      XCTFail("\(form.model.rowNames[r]): \(act[r]) not in [\(form.model.rowLower[r]), \(form.model.rowUpper[r])]")
    }
  }

  /// Trying a move without making it (`moveChange`) predicts exactly what making it does:
  /// the same objective change (checked against the model's objective) and violation change.
  func testMoveChangePredictsTheMove() throws {
    let options = GeneratorOptions(staff: 800, schools: 12, seed: 6)
    let district = try DistrictGenerator(options).generate()
    let sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
    let inst = RotationInstance(district: district, scenario: sc)
    let form = Formulation(inst, names: false)
    var search = LocalSearch(inst, form)
    let movers = inst.staff.indices.filter { !form.columnsOf[$0].isEmpty }
    XCTAssertGreaterThan(movers.count, 50)
    func objective() throws -> Double {
      var plan = Plan.allStay(inst)
      for i in movers { plan.choice[i] = Int(form.assignDestination[search.col[i]]) }
      return PlanEvaluation(plan, inst).terms.total
    }
    var rng = SplitMix64(seed: 11)
    var tried = 0
    for _ in 0..<300 {
      let i = movers[rng.int(below: movers.count)]
      let cols = Array(form.columnsOf[i])
      let c = cols[rng.int(below: cols.count)]
      guard c != search.col[i] else { continue }
      let before = try objective()
      let v0 = search.violations
      let predicted = search.moveChange(i, to: c)
      XCTAssertEqual(search.violations, v0, "trying moved nothing")
      let made = search.apply(i, to: c)
      XCTAssertEqual(made.0, predicted.0, accuracy: 1e-9)
      XCTAssertEqual(made.1, predicted.1)
      XCTAssertEqual(search.violations, search.countViolations())
      XCTAssertEqual(try objective() - before, predicted.0, accuracy: 1e-6 * max(1, abs(before)))
      tried += 1
    }
    XCTAssertGreaterThan(tried, 200)
  }

  /// Improvement passes over each part's people, on copies of one repaired search, give the
  /// plan that passes over everyone give (a move changes only its part's rows); and each
  /// part's start (`Formulation.partPoint`) equals that part's columns of the whole point.
  func testPassesPerPartGiveTheWholePlan() throws {
    let options = GeneratorOptions(staff: 1500, schools: 30, zones: 6, seed: 4)
    let district = try DistrictGenerator(options).generate()
    let sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
    let inst = RotationInstance(district: district, scenario: sc)
    for balance in [Formulation.BalanceForm.segment, .secant] {
      let form = Formulation(inst, names: false, balance: balance)
      var whole = LocalSearch(inst, form)
      whole.chainLength = 8  // whatever LUNGANG_HEURISTIC_CHAINS says
      let plan = whole.run(deadline: .distantFuture, maxPasses: 2)
      let x = try XCTUnwrap(form.point(for: plan, inst))

      var base = LocalSearch(inst, form)
      base.chainLength = 8
      base.repair(base.movers)
      let dec = Decomposition(form.model)
      let subs = dec.subModels(form.model)
      XCTAssertGreaterThan(dec.parts.filter { !$0.rows.isEmpty }.count, 2, "several parts")
      var partOf = Array(repeating: 0, count: form.model.columnCount)
      for (p, part) in dec.parts.enumerated() { for c in part.columns { partOf[c] = p } }
      var improvedSomewhere = false
      for (p, part) in dec.parts.enumerated() {
        let movers = base.movers.filter { partOf[form.columnsOf[$0].lowerBound] == p }
        var local = base
        local.improve(movers, deadline: .distantFuture, maxPasses: 2)
        for i in movers {
          XCTAssertEqual(local.column(of: i), whole.column(of: i), "person \(i)")
          if local.column(of: i) != base.column(of: i) { improvedSomewhere = true }
        }
        let v = form.partPoint(part, subs[p]) { local.column(of: $0) }
        XCTAssertEqual(v, part.columns.map { x[$0] }, "part \(p), \(balance)")
        XCTAssertEqual(subs[p].maxViolation(v), 0, accuracy: 1e-9)
      }
      XCTAssertTrue(improvedSomewhere, "the passes changed the plan, so the comparison shows")
    }
  }

  /// The exchange's lookup of a person's column into a place (binary search) finds the same
  /// column as a scan of their columns, for teachers (by section) and cadres (by school),
  /// and nothing where they have none.
  func testColumnIntoAPlaceMatchesAScan() throws {
    let options = GeneratorOptions(staff: 900, schools: 14, seed: 3)
    let district = try DistrictGenerator(options).generate()
    var sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
    sc.rules.scope = .district
    let inst = RotationInstance(district: district, scenario: sc)
    let form = Formulation(inst, names: false)
    let search = LocalSearch(inst, form)
    var found = (teachers: 0, cadres: 0, none: 0)
    for b in search.movers {
      let cadre = search.isCadre[b]
      let places = cadre ? Array(inst.schools.indices) : Array(-1..<inst.sections.count)
      for place in places {
        let scan = form.columnsOf[b].first {
          let d = search.dest($0)
          return cadre ? d.school == place : d.section == place
        }
        XCTAssertEqual(search.column(of: b, into: place), scan, "person \(b), place \(place)")
        if scan == nil { found.none += 1 } else if cadre { found.cadres += 1 } else { found.teachers += 1 }
      }
    }
    XCTAssertGreaterThan(found.teachers, 1000)
    XCTAssertGreaterThan(found.cadres, 10)
    XCTAssertGreaterThan(found.none, 1000)
  }

  /// The passes stop when their work budget (columns looked at) is spent, before the next
  /// person: none at 0, only the first mover at their own column count, and the whole
  /// passes' plan with a budget they do not reach; a deadline cuts them, and they say so.
  func testPassesStopAtTheirWorkBudget() throws {
    let options = GeneratorOptions(staff: 1500, schools: 30, zones: 6, seed: 4)
    let district = try DistrictGenerator(options).generate()
    let sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
    let inst = RotationInstance(district: district, scenario: sc)
    let form = Formulation(inst, names: false)
    var base = LocalSearch(inst, form)
    base.chainLength = 8
    base.repair(base.movers)
    let movers = base.movers
    func columns(_ s: LocalSearch) -> [Int] { movers.map { s.column(of: $0) } }

    var none = base
    none.improve(movers, deadline: .distantFuture, maxPasses: 2, maxWork: 0)
    XCTAssertEqual(columns(none), columns(base))
    // A deadline already past cuts them: nothing done, and they say so.
    var late = base
    XCTAssertFalse(late.improve(movers, deadline: .distantPast, maxPasses: 2))
    XCTAssertEqual(columns(late), columns(base))

    // The first mover whose own try improves the plan (a move, or an exchange with someone),
    // and a budget of exactly the columns up to them: the passes make that try and stop,
    // before the chains.
    var budget = 0
    var afterFirst: LocalSearch?
    for i in movers {
      budget += form.columnsOf[i].count
      var one = base
      if one.tryImprove(i) {
        afterFirst = one
        break
      }
    }
    let expected = try XCTUnwrap(afterFirst, "some mover improves the repaired plan")
    var upTo = base
    XCTAssertTrue(upTo.improve(movers, deadline: .distantFuture, maxPasses: 2, maxWork: budget), "not cut")
    XCTAssertEqual(columns(upTo), columns(expected))
    XCTAssertNotEqual(columns(upTo), columns(base))

    var unbounded = base
    unbounded.improve(movers, deadline: .distantFuture, maxPasses: 2)
    var ample = base
    ample.improve(movers, deadline: .distantFuture, maxPasses: 2, maxWork: 100 * form.assignCount)
    XCTAssertEqual(columns(ample), columns(unbounded))
    XCTAssertNotEqual(columns(unbounded), columns(upTo), "the budget changed the plan, so the test shows")
  }

  /// Chains of moves fill short posts where single moves and exchanges no longer improve the
  /// plan: a kept chain lowers the objective and the shortage, and breaks no rule.
  func testChainsFillShortPostsThatSingleMovesCannot() throws {
    let district = try Self.sampleDistrict()
    let sc = Scenario(name: "t", district: district.folder, year: 2026)
    let inst = RotationInstance(district: district, scenario: sc)
    let form = Formulation(inst, names: false)
    var search = LocalSearch(inst, form)
    search.chainLength = 0
    // Passes to convergence without chains.
    let plain = search.run(deadline: .distantFuture, maxPasses: 1000)
    let before = PlanEvaluation(plain, inst)
    XCTAssertEqual(before.violations, [])
    XCTAssertGreaterThan(before.terms.shortage, 0)

    search.chainLength = 8
    XCTAssertTrue(search.fillShortagesByChains(search.movers, over: { false }), "a chain was kept")
    XCTAssertEqual(search.violations, search.countViolations())
    var chained = Plan.allStay(inst)
    for i in search.movers { chained.choice[i] = Int(form.assignDestination[search.column(of: i)]) }
    let after = PlanEvaluation(chained, inst)
    XCTAssertEqual(after.violations, [])
    XCTAssertLessThan(after.terms.total, before.terms.total - 1e-6)
    XCTAssertLessThan(after.terms.shortage, before.terms.shortage)

  }

  /// A chain does not pass through a stayer whose school is at its outflow limit: the
  /// shortest chain into S (a1 leaves A, d1 fills A) would break A's limit of 0, so the
  /// search takes the next one (b1 leaves B for S, d1 fills B from D's surplus).
  ///
  /// S, A, B in zone Z1; A, B, D in group G (zone_or_group: d1 may go to A or B, not S).
  /// Math posts: S 1 (no teacher), A 1 (a1), B 1 (b1), D 1 (d1, d2: a surplus of one).
  /// max_outflow 0.2: T_A = 2 → limit 0; T_B = T_D = 5 → limit 1. Everyone but a1, b1, d1
  /// has 2 years at their school (not movable). The chain saves S's shortage (1000) for two
  /// moves (2 · 0.5): the objective falls from 1000 to 1.
  func testChainsPassOnlyThroughSchoolsBelowTheirOutflowLimit() {
    var t = TinyDistrict.neutral()
    t.rules.maxOutflow = 0.2
    t.rules.scope = .zoneOrGroup
    t.school("S", zone: "Z1")
    t.school("A", zone: "Z1", group: "G")
    t.school("B", zone: "Z1", group: "G")
    t.school("D", zone: "Z2", group: "G")
    t.teacher("a1", at: "A")
    t.teacher("b1", at: "B")
    t.teacher("d1", at: "D")
    t.teacher("d2", at: "D", years: 2)
    t.teacher("a2", at: "A", subject: .chinese, years: 2)
    for n in 2...5 { t.teacher("b\(n)", at: "B", subject: .chinese, years: 2) }
    for n in 3...5 { t.teacher("d\(n)", at: "D", subject: .chinese, years: 2) }
    for school in ["S", "A", "B", "D"] { t.post(school, 1) }
    for (school, n) in [("A", 1), ("B", 4), ("D", 3)] { t.post(school, n, subject: .chinese) }
    let inst = t.instance
    XCTAssertEqual(inst.outflowLimit[inst.schoolNamed("A")], 0)
    XCTAssertEqual(inst.outflowLimit[inst.schoolNamed("B")], 1)
    XCTAssertEqual(inst.destinationSchools("d1"), ["A", "B"])
    XCTAssertEqual(inst.destinationSchools("a1"), ["B", "D", "S"])
    let form = Formulation(inst, names: false)
    var search = LocalSearch(inst, form)
    search.repair(search.movers)
    XCTAssertEqual(search.violations, 0)
    search.chainLength = 32
    // Without the rule the shortest chain goes through A, breaks A's limit, and is undone.
    var blind = search
    blind.chainsRespectOutflow = false
    XCTAssertFalse(blind.fillShortagesByChains(blind.movers, over: { false }))
    XCTAssertEqual(blind.chainsUndone, 1)
    search.chainsRespectOutflow = true
    XCTAssertTrue(search.fillShortagesByChains(search.movers, over: { false }), "a chain was kept")
    XCTAssertEqual(search.violations, 0)
    var plan = Plan.allStay(inst)
    for i in search.movers { plan.choice[i] = Int(form.assignDestination[search.column(of: i)]) }
    let moves = Dictionary(
      uniqueKeysWithValues: inst.staff.indices.filter { plan.moves($0, in: inst) }.map {
        (inst.staff[$0].id, inst.schools[plan.endSchool($0, in: inst)].id)
      })
    XCTAssertEqual(moves, ["b1": "S", "d1": "B"])
    let e = PlanEvaluation(plan, inst)
    XCTAssertEqual(e.violations, [])
    XCTAssertEqual(e.terms.total, 1, accuracy: 1e-9)
  }

  /// A chain that does not lower the objective is undone: with moving made dearer than a
  /// short post, every chain found is, and every count the search keeps is as it was
  /// (occupant lists may be reordered, not changed).
  func testChainsNotKeptAreUndone() throws {
    let district = try Self.sampleDistrict()
    var sc = Scenario(name: "t", district: district.folder, year: 2026)
    sc.weights.move = 10_000
    let inst = RotationInstance(district: district, scenario: sc)
    let form = Formulation(inst, names: false)
    var search = LocalSearch(inst, form)
    search.repair(search.movers)
    let kept = search
    search.chainLength = 8
    XCTAssertFalse(search.fillShortagesByChains(search.movers, over: { false }))
    XCTAssertGreaterThan(search.chainsUndone, 0, "chains were found and undone, so the check shows")
    XCTAssertEqual(search.col, kept.col)
    XCTAssertEqual(search.postCount, kept.postCount)
    XCTAssertEqual(search.cadreCount, kept.cadreCount)
    XCTAssertEqual(search.movedFrom, kept.movedFrom)
    XCTAssertEqual(search.movedKeyFrom, kept.movedKeyFrom)
    XCTAssertEqual(search.count, kept.count)
    XCTAssertEqual(search.violations, kept.violations)
    XCTAssertEqual(search.violations, search.countViolations())
    XCTAssertEqual(search.occupants.map { $0.sorted() }, kept.occupants.map { $0.sorted() })
  }

  /// Below a gap of 1e-5 the start plan comes from two passes without chains and the best
  /// plan is not polished; at looser gaps four passes with chains of up to 32 moves, and
  /// the heuristic's passes again from the best plan (RotationSolver's `Tuning`).
  func testTightGapsUseTheShortHeuristic() {
    let env = ProcessInfo.processInfo.environment
    let passes = env["LUNGANG_HEURISTIC_PASSES"].flatMap { Int($0) }
    let chains = env["LUNGANG_HEURISTIC_CHAINS"].flatMap { Int($0) }
    XCTAssertEqual(Tuning.heuristicPasses(mipGap: 1e-6), passes ?? 2)
    XCTAssertEqual(Tuning.heuristicPasses(mipGap: 1e-5), passes ?? 4)
    XCTAssertEqual(Tuning.heuristicPasses(mipGap: 1e-3), passes ?? 4)
    XCTAssertEqual(Tuning.heuristicChainLength(mipGap: 1e-6), chains ?? 0)
    XCTAssertEqual(Tuning.heuristicChainLength(mipGap: 1e-5), chains ?? 32)
    XCTAssertEqual(Tuning.heuristicChainLength(mipGap: 1e-3), chains ?? 32)
    XCTAssertTrue(Tuning.isTight(1e-6))
    XCTAssertFalse(Tuning.isTight(1e-5))
    let polish = env["LUNGANG_POLISH"].map { $0 == "1" }
    XCTAssertEqual(Tuning.polish(mipGap: 1e-6), polish ?? false)
    XCTAssertEqual(Tuning.polish(mipGap: 1e-4), polish ?? true)
    // Column generation from 5,000 columns, but at tight gaps only above 30,000.
    let pricing = env["LUNGANG_PRICING_MIN_COLUMNS"].flatMap { Int($0) }
    XCTAssertEqual(Tuning.pricingMinColumns(mipGap: 1e-4), pricing ?? 5_000)
    XCTAssertEqual(Tuning.pricingMinColumns(mipGap: 1e-6), pricing ?? 30_001)
  }
}
