import Foundation
import XCTest

@testable import LungangCore

/// Move costs of the objective: W_wish·wishcost + W_commute·km + W_move per move.
///
/// Common district: A has a1 (eligible) and a2 (2 years, fixed), posts.csv A math = 1; B has
/// 1 math post and nobody (short 1); C exists with a fixed Chinese teacher only (no math
/// post, so never a math teacher's destination, but it can be wished for). Moving a1 → B
/// saves 1000 whatever the wish cost, so a1 always goes to B and the total is
/// 0.5 + W_wish·wishcost.
final class WishAndCommuteTests: XCTestCase {
  private func district(wishes: [String]) -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.school("A")
    t.school("B")
    t.school("C")
    t.teacher("a1", at: "A", wishes: wishes)
    t.teacher("a2", at: "A", years: 2)
    t.teacher("c1", at: "C", subject: .chinese, years: 2)
    t.post("A", 1)
    t.post("B", 1)
    return t
  }

  private func check(
    _ t: TinyDistrict, total: Double, wish: Double, rank: Int?,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let (inst, out) = t.solve(file: file, line: line)
    XCTAssertEqual(out.status, .optimal, file: file, line: line)
    XCTAssertEqual(out.objective ?? -1, total, accuracy: 1e-6, file: file, line: line)
    XCTAssertEqual(out.evaluation?.terms.wish ?? -1, wish, accuracy: 1e-9, file: file, line: line)
    XCTAssertEqual(out.evaluation?.terms.move ?? -1, 0.5, accuracy: 1e-9, file: file, line: line)
    XCTAssertEqual(out.moves(inst), ["a1": "B"], file: file, line: line)
    let d = inst.destinations[inst.person("a1")].first { !$0.isStay }
    XCTAssertEqual(d?.wishRank, rank, file: file, line: line)
  }

  /// Wish rank r costs W_wish·(r − 1): B first → 0 (total 0.5); B second → 1 (total 1.5).
  /// No wishes at all → 0 (total 0.5).
  func testWishRankCost() {
    check(district(wishes: ["B", "C"]), total: 0.5, wish: 0, rank: 1)
    check(district(wishes: ["C", "B"]), total: 1.5, wish: 1, rank: 2)
    check(district(wishes: []), total: 0.5, wish: 0, rank: nil)
  }

  /// A move outside a given wish list costs W_wish·wish_miss = 1·5: total 5.5.
  /// With W_wish = 2 and wish_miss = 3: 6 (total 6.5); rank 2 then costs 2·1 (total 2.5).
  func testWishMissAndWeights() {
    check(district(wishes: ["C"]), total: 5.5, wish: 5, rank: nil)
    var t = district(wishes: ["C"])
    t.weights.wish = 2
    t.weights.wishMiss = 3
    check(t, total: 6.5, wish: 6, rank: nil)
    var t2 = district(wishes: ["C", "B"])
    t2.weights.wish = 2
    t2.weights.wishMiss = 3
    check(t2, total: 2.5, wish: 2, rank: 2)
  }

  /// The rank is the position of the first occurrence in the list as written:
  /// [C, C, B] → B is 3rd → cost 2 (total 2.5), not 1 as a de-duplicated list would say;
  /// [B, C, B] → B is 1st → 0 (total 0.5).
  func testWishRankCountsFirstOccurrenceAsWritten() {
    check(district(wishes: ["C", "C", "B"]), total: 2.5, wish: 2, rank: 3)
    check(district(wishes: ["B", "C", "B"]), total: 0.5, wish: 0, rank: 1)
  }

  /// Great-circle km on a sphere of R = 6371 km, computed here through the chord of the
  /// two unit vectors (d = 2R·asin(chord/2)), which equals the haversine distance.
  static func km(_ a: GeoPoint, _ b: GeoPoint) -> Double {
    func unit(_ p: GeoPoint) -> (Double, Double, Double) {
      let la = p.lat * .pi / 180
      let lo = p.lon * .pi / 180
      return (cos(la) * cos(lo), cos(la) * sin(lo), sin(la))
    }
    let u = unit(a)
    let v = unit(b)
    let chord = ((u.0 - v.0) * (u.0 - v.0) + (u.1 - v.1) * (u.1 - v.1) + (u.2 - v.2) * (u.2 - v.2))
      .squareRoot()
    return 2 * 6371 * asin(chord / 2)
  }

  static let home = GeoPoint(lat: 39.9042, lon: 116.4074)
  static let atA = GeoPoint(lat: 39.9100, lon: 116.4000)
  static let atB = GeoPoint(lat: 39.9289, lon: 116.3883)
  static let atC = GeoPoint(lat: 39.8800, lon: 116.4500)

  private func commuteDistrict() -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.school("A", at: Self.atA)
    t.school("B", at: Self.atB)
    t.school("C", at: Self.atC)
    t.teacher("a1", at: "A", home: Self.home)
    t.teacher("a2", at: "A", years: 2)
    t.post("A", 1)
    t.post("B", 1)
    t.post("C", 1)
    return t
  }

  /// a1 lives at `home`; B and C each have one empty math post, a1 can fill one.
  /// km(home, B) ≈ 3.1932, km(home, C) ≈ 4.5222 (≈ 0.90 to A: staying costs nothing).
  /// a1 → B: one post stays short (1000) + 0.5 + 0.1·km(home, B) ≈ 1000.81932.
  func testCommuteCostIsHaversineKmTimesWeight() {
    let kmB = Self.km(Self.home, Self.atB)
    let kmC = Self.km(Self.home, Self.atC)
    XCTAssertEqual(kmB, 3.193235676, accuracy: 1e-6)
    XCTAssertEqual(kmC, 4.522161566, accuracy: 1e-6)
    let t = commuteDistrict()
    let (inst, out) = t.solve()
    let dests = inst.destinations[inst.person("a1")]
    XCTAssertEqual(dests.first { inst.schools[$0.school].id == "B" }?.km ?? -1, kmB, accuracy: 1e-9)
    XCTAssertEqual(dests.first { inst.schools[$0.school].id == "C" }?.km ?? -1, kmC, accuracy: 1e-9)
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 1000 + 0.5 + 0.1 * kmB, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.commute ?? -1, 0.1 * kmB, accuracy: 1e-9)
    XCTAssertEqual(out.moves(inst), ["a1": "B"])
  }

  /// max_commute_km 3.0 rules out both B (3.19 km) and C (4.52 km): a1 stays (staying is
  /// never limited) and both posts are short: 2000. With 4.0, B is allowed: as above.
  func testCommuteLimit() {
    var t = commuteDistrict()
    t.rules.maxCommuteKm = 3.0
    let (inst, out) = t.solve()
    XCTAssertEqual(inst.destinationSchools("a1"), [])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 2000, accuracy: 1e-6)
    XCTAssertEqual(out.moves(inst), [:])
    t.rules.maxCommuteKm = 4.0
    let (inst2, out2) = t.solve()
    XCTAssertEqual(inst2.destinationSchools("a1"), ["B"])
    XCTAssertEqual(out2.objective ?? -1, 1000.5 + 0.1 * Self.km(Self.home, Self.atB), accuracy: 1e-6)
    XCTAssertEqual(out2.moves(inst2), ["a1": "B"])
  }
}
