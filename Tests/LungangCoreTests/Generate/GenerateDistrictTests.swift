import XCTest
@testable import LungangCore

/// Determinism, counts and referential validity of generated districts.
final class GenerateDistrictTests: XCTestCase {
  func testSameSeedGivesIdenticalBytes() {
    let a = GenerateFixtures.small(seed: 7)
    let b = GenerateFixtures.small(seed: 7)
    XCTAssertEqual(GenerateFixtures.bytes(a), GenerateFixtures.bytes(b))
    XCTAssertEqual(
      GenerateFixtures.bytes(a, language: .english), GenerateFixtures.bytes(b, language: .english))
  }

  /// Pins the exact bytes (FNV-1a fingerprints), so a change of platform, Swift version or
  /// generator code that alters the output is noticed. Same options as
  /// `lungang generate --staff 1500 --schools 20 --zones 2 --groups 3 --seed 7`.
  func testGoldenFingerprints() {
    let files = GenerateFixtures.bytes(GenerateFixtures.small(seed: 7))
    XCTAssertEqual(files.map(GenerateFixtures.fnv1a), [
      0x6bff_2ffa_58d2_a15e, 0x89a4_57a3_88a2_ccaa, 0xff0c_503b_57d3_1a42,
    ])
  }

  func testDifferentSeedsDiffer() {
    let a = GenerateFixtures.bytes(GenerateFixtures.small(seed: 7))
    let b = GenerateFixtures.bytes(GenerateFixtures.small(seed: 8))
    for k in 0..<3 { XCTAssertNotEqual(a[k], b[k], "file \(k)") }
  }

  func testCountsMatchTheOptions() throws {
    for (n, m, z, g) in [(1500, 20, 2, 3), (9000, 100, 8, 11), (400, 100, 10, 0), (4, 1, 1, 0)] {
      let d = try DistrictGenerator(
        GeneratorOptions(staff: n, schools: m, zones: z, groups: g, seed: 3)
      ).generate()
      XCTAssertEqual(d.staff.count, n)
      XCTAssertEqual(d.schools.count, m)
      XCTAssertEqual(Set(d.schools.map(\.zone)).count, z)
      XCTAssertEqual(Set(d.schools.compactMap(\.group)).count, g)
      XCTAssertEqual(Set(d.schools.map(\.id)).count, m, "school ids unique")
      XCTAssertEqual(Set(d.staff.map(\.id)).count, n, "staff ids unique")
    }
  }

  func testDefaultZonesAndGroupsScaleWithSchools() {
    let o = GeneratorOptions(staff: 200_000, schools: 2000)
    XCTAssertEqual(o.zoneCount, 167)
    XCTAssertEqual(o.groupCount, 222)
    XCTAssertTrue(o.problems().isEmpty)
  }

  func testImpossibleOptionsAreRefused() {
    XCTAssertThrowsError(
      try DistrictGenerator(GeneratorOptions(staff: 10, schools: 5)).generate())
    XCTAssertThrowsError(
      try DistrictGenerator(GeneratorOptions(staff: 100, schools: 5, zones: 6)).generate())
    XCTAssertThrowsError(
      try DistrictGenerator(GeneratorOptions(staff: 100, schools: 5, groups: 3)).generate())
  }

  /// Every validity check of data.md holds.
  func testEveryReferenceIsValid() {
    for d in [GenerateFixtures.dongcheng, GenerateFixtures.small(seed: 11)] {
      let schools = Dictionary(uniqueKeysWithValues: d.schools.map { ($0.id, $0) })
      let staffIds = Set(d.staff.map(\.id))
      for s in d.schools {
        XCTAssertFalse(s.name.isEmpty)
        XCTAssertFalse(s.zone.isEmpty)
        XCTAssertTrue((1...3).contains(s.tier))
        XCTAssertTrue(s.studentsPrimary >= 0 && s.studentsJunior >= 0)
        XCTAssertFalse(s.stages.isEmpty, "\(s.id) has pupils")
        let loc = try! XCTUnwrap(s.location)
        XCTAssertTrue(abs(loc.lat) <= 90 && abs(loc.lon) <= 180)
      }
      for p in d.staff {
        let school = try! XCTUnwrap(schools[p.school], "\(p.id) school")
        XCTAssertTrue((1940...2010).contains(p.birthYear), "\(p.id) birth year")
        XCTAssertTrue(p.years >= 0)
        XCTAssertFalse(p.name.isEmpty)
        if p.role == .teacher {
          let stage = try! XCTUnwrap(p.stage)
          XCTAssertNotNil(p.subject)
          XCTAssertTrue(school.stages.contains(stage), "\(p.id) teaches a section the school has")
          XCTAssertTrue(p.certifiedStage! >= stage, "\(p.id) cert not below stage")
        }
        for w in p.wishes {
          XCTAssertNotNil(schools[w], "\(p.id) wish \(w)")
          XCTAssertNotEqual(w, p.school)
        }
        XCTAssertEqual(Set(p.wishes).count, p.wishes.count)
        for w in p.pastSchools {
          XCTAssertNotNil(schools[w])
          XCTAssertNotEqual(w, p.school)
        }
        for a in p.avoid {
          XCTAssertTrue(staffIds.contains(a))
          XCTAssertNotEqual(a, p.id)
        }
        if let h = p.home { XCTAssertTrue(abs(h.lat) <= 90 && abs(h.lon) <= 180) }
        if p.exemptReason != nil { XCTAssertFalse(p.volunteer) }
      }
      for (k, v) in d.posts {
        XCTAssertTrue(v >= 0)
        XCTAssertTrue(schools[k.school]!.stages.contains(k.stage))
      }
    }
  }

