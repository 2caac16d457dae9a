import Foundation

/// Where a person may go (rules.scope).
public enum Scope: String, CaseIterable, Sendable, Hashable {
  /// Same school zone (学区).
  case zone
  /// Same non-empty education group (集团).
  case group
  /// Same zone or same non-empty group.
  case zoneOrGroup = "zone_or_group"
  /// Anywhere in the district.
  case district

  /// True when a person at school `from` may go to school `to` under this scope (the
  /// schools' own identity is not checked here).
  public func admits(from: School, to: School) -> Bool {
    let sameZone = from.zone == to.zone
    let sameGroup = (from.group ?? "") != "" && from.group == to.group
    switch self {
    case .zone: return sameZone
    case .group: return sameGroup
    case .zoneOrGroup: return sameZone || sameGroup
    case .district: return true
    }
  }
}

/// A balance indicator of 优质均衡, counted per 100 pupils.
public enum Indicator: String, CaseIterable, Sendable, Hashable {
  /// Teachers with a higher-than-required degree (高于规定学历).
  case higherDegree = "higher_degree"
  /// Key teachers (县级以上骨干教师).
  case key
  /// PE and arts teachers (体育、艺术专任教师).
  case peArts = "pe_arts"
  /// Teachers with a senior title (高级职称).
  case seniorTitle = "senior_title"
}

/// The rules of a scenario, with the defaults of model.md.
public struct Rules: Sendable, Hashable {
  public var teacherMinYears = 6
  public var cadreMinYears = 6
  public var retirementAgeMale = 60
  public var retirementAgeFemale = 55
  public var retirementBuffer = 5
  public var scope: Scope = .zoneOrGroup
  public var sameStage = true
  /// nil: no commute limit.
  public var maxCommuteKm: Double? = nil
  public var keyToSameOrWeaker = true
  public var wishesOnly = false
  public var teacherQuota = 0.10
  public var quotaTiers: [Int] = [1, 2, 3]
  public var keyShare = 0.20
  public var cadreQuota = 0.5
  public var maxOutflow = 0.20
  public var indicators: [Indicator] = [.higherDegree, .key, .peArts]
  public init() {}

  /// Retirement age for a gender.
  public func retirementAge(_ g: Gender) -> Int {
    g == .male ? retirementAgeMale : retirementAgeFemale
  }
}

/// Objective weights, with the defaults of model.md.
public struct Weights: Sendable, Hashable {
  public var shortage = 1000.0
  public var quota = 500.0
  public var keyShare = 200.0
  public var cadreQuota = 500.0
  public var balance = 1.0
  public var wish = 1.0
  /// Wish cost of a move outside a given wish list (multiplied by `wish`).
  public var wishMiss = 5.0
  public var commute = 0.1
  public var move = 0.5
  public init() {}
}

/// Solver settings of a scenario.
public struct SolverSettings: Sendable, Hashable {
  public var timeLimitS = 60.0
  public var mipGap = 1e-6
  /// 0: all cores.
  public var threads = 0
  public init() {}
}

/// A scenario: a district folder, a reference year and the rules.
public struct Scenario: Sendable {
  /// Display name.
  public var name: String
  /// The scenario file (nil for one built in code).
  public var file: URL?
  /// The district folder, resolved relative to the file that set it.
  public var district: URL
  /// Reference year: age = year − birth_year.
  public var year: Int
  public var rules = Rules()
  public var weights = Weights()
  public var solver = SolverSettings()
  /// SHA-256 (hex) of each scenario file read, the file itself and every file it extends.
  public var inputHashes: [String: String] = [:]

  public init(name: String, file: URL? = nil, district: URL, year: Int) {
    self.name = name
    self.file = file
    self.district = district
    self.year = year
  }
}
