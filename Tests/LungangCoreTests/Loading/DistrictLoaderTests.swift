import Foundation
import XCTest

@testable import LungangCore

final class DistrictLoaderTests: XCTestCase {
  private let schoolsFile = "d/schools.csv"
  private let staffFile = "d/staff.csv"
  private let postsFile = "d/posts.csv"

  /// A district whose staff rows are the sample with `row` appended (line 6).
  private func errorsWithStaffRow(_ row: String) -> [Diagnostic] {
    let f = FixtureFolder()
    SampleDistrict.write(to: f, staffRows: SampleDistrict.staffRows + [row])
    return loadErrors(f)
  }

  // MARK: valid input

  func testLoadsTheSampleDistrict() throws {
    let f = FixtureFolder()
    SampleDistrict.write(to: f)
    let d = try DistrictLoader.load(folder: f.url)
    XCTAssertEqual(d.schools.map(\.id), ["S1", "S2", "S3"])
    XCTAssertEqual(d.schools[0].group, "G1")
    XCTAssertNil(d.schools[1].group)
    XCTAssertEqual(d.schools[0].location, GeoPoint(lat: 39.9, lon: 116.4))
    XCTAssertNil(d.schools[2].location)
    XCTAssertEqual(d.schools[1].stages, [.primary, .junior])
    XCTAssertEqual(d.schools.map(\.line), [2, 3, 4])
    XCTAssertEqual(d.staff.map(\.id), ["T1", "T2", "T3", "P1"])
    let t1 = d.staff[0]
    XCTAssertEqual(t1.gender, .female)
    XCTAssertEqual(t1.stage, .primary)
    XCTAssertEqual(t1.subject, .math)
    XCTAssertNil(t1.cert)
    XCTAssertEqual(t1.certifiedStage, .primary)
    XCTAssertEqual(t1.title, .first)
    XCTAssertEqual(t1.key, .district)
    XCTAssertEqual(t1.wishes, ["S2", "S3"])
    XCTAssertEqual(t1.avoid, ["T2"])
    XCTAssertEqual(t1.home, GeoPoint(lat: 39.9, lon: 116.4))
    XCTAssertEqual(t1.line, 2)
    XCTAssertEqual(d.staff[1].volunteer, true)
    XCTAssertEqual(d.staff[1].pastSchools, ["S1"])
    XCTAssertEqual(d.staff[2].title, .none)
    XCTAssertEqual(d.staff[2].key, .none)
    let p1 = d.staff[3]
    XCTAssertEqual(p1.role, .principal)
    XCTAssertNil(p1.stage)
    XCTAssertNil(p1.subject)
    XCTAssertTrue(d.posts.isEmpty)
    XCTAssertTrue(d.warnings.isEmpty)
    XCTAssertEqual(Set(d.inputHashes.keys), ["schools.csv", "staff.csv"])
    XCTAssertEqual(d.inputHashes["schools.csv"], SHA256.hex(Array(SampleDistrict.schools.utf8)))
  }