  func testCSVRoundTripsThroughAPlainParser() throws {
    let d = GenerateFixtures.small(seed: 5)
    let csv = DistrictCSV(language: .english)
    let schools = GenerateFixtures.parseCSV(csv.schools(d))
    XCTAssertEqual(
      schools[0], ["id", "name", "zone", "group", "tier", "students_primary", "students_junior", "lat", "lon"])
    XCTAssertEqual(schools.count, d.schools.count + 1)
    for (row, s) in zip(schools.dropFirst(), d.schools) {
      XCTAssertEqual(row.count, 9)
      XCTAssertEqual(row[0], s.id)
      XCTAssertEqual(row[2], s.zone)
      XCTAssertEqual(row[3], s.group ?? "")
      XCTAssertEqual(Int(row[5]), s.studentsPrimary)
      XCTAssertEqual(Double(row[7]), s.location?.lat)
      XCTAssertEqual(Double(row[8]), s.location?.lon)
    }
    let staff = GenerateFixtures.parseCSV(csv.staff(d))
    XCTAssertEqual(staff.count, d.staff.count + 1)
    XCTAssertEqual(staff[0].count, 20)
    for (row, p) in zip(staff.dropFirst(), d.staff) {
      XCTAssertEqual(row.count, 20)
      XCTAssertEqual(row[0], p.id)
      XCTAssertEqual(row[1], p.name)
      XCTAssertEqual(row[2], p.gender.code)
      XCTAssertEqual(Int(row[3]), p.birthYear)
      XCTAssertEqual(row[4], p.role.code)
      XCTAssertEqual(row[6], p.stage?.code ?? "")
      XCTAssertEqual(row[7], p.subject?.rawValue ?? "")
      XCTAssertEqual(row[10], p.key.code)
      XCTAssertEqual(row[11], p.degree.code)
      XCTAssertEqual(Int(row[12]), p.years)
      XCTAssertEqual(row[13], p.exemptReason ?? "")
      XCTAssertEqual(Double(row[15]), p.home?.lat)
      XCTAssertEqual(row[17].split(separator: ";").map(String.init), p.wishes)
      XCTAssertEqual(row[19].split(separator: ";").map(String.init), p.avoid)
    }
    let posts = GenerateFixtures.parseCSV(csv.posts(d))
    XCTAssertEqual(posts.count, d.posts.count + 1)
    for row in posts.dropFirst() {
      let key = PostKey(
        school: row[0], stage: row[1] == "primary" ? .primary : .junior,
        subject: try XCTUnwrap(Subject(rawValue: row[2])))
      XCTAssertEqual(d.posts[key], Int(row[3]))
    }
  }

  func testChineseOutputUsesChineseHeadersAndLabels() throws {
    let d = GenerateFixtures.small(seed: 5)
    let csv = DistrictCSV()
    let staff = GenerateFixtures.parseCSV(csv.staff(d))
    XCTAssertEqual(Array(staff[0].prefix(8)), ["工号", "姓名", "性别", "出生年份", "岗位", "学校代码", "学段", "学科"])
    let values = Set(staff.dropFirst().flatMap { [$0[2], $0[4], $0[6]] })
    XCTAssertEqual(values, ["男", "女", "教师", "校长", "副校长", "小学", "初中", ""])
    XCTAssertEqual(GenerateFixtures.parseCSV(csv.posts(d))[0], ["学校代码", "学段", "学科", "岗位数"])
    let data = try CSVFileEncoding.utf8.encode(csv.schools(d))
    XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 BOM")
    XCTAssertTrue(csv.schools(d).contains("\r\n"), "CRLF like Excel")
  }

  func testGB18030EncodingRoundTrips() throws {
    let text = DistrictCSV().schools(GenerateFixtures.small(seed: 5))
    let data = try CSVFileEncoding.gb18030.encode(text)
    XCTAssertLessThan(data.count, Array(text.utf8).count, "Chinese takes 2 bytes instead of 3")
    XCTAssertEqual(try CSVFileEncoding.iconvDecode(data, from: "GB18030"), text)
  }

