import XCTest
@testable import LungangCore

/// The seeded PRNG and apportionment the generator stands on.
final class GenerateRandomTests: XCTestCase {
  func testSplitMix64MatchesTheReferenceStream() {
    // Reference values of SplitMix64 (Vigna's splitmix64.c) for seed 0 and seed 1234567.
    var a = SplitMix64(seed: 0)
    XCTAssertEqual(a.next(), 0xE220_A839_7B1D_CDAF)
    XCTAssertEqual(a.next(), 0x6E78_9E6A_A1B9_65F4)
    XCTAssertEqual(a.next(), 0x06C4_5D18_8009_454F)
    var b = SplitMix64(seed: 1_234_567)
    XCTAssertEqual(b.next(), 6_457_827_717_110_365_317)
    XCTAssertEqual(b.next(), 3_203_168_211_198_807_973)
  }

  func testBoundedDrawsStayInRangeAndCoverIt() {
    var r = SplitMix64(seed: 42)
    var seen = [Int](repeating: 0, count: 7)
    for _ in 0..<7000 {
      let k = r.int(below: 7)
      XCTAssertTrue((0..<7).contains(k))
      seen[k] += 1
    }
    XCTAssertTrue(seen.allSatisfy { $0 > 850 && $0 < 1150 }, "\(seen)")
    for _ in 0..<1000 {
      let u = r.uniform()
      XCTAssertTrue(u >= 0 && u < 1)
      XCTAssertTrue((3...5).contains(r.int(in: 3...5)))
      let z = r.normal()
      XCTAssertTrue(z > -6 && z < 6)
    }
  }

  func testShuffleIsAPermutationAndSeeded() {
    var r1 = SplitMix64(seed: 9)
    var r2 = SplitMix64(seed: 9)
    var a = Array(0..<100)
    var b = Array(0..<100)
    r1.shuffle(&a)
    r2.shuffle(&b)
    XCTAssertEqual(a, b)
    XCTAssertNotEqual(a, Array(0..<100))
    XCTAssertEqual(a.sorted(), Array(0..<100))
  }

  func testLargestRemainderHonoursTotalsMinimaAndProportions() {
    XCTAssertEqual(Apportion.largestRemainder(10, weights: [1, 1, 1]), [4, 3, 3])
    XCTAssertEqual(Apportion.largestRemainder(7, weights: [5, 3, 0], minimum: [0, 0, 2]), [3, 2, 2])
    let s = Apportion.largestRemainder(1000, weights: [27, 21, 10, 6])
    XCTAssertEqual(s.reduce(0, +), 1000)
    XCTAssertEqual(s, [422, 328, 156, 94])
  }
}
