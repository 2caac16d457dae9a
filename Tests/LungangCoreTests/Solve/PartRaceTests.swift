import XCTest

@testable import LungangCore

/// Racing searches on one part: their results merge into the best plan and the highest bound.
final class PartRaceTests: XCTestCase {
  typealias R = RotationSolver.PartResult

  func testOptimalRacerWinsAndTheOtherIsStopped() {
    let race = PartRace()
    race.join()
    race.join()
    XCTAssertFalse(race.isSettled)
    race.add(R(outcome: .optimal, values: [1, 0], bound: 10, objective: 10), external: false)
    XCTAssertTrue(race.isSettled, "a proof settles the race")
    race.add(R(outcome: .interrupted, values: [0, 1], bound: 9.5, objective: 10.5), external: false)
    let m = race.merged()
    XCTAssertEqual(m?.outcome, .optimal)
    XCTAssertEqual(m?.values ?? [], [1, 0])
    XCTAssertEqual(m?.objective, 10)
    XCTAssertEqual(m?.bound, 10)
  }

  func testTimeLimitKeepsBestPlanAndHighestBound() {
    let race = PartRace()
    race.add(R(outcome: .limit, values: [1, 0], bound: 8, objective: 12), external: false)
    race.add(R(outcome: .limit, values: [0, 1], bound: 9, objective: 11), external: false)
    XCTAssertFalse(race.isSettled)
    let m = race.merged()
    XCTAssertEqual(m?.outcome, .limit)
    XCTAssertEqual(m?.values ?? [], [0, 1])
    XCTAssertEqual(m?.objective, 11)
    XCTAssertEqual(m?.bound, 9)
  }

  func testInfeasibleWins() {
    let race = PartRace()
    race.add(R(outcome: .limit, values: nil, bound: nil, objective: nil), external: false)
    race.add(R(outcome: .infeasible, values: nil, bound: nil, objective: nil), external: false)
    XCTAssertEqual(race.merged()?.outcome, .infeasible)
  }

  func testScheduleHandsOutPartsThenRacesTheLargest() {
    let s = Schedule(order: [1, 0], sizes: [100, 5000])
    XCTAssertEqual(s.next().map { [$0.0, $0.1] }, [1, 0])
    XCTAssertEqual(s.next().map { [$0.0, $0.1] }, [0, 0])
    XCTAssertEqual(s.next().map { [$0.0, $0.1] }, [1, 1], "an idle worker races part 1")
    XCTAssertNil(s.next(), "one racer per part, small parts are not raced")
  }

  func testSmallestFirstThenTheLargestIsRaced() {
    let s = Schedule(order: [0, 1, 2], sizes: [100, 3000, 9000])
    XCTAssertEqual(s.next().map { [$0.0, $0.1] }, [0, 0])
    XCTAssertEqual(s.next().map { [$0.0, $0.1] }, [1, 0])
    XCTAssertEqual(s.next().map { [$0.0, $0.1] }, [2, 0])
    XCTAssertEqual(s.next().map { [$0.0, $0.1] }, [2, 1], "the largest part is raced first")
    XCTAssertEqual(s.next().map { [$0.0, $0.1] }, [1, 1])
    XCTAssertNil(s.next())
  }

  func testWithoutRacingEachPartIsHandedOutOnce() {
    let s = Schedule(order: [1, 0], sizes: [100, 5000], race: false)
    XCTAssertEqual(s.next().map { [$0.0, $0.1] }, [1, 0])
    XCTAssertEqual(s.next().map { [$0.0, $0.1] }, [0, 0])
    XCTAssertNil(s.next(), "no second search when racing is off")
  }
}
