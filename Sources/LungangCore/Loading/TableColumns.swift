import Foundation

/// Collects diagnostics while a loader runs, so that every problem is reported at once.
final class DiagnosticSink {
  private(set) var items: [Diagnostic] = []
  var hasErrors: Bool { items.contains { $0.severity == .error } }

  func error(_ file: String, _ line: Int?, _ column: String?, _ message: String) {
    items.append(Diagnostic(.error, file: file, line: line, column: column, message))
  }
  func warning(_ file: String, _ line: Int?, _ column: String?, _ message: String) {
    items.append(Diagnostic(.warning, file: file, line: line, column: column, message))
  }
  func append(contentsOf more: [Diagnostic]) { items.append(contentsOf: more) }
}

/// One column a district file knows: English name, Chinese header, whether it is required.
struct ColumnSpec {
  let name: String
  let chinese: String
  let required: Bool
  init(_ name: String, _ chinese: String, required: Bool = false) {
    self.name = name
    self.chinese = chinese
    self.required = required
  }
}

/// A column resolved against a header: its index (nil when the file lacks it) and its
/// header as written (the English name when missing), resolved once per file so that rows
/// are read without hashing column names.
struct Col {
  let index: Int?
  let header: String
}

/// The columns of one CSV file resolved against its header.
///
/// English headers match case-insensitively, Chinese headers exactly; order is free.
/// A missing required column is an error (at the header line, named by its English name);
/// a column given twice (e.g. as `id` and `学校代码`) is an error; an unknown column is a
/// warning; a column without a header is ignored, with a warning if it holds any value.
struct ColumnMap {
  private var indexByName: [String: Int] = [:]
  private var headerByName: [String: String] = [:]
  /// Number of header fields.
  let width: Int

  init(table: CSVTable, specs: [ColumnSpec], file: String, sink: DiagnosticSink) {
    width = table.header.count
    var specByHeader: [String: ColumnSpec] = [:]
    for spec in specs {
      specByHeader[spec.name.lowercased()] = spec
      specByHeader[spec.chinese] = spec
    }
    let line = table.headerLine
    // Columns without a header that hold a value somewhere: one pass over the fields (a scan
    // per column took minutes on a header of 20,000 empty names).
    let unnamed = table.header.map(\.isEmpty)
    var used = Array(repeating: false, count: width)
    if unnamed.contains(true) {
      for r in table.records {
        for i in 0..<min(r.count, width) where unnamed[i] && !used[i] && !table.fields[r.start + i].isEmpty {
          used[i] = true
        }
      }
    }
    for (i, written) in table.header.enumerated() {
      if written.isEmpty {
        if used[i] { sink.warning(file, line, nil, "column \(i + 1) has no header; its values are ignored") }
        continue
      }
      guard let spec = specByHeader[written] ?? specByHeader[written.lowercased()] else {
        sink.warning(file, line, written, "unknown column ignored")
        continue
      }
      if let first = headerByName[spec.name] {
        sink.error(file, line, written, "column given twice (also as \(Diagnostic.quoted(first)))")
        continue
      }
      indexByName[spec.name] = i
      headerByName[spec.name] = written
    }
    for spec in specs where spec.required && indexByName[spec.name] == nil {
      sink.error(file, line, spec.name, "missing required column (\(spec.name) or \(spec.chinese))")
    }
  }

  /// Index of a column by English name, nil when the file lacks it.
  func index(_ name: String) -> Int? { indexByName[name] }
  /// The header as written in the file, or the English name when the column is missing.
  func header(_ name: String) -> String { headerByName[name] ?? name }
  /// The column by English name, resolved.
  func col(_ name: String) -> Col { Col(index: indexByName[name], header: header(name)) }
}

/// Reads the values of one record, reporting each problem with file, line and column.
struct RowReader {
  let table: CSVTable
  let columns: ColumnMap
  let file: String
  let sink: DiagnosticSink
  let record: Int
  let line: Int

  init(table: CSVTable, columns: ColumnMap, file: String, sink: DiagnosticSink, record: Int) {
    self.table = table
    self.columns = columns
    self.file = file
    self.sink = sink
    self.record = record
    self.line = table.records[record].line
  }

