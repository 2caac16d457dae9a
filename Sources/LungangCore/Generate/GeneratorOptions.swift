/// What `lungang generate` is asked for: sizes, seed and reference year of a synthetic district.
public struct GeneratorOptions: Sendable, Hashable {
  /// Staff (teachers and cadres) in the district.
  public var staff: Int
  /// Schools.
  public var schools: Int
  /// School zones (学区); nil: about one per 12 schools.
  public var zones: Int?
  /// Education groups (集团); nil: about one per 9 schools.
  public var groups: Int?
  /// The seed: equal seeds and options give byte-identical files.
  public var seed: UInt64
  /// Reference year: birth years are `year − age`.
  public var year: Int
  /// Share of avoid pairs (spouses) placed at one school; the others are at two schools of
  /// the same zone. At 0 no pair shares a school, so everyone staying is a plan and the
  /// district admits one (the benchmark's 200,000-staff rung had none with 0.15).
  public var avoidSameSchool: Double = 0.15

  public init(
    staff: Int, schools: Int, zones: Int? = nil, groups: Int? = nil, seed: UInt64 = 1,
    year: Int = 2026
  ) {
    self.staff = staff
    self.schools = schools
    self.zones = zones
    self.groups = groups
    self.seed = seed
    self.year = year
  }

  /// Zones actually used.
  public var zoneCount: Int { zones ?? max(1, Int((Double(schools) / 12).rounded())) }
  /// Groups actually used.
  public var groupCount: Int { groups ?? Int((Double(schools) / 9).rounded()) }

  /// Fewest staff per school: a principal, a vice principal and a teacher per section.
  public static let minStaffPerSchool = 4

  /// The reasons the options cannot make a district; empty when they can.
  public func problems() -> [String] {
    var p: [String] = []
    if schools < 1 { p.append("--schools must be at least 1") }
    if staff < GeneratorOptions.minStaffPerSchool * max(1, schools) {
      p.append(
        "--staff must be at least \(GeneratorOptions.minStaffPerSchool) per school "
          + "(\(GeneratorOptions.minStaffPerSchool * max(1, schools)) for \(schools) schools)")
    }
    if zoneCount < 1 || zoneCount > max(1, schools) {
      p.append("--zones must be between 1 and the number of schools")
    }
    if groupCount < 0 || groupCount > max(0, schools / 2) {
      p.append("--groups must be between 0 and half the number of schools (a group has ≥ 2)")
    }
    if year < 1990 || year > 2060 { p.append("--year must be between 1990 and 2060") }
    if !(0...1).contains(avoidSameSchool) { p.append("--avoid-same-school must be between 0 and 1") }
    return p
  }
}
