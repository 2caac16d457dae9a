import Foundation
import XCTest

@testable import LungangCore

/// The proximal bundle method (`FlowBound.ascendBundle`): its steps keep the bound valid and
/// close most of the distance to the part's LP in few flow solves.
final class FlowBundleTests: XCTestCase {
  /// Projections onto the unit simplex, checked by hand: a point on it stays; (1, 1) goes to
  /// (½, ½); (2, 0) to (1, 0); (0.3, −1, 0.2) moves up by ¼ on its positive entries:
  /// (0.55, 0, 0.45).
  func testProjectionOntoTheSimplex() {
    func near(_ a: [Double], _ b: [Double]) -> Bool { zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 } }
    XCTAssertTrue(near(FlowBound.projectOnSimplex([0.5, 0.5]), [0.5, 0.5]))
    XCTAssertTrue(near(FlowBound.projectOnSimplex([1, 1]), [0.5, 0.5]))
    XCTAssertTrue(near(FlowBound.projectOnSimplex([2, 0]), [1, 0]))
    XCTAssertTrue(near(FlowBound.projectOnSimplex([0.3, -1, 0.2]), [0.55, 0, 0.45]))
    XCTAssertTrue(near(FlowBound.projectOnSimplex([-3]), [1]))
  }

  /// On the 600-staff district scope (two seeds): from the same start, 30 flow solves of the
  /// bundle method stay below the LP and close more of the distance to it than 30 steps of
  /// the volume algorithm.
  func testBundleStepsStayBelowTheLPAndCloseMoreOfTheGap() throws {
    for seed in [5, 9] as [UInt64] {
      let f = try LargestPartFixture(seed: seed)
      let z = try f.solvedLP().objective
      var closed: [FlowBound.Ascent: Double] = [:]
      for method in [FlowBound.Ascent.volume, .bundle] {
        var flow = try XCTUnwrap(FlowBound(f.part, group: f.groups, kept: f.kept))
        flow.method = method
        let deadline = Date(timeIntervalSinceNow: 30)
        XCTAssertTrue(flow.begin(plan: f.start, deadline: deadline))
        let start = flow.best
        while flow.solves < 32 && Date() < deadline {
          let solves = flow.solves
          _ = flow.ascend(target: f.part.objectiveValue(f.start), deadline: deadline, maxSolves: 32 - flow.solves)
          if flow.solves == solves { break }
        }
        XCTAssertLessThanOrEqual(flow.best, z + 1e-6 * max(1, abs(z)), "seed \(seed), \(method)")
        XCTAssertGreaterThanOrEqual(flow.best, start)
        closed[method] = (flow.best - start) / (z - start)
      }
      XCTAssertGreaterThan(closed[.bundle] ?? 0, closed[.volume] ?? 1, "seed \(seed)")
    }
  }
}
