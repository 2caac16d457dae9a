import Foundation
import XCTest

@testable import LungangCore

/// A temporary folder that holds the fixture files of one test.
final class FixtureFolder {
  let url: URL

  init() {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("lungang-loading-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `text` (UTF-8) to `name`, creating folders as needed; returns the file URL.
  @discardableResult
  func write(_ name: String, _ text: String) -> URL {
    write(name, data: Data(text.utf8))
  }

  @discardableResult
  func write(_ name: String, data: Data) -> URL {
    let file = url.appendingPathComponent(name)
    try! FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try! data.write(to: file)
    return file
  }
}

/// A small valid district: three schools, three teachers and a principal.
enum SampleDistrict {
  static let schools = """
    id,name,zone,group,tier,students_primary,students_junior,lat,lon
    S1,One,Z1,G1,1,600,0,39.9,116.4
    S2,Two,Z1,,2,300,400,39.91,116.41
    S3,Three,Z2,G1,3,0,500,,

    """
  static let staffHeader =
    "id,name,gender,birth_year,role,school,stage,subject,cert,title,key,degree,years,exempt,volunteer,home_lat,home_lon,wishes,past_schools,avoid"
  static let staffRows = [
    "T1,Ann,F,1980,teacher,S1,primary,math,,first,district,bachelor,8,,,39.9,116.4,S2;S3,,T2",
    "T2,Bob,M,1975,teacher,S2,junior,physics,junior,senior,none,master,10,,yes,,,,S1,",
    "T3,Cai,F,1990,teacher,S3,junior,pe,,,,associate,3,,,,,,,",
    "P1,Dan,M,1970,principal,S1,,,,,,bachelor,7,,,,,,,",
  ]
  static var staff: String { ([staffHeader] + staffRows).joined(separator: "\n") + "\n" }

  /// Writes the district with optional replacements of the staff rows or files.
  static func write(
    to folder: FixtureFolder, schools: String = schools, staffRows: [String] = staffRows,
    posts: String? = nil
  ) {
    folder.write("schools.csv", schools)
    folder.write("staff.csv", ([staffHeader] + staffRows).joined(separator: "\n") + "\n")
    if let posts { folder.write("posts.csv", posts) }
  }
}

extension XCTestCase {
  /// The diagnostics of a district load that must fail.
  func loadErrors(
    _ folder: FixtureFolder, file: StaticString = #filePath, line: UInt = #line
  ) -> [Diagnostic] {
    do {
      _ = try DistrictLoader.load(folder: folder.url, displayPath: "d")
      XCTFail("expected the district to be invalid", file: file, line: line)
      return []
    } catch let error as InputError {
      return error.diagnostics
    } catch {
      XCTFail("unexpected error \(error)", file: file, line: line)
      return []
    }
  }

  /// Asserts a diagnostic with this file, line, column, severity and message fragment exists.
  func assertDiagnostic(
    _ diagnostics: [Diagnostic], _ severity: Diagnostic.Severity = .error, file name: String,
    line: Int?, column: String?, contains fragment: String,
    sourceFile: StaticString = #filePath, sourceLine: UInt = #line
  ) {
    let found = diagnostics.contains {
      $0.severity == severity && $0.file == name && $0.line == line && $0.column == column
        && $0.message.contains(fragment)
    }
    XCTAssertTrue(
      found,
      "no \(severity) \(name):\(line.map(String.init) ?? "-"): \(column ?? "-"): …\(fragment)… in\n"
        + diagnostics.map(\.description).joined(separator: "\n"),
      file: sourceFile, line: sourceLine)
  }
}
