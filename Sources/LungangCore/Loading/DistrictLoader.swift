import Foundation

/// Loads and validates a district folder: schools.csv, staff.csv and the optional posts.csv.
///
/// Every problem of every file is collected; on any error the whole list (errors and
/// warnings, by file then line) is thrown as an `InputError`. On success the warnings go
/// into `District.warnings`. See data.md for the format; choices where it is silent:
/// - Cadres (principal, vice principal) may leave `stage` and `subject` empty; when given they
///   must still be valid codes, but the school need not have that section (the model ignores
///   a cadre's stage and subject). `cert` below `stage` is an error for everyone.
/// - A wish for one's own school is a warning and stays in the list (wish ranks count
///   positions as written); one's own id in `avoid` is a warning and is dropped.
/// - A location with only one of its two coordinates is a warning and is ignored.
/// - A column given twice (say `id` and `学校代码`) is an error; non-empty fields beyond the
///   header are a warning.
/// - Unknown references are checked against every id written in the file, even on rows that
///   have other errors, so one mistake does not cascade.
/// - Pupils, years and posts are at most `maxCount` (1,000,000); a number with more digits than
///   `Int` holds is reported as out of range, not as "not a number".
public enum DistrictLoader {
  static let schoolColumns = [
    ColumnSpec("id", "学校代码", required: true), ColumnSpec("name", "学校名称", required: true),
    ColumnSpec("zone", "学区", required: true), ColumnSpec("group", "教育集团"),
    ColumnSpec("tier", "办学水平", required: true),
    ColumnSpec("students_primary", "小学在校生数", required: true),
    ColumnSpec("students_junior", "初中在校生数", required: true),
    ColumnSpec("lat", "纬度"), ColumnSpec("lon", "经度"),
  ]

  static let staffColumns = [
    ColumnSpec("id", "工号", required: true), ColumnSpec("name", "姓名", required: true),
    ColumnSpec("gender", "性别", required: true), ColumnSpec("birth_year", "出生年份", required: true),
    ColumnSpec("role", "岗位", required: true), ColumnSpec("school", "学校代码", required: true),
    // Values required for teachers only (checked per row); the columns are required.
    ColumnSpec("stage", "学段", required: true), ColumnSpec("subject", "学科", required: true),
    ColumnSpec("cert", "教师资格学段"), ColumnSpec("title", "职称"), ColumnSpec("key", "骨干级别"),
    ColumnSpec("degree", "学历", required: true), ColumnSpec("years", "本校任职年限", required: true),
    ColumnSpec("exempt", "暂缓交流原因"), ColumnSpec("volunteer", "自愿交流"),
    ColumnSpec("home_lat", "住址纬度"), ColumnSpec("home_lon", "住址经度"),
    ColumnSpec("wishes", "交流意向"), ColumnSpec("past_schools", "曾任职学校"),
    ColumnSpec("avoid", "回避人员"),
  ]

  static let postColumns = [
    ColumnSpec("school", "学校代码", required: true), ColumnSpec("stage", "学段", required: true),
    ColumnSpec("subject", "学科", required: true), ColumnSpec("posts", "岗位数", required: true),
  ]

  static let stageCodes = ["primary", "junior"]

  /// Upper bound of every count (pupils, years, posts): far above any real school, and low
  /// enough that no sum over a district can overflow `Int`.
  public static let maxCount = 1_000_000

