import Foundation
@testable import LungangCore

/// Shared helpers of the generator tests.
enum GenerateFixtures {
  /// A Dongcheng-sized district (the one in Scenarios/dongcheng), generated once.
  static let dongcheng: District = try! DistrictGenerator(
    GeneratorOptions(staff: 9000, schools: 100, zones: 8, seed: 2026, year: 2026)
  ).generate()

  /// A small district for fast byte comparisons.
  static func small(seed: UInt64) -> District {
    try! DistrictGenerator(
      GeneratorOptions(staff: 1500, schools: 20, zones: 2, groups: 3, seed: seed)
    ).generate()
  }

  /// The three files' bytes as written by default (Chinese, UTF-8 with BOM).
  static func bytes(_ d: District, language: DistrictCSV.Language = .chinese) -> [Data] {
    let csv = DistrictCSV(language: language)
    return [csv.schools(d), csv.staff(d), csv.posts(d)].map { try! CSVFileEncoding.utf8.encode($0) }
  }

  /// A fresh empty temporary folder.
  static func tempFolder() -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("lungang-gen-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A minimal RFC 4180 parser (quotes, CRLF) returning records of fields; strips a BOM.
  static func parseCSV(_ text: String) -> [[String]] {
    var s = Substring(text)
    if s.hasPrefix("\u{FEFF}") { s = s.dropFirst() }
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var i = s.startIndex
    while i < s.endIndex {
      let c = s[i]
      if quoted {
        if c == "\"" {
          let n = s.index(after: i)
          if n < s.endIndex && s[n] == "\"" {
            field.append("\"")
            i = n
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\r\n" || c == "\n" || c == "\r" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.append(c)
      }
      i = s.index(after: i)
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }

  /// FNV-1a 64 of some bytes (a stable fingerprint for golden tests).
  static func fnv1a(_ data: Data) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in data {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01B3
    }
    return h
  }
}