  func testChineseHeadersAndLabelsInAnyOrder() throws {
    let f = FixtureFolder()
    f.write(
      "schools.csv",
      """
      学校名称,学校代码,学区,教育集团,办学水平,初中在校生数,小学在校生数,纬度,经度
      一小,S1,东区,,1,0,600,,
      九年,S2,东区,甲集团,3,400,300,39.9,116.4

      """)
    f.write(
      "staff.csv",
      """
      姓名,工号,性别,出生年份,岗位,学校代码,学段,学科,教师资格学段,职称,骨干级别,学历,本校任职年限,暂缓交流原因,自愿交流,住址纬度,住址经度,交流意向,曾任职学校,回避人员
      王一,T1,男,1980,教师,S1,小学,道德与法治,初中,正高级,学科带头人,研究生,9,无,是,,,S2,,
      李二,T2,女,1985,教师,S2,初中,体育与健康,,未定级,市级骨干,专科,2,,否,,,,,T1
      张三,P1,女,1972,副校长,S2,,,,,,博士,6,,,,,,,
      赵四,T3,男,1990,教师,S2,小学,信息科技,,二级,特级教师,中专,4,,1,,,,S1,

      """)
    let d = try DistrictLoader.load(folder: f.url)
    XCTAssertEqual(d.schools[0].studentsPrimary, 600)
    XCTAssertEqual(d.schools[1].group, "甲集团")
    XCTAssertEqual(d.schools[1].studentsJunior, 400)
    let t1 = d.staff[0]
    XCTAssertEqual(t1.name, "王一")
    XCTAssertEqual(t1.gender, .male)
    XCTAssertEqual(t1.subject, .politics)
    XCTAssertEqual(t1.cert, .junior)
    XCTAssertEqual(t1.title, .fullSenior)
    XCTAssertEqual(t1.key, .leader)
    XCTAssertEqual(t1.degree, .master)
    XCTAssertNil(t1.exemptReason)
    XCTAssertTrue(t1.volunteer)
    let t2 = d.staff[1]
    XCTAssertEqual(t2.gender, .female)
    XCTAssertEqual(t2.subject, .pe)
    XCTAssertEqual(t2.title, .none)
    XCTAssertEqual(t2.key, .municipal)
    XCTAssertEqual(t2.degree, .associate)
    XCTAssertFalse(t2.volunteer)
    XCTAssertEqual(d.staff[2].role, .vicePrincipal)
    XCTAssertEqual(d.staff[2].degree, .doctor)
    XCTAssertEqual(d.staff[3].subject, .it)
    XCTAssertEqual(d.staff[3].key, .special)
    XCTAssertEqual(d.staff[3].degree, .secondary)
  }

  func testEnglishHeadersAndCodesAreCaseInsensitive() throws {
    let f = FixtureFolder()
    f.write(
      "schools.csv",
      "ID,Name,ZONE,Tier,Students_Primary,students_junior\nS1,One,Z,1,10,0\n")
    f.write(
      "staff.csv",
      "Id,Name,Gender,Birth_Year,Role,School,Stage,Subject,Degree,Years\n"
        + "T1,Ann,f,1980,TEACHER,S1,Primary,MATH,Bachelor,3\n")
    let d = try DistrictLoader.load(folder: f.url)
    XCTAssertEqual(d.staff[0].gender, .female)
    XCTAssertEqual(d.staff[0].subject, .math)
  }

  func testGB18030FileWithChineseContent() throws {
    let f = FixtureFolder()
    let enc = TextDecoding.gb18030
    let schools = "学校代码,学校名称,学区,办学水平,小学在校生数,初中在校生数\r\nS1,第一小学,东城,2,500,0\r\n"
    let staff = "工号,姓名,性别,出生年份,岗位,学校代码,学段,学科,学历,本校任职年限\r\nT1,王芳,女,1980,教师,S1,小学,语文,本科,7\r\n"
    f.write("schools.csv", data: try XCTUnwrap(schools.data(using: enc)))
    f.write("staff.csv", data: try XCTUnwrap(staff.data(using: enc)))
    let d = try DistrictLoader.load(folder: f.url)
    XCTAssertEqual(d.schools[0].name, "第一小学")
    XCTAssertEqual(d.schools[0].zone, "东城")
    XCTAssertEqual(d.staff[0].name, "王芳")
    XCTAssertEqual(d.staff[0].subject, .chinese)
    // The hash is of the bytes on disk, not of the decoded text.
    XCTAssertEqual(d.inputHashes["staff.csv"], SHA256.hex(Array(staff.data(using: enc)!)))
  }

