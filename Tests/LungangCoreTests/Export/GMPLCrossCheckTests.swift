import Foundation
import XCTest

@testable import LungangCore

/// The two implementations of model.md must find the same optimal objective: the Swift
/// model builder and solver (`RotationSolver`) and `Models/rotation.mod` solved by glpsol
/// from the raw data that `GMPLDataWriter` exports. Small synthetic districts, several
/// rule variants each.
final class GMPLCrossCheckTests: XCTestCase {
  func testSwiftSolverAndGMPLModelAgree() throws {
    let variants: [(String, (inout Scenario) -> Void)] = [
      ("defaults", { _ in }),
      ("same_stage false, scope district", {
        $0.rules.sameStage = false
        $0.rules.scope = .district
        $0.rules.keyToSameOrWeaker = false
      }),
      ("scope group, wishes_only, all indicators", {
        $0.rules.scope = .group
        $0.rules.wishesOnly = true
        $0.rules.indicators = [.higherDegree, .key, .peArts, .seniorTitle]
      }),
      ("zone, commute 8 km, tight quotas", {
        $0.rules.scope = .zone
        $0.rules.maxCommuteKm = 8
        $0.rules.teacherQuota = 0.3
        $0.rules.quotaTiers = [2, 3]
        $0.rules.keyShare = 0.5
        $0.rules.cadreQuota = 1
        $0.rules.maxOutflow = 0.1
      }),
      ("more eligible, light balance", {
        $0.rules.retirementBuffer = 0
        $0.rules.teacherMinYears = 3
        $0.rules.cadreMinYears = 2
        $0.weights.balance = 0.01
        $0.weights.wishMiss = 2
      }),
    ]
    let folder = URL(fileURLWithPath: "/tmp")
    for (staff, schools, seed) in [(60, 5, 11), (150, 8, 12)] {
      let d = try DistrictGenerator(
        GeneratorOptions(staff: staff, schools: schools, seed: UInt64(seed), year: 2026)
      ).generate(folder: folder)
      for (name, edit) in variants {
        var s = Scenario(name: name, district: folder, year: 2026)
        s.solver.timeLimitS = 120
        edit(&s)
        let swift = RotationSolver.solve(RotationInstance(district: d, scenario: s))
        let gmpl = try GMPL.solve(d, s)
        let label = "seed \(seed), \(name)"
        XCTAssertEqual(gmpl.status, "optimal", label)
        XCTAssertEqual(swift.status.rawValue, "optimal", label)
        guard let a = swift.objective else {
          XCTFail("no Swift objective: \(label)")
          continue
        }
        XCTAssertEqual(a, gmpl.total, accuracy: 1e-6 * max(1, abs(a)), label)
      }
    }
  }
}