  /// The trimmed text of a column; "" when the column is missing or the record is short.
  func text(_ c: Col) -> String {
    guard let i = c.index else { return "" }
    return table.value(record, i)
  }

  func error(_ c: Col?, _ message: String) {
    sink.error(file, line, c?.header, message)
  }

  func warning(_ c: Col?, _ message: String) {
    sink.warning(file, line, c?.header, message)
  }

  /// The text of a required column; nil (and an error) when empty. A missing column was
  /// already reported at the header, so it is not reported again per row.
  func required(_ c: Col) -> String? {
    guard c.index != nil else { return nil }
    let t = text(c)
    if t.isEmpty {
      error(c, "missing value")
      return nil
    }
    return t
  }

  /// A coded value (English code or Chinese label); nil when empty or invalid (then an error).
  func code<T>(_ c: Col, _ table: [String: T], what: String, codes: @autoclosure () -> [String]) -> T? {
    let t = text(c)
    if t.isEmpty { return nil }
    if let v = CodeLabels.lookup(t, table) { return v }
    error(c, "\(Diagnostic.quoted(t)) is not \(what) (\(codes().joined(separator: ", ")) or their chinese labels)")
    return nil
  }

  /// A required coded value.
  func requiredCode<T>(_ c: Col, _ table: [String: T], what: String, codes: @autoclosure () -> [String]) -> T? {
    guard required(c) != nil else { return nil }
    return code(c, table, what: what, codes: codes())
  }

  /// A whole number in `range`; nil when empty or invalid (then an error).
  func whole(_ c: Col, _ range: ClosedRange<Int>, required: Bool) -> Int? {
    let t = text(c)
    if t.isEmpty {
      if required, c.index != nil { error(c, "missing value") }
      return nil
    }
    guard let v = ValueParsing.wholeNumber(t) else {
      error(c, ValueParsing.decimal(t) != nil
        ? "\(Diagnostic.excerpt(t)) is not a whole number" : "\(Diagnostic.quoted(t)) is not a number")
      return nil
    }
    guard range.contains(v) else {
      if v < 0, range.lowerBound == 0 {
        error(c, "\(Diagnostic.excerpt(t)) is negative")
      } else {
        error(c, "\(Diagnostic.excerpt(t)) is outside \(range.lowerBound)–\(range.upperBound)")
      }
      return nil
    }
    return v
  }

  /// A decimal number in `range`; nil when empty or invalid (then an error).
  func decimal(_ c: Col, _ range: ClosedRange<Double>) -> Double? {
    let t = text(c)
    if t.isEmpty { return nil }
    guard let v = ValueParsing.decimal(t) else {
      error(c, "\(Diagnostic.quoted(t)) is not a number")
      return nil
    }
    guard range.contains(v) else {
      error(c, "\(Diagnostic.excerpt(t)) is outside \(Int(range.lowerBound))–\(Int(range.upperBound))")
      return nil
    }
    return v
  }

  /// A location from a latitude and a longitude column. Both empty: nil. Only one given:
  /// a warning, and no location. Out of range: an error.
  func location(lat: Col, lon: Col) -> GeoPoint? {
    let la = decimal(lat, -90...90)
    let lo = decimal(lon, -180...180)
    if let la, let lo { return GeoPoint(lat: la, lon: lo) }
    if text(lat).isEmpty != text(lon).isEmpty {
      let (missing, given) = text(lat).isEmpty ? (lat, lon) : (lon, lat)
      warning(missing, "missing value while \(Diagnostic.excerpt(given.header)) is given; location ignored")
    }
    return nil
  }

  /// Warns when the record has non-empty fields beyond the header.
  func checkWidth() {
    let r = table.records[record]
    guard r.count > columns.width else { return }
    if (columns.width..<r.count).contains(where: { !table.fields[r.start + $0].isEmpty }) {
      sink.warning(file, line, nil,
        "the row has \(r.count) fields but the header has \(columns.width); the extra fields are ignored")
    }
  }
}