  func testFolderWriterIsAtomicAndRefusesNonEmptyFolders() throws {
    let dir = GenerateFixtures.tempFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let d = GenerateFixtures.small(seed: 1)
    let target = dir.appendingPathComponent("district")
    try DistrictFolderWriter().write(d, to: target)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: target.path).sorted(),
      ["posts.csv", "schools.csv", "staff.csv"], "no temporary files left")
    XCTAssertEqual(try Data(contentsOf: target.appendingPathComponent("staff.csv")),
      GenerateFixtures.bytes(d)[1])
    XCTAssertThrowsError(try DistrictFolderWriter().write(d, to: target))
    let other = GenerateFixtures.small(seed: 2)
    try DistrictFolderWriter(force: true).write(other, to: target)
    XCTAssertEqual(try Data(contentsOf: target.appendingPathComponent("staff.csv")),
      GenerateFixtures.bytes(other)[1])
  }

  /// The generated district passes the project's loader without a single error.
  func testGeneratedDistrictLoadsWithoutErrors() throws {
    let dir = GenerateFixtures.tempFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, language, encoding) in [
      ("zh", DistrictCSV.Language.chinese, CSVFileEncoding.utf8), ("en", .english, .utf8),
      ("gb", .chinese, .gb18030),
    ] {
      let d = GenerateFixtures.dongcheng
      let folder = dir.appendingPathComponent(name)
      try DistrictFolderWriter(csv: DistrictCSV(language: language), encoding: encoding)
        .write(d, to: folder)
      let loaded: District
      do {
        loaded = try DistrictLoader.load(folder: folder)
      } catch {
        XCTFail("\(name): \(error)")
        continue
      }
      XCTAssertEqual(loaded.warnings, [], "\(name): no warnings either")
      XCTAssertEqual(loaded.schools.map(\.id), d.schools.map(\.id))
      XCTAssertEqual(loaded.staff.count, d.staff.count)
      XCTAssertEqual(loaded.posts, d.posts)
      for (a, b) in zip(loaded.staff, d.staff) {
        XCTAssertEqual(a.id, b.id)
        XCTAssertEqual(a.school, b.school)
        XCTAssertEqual(a.stage, b.stage)
        XCTAssertEqual(a.subject, b.subject)
        XCTAssertEqual(a.certifiedStage, b.certifiedStage)
        XCTAssertEqual(a.key, b.key)
        XCTAssertEqual(a.title, b.title)
        XCTAssertEqual(a.degree, b.degree)
        XCTAssertEqual(a.years, b.years)
        XCTAssertEqual(a.exemptReason, b.exemptReason)
        XCTAssertEqual(a.volunteer, b.volunteer)
        XCTAssertEqual(a.wishes, b.wishes)
        XCTAssertEqual(a.pastSchools, b.pastSchools)
        XCTAssertEqual(a.avoid, b.avoid)
        XCTAssertEqual(a.home, b.home)
      }
    }
  }

  /// The committed Scenarios/dongcheng files are exactly what the documented command writes.
  func testCommittedDongchengMatchesTheGenerator() throws {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = repo.appendingPathComponent("Scenarios/dongcheng")
    let expected = GenerateFixtures.bytes(GenerateFixtures.dongcheng)
    for (name, data) in zip(DistrictFolderWriter.fileNames, expected) {
      XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)), data, name)
    }
  }
}

/// `avoidSameSchool`: the share of spouses placed at one school.
final class GenerateAvoidTests: XCTestCase {
  /// Pairs (a, b) of people who avoid each other and work at the same school.
  func sameSchoolPairs(_ d: District) -> Int {
    let schoolOf = Dictionary(uniqueKeysWithValues: d.staff.map { ($0.id, $0.school) })
    return d.staff.reduce(0) { n, p in n + p.avoid.filter { schoolOf[$0] == p.school }.count }
  }

  /// By default some spouses share a school; at 0 none do, and the pairs are still made.
  func testNoSpousesAtOneSchoolAtZero() throws {
    var options = GeneratorOptions(staff: 20000, schools: 100, zones: 8, seed: 7)
    let byDefault = try DistrictGenerator(options).generate()
    XCTAssertGreaterThan(sameSchoolPairs(byDefault), 0)
    options.avoidSameSchool = 0
    let apart = try DistrictGenerator(options).generate()
    XCTAssertEqual(sameSchoolPairs(apart), 0)
    let pairs = apart.staff.filter { !$0.avoid.isEmpty }.count
    XCTAssertGreaterThan(pairs, 50)
  }

  func testShareOutsideZeroToOneIsRefused() {
    var options = GeneratorOptions(staff: 1000, schools: 10, seed: 1)
    options.avoidSameSchool = 1.5
    XCTAssertTrue(options.problems().contains { $0.contains("--avoid-same-school") })
  }
}
