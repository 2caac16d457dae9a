import Foundation

/// One row of a plan.csv as written by `solve`: a person who moves.
public struct PlanRow: Sendable, Hashable {
  public var staffID: String
  public var name: String
  public var role: String
  public var fromSchool: String
  public var fromStage: String
  public var toSchool: String
  public var toStage: String
  /// 1-based wish rank of the destination; nil when not wished.
  public var wishRank: Int?
  /// Home-to-school km; nil when a location is unknown.
  public var commuteKm: Double?
}

/// One row of a sections.csv: a section and its indicator ratios.
public struct SectionRow: Sendable, Hashable {
  public var school: String
  public var name: String
  public var stage: String
  public var pupils: Int
  /// Indicator code → per-100-pupils ratio before rotation (indicators with a value only).
  public var per100Before: [String: Double]
  /// Indicator code → per-100-pupils ratio after rotation.
  public var per100After: [String: Double]
}

/// A result folder written by `lungang solve`, read back: summary.json (required),
/// plan.csv and sections.csv (optional: figures drawn from them are then missing).
public struct ResultFolder: @unchecked Sendable {
  /// The folder as given.
  public var path: String
  /// summary.json parsed (a JSON object).
  public var summary: [String: Any]
  /// plan.csv rows, nil when the file is missing or unreadable.
  public var plan: [PlanRow]?
  /// sections.csv rows, nil when the file is missing or unreadable.
  public var sections: [SectionRow]?
  /// Problems with the optional files, in words (for stderr).
  public var warnings: [String] = []

  /// A result folder that cannot be compared.
  public struct ReadError: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// The scenario name of summary.json.
  public var scenario: String { summary["scenario"] as? String ?? "" }

  /// Reads the folder `path`; throws naming the folder or summary.json when they are
  /// missing or summary.json is not a JSON object.
  public static func load(_ path: String) throws -> ResultFolder {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    guard fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
      throw ReadError(description: "\(path): no such result folder")
    }
    let dir = URL(fileURLWithPath: path)
    let sumPath = dir.appendingPathComponent("summary.json").path
    guard let data = fm.contents(atPath: sumPath) else {
      throw ReadError(description: "\(sumPath): no such file (not a folder written by `lungang solve`?)")
    }
    guard let doc = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
      throw ReadError(description: "\(sumPath): not a JSON object")
    }
    var folder = ResultFolder(path: path, summary: doc)
    let planPath = dir.appendingPathComponent("plan.csv").path
    if let table = folder.table(planPath) {
      folder.plan = folder.planRows(table, planPath)
    }
    let secPath = dir.appendingPathComponent("sections.csv").path
    if let table = folder.table(secPath) {
      folder.sections = folder.sectionRows(table, secPath)
    }
    return folder
  }

  init(path: String, summary: [String: Any]) {
    self.path = path
    self.summary = summary
  }

  /// Parses a CSV file (a UTF-8 BOM is skipped); nil with a warning when it cannot be read.
  mutating func table(_ path: String) -> CSVTable? {
    guard let data = FileManager.default.contents(atPath: path) else {
      warnings.append("\(path): no such file; the figures drawn from it are left out")
      return nil
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let (table, diags) = CSVReader.parse(bytes, file: path)
    let errors = diags.filter { $0.severity == .error }
    if !errors.isEmpty {
      warnings += errors.map(\.description)
      return nil
    }
    return table
  }

  /// The field without the `'` that `CSVWriter` puts before formula-like text.
  static func unneutralized(_ s: String) -> String {
    guard s.hasPrefix("'"), let c = s.dropFirst().unicodeScalars.first,
      "=+@-\t\r".unicodeScalars.contains(c)
    else { return s }
    return String(s.dropFirst())
  }

  mutating func planRows(_ t: CSVTable, _ path: String) -> [PlanRow]? {
    let header = t.header.map { $0.lowercased() }
    let need = ["staff_id", "name", "from_school", "to_school", "wish_rank", "commute_km"]
    let missing = need.filter { !header.contains($0) }
    if !missing.isEmpty {
      warnings.append("\(path): missing column \(missing.joined(separator: ", ")); the figures drawn from it are left out")
      return nil
    }
    func c(_ n: String) -> Int { header.firstIndex(of: n) ?? -1 }
    var rows: [PlanRow] = []
    for r in t.records.indices {
      func v(_ n: String) -> String {
        let k = c(n)
        return k >= 0 ? ResultFolder.unneutralized(t.value(r, k)) : ""
      }
      rows.append(
        PlanRow(
          staffID: v("staff_id"), name: v("name"), role: v("role"), fromSchool: v("from_school"),
          fromStage: v("from_stage"), toSchool: v("to_school"), toStage: v("to_stage"),
          wishRank: Int(v("wish_rank")), commuteKm: Double(v("commute_km"))))
    }
    return rows
  }

  mutating func sectionRows(_ t: CSVTable, _ path: String) -> [SectionRow]? {
    let header = t.header.map { $0.lowercased() }
    guard let cSchool = header.firstIndex(of: "school"), let cStage = header.firstIndex(of: "stage"),
      let cPupils = header.firstIndex(of: "pupils")
    else {
      warnings.append("\(path): missing column school, stage or pupils; the figures drawn from it are left out")
      return nil
    }
    let cName = header.firstIndex(of: "name")
    // Indicator codes: every `{m}_per100_after` column.
    let suffix = "_per100_after"
    let codes = header.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }
    var rows: [SectionRow] = []
    for r in t.records.indices {
      var before: [String: Double] = [:]
      var after: [String: Double] = [:]
      for m in codes {
        if let k = header.firstIndex(of: m + "_per100_before"), let x = Double(t.value(r, k)) { before[m] = x }
        if let k = header.firstIndex(of: m + suffix), let x = Double(t.value(r, k)) { after[m] = x }
      }
      rows.append(
        SectionRow(
          school: ResultFolder.unneutralized(t.value(r, cSchool)),
          name: cName.map { ResultFolder.unneutralized(t.value(r, $0)) } ?? "",
          stage: t.value(r, cStage), pupils: Int(t.value(r, cPupils)) ?? 0,
          per100Before: before, per100After: after))
    }
    return rows
  }

  /// The value at a path of keys in summary.json (nil when absent or JSON null).
  public func value(_ keys: [String]) -> Any? {
    var cur: Any? = summary
    for k in keys {
      guard let o = cur as? [String: Any] else { return nil }
      cur = o[k]
    }
    return cur is NSNull ? nil : cur
  }

  /// A number at a path of keys in summary.json.
  public func number(_ keys: String...) -> Double? {
    (value(keys) as? NSNumber)?.doubleValue
  }
}
