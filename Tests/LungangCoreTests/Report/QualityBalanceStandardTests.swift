import XCTest

@testable import LungangCore

/// The 优质均衡 figures and the "reaches the threshold" reading.
final class QualityBalanceStandardTests: XCTestCase {
  func testThresholdsByStage() {
    XCTAssertEqual(QualityBalanceStandard.threshold(.higherDegree, .primary), 4.2)
    XCTAssertEqual(QualityBalanceStandard.threshold(.higherDegree, .junior), 5.3)
    for g in Stage.allCases {
      XCTAssertEqual(QualityBalanceStandard.threshold(.key, g), 1.0)
      XCTAssertEqual(QualityBalanceStandard.threshold(.peArts, g), 0.9)
      XCTAssertNil(QualityBalanceStandard.threshold(.seniorTitle, g))
    }
    XCTAssertEqual(QualityBalanceStandard.cvLimit(.primary), 0.50)
    XCTAssertEqual(QualityBalanceStandard.cvLimit(.junior), 0.45)
    XCTAssertEqual(QualityBalanceStandard.indicators, [.higherDegree, .key, .peArts])
  }

  /// Exactly at the threshold meets it (42 higher-degree teachers for 1,000 pupils = 4.2; 9 PE
  /// and arts teachers for 1,000 = 0.9); one fewer misses.
  func testAValueAtTheThresholdMeetsIt() {
    let per100 = { (c: Int, p: Int) in 100 * Double(c) / Double(p) }
    XCTAssertTrue(QualityBalanceStandard.meets(per100(42, 1000), 4.2))
    XCTAssertFalse(QualityBalanceStandard.meets(per100(41, 1000), 4.2))
    XCTAssertTrue(QualityBalanceStandard.meets(per100(9, 1000), 0.9))
    XCTAssertTrue(QualityBalanceStandard.meets(per100(53, 1000), 5.3))
    XCTAssertFalse(QualityBalanceStandard.meets(per100(52, 1000), 5.3))
    XCTAssertFalse(QualityBalanceStandard.meets(0, 1.0))
  }
}