  func testBOMCRLFQuotedMultilineFieldAndTrimmedSpaces() throws {
    let f = FixtureFolder()
    let schools =
      "\u{FEFF}id,name,zone,tier,students_primary,students_junior\r\n"
      + "S1,\"One,\r\n \"\"Old\"\" campus\",Z1,1,12.0,0\r\n\r\n"
      + "  S2 ,  Two  ,Z1,2,0,5\r\n"
    f.write("schools.csv", schools)
    f.write(
      "staff.csv",
      "id,name,gender,birth_year,role,school,stage,subject,degree,years\r\n"
        + "T1,Ann,F,1980.0,teacher,S2,junior,math,bachelor,3\r\n")
    let d = try DistrictLoader.load(folder: f.url)
    XCTAssertEqual(d.schools[0].name, "One,\r\n \"Old\" campus")
    XCTAssertEqual(d.schools[0].studentsPrimary, 12)
    XCTAssertEqual(d.schools[1].id, "S2")
    XCTAssertEqual(d.schools[1].name, "Two")
    // Line 2-3 is the quoted record, line 4 blank, line 5 the next school.
    XCTAssertEqual(d.schools.map(\.line), [2, 5])
    XCTAssertEqual(d.staff[0].birthYear, 1980)
  }

  func testExemptVolunteerAndExemptWins() throws {
    let f = FixtureFolder()
    let base = "teacher,S1,primary,math,,,,bachelor,8"
    SampleDistrict.write(
      to: f,
      staffRows: [
        "A1,a,F,1980,\(base),,yes,,,,,", "A2,b,F,1980,\(base),无,是,,,,,",
        "A3,c,F,1980,\(base),-,1,,,,,", "A4,d,F,1980,\(base),None,TRUE,,,,,",
        "A5,e,F,1980,\(base),否,no,,,,,", "A6,f,F,1980,\(base),产假,yes,,,,,",
        "A7,g,F,1980,\(base),illness,,,,,,", "A8,h,F,1980,\(base),,0,,,,,",
      ])
    let d = try DistrictLoader.load(folder: f.url)
    let byID = Dictionary(uniqueKeysWithValues: d.staff.map { ($0.id, $0) })
    for id in ["A1", "A2", "A3", "A4", "A5", "A8"] { XCTAssertNil(byID[id]!.exemptReason, id) }
    XCTAssertEqual(byID["A1"]!.volunteer, true)
    XCTAssertEqual(byID["A3"]!.volunteer, true)
    XCTAssertEqual(byID["A4"]!.volunteer, true)
    XCTAssertEqual(byID["A5"]!.volunteer, false)
    XCTAssertEqual(byID["A8"]!.volunteer, false)
    XCTAssertEqual(byID["A6"]!.exemptReason, "产假")
    // Exempt wins: the loader keeps both facts; an exempt volunteer is not movable.
    XCTAssertEqual(byID["A6"]!.volunteer, true)
    XCTAssertEqual(byID["A7"]!.exemptReason, "illness")
  }

  func testWarningsOwnAvoidOwnWishUnknownColumn() throws {
    let f = FixtureFolder()
    f.write("schools.csv", SampleDistrict.schools.replacingOccurrences(of: ",lon\n", with: ",lon,remark\n"))
    SampleDistrict.write(
      to: f, schools: SampleDistrict.schools.replacingOccurrences(of: ",lon\n", with: ",lon,remark\n"),
      staffRows: [
        "T1,Ann,F,1980,teacher,S1,primary,math,,,,bachelor,8,,,,,S1；S2;;S1,,T1;T2",
        "T2,Bob,M,1975,teacher,S2,junior,physics,,,,master,10,,,,,,,",
      ])
    let d = try DistrictLoader.load(folder: f.url, displayPath: "d")
    XCTAssertEqual(d.staff[0].wishes, ["S1", "S2", "S1"])
    XCTAssertEqual(d.staff[0].avoid, ["T2"])
    XCTAssertEqual(d.warnings.count, 4)
    assertDiagnostic(d.warnings, .warning, file: schoolsFile, line: 1, column: "remark", contains: "unknown column")
    assertDiagnostic(d.warnings, .warning, file: staffFile, line: 2, column: "wishes", contains: "own school \"S1\"")
    assertDiagnostic(d.warnings, .warning, file: staffFile, line: 2, column: "avoid", contains: "own id \"T1\"")
  }

