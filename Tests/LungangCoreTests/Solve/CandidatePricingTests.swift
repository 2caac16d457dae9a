import Foundation
import XCTest

@testable import LungangCore

/// A restricted instance's bound prices every allowed destination, not only the candidates
/// (`CandidatePricing`): it stays below the optimum over all of them.
final class CandidatePricingTests: XCTestCase {
  /// Schools A, C, D, E (one zone), only the posts rule on.
  /// - A: a1 (eligible, wishes E) and a3 (fixed); 1 post, cap 2.
  /// - C: 1 post, nobody (short).
  /// - D: a4 (eligible, wishes A then C); 1 post, cap 1.
  /// - E: e1, e2 (fixed); 1 post, cap 2: full.
  ///
  /// Costs: a1 → E 0.5, → C or D 5.5 (wish missed); a4 → A 0.5, → C 1.5, → E 5.5.
  /// Over every destination the optimum is a1 → C: 5.5 (A keeps a3, D keeps a4).
  /// With one candidate move each, a1 keeps E (full) and a4 keeps A; the posts C and D that
  /// no candidate enters get their cheapest left-out move back: a4 → C and a1 → D. The
  /// candidates' optimum is then a4 → C, a1 → D: 7.0 (staying leaves C short: 1000), and
  /// their own bound, 7.0, lies above 5.5: only the priced bound is valid.
  func testTheBoundPricesTheDestinationsLeftOut() throws {
    var t = TinyDistrict.neutral()
    for s in ["A", "C", "D", "E"] { t.school(s) }
    t.teacher("a1", at: "A", wishes: ["E"])
    t.teacher("a3", at: "A", years: 2)
    t.teacher("a4", at: "D", wishes: ["A", "C"])
    t.teacher("e1", at: "E", years: 2)
    t.teacher("e2", at: "E", years: 2)
    for s in ["A", "C", "D", "E"] { t.post(s, 1) }
    let (all, exact) = t.solve()
    XCTAssertEqual(exact.status, .optimal)
    XCTAssertEqual(exact.objective ?? -1, 5.5, accuracy: 1e-9)
    XCTAssertEqual(exact.moves(all), ["a1": "C"])

    let some = RotationInstance(district: all.district, scenario: all.scenario, candidatesPerPerson: 1)
    XCTAssertEqual(some.destinationSchools("a1"), ["D", "E"])
    XCTAssertEqual(some.destinationSchools("a4"), ["A", "C"])
    let out = RotationSolver.solve(some)
    XCTAssertEqual(out.status, .timeLimit, "the gap is not proven")
    XCTAssertEqual(out.objective ?? -1, 7.0, accuracy: 1e-9)
    XCTAssertEqual(out.moves(some), ["a1": "D", "a4": "C"])
    XCTAssertEqual(out.evaluation?.violations ?? ["none"], [])
    XCTAssertEqual(out.flowOnlyParts, 1)
    let bound = try XCTUnwrap(out.bound)
    XCTAssertLessThanOrEqual(bound, 5.5 + 1e-9, "valid for every allowed destination")
  }

  /// Without extra columns the extended bound is the best bound: the flow's dual objective
  /// at the best evaluation's potentials (kept while later steps move the flow) equals its
  /// cost; a far cheaper extra column lowers it.
  func testTheDualBoundWithoutExtraColumnsIsTheBestBound() throws {
    let f = try LargestPartFixture()
    var flow = try XCTUnwrap(FlowBound(f.part, group: f.groups, kept: f.kept, forPricing: true))
    let deadline = Date(timeIntervalSinceNow: 10)
    XCTAssertTrue(flow.begin(plan: f.start, deadline: deadline))
    let none = Array(repeating: Int64.max, count: flow.personCount)
    XCTAssertEqual(flow.extendedBound(personLeast: none), flow.best, accuracy: 1e-9 * max(1, abs(flow.best)))
    _ = flow.ascend(target: f.part.objectiveValue(f.start), deadline: deadline, maxSolves: 30)
    XCTAssertGreaterThan(flow.solves, 10)
    let zero = flow.yLower.indices.map { k in min(max(0, flow.yLower[k]), flow.yUpper[k]) }
    _ = try XCTUnwrap(flow.evaluate(zero))
    XCTAssertEqual(flow.extendedBound(personLeast: none), flow.best, accuracy: 1e-9 * max(1, abs(flow.best)))
    var one = none
    one[0] = -Int64.max / 4
    XCTAssertLessThan(flow.extendedBound(personLeast: one), flow.best)
  }

