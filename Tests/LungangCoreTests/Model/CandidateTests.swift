import Foundation
import XCTest

@testable import LungangCore

/// A district too large for every allowed destination keeps each person's cheapest moves as
/// candidates (`RotationInstance.candidateMoves`), and whatever a post needs to be entered.
final class CandidateTests: XCTestCase {
  /// The 600-staff generated district with the whole district open.
  func district() throws -> (District, Scenario) {
    let options = GeneratorOptions(staff: 600, schools: 12, seed: 5)
    let district = try DistrictGenerator(options).generate()
    var sc = Scenario(name: "g", district: URL(fileURLWithPath: "/nonexistent"), year: options.year)
    sc.rules.scope = .district
    return (district, sc)
  }

  /// Each list keeps staying first, then the cheapest `moves` allowed moves in list order;
  /// a move beyond them is only there to let someone into a post no candidate enters, and
  /// it is the cheapest such move. The counts of allowed destinations and of indicator
  /// holders who may enter each section are those of the unrestricted instance.
  func testCandidatesAreTheCheapestMovesAndEveryPostIsEntered() throws {
    let (d, sc) = try district()
    let all = RotationInstance(district: d, scenario: sc)
    let moves = 3
    let some = RotationInstance(district: d, scenario: sc, candidatesPerPerson: moves)
    XCTAssertNil(all.candidateMoves)
    XCTAssertEqual(some.candidateMoves, moves)
    XCTAssertEqual(some.allowedDestinationCount, all.destinationCount)
    XCTAssertLessThan(some.destinationCount, all.destinationCount)
    func key(_ x: Destination) -> [Int] { [x.school, x.section] }
    func post(_ i: Int, _ x: Destination) -> Int {
      let p = all.staff[i]
      if x.section < 0 { return -1 - (x.school * 2 + (p.role == .principal ? 0 : 1)) }
      return all.teacherPostAt[x.section * RotationInstance.subjectCount + RotationInstance.ordinal(p.subject!)]
    }
    var entered = Set<Int>()
    var extra: [(person: Int, destination: Destination)] = []
    var cheapestLeftOut: [Int: Double] = [:]
    for i in all.staff.indices where all.movable[i] {
      let full = all.destinations[i]
      let kept = some.destinations[i]
      XCTAssertEqual(kept.first, full.first, "staying first")
      XCTAssertTrue(kept.first?.isStay ?? false)
      let keptMoves = kept.dropFirst().map(key)
      XCTAssertEqual(keptMoves, keptMoves.sorted { $0.lexicographicallyPrecedes($1) }, "list order")
      let keptKeys = Set(kept.map(key))
      XCTAssertTrue(keptKeys.isSubset(of: Set(full.map(key))), "only allowed destinations")
      let fullMoves = full.dropFirst().map { ($0, all.cost($0)) }
      let cheapest = fullMoves.map(\.1).sorted().prefix(moves)
      let limit = cheapest.last ?? 0
      var beyond = 0
      for x in kept.dropFirst() {
        entered.insert(post(i, x))
        if all.cost(x) > limit { beyond += 1; extra.append((i, x)) }
      }
      XCTAssertGreaterThanOrEqual(kept.count - 1 - beyond, min(moves, fullMoves.count))
      XCTAssertLessThanOrEqual(kept.count - 1 - beyond, moves + fullMoves.filter { $0.1 == limit }.count)
      for (x, c) in fullMoves where !keptKeys.contains(key(x)) {
        XCTAssertGreaterThanOrEqual(c, limit, "a cheaper move was left out")
        cheapestLeftOut[post(i, x)] = min(cheapestLeftOut[post(i, x)] ?? .infinity, c)
      }
    }
    // Every post some allowed move enters is entered by a candidate.
    for i in all.staff.indices where all.movable[i] {
      for x in all.destinations[i].dropFirst() {
        XCTAssertTrue(entered.contains(post(i, x)), "\(all.staff[i].id) → school \(x.school): post not entered")
      }
    }
    XCTAssertFalse(extra.isEmpty, "this district needs moves beyond the cheapest")
    for (i, x) in extra {
      // An extra move is the cheapest into its post (ties aside) of those left out by the rule.
      XCTAssertLessThanOrEqual(all.cost(x), (cheapestLeftOut[post(i, x)] ?? .infinity) + 1e-12)
    }
    // Holders who may enter each section, per indicator.
    let indicators = Indicator.allCases
    var holders = Array(repeating: 0, count: indicators.count * all.sections.count)
    for i in all.staff.indices where all.movable[i] && all.staff[i].role == .teacher {
      for x in all.destinations[i] {
        for (m, ind) in indicators.enumerated() where ind.holds(for: all.staff[i], in: all.sections[x.section].stage) {
          holders[m * all.sections.count + x.section] += 1
        }
      }
    }
    XCTAssertEqual(some.allowedHolders, holders)
    XCTAssertTrue(all.allowedHolders.isEmpty)
    // The candidates' model has the whole model's balance ranges: the same count rows with
    // the same steps, and the same objective constant (balance outside the ranges, posts
    // that stay short).
    let whole = Formulation(all)
    let cut = Formulation(some)
    XCTAssertEqual(cut.model.objectiveConstant, whole.model.objectiveConstant, accuracy: 1e-9)
    XCTAssertEqual(cut.countRowAt.map { $0 >= 0 }, whole.countRowAt.map { $0 >= 0 })
    XCTAssertEqual(cut.segmentRows.map(\.columns.count), whole.segmentRows.map(\.columns.count))
  }

