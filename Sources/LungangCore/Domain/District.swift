import Foundation

/// One school of the district (a row of schools.csv).
public struct School: Sendable, Hashable {
  /// Unique school code (学校代码).
  public var id: String
  /// Display name (学校名称).
  public var name: String
  /// School zone (学区).
  public var zone: String
  /// Education group (教育集团); nil when none.
  public var group: String?
  /// 1 strong (优质), 2 ordinary (一般), 3 weak (薄弱).
  public var tier: Int
  /// Pupils in the primary section.
  public var studentsPrimary: Int
  /// Pupils in the junior-secondary section.
  public var studentsJunior: Int
  /// Location, when given.
  public var location: GeoPoint?
  /// Physical line in schools.csv (1-based, header is line 1).
  public var line: Int

  public init(
    id: String, name: String, zone: String, group: String? = nil, tier: Int,
    studentsPrimary: Int, studentsJunior: Int, location: GeoPoint? = nil, line: Int = 0
  ) {
    self.id = id
    self.name = name
    self.zone = zone
    self.group = group
    self.tier = tier
    self.studentsPrimary = studentsPrimary
    self.studentsJunior = studentsJunior
    self.location = location
    self.line = line
  }

  /// Pupils of one stage.
  public func pupils(_ stage: Stage) -> Int {
    stage == .primary ? studentsPrimary : studentsJunior
  }
  /// The stages with pupils: the school's sections.
  public var stages: [Stage] { Stage.allCases.filter { pupils($0) > 0 } }
}

/// One teacher or cadre (a row of staff.csv).
public struct StaffMember: Sendable, Hashable {
  /// Unique staff id (工号).
  public var id: String
  /// Display name (姓名).
  public var name: String
  public var gender: Gender
  public var birthYear: Int
  public var role: Role
  /// Current school id.
  public var school: String
  /// Stage taught now (teachers; nil for cadres without one).
  public var stage: Stage?
  /// Subject (teachers; nil for cadres without one).
  public var subject: Subject?
  /// Highest stage certified for; defaults to `stage`.
  public var cert: Stage?
  public var title: Title
  public var key: KeyLevel
  public var degree: Degree
  /// Whole years at the current school.
  public var years: Int
  /// Reason for deferral (暂缓交流原因); nil when not exempt.
  public var exemptReason: String?
  /// Volunteered to move (自愿交流).
  public var volunteer: Bool
  public var home: GeoPoint?
  /// Wished school ids in order, as written (duplicates kept; empty items dropped).
  public var wishes: [String]
  /// Schools served at before: never a destination.
  public var pastSchools: [String]
  /// Staff ids who must not end in the same school.
  public var avoid: [String]
  /// Physical line in staff.csv.
  public var line: Int

  public init(
    id: String, name: String, gender: Gender, birthYear: Int, role: Role, school: String,
    stage: Stage?, subject: Subject?, cert: Stage? = nil, title: Title = .none,
    key: KeyLevel = .none, degree: Degree, years: Int, exemptReason: String? = nil,
    volunteer: Bool = false, home: GeoPoint? = nil, wishes: [String] = [],
    pastSchools: [String] = [], avoid: [String] = [], line: Int = 0
  ) {
    self.id = id
    self.name = name
    self.gender = gender
    self.birthYear = birthYear
    self.role = role
    self.school = school
    self.stage = stage
    self.subject = subject
    self.cert = cert
    self.title = title
    self.key = key
    self.degree = degree
    self.years = years
    self.exemptReason = exemptReason
    self.volunteer = volunteer
    self.home = home
    self.wishes = wishes
    self.pastSchools = pastSchools
    self.avoid = avoid
    self.line = line
  }

  /// Key teacher (县级以上骨干教师): key level other than none.
  public var isKey: Bool { key != .none }
  /// Certified stage: `cert` or, by default, `stage`.
  public var certifiedStage: Stage? { cert ?? stage }
}

/// A (section, subject) key for teaching posts.
public struct PostKey: Sendable, Hashable, Comparable {
  public var school: String
  public var stage: Stage
  public var subject: Subject
  public init(school: String, stage: Stage, subject: Subject) {
    self.school = school
    self.stage = stage
    self.subject = subject
  }
  public static func < (a: PostKey, b: PostKey) -> Bool {
    (a.school, a.stage.rawValue, a.subject.rawValue)
      < (b.school, b.stage.rawValue, b.subject.rawValue)
  }
}

/// A loaded, validated district: what a personnel office hands over.
public struct District: Sendable {
  /// The folder the files came from.
  public var folder: URL
  public var schools: [School]
  public var staff: [StaffMember]
  /// Teaching posts given by posts.csv (rows for sections the school lacks are dropped).
  public var posts: [PostKey: Int]
  /// SHA-256 (hex) of each input file by file name.
  public var inputHashes: [String: String]
  /// Warnings met while loading.
  public var warnings: [Diagnostic]

  public init(
    folder: URL, schools: [School], staff: [StaffMember], posts: [PostKey: Int] = [:],
    inputHashes: [String: String] = [:], warnings: [Diagnostic] = []
  ) {
    self.folder = folder
    self.schools = schools
    self.staff = staff
    self.posts = posts
    self.inputHashes = inputHashes
    self.warnings = warnings
  }
}