  /// Pricing in slices on several threads gives the bound one pass gives: each person's
  /// least reduced cost is their own, and the slices merge in order.
  func testPricingInSlicesGivesTheOnePassBound() throws {
    let f = try LargestPartFixture(candidatesPerPerson: 3)
    var flow = try XCTUnwrap(FlowBound(f.part, group: f.groups, kept: f.kept, forPricing: true))
    let deadline = Date(timeIntervalSinceNow: 10)
    XCTAssertTrue(flow.begin(plan: f.start, deadline: deadline))
    _ = flow.ascend(target: f.part.objectiveValue(f.start), deadline: deadline, maxSolves: 20)
    func bound(_ slices: Int) -> Double? {
      CandidatePricing.bound(
        flow, y: flow.bestMultipliers, part: f.columnsAndRows, groups: f.groups, form: f.form, inst: f.inst,
        slices: slices)
    }
    let one = try XCTUnwrap(bound(1))
    XCTAssertLessThan(one, flow.best, "moves left out lower the candidates' bound")
    for slices in [2, 3, 7] { XCTAssertEqual(bound(slices), one, "\(slices) slices") }
  }

  /// The generated 600-staff district with the whole district open and three candidate
  /// moves per person: the plan keeps the hard rules, and the bound lies below the optimum
  /// over every destination (solved exactly without candidates).
  func testACandidatesSolveKeepsTheRulesAndAValidBound() throws {
    let options = GeneratorOptions(staff: 600, schools: 12, seed: 5)
    let district = try DistrictGenerator(options).generate()
    var sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
    sc.rules.scope = .district
    sc.solver.mipGap = 1e-6
    sc.solver.timeLimitS = 20
    var one = SolveOptions()
    one.threads = 1
    let exact = RotationSolver.solve(RotationInstance(district: district, scenario: sc), options: one)
    XCTAssertEqual(exact.status, .optimal)
    let z = try XCTUnwrap(exact.objective)
    let some = RotationInstance(district: district, scenario: sc, candidatesPerPerson: 3)
    XCTAssertTrue(some.isRestricted)
    // One thread: plans between the ascent's rounds; two: plans beside the ascent.
    var two = one
    two.threads = 2
    for options in [one, two] {
      let out = RotationSolver.solve(some, options: options)
      XCTAssertTrue([.timeLimit, .optimal].contains(out.status))
      XCTAssertEqual(out.evaluation?.violations ?? ["none"], [])
      XCTAssertGreaterThanOrEqual(try XCTUnwrap(out.objective), z - 1e-6 * max(1, abs(z)))
      let bound = try XCTUnwrap(out.bound)
      XCTAssertLessThanOrEqual(bound, z + 1e-6 * max(1, abs(z)))
      // Three moves of the 8–9 each person may make: the bound is loose (1,859–3,355
      // against 5,011, depending on the ascent's path) but not trivial.
      XCTAssertGreaterThan(bound, 0.25 * z)
    }
  }

  /// A plan made on another thread: not finished while its work runs, then returned once,
  /// with its time.
  func testBackgroundPlanReturnsItsWorkOnce() {
    let background = BackgroundPlan()
    let gate = DispatchSemaphore(value: 0)
    background.start {
      gate.wait()
      return [1, 2, 3]
    }
    XCTAssertTrue(background.isRunning)
    XCTAssertNil(background.finished(), "the work is still waiting")
    gate.signal()
    let r = background.wait()
    XCTAssertEqual(r.plan, [1, 2, 3])
    XCTAssertGreaterThanOrEqual(r.seconds, 0)
    XCTAssertFalse(background.isRunning)
    XCTAssertNil(background.finished())
    background.start { [4] }
    var done: (plan: [Double], seconds: Double)?
    while done == nil { done = background.finished() }
    XCTAssertEqual(done?.plan, [4])
  }
}