  /// Loads the district in `folder`.
  ///
  /// - Parameter displayPath: how the user wrote the folder; diagnostics then name files as
  ///   `displayPath + "/staff.csv"`. Without it, the files' paths are used.
  /// - Throws: `InputError` with every error and warning when anything is invalid.
  public static func load(folder: URL, displayPath: String? = nil) throws -> District {
    let sink = DiagnosticSink()
    func label(_ name: String) -> String {
      if let displayPath {
        return displayPath.hasSuffix("/") ? displayPath + name : displayPath + "/" + name
      }
      return folder.appendingPathComponent(name).path
    }
    let files = ["schools.csv", "staff.csv", "posts.csv"].map(label)
    var hashes: [String: String] = [:]

    func read(_ name: String, optional: Bool) -> CSVTable? {
      let url = folder.appendingPathComponent(name)
      let file = label(name)
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue
      else {
        if !optional { sink.error(file, nil, nil, "file not found") }
        return nil
      }
      let data: Data
      switch InputFile.read(url) {
      case .success(let d): data = d
      case .failure(let problem):
        sink.error(file, nil, nil, problem.message)
        return nil
      }
      hashes[name] = SHA256.hex(data)
      do {
        let (bytes, _) = try TextDecoding.utf8Bytes(of: data, file: file)
        let (table, diagnostics) = CSVReader.parse(bytes, file: file)
        sink.append(contentsOf: diagnostics)
        if table.header.isEmpty {
          if optional {
            sink.warning(file, nil, nil, "the file is empty; ignored")
          } else {
            sink.error(file, nil, nil, "the file is empty: no header line")
          }
          return nil
        }
        return table
      } catch let error as InputError {
        sink.append(contentsOf: error.diagnostics)
        return nil
      } catch {
        sink.error(file, nil, nil, "\(error)")
        return nil
      }
    }

    var isDir: ObjCBool = false
    if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir) || !isDir.boolValue {
      throw InputError([Diagnostic(.error, file: displayPath ?? folder.path, "no such district folder")])
    }

    let schoolsTable = read("schools.csv", optional: false)
    let staffTable = read("staff.csv", optional: false)
    let postsTable = read("posts.csv", optional: true)

    var schoolIDs: Set<String> = []
    var schools: [School] = []
    if let schoolsTable {
      (schools, schoolIDs) = loadSchools(schoolsTable, file: files[0], sink: sink)
    }
    var staff: [StaffMember] = []
    if let staffTable {
      staff = loadStaff(
        staffTable, file: files[1], schools: schools, schoolIDs: schoolIDs,
        checkSchools: schoolsTable != nil, sink: sink)
    }
    var posts: [PostKey: Int] = [:]
    if let postsTable {
      posts = loadPosts(
        postsTable, file: files[2], schools: schools, schoolIDs: schoolIDs,
        checkSchools: schoolsTable != nil, sink: sink)
    }

