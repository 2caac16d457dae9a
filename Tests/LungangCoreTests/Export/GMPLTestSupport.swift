import Foundation
import XCTest

@testable import LungangCore

/// Tiny districts built in code, exported with `GMPLDataWriter` and solved by `glpsol`
/// with `Models/rotation.mod`.
enum GMPL {
  /// The repository root, found from this file's path.
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let model = root.appendingPathComponent("Models/rotation.mod")
  static let glpsol = "/usr/bin/glpsol"

  /// What glpsol printed after the solve.
  struct Result {
    var status: String
    var terms: [String: Double] = [:]
    var total = Double.nan
    var checks: [String: Double] = [:]
    var counts: [String: Double] = [:]
    /// "P1 S1 S2 primary": person, from, to, stage (or cadre).
    var moves: [String] = []
    var output: String
  }

  /// Exports, runs glpsol, parses the report lines.
  static func solve(
    _ district: District, _ scenario: Scenario, file: StaticString = #filePath, line: UInt = #line
  ) throws -> Result {
    let dat = GMPLDataWriter.data(district: district, scenario: scenario)
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("lungang-gmpl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let datURL = dir.appendingPathComponent("case.dat")
    try dat.write(to: datURL, atomically: true, encoding: .utf8)

    let p = Process()
    p.executableURL = URL(fileURLWithPath: glpsol)
    p.arguments = ["-m", model.path, "-d", datURL.path]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    XCTAssertEqual(p.terminationStatus, 0, "glpsol failed:\n\(text)\n\(dat)", file: file, line: line)

    var status = "unknown"
    // A case without binaries (nobody movable) is solved as an LP.
    if text.contains("INTEGER OPTIMAL SOLUTION FOUND") || text.contains("OPTIMAL LP SOLUTION FOUND")
      || text.contains("OPTIMAL SOLUTION FOUND BY LP PREPROCESSOR")
    {
      status = "optimal"
    } else if text.contains("PROBLEM HAS NO PRIMAL FEASIBLE SOLUTION")
      || text.contains("PROBLEM HAS NO INTEGER FEASIBLE SOLUTION")
    {
      status = "infeasible"
    }
    var r = Result(status: status, output: text)
    for l in text.split(separator: "\n") {
      let f = l.split(separator: " ").map(String.init)
      guard let head = f.first else { continue }
      switch head {
      case "TERM" where f.count == 3: r.terms[f[1]] = Double(f[2])
      case "TOTAL" where f.count == 2: r.total = Double(f[1]) ?? .nan
      case "CHECK" where f.count == 3: r.checks[f[1]] = Double(f[2])
      case "COUNT" where f.count == 3: r.counts[f[1]] = Double(f[2])
      case "MOVE" where f.count == 5: r.moves.append(f[1...].joined(separator: " "))
      default: break
      }
    }
    r.moves.sort()
    if status == "optimal" {
      // Terms add up to the total, and the epigraph equals the exact balance term.
      let sum = r.terms.values.reduce(0, +)
      XCTAssertEqual(r.terms.count, 8, "terms missing:\n\(text)", file: file, line: line)
      XCTAssertEqual(sum, r.total, accuracy: 1e-6 * max(1, abs(r.total)), file: file, line: line)
      XCTAssertEqual(
        r.checks["balance_exact"] ?? .nan, r.terms["balance"] ?? .nan,
        accuracy: 1e-6 * max(1, abs(r.total)), file: file, line: line)
    }
    return r
  }

  /// Solves and asserts an optimal plan of the given total.
  @discardableResult
  static func assertTotal(
    _ district: District, _ scenario: Scenario, _ expected: Double,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> Result {
    let r = try solve(district, scenario, file: file, line: line)
    XCTAssertEqual(r.status, "optimal", r.output, file: file, line: line)
    XCTAssertEqual(r.total, expected, accuracy: 1e-6, "\(r.terms) \(r.moves)", file: file, line: line)
    return r
  }

  // MARK: builders

  static func school(
    _ id: String, zone: String = "A", group: String? = nil, tier: Int = 2,
    primary: Int = 100, junior: Int = 0, at loc: GeoPoint? = nil
  ) -> School {
    School(
      id: id, name: "学校\(id)", zone: zone, group: group, tier: tier,
      studentsPrimary: primary, studentsJunior: junior, location: loc)
  }

  /// A teacher; by default eligible (years 10, male born 1980 in 2022: age 42).
  static func teacher(
    _ id: String, _ school: String, _ subject: Subject = .math, stage: Stage = .primary,
    cert: Stage? = nil, years: Int = 10, birth: Int = 1980, gender: Gender = .male,
    key: KeyLevel = .none, degree: Degree = .bachelor, title: Title = .none,
    exempt: String? = nil, volunteer: Bool = false, home: GeoPoint? = nil,
    wishes: [String] = [], past: [String] = [], avoid: [String] = []
  ) -> StaffMember {
    StaffMember(
      id: id, name: "教师\(id)", gender: gender, birthYear: birth, role: .teacher, school: school,
      stage: stage, subject: subject, cert: cert, title: title, key: key, degree: degree,
      years: years, exemptReason: exempt, volunteer: volunteer, home: home, wishes: wishes,
      pastSchools: past, avoid: avoid)
  }

  static func cadre(
    _ id: String, _ school: String, _ role: Role, years: Int = 10, birth: Int = 1975,
    gender: Gender = .male
  ) -> StaffMember {
    StaffMember(
      id: id, name: "干部\(id)", gender: gender, birthYear: birth, role: role, school: school,
      stage: nil, subject: nil, degree: .master, years: years)
  }

  static func district(
    _ schools: [School], _ staff: [StaffMember], posts: [PostKey: Int] = [:]
  ) -> District {
    District(folder: URL(fileURLWithPath: "/tmp"), schools: schools, staff: staff, posts: posts)
  }

  static func post(_ school: String, _ subject: Subject = .math, _ stage: Stage = .primary)
    -> PostKey
  {
    PostKey(school: school, stage: stage, subject: subject)
  }

  /// Year 2022, model.md defaults except: no balance indicators, no teacher quota,
  /// no key share, no outflow limit. Each test switches on the rule it is about.
  static func scenario(_ edit: (inout Rules) -> Void = { _ in }) -> Scenario {
    var s = Scenario(name: "测试 \"gmpl\"\n", district: URL(fileURLWithPath: "/tmp"), year: 2022)
    s.rules.indicators = []
    s.rules.teacherQuota = 0
    s.rules.keyShare = 0
    s.rules.maxOutflow = 1
    edit(&s.rules)
    return s
  }
}
