import Foundation
import XCTest

@testable import LungangCore

/// Hand-picked hostile district files: huge fields, very wide and very long files, number edge
/// cases, encodings and byte-order marks, each with the outcome expected.
final class DistrictLoaderHostileInputTests: XCTestCase {
  private let schoolsFile = "d/schools.csv"
  private let staffFile = "d/staff.csv"
  private let postsFile = "d/posts.csv"

  private var schoolsText: String { String(decoding: TinyFiles.schools, as: UTF8.self) }
  private var staffText: String { String(decoding: TinyFiles.staff, as: UTF8.self) }

  /// The tiny district with staff.csv's lines (header first) replaced by `edit`.
  private func folder(
    schools: String? = nil, editStaff edit: (inout [String]) -> Void = { _ in }, posts: String? = nil
  ) -> (FixtureFolder, [String: [UInt8]]) {
    let f = FixtureFolder()
    var lines = staffText.split(separator: "\n").map(String.init)
    edit(&lines)
    let files = [
      "schools.csv": Array((schools ?? schoolsText).utf8),
      "staff.csv": Array((lines.joined(separator: "\n") + "\n").utf8),
    ].merging(posts.map { ["posts.csv": Array($0.utf8)] } ?? [:]) { a, _ in a }
    for (name, bytes) in files { f.write(name, data: Data(bytes)) }
    return (f, files)
  }

  /// The diagnostics of a load that must fail, checked well formed.
  private func errors(
    _ f: FixtureFolder, _ files: [String: [UInt8]], sourceLine: UInt = #line
  ) -> [Diagnostic] {
    let (loaded, diagnostics) = assertLoadsOrReports(f, files: files, "hostile", sourceLine: sourceLine)
    XCTAssertFalse(loaded, line: sourceLine)
    return diagnostics
  }

  // MARK: size