  func testPostsRules() throws {
    let f = FixtureFolder()
    SampleDistrict.write(
      to: f,
      posts: """
        school,stage,subject,posts
        S1,primary,math,3
        S1,junior,math,2
        S2,初中,音乐,1.0
        S3,junior,pe,0

        """)
    let d = try DistrictLoader.load(folder: f.url, displayPath: "d")
    XCTAssertEqual(
      d.posts,
      [
        PostKey(school: "S1", stage: .primary, subject: .math): 3,
        // Nobody teaches music in S2: the row creates the post.
        PostKey(school: "S2", stage: .junior, subject: .music): 1,
        PostKey(school: "S3", stage: .junior, subject: .pe): 0,
      ])
    XCTAssertEqual(d.warnings.count, 1)
    assertDiagnostic(d.warnings, .warning, file: postsFile, line: 3, column: "stage", contains: "no junior section")
    XCTAssertNotNil(d.inputHashes["posts.csv"])
  }

  func testPostsErrors() {
    let f = FixtureFolder()
    SampleDistrict.write(
      to: f,
      posts: """
        学校代码,学段,学科,岗位数
        S1,primary,math,3
        S1,小学,数学,4
        S9,primary,math,1
        S2,primary,dance,1
        S2,primary,art,-1

        """)
    let d = loadErrors(f)
    XCTAssertEqual(d.filter { $0.severity == .error }.count, 4)
    assertDiagnostic(d, file: postsFile, line: 3, column: nil, contains: "duplicate row for S1, primary, math (first on line 2)")
    assertDiagnostic(d, file: postsFile, line: 4, column: "学校代码", contains: "no school \"S9\"")
    assertDiagnostic(d, file: postsFile, line: 5, column: "学科", contains: "\"dance\" is not a subject code")
    assertDiagnostic(d, file: postsFile, line: 6, column: "岗位数", contains: "-1 is negative")
  }

  func testCadreStageAndSubjectOptionalButValidWhenGiven() throws {
    let ok = FixtureFolder()
    SampleDistrict.write(
      to: ok,
      staffRows: SampleDistrict.staffRows + ["P2,Eve,F,1971,副校长,S3,小学,math,,,,bachelor,7,,,,,,,"])
    let d = try DistrictLoader.load(folder: ok.url)
    // The school has no primary section, which is fine for a cadre.
    XCTAssertEqual(d.staff.last?.stage, .primary)
    XCTAssertEqual(d.staff.last?.subject, .math)
    let bad = errorsWithStaffRow("P2,Eve,F,1971,principal,S3,senior,sport,,,,bachelor,7,,,,,,,")
    assertDiagnostic(bad, file: staffFile, line: 6, column: "stage", contains: "\"senior\" is not a stage")
    assertDiagnostic(bad, file: staffFile, line: 6, column: "subject", contains: "\"sport\" is not a subject code")
  }

  func testFolderAndFilesMissing() {
    let f = FixtureFolder()
    f.write("staff.csv", SampleDistrict.staff)
    let d = loadErrors(f)
    assertDiagnostic(d, file: schoolsFile, line: nil, column: nil, contains: "file not found")
    // Without schools, school references are not checked: one error only.
    XCTAssertEqual(d.count, 1)
    XCTAssertThrowsError(try DistrictLoader.load(folder: f.url.appendingPathComponent("nope")))
  }

  func testDiagnosticFileIsThePathWithoutDisplayPath() {
    let f = FixtureFolder()
    SampleDistrict.write(to: f, staffRows: ["T1,Ann,X,1980,teacher,S1,primary,math,,,,bachelor,8,,,,,,,"])
    do {
      _ = try DistrictLoader.load(folder: f.url)
      XCTFail("expected an error")
    } catch let e as InputError {
      XCTAssertEqual(e.diagnostics.first?.file, f.url.appendingPathComponent("staff.csv").path)
      XCTAssertEqual(
        e.diagnostics.first?.description,
        "\(f.url.appendingPathComponent("staff.csv").path):2: gender: error: \"X\" is not a gender (M, F or their chinese labels)")
    } catch { XCTFail("\(error)") }
  }

  // MARK: each check of data.md's "Checks that make a file invalid"

