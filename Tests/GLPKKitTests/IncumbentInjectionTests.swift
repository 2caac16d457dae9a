import GLPKKit
import XCTest

final class IncumbentInjectionTests: XCTestCase {
  func testFeasibleIncumbentIsAccepted() throws {
    let p = try TestModels.tinyMIP()
    let r = p.solveMIP(incumbent: [0, 3, 1])  // objective 19, feasible
    XCTAssertEqual(r.injectedIncumbentAccepted, true, r.incumbentRejection ?? "")
    XCTAssertNil(r.incumbentRejection)
    XCTAssertEqual(r.termination, .optimal)
    XCTAssertEqual(try XCTUnwrap(r.objective), 20, accuracy: 1e-9)
  }

  func testPlainZeroBasedIncumbentIsAcceptedToo() throws {
    let p = try TestModels.tinyMIP()
    let r = p.solveMIP(incumbent: [3, 1])  // x = 3, y = 1
    XCTAssertEqual(r.injectedIncumbentAccepted, true, r.incumbentRejection ?? "")
    XCTAssertEqual(try XCTUnwrap(r.objective), 20, accuracy: 1e-9)
    let violating = try TestModels.tinyMIP().solveMIP(incumbent: [4, 1])
    XCTAssertEqual(violating.injectedIncumbentAccepted, false)
  }

  func testIncumbentSeedsATimeLimitedSearch() throws {
    let p = try TestModels.knapsack()
    let start = TestModels.greedyKnapsackPoint()
    var greedy = 0.0
    for j in 1...p.columns { greedy += try p.objectiveCoefficient(j) * start[j] }
    let r = p.solveMIP(MIPOptions(timeLimit: 0.2), incumbent: start)
    XCTAssertEqual(r.injectedIncumbentAccepted, true, r.incumbentRejection ?? "")
    XCTAssertEqual(r.primalStatus, .feasiblePoint)
    XCTAssertGreaterThanOrEqual(try XCTUnwrap(r.objective), greedy - 1e-9)
  }

  func testCheckedIncumbentIsReturnedWhenStoppedBeforeGLPKHasAPoint() throws {
    let p = try TestModels.knapsack()
    let start = TestModels.greedyKnapsackPoint()
    // Stop at the very first callback, before GLPK asks for a heuristic.
    let r = p.solveMIP(incumbent: start, shouldStop: { true })
    XCTAssertEqual(r.termination, .interrupted)
    XCTAssertEqual(r.primalStatus, .feasiblePoint)
    XCTAssertEqual(r.columnValues, start)
    var expected = 0.0
    for j in 1...p.columns { expected += try p.objectiveCoefficient(j) * start[j] }
    XCTAssertEqual(try XCTUnwrap(r.objective), expected, accuracy: 1e-9)
    XCTAssertEqual(r.injectedIncumbentAccepted, false)
  }

  func testRowViolatingIncumbentIsNotInjected() throws {
    let p = try TestModels.tinyMIP()
    let r = p.solveMIP(incumbent: [0, 4, 1])  // 6·4 + 4 = 28 > 24
    XCTAssertEqual(r.injectedIncumbentAccepted, false)
    let reason = try XCTUnwrap(r.incumbentRejection)
    XCTAssertTrue(reason.contains("row 1"), reason)
    XCTAssertEqual(r.termination, .optimal)
    XCTAssertEqual(try XCTUnwrap(r.objective), 20, accuracy: 1e-9)
  }

  func testFractionalOutOfBoundsAndMisSizedIncumbentsAreRefused() throws {
    let cases: [([Double], String)] = [
      ([0, 2.5, 0], "fractional"),
      ([0, -1, 0], "outside bounds"),
      ([4, 0, 0, 0], "entries"),
      ([4], "entries"),
      ([0, .nan, 0], "not finite"),
    ]
    for (incumbent, expected) in cases {
      let p = try TestModels.tinyMIP()
      let r = p.solveMIP(incumbent: incumbent)
      XCTAssertEqual(r.injectedIncumbentAccepted, false)
      let reason = try XCTUnwrap(r.incumbentRejection)
      XCTAssertTrue(reason.contains(expected), reason)
      XCTAssertEqual(r.termination, .optimal)
    }
  }

  func testIncumbentWithPresolveIsRefused() throws {
    let p = try TestModels.tinyMIP()
    let r = p.solveMIP(MIPOptions(presolve: true), incumbent: [0, 4, 0])
    XCTAssertEqual(r.injectedIncumbentAccepted, false)
    XCTAssertTrue(try XCTUnwrap(r.incumbentRejection).contains("presolve"))
    XCTAssertEqual(r.termination, .optimal)
  }
}