    let order = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
    let sorted = sink.items.enumerated().sorted { a, b in
      let fa = order[a.element.file] ?? -1
      let fb = order[b.element.file] ?? -1
      if fa != fb { return fa < fb }
      let la = a.element.line ?? 0
      let lb = b.element.line ?? 0
      if la != lb { return la < lb }
      return a.offset < b.offset
    }.map(\.element)
    if sorted.contains(where: { $0.severity == .error }) { throw InputError(sorted) }
    return District(
      folder: folder, schools: schools, staff: staff, posts: posts, inputHashes: hashes,
      warnings: sorted)
  }

  // MARK: schools.csv

  static func loadSchools(_ table: CSVTable, file: String, sink: DiagnosticSink)
    -> ([School], Set<String>)
  {
    let columns = ColumnMap(table: table, specs: schoolColumns, file: file, sink: sink)
    // Columns resolved once, so rows are read without hashing names.
    let c = (
      id: columns.col("id"),
      name: columns.col("name"),
      zone: columns.col("zone"),
      group: columns.col("group"),
      tier: columns.col("tier"),
      students_primary: columns.col("students_primary"),
      students_junior: columns.col("students_junior"),
      lat: columns.col("lat"),
      lon: columns.col("lon")
    )
    var schools: [School] = []
    var ids: Set<String> = []
    var firstLine: [String: Int] = [:]
    for r in table.records.indices {
      let row = RowReader(table: table, columns: columns, file: file, sink: sink, record: r)
      row.checkWidth()
      let id = row.required(c.id)
      if let id {
        if let first = firstLine[id] {
          row.error(c.id, "duplicate id \(Diagnostic.quoted(id)) (first on line \(first))")
        } else {
          firstLine[id] = row.line
          ids.insert(id)
        }
      }
      let name = row.required(c.name)
      let zone = row.required(c.zone)
      let group = row.text(c.group)
      let tier = row.whole(c.tier, 1...3, required: true)
      let primary = row.whole(c.students_primary, 0...maxCount, required: true)
      let junior = row.whole(c.students_junior, 0...maxCount, required: true)
      let location = row.location(lat: c.lat, lon: c.lon)
      if let primary, let junior, primary == 0, junior == 0 {
        row.error(c.students_primary, "the school has no pupils (0 primary and 0 junior)")
        continue
      }
      guard let id, let name, let zone, let tier, let primary, let junior,
        firstLine[id] == row.line
      else { continue }
      schools.append(
        School(
          id: id, name: name, zone: zone, group: group.isEmpty ? nil : group, tier: tier,
          studentsPrimary: primary, studentsJunior: junior, location: location, line: row.line))
    }
    return (schools, ids)
  }

  // MARK: staff.csv

  static func loadStaff(
    _ table: CSVTable, file: String, schools: [School], schoolIDs: Set<String>,
    checkSchools: Bool, sink: DiagnosticSink
  ) -> [StaffMember] {
    let columns = ColumnMap(table: table, specs: staffColumns, file: file, sink: sink)
    // Columns resolved once, so rows are read without hashing names.
    let c = (
      id: columns.col("id"),
      name: columns.col("name"),
      gender: columns.col("gender"),
      birth_year: columns.col("birth_year"),
      role: columns.col("role"),
      school: columns.col("school"),
      stage: columns.col("stage"),
      subject: columns.col("subject"),
      cert: columns.col("cert"),
      title: columns.col("title"),
      key: columns.col("key"),
      degree: columns.col("degree"),
      years: columns.col("years"),
      exempt: columns.col("exempt"),
      volunteer: columns.col("volunteer"),
      wishes: columns.col("wishes"),
      past_schools: columns.col("past_schools"),
      avoid: columns.col("avoid"),
      home_lat: columns.col("home_lat"),
      home_lon: columns.col("home_lon")
    )
    let schoolByID = Dictionary(schools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    // All ids written, for `avoid`, and the line each first appears on.
    var firstLine: [String: Int] = [:]
    if let idColumn = columns.index("id") {
      for r in table.records.indices {
        let id = table.value(r, idColumn)
        if !id.isEmpty, firstLine[id] == nil { firstLine[id] = table.records[r].line }
      }
    }
    let subjectCodes = Subject.allCases.map(\.rawValue)
    var staff: [StaffMember] = []
    staff.reserveCapacity(table.records.count)

    func checkSchoolRef(_ row: RowReader, _ column: Col, _ id: String) {
      if checkSchools, !schoolIDs.contains(id) {
        row.error(column, "no school \(Diagnostic.quoted(id)) in schools.csv")
      }
    }

    for r in table.records.indices {
      let row = RowReader(table: table, columns: columns, file: file, sink: sink, record: r)
      row.checkWidth()
      let id = row.required(c.id)
      if let id, let first = firstLine[id], first != row.line {
        row.error(c.id, "duplicate id \(Diagnostic.quoted(id)) (first on line \(first))")
      }
      let name = row.required(c.name)
      let gender = row.requiredCode(c.gender, CodeLabels.gender, what: "a gender", codes: ["M", "F"])
      let birthYear = row.whole(c.birth_year, 1940...2010, required: true)
      let role = row.requiredCode(
        c.role, CodeLabels.role, what: "a role", codes: ["teacher", "principal", "vice_principal"])
      let school = row.required(c.school)
      if let school { checkSchoolRef(row, c.school, school) }

      var stage: Stage?
      var subject: Subject?
      if role == .teacher {
        stage = row.requiredCode(c.stage, CodeLabels.stage, what: "a stage", codes: stageCodes)
        subject = row.requiredCode(
          c.subject, CodeLabels.subject, what: "a subject code", codes: subjectCodes)
      } else {
        stage = row.code(c.stage, CodeLabels.stage, what: "a stage", codes: stageCodes)
        subject = row.code(c.subject, CodeLabels.subject, what: "a subject code", codes: subjectCodes)
      }
      if role == .teacher, let stage, let school, let s = schoolByID[school], s.pupils(stage) == 0 {
        row.error(c.stage, "school \(Diagnostic.quoted(school)) has no \(stage.code) section (0 pupils)")
      }
      let cert = row.code(c.cert, CodeLabels.stage, what: "a stage", codes: stageCodes)
      if let cert, let stage, cert < stage {
        row.error(c.cert, "certificate \(cert.code) is below stage \(stage.code)")
      }
      let title =
        row.code(
          c.title, CodeLabels.title, what: "a title",
          codes: Title.allCases.map(\.code)) ?? .none
      let key =
        row.code(c.key, CodeLabels.key, what: "a key level", codes: KeyLevel.allCases.map(\.code))
        ?? .none
      let degree = row.requiredCode(
        c.degree, CodeLabels.degree, what: "a degree", codes: Degree.allCases.map(\.code))
      let years = row.whole(c.years, 0...maxCount, required: true)

      let exemptText = row.text(c.exempt)
      let exempt: String? =
        exemptText.isEmpty || CodeLabels.notExempt.contains(exemptText)
          || CodeLabels.notExempt.contains(exemptText.lowercased()) ? nil : exemptText
      var volunteer = false
      let volunteerText = row.text(c.volunteer)
      if !volunteerText.isEmpty {
        if let v = CodeLabels.lookup(volunteerText, CodeLabels.volunteer) {
          volunteer = v
        } else {
          row.error(
            c.volunteer, "\(Diagnostic.quoted(volunteerText)) is not yes/是/1/true or no/否/0/false")
        }
      }
      let home = row.location(lat: c.home_lat, lon: c.home_lon)

      let wishes = ValueParsing.list(row.text(c.wishes))
      for w in wishes {
        checkSchoolRef(row, c.wishes, w)
        if w == school { row.warning(c.wishes, "wish for the own school \(Diagnostic.quoted(w))") }
      }
      let past = ValueParsing.list(row.text(c.past_schools))
      for p in past { checkSchoolRef(row, c.past_schools, p) }
      var avoid = ValueParsing.list(row.text(c.avoid))
      for a in avoid where firstLine[a] == nil {
        row.error(c.avoid, "no staff member \(Diagnostic.quoted(a)) in staff.csv")
      }
      if let id, avoid.contains(id) {
        row.warning(c.avoid, "the staff member's own id \(Diagnostic.quoted(id)) is in avoid; ignored")
        avoid.removeAll { $0 == id }
      }

      guard let id, let name, let gender, let birthYear, let role, let school, let degree,
        let years, firstLine[id] == row.line
      else { continue }
      if role == .teacher, stage == nil || subject == nil { continue }
      staff.append(
        StaffMember(
          id: id, name: name, gender: gender, birthYear: birthYear, role: role, school: school,
          stage: stage, subject: subject, cert: cert, title: title, key: key, degree: degree,
          years: years, exemptReason: exempt, volunteer: volunteer, home: home, wishes: wishes,
          pastSchools: past, avoid: avoid, line: row.line))
    }
    return staff
  }

  // MARK: posts.csv

  static func loadPosts(
    _ table: CSVTable, file: String, schools: [School], schoolIDs: Set<String>,
    checkSchools: Bool, sink: DiagnosticSink
  ) -> [PostKey: Int] {
    let columns = ColumnMap(table: table, specs: postColumns, file: file, sink: sink)
    // Columns resolved once, so rows are read without hashing names.
    let c = (
      school: columns.col("school"),
      stage: columns.col("stage"),
      subject: columns.col("subject"),
      posts: columns.col("posts")
    )
    let schoolByID = Dictionary(schools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let subjectCodes = Subject.allCases.map(\.rawValue)
    var posts: [PostKey: Int] = [:]
    var firstLine: [PostKey: Int] = [:]
    for r in table.records.indices {
      let row = RowReader(table: table, columns: columns, file: file, sink: sink, record: r)
      row.checkWidth()
      let school = row.required(c.school)
      if let school, checkSchools, !schoolIDs.contains(school) {
        row.error(c.school, "no school \(Diagnostic.quoted(school)) in schools.csv")
      }
      let stage = row.requiredCode(c.stage, CodeLabels.stage, what: "a stage", codes: stageCodes)
      let subject = row.requiredCode(
        c.subject, CodeLabels.subject, what: "a subject code", codes: subjectCodes)
      let count = row.whole(c.posts, 0...maxCount, required: true)
      guard let school, let stage, let subject else { continue }
      let key = PostKey(school: school, stage: stage, subject: subject)
      if let first = firstLine[key] {
        row.error(
          nil, "duplicate row for \(Diagnostic.excerpt(school)), \(stage.code), \(subject.rawValue) (first on line \(first))")
        continue
      }
      firstLine[key] = row.line
      if let s = schoolByID[school], s.pupils(stage) == 0 {
        row.warning(c.stage, "school \(Diagnostic.quoted(school)) has no \(stage.code) section; row ignored")
        continue
      }
      if let count, schoolByID[school] != nil { posts[key] = count }
    }
    return posts
  }
}