  func testMissingRequiredColumn() {
    let f = FixtureFolder()
    SampleDistrict.write(
      to: f, schools: "id,name,tier,students_primary,students_junior\nS1,One,1,5,0\n",
      staffRows: ["T1,Ann,F,1980,teacher,S1,primary,math,,,,bachelor,8,,,,,,,"])
    let d = loadErrors(f)
    assertDiagnostic(d, file: schoolsFile, line: 1, column: "zone", contains: "missing required column")
    XCTAssertEqual(d.count, 1)
  }

  func testColumnGivenTwice() {
    let f = FixtureFolder()
    SampleDistrict.write(
      to: f,
      schools: "id,学校代码,name,zone,tier,students_primary,students_junior\nS1,S1,One,Z,1,5,0\n",
      staffRows: ["T1,Ann,F,1980,teacher,S1,primary,math,,,,bachelor,8,,,,,,,"])
    assertDiagnostic(loadErrors(f), file: schoolsFile, line: 1, column: "学校代码", contains: "column given twice")
  }

  func testMissingRequiredValues() {
    let d = errorsWithStaffRow("T9,,F,1980,teacher,S1,,math,,,,,8,,,,,,,")
    assertDiagnostic(d, file: staffFile, line: 6, column: "name", contains: "missing value")
    assertDiagnostic(d, file: staffFile, line: 6, column: "stage", contains: "missing value")
    assertDiagnostic(d, file: staffFile, line: 6, column: "degree", contains: "missing value")
    XCTAssertEqual(d.count, 3)
  }

  func testValueThatIsNotACodeOrLabel() {
    let d = errorsWithStaffRow("T9,Eve,W,1980,coach,S1,高中,语数,大学,博导,国家级,PhD,8,,maybe,,,,,")
    for (column, value) in [
      ("gender", "W"), ("role", "coach"), ("subject", "语数"), ("cert", "大学"),
      ("title", "博导"), ("key", "国家级"), ("degree", "PhD"), ("volunteer", "maybe"),
    ] {
      assertDiagnostic(d, file: staffFile, line: 6, column: column, contains: "\"\(value)\"")
    }
    // A teacher-only check cannot run when the role is unknown; the stage is still a bad code.
    assertDiagnostic(d, file: staffFile, line: 6, column: "stage", contains: "\"高中\" is not a stage")
  }

  func testNumbersThatDoNotParseOrAreOutOfRange() {
    let f = FixtureFolder()
    SampleDistrict.write(
      to: f,
      schools: SampleDistrict.schools + "S4,Four,Z,,4,-1,abc,95,200\nS5,Five,Z,,2.5,10.5,0,,\n",
      staffRows: SampleDistrict.staffRows + [
        "T8,Old,M,1890,teacher,S1,primary,math,,,,bachelor,-2,,,-91,181,,,",
        "T9,Odd,M,19x0,teacher,S1,primary,math,,,,bachelor,12.5,,,north,,,,",
      ])
    let d = loadErrors(f)
    assertDiagnostic(d, file: schoolsFile, line: 5, column: "tier", contains: "4 is outside 1–3")
    assertDiagnostic(d, file: schoolsFile, line: 5, column: "students_primary", contains: "-1 is negative")
    assertDiagnostic(d, file: schoolsFile, line: 5, column: "students_junior", contains: "\"abc\" is not a number")
    assertDiagnostic(d, file: schoolsFile, line: 5, column: "lat", contains: "95 is outside -90–90")
    assertDiagnostic(d, file: schoolsFile, line: 5, column: "lon", contains: "200 is outside -180–180")
    assertDiagnostic(d, file: schoolsFile, line: 6, column: "tier", contains: "2.5 is not a whole number")
    assertDiagnostic(d, file: schoolsFile, line: 6, column: "students_primary", contains: "10.5 is not a whole number")
    assertDiagnostic(d, file: staffFile, line: 6, column: "birth_year", contains: "1890 is outside 1940–2010")
    assertDiagnostic(d, file: staffFile, line: 6, column: "years", contains: "-2 is negative")
    assertDiagnostic(d, file: staffFile, line: 6, column: "home_lat", contains: "-91 is outside -90–90")
    assertDiagnostic(d, file: staffFile, line: 6, column: "home_lon", contains: "181 is outside -180–180")
    assertDiagnostic(d, file: staffFile, line: 7, column: "birth_year", contains: "\"19x0\" is not a number")
    assertDiagnostic(d, file: staffFile, line: 7, column: "years", contains: "12.5 is not a whole number")
    assertDiagnostic(d, file: staffFile, line: 7, column: "home_lat", contains: "\"north\" is not a number")
    XCTAssertEqual(d.filter { $0.severity == .error }.count, 14)
  }

