import XCTest
@testable import LungangCore

/// The shares documented in docs/generator.md, checked on the Dongcheng-sized district
/// (9,000 staff, 100 schools, 8 zones, seed 2026).
final class GenerateDistributionTests: XCTestCase {
  let d = GenerateFixtures.dongcheng
  var teachers: [StaffMember] { d.staff.filter { $0.role == .teacher } }
  var schoolById: [String: School] { Dictionary(uniqueKeysWithValues: d.schools.map { ($0.id, $0) }) }

  func share<T>(_ xs: [T], _ p: (T) -> Bool) -> Double {
    Double(xs.filter(p).count) / Double(xs.count)
  }

  func assertIn(_ x: Double, _ r: ClosedRange<Double>, _ what: String) {
    XCTAssertTrue(r.contains(x), "\(what) = \(x), documented \(r)")
  }

  func testSchoolsTiersKindsZonesAndGroups() {
    let tiers = (1...3).map { t in d.schools.filter { $0.tier == t }.count }
    XCTAssertEqual(tiers, [25, 50, 25])
    let primary = d.schools.filter { $0.stages == [.primary] }.count
    let junior = d.schools.filter { $0.stages == [.junior] }.count
    XCTAssertEqual([primary, junior, 100 - primary - junior], [60, 25, 15])
    let perZone = Dictionary(grouping: d.schools, by: \.zone).values.map(\.count)
    XCTAssertTrue(perZone.allSatisfy { (10...14).contains($0) }, "\(perZone)")
    let grouped = d.schools.filter { $0.group != nil }
    assertIn(Double(grouped.count) / 100, 0.6...0.8, "schools in a group")
    let zonesPerGroup = Dictionary(grouping: grouped, by: { $0.group! }).values
      .map { Set($0.map(\.zone)).count }
    XCTAssertTrue(zonesPerGroup.contains { $0 > 1 }, "some group crosses zones")
    for s in d.schools {
      let loc = s.location!
      XCTAssertTrue((39.87...39.96).contains(loc.lat) && (116.38...116.45).contains(loc.lon))
    }
  }

  func testPupilsPerTeacher() {
    for (stage, range) in [(Stage.primary, 12.0...16.0), (.junior, 8.5...11.5)] {
      let pupils = d.schools.reduce(0) { $0 + $1.pupils(stage) }
      let t = teachers.filter { $0.stage == stage }.count
      assertIn(Double(pupils) / Double(t), range, "\(stage) pupils per teacher")
    }
  }

  func testCadres() {
    let bySchool = Dictionary(grouping: d.staff.filter { $0.role.isCadre }, by: \.school)
    XCTAssertEqual(bySchool.count, 100)
    for (_, cadres) in bySchool {
      XCTAssertEqual(cadres.filter { $0.role == .principal }.count, 1)
      XCTAssertTrue((1...3).contains(cadres.filter { $0.role == .vicePrincipal }.count))
    }
  }

  func testKeyTeachersDegreesAndTitles() {
    let t = teachers
    assertIn(share(t) { $0.isKey }, 0.15...0.25, "key teachers")
    let byTier = (1...3).map { tier in t.filter { schoolById[$0.school]!.tier == tier } }
    let keyRate = byTier.map { share($0) { $0.isKey } }
    XCTAssertTrue(keyRate[0] > keyRate[1] && keyRate[1] > keyRate[2], "\(keyRate)")
    let master = byTier.map { share($0) { $0.degree >= .master } }
    XCTAssertTrue(master[0] > master[1] && master[1] > master[2], "\(master)")
    assertIn(share(t) { $0.degree >= .master }, 0.12...0.30, "master or doctor")
    assertIn(share(t) { $0.title >= .senior }, 0.15...0.40, "senior titles")
    let primary = t.filter { $0.stage == .primary }
    assertIn(share(primary) { $0.certifiedStage == .junior }, 0.03...0.10, "junior cert in primary")
  }

  func testAgesYearsExemptionsVolunteers() {
    let t = teachers
    for p in d.staff {
      let age = 2026 - p.birthYear
      XCTAssertTrue((23...60).contains(age))
      XCTAssertTrue(age < (p.gender == .male ? 60 : 55), "in post before retirement")
      XCTAssertTrue(p.years <= age - 22)
    }
    assertIn(share(t) { $0.years >= 6 }, 0.30...0.40, "teachers with ≥ 6 years")
    assertIn(share(d.staff) { $0.exemptReason != nil }, 0.01...0.03, "exempt")
    assertIn(share(d.staff) { $0.volunteer }, 0.015...0.045, "volunteers")
  }

  func testWishesPastSchoolsAvoidAndHomes() {
    let s = d.staff
    assertIn(share(s) { !$0.wishes.isEmpty }, 0.25...0.35, "wishes given")
    XCTAssertTrue(s.allSatisfy { $0.wishes.count <= 3 })
    let wishes = s.flatMap { p in p.wishes.map { (p.school, $0) } }
    assertIn(
      share(wishes) { schoolById[$0.0]!.zone == schoolById[$0.1]!.zone }, 0.7...0.9,
      "wishes within the zone")
    assertIn(share(s) { !$0.pastSchools.isEmpty }, 0.04...0.12, "past schools")
    assertIn(share(s) { !$0.avoid.isEmpty }, 0.003...0.007, "in an avoid pair")
    assertIn(share(s) { $0.home == nil }, 0.005...0.04, "unknown home")
    let near = s.filter { p in
      guard let h = p.home else { return false }
      return h.distanceKm(to: schoolById[p.school]!.location!) <= 3
    }
    assertIn(Double(near.count) / Double(s.count), 0.6...0.85, "home within 3 km")
  }

  func testPostsDifferForAboutFifteenPercent() {
    var current: [PostKey: Int] = [:]
    for t in teachers {
      current[PostKey(school: t.school, stage: t.stage!, subject: t.subject!), default: 0] += 1
    }
    XCTAssertEqual(Set(current.keys), Set(d.posts.keys), "a row per taught (section, subject)")
    let diffs = d.posts.map { $0.value - current[$0.key]! }
    assertIn(share(diffs) { $0 != 0 }, 0.10...0.20, "posts differing from headcount")
    XCTAssertTrue(diffs.allSatisfy { abs($0) <= 2 })
    XCTAssertTrue(diffs.contains(2) && diffs.contains(-2) && diffs.contains(1) && diffs.contains(-1))
  }

  func testSubjectMixesPerStage() {
    let primarySubjects = Set(teachers.filter { $0.stage == .primary }.map { $0.subject! })
    XCTAssertTrue(primarySubjects.isSuperset(of: [.chinese, .math, .english, .science, .pe, .music, .art, .politics, .it]))
    XCTAssertTrue(primarySubjects.isDisjoint(with: [.physics, .chemistry, .history]))
    let juniorSubjects = Set(teachers.filter { $0.stage == .junior }.map { $0.subject! })
    XCTAssertTrue(juniorSubjects.isSuperset(of: [.physics, .chemistry, .biology, .history, .geography]))
    XCTAssertFalse(juniorSubjects.contains(.science))
  }
}