  /// A move to the school of an avoided person who cannot move is never a candidate (the
  /// model would drop it): a1 must leave A, where a2 (fixed) is avoided; B, a1's first wish,
  /// holds b9 (fixed, avoided too). With one candidate move a1 keeps C, not B (which the
  /// model would drop, leaving a1 only the pruned stay: a contradiction, had no post needed
  /// C), and the model has a plan, a1 → C.
  func testCandidatesSkipTheSchoolsOfAvoidedPeopleWhoStay() {
    var t = TinyDistrict.neutral()
    for s in ["A", "B", "C"] { t.school(s) }
    t.teacher("a1", at: "A", wishes: ["B", "C"], avoid: ["a2", "b9"])
    t.teacher("a2", at: "A", years: 2)
    t.teacher("b9", at: "B", years: 2)
    for s in ["A", "B", "C"] { t.post(s, 2) }
    let all = t.instance
    XCTAssertEqual(all.destinationSchools("a1"), ["B", "C"])
    let some = RotationInstance(district: all.district, scenario: all.scenario, candidatesPerPerson: 1)
    XCTAssertEqual(some.destinationSchools("a1"), ["C"])
    XCTAssertEqual(some.allowedDestinationCount, all.destinationCount)
    XCTAssertEqual(Formulation(some).contradictions, [])
    let out = RotationSolver.solve(some)
    XCTAssertEqual(out.moves(some), ["a1": "C"])
    XCTAssertEqual(out.evaluation?.violations ?? ["none"], [])
  }

  /// Candidates chosen in slices on several threads are those one pass chooses: the same
  /// lists, holder counts and allowed total, and the same left-out moves given back (ties to
  /// the first mover).
  func testCandidatesInSlicesAreTheOnePassCandidates() throws {
    let (d, sc) = try district()
    let inst = RotationInstance(district: d, scenario: sc, candidatesPerPerson: 3)
    let movers = inst.staff.indices.filter { inst.movable[$0] }
    func choose(_ slices: Int) -> (destinations: [[Destination]], holders: [Int], allowed: Int) {
      RotationInstance.restrictToCandidates(
        movers, inst.allowedDestinations, moves: 3, weights: inst.weights, sections: inst.sections, slices: slices)
    }
    let one = choose(1)
    XCTAssertEqual(one.allowed, inst.allowedDestinationCount)
    XCTAssertEqual(one.destinations, inst.destinations)
    XCTAssertGreaterThan(one.destinations.reduce(0) { $0 + $1.count }, movers.count * 3, "some moves given back")
    for slices in [2, 5, movers.count] {
      let many = choose(slices)
      XCTAssertEqual(many.destinations, one.destinations, "\(slices) slices")
      XCTAssertEqual(many.holders, one.holders)
      XCTAssertEqual(many.allowed, one.allowed)
    }
  }

  /// The candidates' cost threshold: quickselect gives the n-th smallest value, ties and −∞
  /// (staying) included.
  func testQuickselectFindsTheNthSmallest() {
    var values: [Double] = [5, -.infinity, 3, 3, 9, 0.5, 7, 3]
    let sorted = values.sorted()
    for n in values.indices {
      var a = values
      XCTAssertEqual(RotationInstance.nthSmallest(&a, n), sorted[n], "n = \(n)")
    }
    values = [1]
    XCTAssertEqual(RotationInstance.nthSmallest(&values, 0), 1)
  }
}
