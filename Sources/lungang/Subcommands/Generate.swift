import ArgumentParser
import Foundation
import LungangCore

extension Lungang {
  /// `lungang generate`: writes a deterministic synthetic district.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a deterministic synthetic district (schools.csv, staff.csv, posts.csv).",
      discussion: """
        The same options and seed give byte-identical files on any machine. Headers and \
        values are Chinese (学校代码, 教师, 语文, …) unless --english is given; files are \
        UTF-8 with a BOM (Excel style) unless --encoding gb18030 is given.
        Example: lungang generate --staff 9000 --schools 100 --zones 8 --seed 2026 --out dongcheng
        """)

    @Option(help: "Staff (teachers and cadres) in the district.")
    var staff: Int = 9000

    @Option(help: "Schools in the district.")
    var schools: Int = 100

    @Option(help: "School zones (学区); default: one per 12 schools.")
    var zones: Int?

    @Option(help: "Education groups (集团); default: one per 9 schools.")
    var groups: Int?

    @Option(help: "Seed of the random stream.")
    var seed: UInt64 = 1

    @Option(help: "Reference year: birth years are year − age.")
    var year: Int = 2026

    @Option(help: "Folder to write into (created when missing).")
    var out: String

    @Option(help: "Share of avoid pairs placed at one school (0–1; default 0.15). 0: none, so the district always admits a plan.")
    var avoidSameSchool: Double?

    @Flag(help: "English headers and codes instead of Chinese ones.")
    var english = false

    @Option(help: "File encoding: utf8 (with BOM) or gb18030.")
    var encoding: String = "utf8"

    @Flag(help: "Replace the CSV files of a non-empty folder.")
    var force = false

    func run() throws {
      guard let enc = CSVFileEncoding(rawValue: encoding.lowercased()) else {
        throw ValidationError("--encoding must be utf8 or gb18030")
      }
      var options = GeneratorOptions(
        staff: staff, schools: schools, zones: zones, groups: groups, seed: seed, year: year)
      if let avoidSameSchool { options.avoidSameSchool = avoidSameSchool }
      let folder = URL(fileURLWithPath: out)
      do {
        let district = try DistrictGenerator(options).generate(folder: folder)
        let writer = DistrictFolderWriter(
          csv: DistrictCSV(language: english ? .english : .chinese), encoding: enc, force: force)
        try writer.write(district, to: folder)
        let teachers = district.staff.filter { $0.role == .teacher }.count
        print(
          "wrote \(out): \(district.schools.count) schools, \(options.zoneCount) zones, "
            + "\(options.groupCount) groups, \(district.staff.count) staff "
            + "(\(teachers) teachers, \(district.staff.count - teachers) cadres), "
            + "\(district.posts.count) post rows")
      } catch let e as GeneratorError {
        FileHandle.standardError.write(Data(("lungang generate: " + e.description + "\n").utf8))
        throw ExitCode(2)
      }
    }
  }
}