  func testDuplicateIDs() {
    let f = FixtureFolder()
    SampleDistrict.write(
      to: f, schools: SampleDistrict.schools + "S2,Again,Z,,2,5,0,,\n",
      staffRows: SampleDistrict.staffRows + ["T1,Twin,F,1980,teacher,S1,primary,math,,,,bachelor,8,,,,,,,"])
    let d = loadErrors(f)
    assertDiagnostic(d, file: schoolsFile, line: 5, column: "id", contains: "duplicate id \"S2\" (first on line 3)")
    assertDiagnostic(d, file: staffFile, line: 6, column: "id", contains: "duplicate id \"T1\" (first on line 2)")
    XCTAssertEqual(d.count, 2)
  }

  func testReferencesToUnknownIDs() {
    let d = errorsWithStaffRow("T9,Eve,F,1980,teacher,S7,primary,math,,,,bachelor,8,,,,,S2;S8,S1;S6,T1；X1")
    assertDiagnostic(d, file: staffFile, line: 6, column: "school", contains: "no school \"S7\" in schools.csv")
    assertDiagnostic(d, file: staffFile, line: 6, column: "wishes", contains: "no school \"S8\"")
    assertDiagnostic(d, file: staffFile, line: 6, column: "past_schools", contains: "no school \"S6\"")
    assertDiagnostic(d, file: staffFile, line: 6, column: "avoid", contains: "no staff member \"X1\" in staff.csv")
    XCTAssertEqual(d.count, 4)
  }

  func testTeacherStageSectionTheSchoolLacks() {
    let d = errorsWithStaffRow("T9,Eve,F,1980,teacher,S1,初中,math,,,,bachelor,8,,,,,,,")
    assertDiagnostic(d, file: staffFile, line: 6, column: "stage", contains: "school \"S1\" has no junior section")
    XCTAssertEqual(d.count, 1)
  }

  func testCertBelowStage() {
    let d = errorsWithStaffRow("T9,Eve,F,1980,teacher,S2,junior,math,小学,,,bachelor,8,,,,,,,")
    assertDiagnostic(d, file: staffFile, line: 6, column: "cert", contains: "certificate primary is below stage junior")
    XCTAssertEqual(d.count, 1)
  }

  func testSchoolWithNoPupils() {
    let f = FixtureFolder()
    SampleDistrict.write(to: f, schools: SampleDistrict.schools + "S4,Empty,Z,,2,0,0.0,,\n")
    let d = loadErrors(f)
    assertDiagnostic(d, file: schoolsFile, line: 5, column: "students_primary", contains: "no pupils")
    XCTAssertEqual(d.count, 1)
  }

  func testAllProblemsOfAllFilesTogetherSortedByFileThenLine() {
    let f = FixtureFolder()
    SampleDistrict.write(
      to: f, schools: SampleDistrict.schools + "S4,Four,Z,,9,5,0,,\n",
      staffRows: [
        "T1,Ann,F,1980,teacher,S1,primary,math,,,,bachelor,8,,,,,,,T1",
        "T2,Bob,Q,1975,teacher,S2,junior,physics,,,,master,10,,,,,,,",
        "T3,Cai,F,1890,teacher,S3,junior,pe,,,,associate,3,,,,,,,",
      ],
      posts: "school,stage,subject,posts\nS9,primary,math,1\n")
    let d = loadErrors(f)
    XCTAssertEqual(
      d.map { "\($0.file):\($0.line ?? 0):\($0.severity)" },
      [
        "d/schools.csv:5:error", "d/staff.csv:2:warning", "d/staff.csv:3:error",
        "d/staff.csv:4:error", "d/posts.csv:2:error",
      ])
  }
}
