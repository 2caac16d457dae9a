import Foundation
import XCTest

@testable import LungangCore

/// Builds tiny districts and scenarios in code for rule tests with hand-checked optima.
struct TinyDistrict {
  var schools: [School] = []
  var staff: [StaffMember] = []
  var posts: [PostKey: Int] = [:]
  var rules = Rules()
  var weights = Weights()
  var year = 2026

  /// A scenario with only the rules under test switched on: no quotas, no balance term.
  static func neutral() -> TinyDistrict {
    var t = TinyDistrict()
    t.rules.teacherQuota = 0
    t.rules.cadreQuota = 0
    t.rules.keyShare = 0
    t.rules.maxOutflow = 1
    t.rules.indicators = []
    return t
  }

  mutating func school(
    _ id: String, zone: String = "Z1", group: String? = nil, tier: Int = 2,
    primary: Int = 100, junior: Int = 0, at loc: GeoPoint? = nil
  ) {
    schools.append(
      School(
        id: id, name: "学校\(id)", zone: zone, group: group, tier: tier,
        studentsPrimary: primary, studentsJunior: junior, location: loc))
  }

  /// A teacher; eligible by default (8 years, born 1980).
  mutating func teacher(
    _ id: String, at school: String, subject: Subject = .math, stage: Stage = .primary,
    cert: Stage? = nil, key: KeyLevel = .none, degree: Degree = .bachelor, years: Int = 8,
    born: Int = 1980, gender: Gender = .female, title: Title = .none, exempt: String? = nil,
    volunteer: Bool = false, home: GeoPoint? = nil, wishes: [String] = [],
    past: [String] = [], avoid: [String] = []
  ) {
    staff.append(
      StaffMember(
        id: id, name: "教师\(id)", gender: gender, birthYear: born, role: .teacher,
        school: school, stage: stage, subject: subject, cert: cert, title: title, key: key,
        degree: degree, years: years, exemptReason: exempt, volunteer: volunteer, home: home,
        wishes: wishes, pastSchools: past, avoid: avoid))
  }

  mutating func cadre(
    _ id: String, at school: String, role: Role = .principal, years: Int = 8,
    born: Int = 1975, gender: Gender = .male, wishes: [String] = [], avoid: [String] = [],
    past: [String] = [], exempt: String? = nil, volunteer: Bool = false, home: GeoPoint? = nil
  ) {
    staff.append(
      StaffMember(
        id: id, name: "干部\(id)", gender: gender, birthYear: born, role: role, school: school,
        stage: nil, subject: nil, degree: .master, years: years, exemptReason: exempt,
        volunteer: volunteer, home: home, wishes: wishes, pastSchools: past, avoid: avoid))
  }

  /// posts(k, s) of a section, as a posts.csv row would give it.
  mutating func post(
    _ school: String, _ n: Int, subject: Subject = .math, stage: Stage = .primary
  ) {
    posts[PostKey(school: school, stage: stage, subject: subject)] = n
  }

  var instance: RotationInstance {
    var sc = Scenario(name: "tiny", district: URL(fileURLWithPath: "/nonexistent"), year: year)
    sc.rules = rules
    sc.weights = weights
    sc.solver.timeLimitS = 30
    sc.solver.threads = 1
    let d = District(
      folder: URL(fileURLWithPath: "/nonexistent"), schools: schools, staff: staff, posts: posts)
    return RotationInstance(district: d, scenario: sc)
  }

  /// Solves and checks the outcome is optimal and self-consistent.
  func solve(file: StaticString = #filePath, line: UInt = #line) -> (RotationInstance, SolveOutcome) {
    let inst = instance
    let out = RotationSolver.solve(inst)
    if out.status == .optimal {
      XCTAssertEqual(out.evaluation?.violations ?? ["none"], [], file: file, line: line)
      XCTAssertEqual(out.notes.filter { $0.hasPrefix("internal") }, [], file: file, line: line)
    }
    return (inst, out)
  }
}

extension SolveOutcome {
  /// Ids of people who move, with their destination school.
  func moves(_ inst: RotationInstance) -> [String: String] {
    guard let plan else { return [:] }
    var m: [String: String] = [:]
    for i in inst.staff.indices where plan.moves(i, in: inst) {
      m[inst.staff[i].id] = inst.schools[plan.endSchool(i, in: inst)].id
    }
    return m
  }
}

extension RotationInstance {
  /// Index of a staff member by id (fails the test if unknown).
  func person(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
    guard let i = staffIndex[id] else {
      XCTFail("no staff \(id)", file: file, line: line)
      return 0
    }
    return i
  }
  /// Index of a school by id (fails the test if unknown).
  func schoolNamed(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
    guard let j = schoolIndex[id] else {
      XCTFail("no school \(id)", file: file, line: line)
      return 0
    }
    return j
  }
  /// School ids a person may move to (staying excluded), sorted.
  func destinationSchools(_ id: String) -> [String] {
    guard let i = staffIndex[id] else { return [] }
    return destinations[i].filter { !$0.isStay }.map { schools[$0.school].id }.sorted()
  }
  /// Index into destinations[i] of person `id` ending at school `school` (first match).
  func choice(_ id: String, to school: String) -> Int? {
    guard let i = staffIndex[id], let j = schoolIndex[school] else { return nil }
    return destinations[i].firstIndex { $0.school == j }
  }
}