  /// (A 10 MB field is read in `CSVFuzzTests`: here the loader's SHA-256 of the file costs
  /// about 4 MB/s in a debug build.)
  func testMegabyteNameLoadsVerbatimAndHugeBadFieldsAreReportedShort() throws {
    let big = String(repeating: "名", count: 350_000)  // 1.05 MB of UTF-8
    var (f, files) = folder { $0[2] = $0[2].replacingOccurrences(of: "An Li", with: big) }
    let start = Date()
    let d = try DistrictLoader.load(folder: f.url, displayPath: "d")
    XCTAssertEqual(d.staff.first { $0.id == "a1" }?.name.unicodeScalars.count, 350_000)

    // 1 MB in a number column and in a quoted reference spanning lines: one short message each.
    let mb = String(repeating: "9", count: 1_000_000)
    let lines = String(repeating: "x\n", count: 500_000)
    (f, files) = folder {
      $0[2] = $0[2].replacingOccurrences(of: ",8,", with: ",\(mb),")
      $0[6] = $0[6].replacingOccurrences(of: ",,,,,A,,", with: ",,,,,\"\(lines)\",,")
    }
    let d2 = errors(f, files)
    assertDiagnostic(d2, file: staffFile, line: 3, column: "years", contains: "99999… is outside 0–1000000")
    assertDiagnostic(d2, file: staffFile, line: 7, column: "wishes", contains: "no school \"x\nx\nx")
    XCTAssertEqual(d2.count, 2, "\(d2)")
    XCTAssertTrue(d2[1].description.hasSuffix(#"x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n…" in schools.csv"#), d2[1].description)
    XCTAssertLessThan(Date().timeIntervalSince(start), 30)
  }

  func testVeryManyColumnsAndAVeryWideRow() throws {
    // 5,000 columns without a header, one holding a value (field 4,020 of line 2): one
    // warning for that column.
    var (f, files) = folder {
      $0[0] += String(repeating: ",", count: 5000)
      $0[1] += String(repeating: ",", count: 4000) + "stray"
    }
    var d = try DistrictLoader.load(folder: f.url, displayPath: "d")
    XCTAssertEqual(d.warnings.count, 1)
    assertDiagnostic(d.warnings, .warning, file: staffFile, line: 1, column: nil, contains: "column 4020 has no header")

    // A row of 200,000 fields: one warning, at its line.
    (f, files) = folder { $0[3] += String(repeating: ",y", count: 200_000) }
    d = try DistrictLoader.load(folder: f.url, displayPath: "d")
    XCTAssertEqual(d.warnings.count, 1)
    assertDiagnostic(
      d.warnings, .warning, file: staffFile, line: 4, column: nil,
      contains: "the row has 200020 fields but the header has 20")
    assertLoadsOrReports(f, files: files, "wide row")
  }

  /// Columns without a header were each checked against every row: a header of 20,000 empty
  /// names over 10,000 rows took 90 s to validate. Now one pass over the fields.
  func testManyUnnamedColumnsOverManyRowsAreLinear() throws {
    let start = Date()
    let (f, _) = folder {
      $0[0] += String(repeating: ",", count: 20_000)
      let rows = $0.dropFirst()
      $0 += (0..<10_000).map { k in
        let r = rows[rows.startIndex + k % rows.count]
        return "x\(k)" + r.drop { $0 != "," }
      }
      $0[$0.count - 1] += String(repeating: ",", count: 19_000) + "stray"
    }
    let d = try DistrictLoader.load(folder: f.url, displayPath: "d")
    XCTAssertEqual(d.staff.count, 16 + 10_000)
    XCTAssertEqual(d.warnings.map(\.description), ["d/staff.csv:1: warning: column 19020 has no header; its values are ignored"])
    XCTAssertLessThan(Date().timeIntervalSince(start), 30, "the old scan per column took 90 s here")
  }

  func testHundredThousandEmptyLinesKeepLineNumbers() {
    // 100,000 blank lines (LF, CRLF and CR mixed) between the header and the first row, whose
    // birth year is then wrong: reported at its physical line.
    // " \r\n", "\r", " \n": three line ends per repetition, none merging with the next.
    let blanks = String(repeating: " \r\n\r \n", count: 33_334)
    let (f, files) = folder {
      $0[0] += blanks
      $0[1] = $0[1].replacingOccurrences(of: "1972", with: "1939")
    }
    let d = errors(f, files)
    // Line 1 is the header, 100,002 line ends follow, and the join adds one more blank line.
    XCTAssertEqual(d.map(\.description), ["d/staff.csv:100004: birth_year: error: 1939 is outside 1940–2010"])
  }

  // MARK: numbers

  func testNumberEdgeCases() {
    // (column index in staff.csv, value, expected message or nil when valid)
    let cases: [(Int, String, String?)] = [
      (12, "99999999999999999999", "99999999999999999999 is outside 0–1000000"),
      (12, "9223372036854775808", "9223372036854775808 is outside 0–1000000"),
      (12, "-9223372036854775808", "-9223372036854775808 is negative"),
      (12, "1000001", "1000001 is outside 0–1000000"),
      (12, "1000000", nil),
      (12, "-0", nil),
      (12, "000000000000000000000000008", nil),
      (12, "1e309", "\"1e309\" is not a number"),
      (12, "1e3", "1e3 is not a whole number"),
      (12, "NaN", "\"NaN\" is not a number"),
      (12, "inf", "\"inf\" is not a number"),
      (12, "0x10", "\"0x10\" is not a number"),
      (12, "８", "\"８\" is not a number"),
      (3, "9223372036854775807", "9223372036854775807 is outside 1940–2010"),
      (15, "1e309", "\"1e309\" is not a number"),
      (15, "90.0000001", "90.0000001 is outside -90–90"),
      (15, "-0", nil),
      (16, "-180.5", "-180.5 is outside -180–180"),
      (16, "NaN", "\"NaN\" is not a number"),
    ]
    let header = staffText.split(separator: "\n")[0].split(separator: ",").map(String.init)
    for (column, value, expected) in cases {
      let (f, files) = folder {
        var fields = $0[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[column] = value
        if column == 15 { fields[16] = "116.4" }
        if column == 16 { fields[15] = "39.9" }
        $0[2] = fields.joined(separator: ",")
      }
      if let expected {
        let d = errors(f, files)
        assertDiagnostic(d, file: staffFile, line: 3, column: header[column], contains: expected)
        XCTAssertEqual(d.count, 1, "\(value): \(d)")
      } else {
        XCTAssertTrue(assertLoadsOrReports(f, files: files, value).loaded, value)
      }
    }
  }

  func testNegativeAndHugePupilsAndPosts() throws {
    let schools = schoolsText.replacingOccurrences(of: "A,Anding Primary,North,East Group,1,120,0", with: "A,Anding Primary,North,East Group,1,-120,0")
      .replacingOccurrences(of: "Beixin Primary,North,,2,120,0", with: "Beixin Primary,North,,2,120,99999999999999999999999")
    let posts = "school,stage,subject,posts\nC,junior,math,-1\nC,junior,english,1000001\nD,junior,math,1000000\n"
    let (f, files) = folder(schools: schools, posts: posts)
    let d = errors(f, files)
    assertDiagnostic(d, file: schoolsFile, line: 2, column: "students_primary", contains: "-120 is negative")
    assertDiagnostic(
      d, file: schoolsFile, line: 3, column: "students_junior",
      contains: "99999999999999999999999 is outside 0–1000000")
    assertDiagnostic(d, file: postsFile, line: 2, column: "posts", contains: "-1 is negative")
    assertDiagnostic(d, file: postsFile, line: 3, column: "posts", contains: "1000001 is outside 0–1000000")
    XCTAssertEqual(d.count, 4, "\(d)")
  }

  /// Before the bound on counts, twelve subjects of 999,999,999,999,999,999 posts in one
  /// section loaded, and adding up the section's free posts trapped on overflow.
  func testLargestPostsStillBuildAModel() throws {
    var posts = "school,stage,subject,posts\n"
    for s in Subject.allCases { posts += "C,junior,\(s.rawValue),\(DistrictLoader.maxCount)\n" }
    let (f, _) = folder(posts: posts)
    let district = try DistrictLoader.load(folder: f.url, displayPath: "d")
    let inst = RotationInstance(
      district: district, scenario: Scenario(name: "t", district: f.url, year: 2026))
    let form = Formulation(inst)
    XCTAssertGreaterThan(form.model.rowCount, 0)
  }

  // MARK: formula injection

  /// Formula-like names and ids load as written (fields are trimmed of spaces and tabs, as
  /// always); only the CSV writer neutralises them (CSVWriterTests, HostileInputCLITests).
  func testFormulaLikeNamesLoadVerbatim() throws {
    let names = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", "-5"]
    let (f, _) = folder {
      for (k, name) in names.enumerated() {
        var fields = $0[k + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[1] = "\"" + name + "\""
        $0[k + 1] = fields.joined(separator: ",")
      }
      $0[1] = $0[1].replacingOccurrences(of: "pA,", with: "@pA,")
    }
    let d = try DistrictLoader.load(folder: f.url, displayPath: "d")
    XCTAssertEqual(d.staff.prefix(8).map(\.name), ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "=1", "\r=1", "＝1+1", "-5"])
    XCTAssertEqual(d.staff[0].id, "@pA")
    XCTAssertTrue(d.warnings.isEmpty, "\(d.warnings)")
  }

  // MARK: encodings

  /// The tiny district with Chinese headers and labels, as UTF-8.
  private func chineseFiles() -> (schools: String, staff: String) {
    var schools = schoolsText
    schools = schools.replacingOccurrences(
      of: "id,name,zone,group,tier,students_primary,students_junior,lat,lon",
      with: "学校代码,学校名称,学区,教育集团,办学水平,小学在校生数,初中在校生数,纬度,经度")
    var staff = staffText
    staff = staff.replacingOccurrences(
      of: staffText.split(separator: "\n")[0],
      with: "工号,姓名,性别,出生年份,岗位,学校代码,学段,学科,教师资格学段,职称,骨干级别,学历,本校任职年限,暂缓交流原因,自愿交流,住址纬度,住址经度,交流意向,曾任职学校,回避人员")
    for (en, zh) in [
      (",teacher,", ",教师,"), (",principal,", ",校长,"), (",primary,", ",小学,"), (",junior,", ",初中,"),
      (",math,", ",数学,"), (",F,", ",女,"), (",M,", ",男,"), (",bachelor,", ",本科,"), (",senior,", ",高级,"),
      (",yes,", ",是,"),
    ] {
      // Twice, for neighbouring fields (",primary,primary,").
      staff = staff.replacingOccurrences(of: en, with: zh).replacingOccurrences(of: en, with: zh)
    }
    return (schools, staff)
  }

  func testEncodingsAndLineEndsGiveTheSameDistrict() throws {
    let (schools, staff) = chineseFiles()
    let reference = try load(schools: Data(schools.utf8), staff: Data(staff.utf8))
    XCTAssertEqual(reference.staff.count, 16)
    XCTAssertEqual(reference.staff[1].subject, .math)
    let gb = CSVFileEncoding.gb18030
    let variants: [(String, Data, Data)] = [
      ("utf-8 bom", try CSVFileEncoding.utf8.encode(schools), try CSVFileEncoding.utf8.encode(staff)),
      ("gb18030", try gb.encode(schools), try gb.encode(staff)),
      ("crlf", Data(schools.replacingOccurrences(of: "\n", with: "\r\n").utf8),
       Data(staff.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
      ("cr gb18030", try gb.encode(schools.replacingOccurrences(of: "\n", with: "\r")),
       try gb.encode(staff.replacingOccurrences(of: "\n", with: "\r"))),
    ]
    for (what, s, t) in variants {
      let d = try load(schools: s, staff: t)
      XCTAssertEqual(d.schools, reference.schools, what)
      XCTAssertEqual(d.staff, reference.staff, what)
    }
  }

  private func load(schools: Data, staff: Data) throws -> District {
    let f = FixtureFolder()
    f.write("schools.csv", data: schools)
    f.write("staff.csv", data: staff)
    return try DistrictLoader.load(folder: f.url, displayPath: "d")
  }

  func testUTF16AndInvalidBytesAreOneErrorForTheFile() {
    let staff = staffText
    let le = Data([0xFF, 0xFE]) + staff.data(using: .utf16LittleEndian)!
    let be = Data([0xFE, 0xFF]) + staff.data(using: .utf16BigEndian)!
    let cases: [(String, Data, String)] = [
      ("utf-16le", le, "the file is utf-16 text"),
      ("utf-16be", be, "the file is utf-16 text"),
      ("utf-16le without bom", staff.data(using: .utf16LittleEndian)!, "the file contains nul bytes"),
      ("bom after bom", Data([0xEF, 0xBB, 0xBF, 0xFF, 0xFE]) + staff.data(using: .utf16LittleEndian)!,
       "the file is utf-16 text"),
      ("invalid utf-8 and gb18030", Data(staff.utf8) + Data([0x80, 0xFF, 0xFE, 0x80]), "neither utf-8 nor gb18030"),
    ]
    for (what, data, message) in cases {
      let f = FixtureFolder()
      f.write("schools.csv", data: Data(TinyFiles.schools))
      f.write("staff.csv", data: data)
      let d = errors(f, ["schools.csv": TinyFiles.schools, "staff.csv": [UInt8](data)])
      XCTAssertEqual(d.count, 1, what)
      assertDiagnostic(d, file: staffFile, line: nil, column: nil, contains: message)
    }
  }

  /// UTF-8 Chinese with one GB18030 name (a file edited in two programs): not valid UTF-8, and
  /// the UTF-8 bytes of the Chinese labels are not valid GB18030 either, so the file is one
  /// error rather than silently misread.
  func testUTF8WithOneGB18030NameIsOneErrorForTheFile() throws {
    let (schools, staff) = chineseFiles()
    var bytes = Array(staff.utf8)
    let name = Array("An Li".utf8)
    let at = try XCTUnwrap(bytes.firstRange(of: name))
    bytes.replaceSubrange(at, with: [UInt8](try CSVFileEncoding.gb18030.encode("李安")))
    let f = FixtureFolder()
    f.write("schools.csv", schools)
    f.write("staff.csv", data: Data(bytes))
    let d = errors(f, ["schools.csv": Array(schools.utf8), "staff.csv": bytes])
    XCTAssertEqual(d.map(\.description), ["d/staff.csv: error: the file is neither utf-8 nor gb18030 (gbk) text"])
  }
}
