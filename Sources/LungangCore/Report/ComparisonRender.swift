import Foundation

/// Output formats of `lungang compare`.
public enum ComparisonFormat: String, CaseIterable, Sendable {
  case table, md, csv, json
}

extension ScenarioComparison {
  /// The comparison in one format. `color` (table only) draws the best values in green;
  /// `excel` (csv only) starts with a UTF-8 byte-order mark and ends lines with CRLF.
  public func render(_ format: ComparisonFormat, color: Bool = false, excel: Bool = false) -> String {
    switch format {
    case .table: return tableText(color: color)
    case .md: return markdown()
    case .csv: return csv(excel: excel)
    case .json: return json().serialized()
    }
  }

  /// A number as written in summary.json: whole numbers without a fraction, else the
  /// shortest text that reads back as the same double.
  static func full(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  /// A number with a row's decimals (whole numbers for 0).
  static func fixed(_ x: Double, _ decimals: Int) -> String {
    if decimals < 0 { return full(x) }
    return decimals == 0 && x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : PlanOutputs.fmt(x, decimals)
  }

  /// The cell of a value for the table and markdown; "-" when missing.
  static func cell(_ v: FigureValue, _ decimals: Int) -> String {
    if let t = v.text { return t }
    guard let x = v.number else { return "-" }
    let s = fixed(x, decimals)
    return v.of.map { "\(s) / \($0)" } ?? s
  }

  static func betterText(_ b: Better) -> String { b == .neutral ? "" : b.rawValue }

  /// Terminal table: a column per scenario (titles split at " / " over two lines), the best
  /// value of a row marked with `*` (and green when `color`).
  public func tableText(color: Bool) -> String {
    let header = ["figure", "better"] + titles.map { $0.replacingOccurrences(of: " / ", with: "\n") }
    var cells: [[String]] = []
    var lit = Set<[Int]>()
    var group = ""
    for row in rows {
      if row.group != group {
        group = row.group
        if !group.isEmpty { cells.append([group]) }
      }
      let r = cells.count
      let best = row.best
      var line = [(group.isEmpty ? "" : "  ") + row.label, ScenarioComparison.betterText(row.better)]
      for (c, v) in row.values.enumerated() {
        let s = ScenarioComparison.cell(v, row.decimals)
        if v.text != nil {
          line.append(s)
        } else {
          line.append(s + (best[c] ? "*" : " "))
          if best[c] { lit.insert([r, c + 2]) }
        }
      }
      cells.append(line)
    }
    let numeric = Set(2..<(2 + folders.count))
    var out = TextTable(header: header, rows: cells, rightAligned: numeric, highlighted: lit).render(color: color)
    out += "* best of the row (lower or higher is better); - not available\n"
    for d in diffs { out += "\n" + diffTable(d) }
    return out
  }

  func personText(_ p: SchoolDifference.Person) -> String {
    "\(p.staffID) \(p.name) " + (p.stays ? "(stays)" : "(from \(p.fromSchool))")
  }

  /// The per-school difference as a terminal table.
  func diffTable(_ d: PlacementDiff) -> String {
    let t = titles
    var s = "Who ends where: A = \(t[d.a]), B = \(t[d.b]); \(d.schools.count) school(s) differ\n"
    if d.schools.isEmpty { return s }
    var rows: [[String]] = []
    for sd in d.schools {
      let n = max(sd.onlyA.count, sd.onlyB.count)
      for k in 0..<n {
        rows.append([
          k == 0 ? sd.school : "", k == 0 ? sd.name : "",
          k < sd.onlyA.count ? personText(sd.onlyA[k]) : "",
          k < sd.onlyB.count ? personText(sd.onlyB[k]) : "",
        ])
      }
    }
    s += TextTable(header: ["school", "name", "only in A", "only in B"], rows: rows).render()
    return s
  }

  static func mdEscape(_ s: String) -> String {
    s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  /// GitHub-flavoured markdown: the best value of a row in bold.
  public func markdown() -> String {
    let e = ScenarioComparison.mdEscape
    var s = "| figure | better | " + titles.map(e).joined(separator: " | ") + " |\n"
    s += "|---|---|" + String(repeating: "--:|", count: folders.count) + "\n"
    var group = ""
    for row in rows {
      if row.group != group {
        group = row.group
        if !group.isEmpty { s += "| ***\(e(group))*** | |" + String(repeating: " |", count: folders.count) + "\n" }
      }
      let best = row.best
      let vals = row.values.enumerated().map { c, v -> String in
        let t = e(ScenarioComparison.cell(v, row.decimals))
        return best[c] ? "**\(t)**" : t
      }
      s += "| \(group.isEmpty ? "" : "&nbsp;&nbsp;")\(e(row.label.trimmingCharacters(in: .whitespaces))) | \(ScenarioComparison.betterText(row.better)) | " + vals.joined(separator: " | ") + " |\n"
    }
    s += "\nBold: best of the row (lower or higher is better); - not available.\n"
    for d in diffs {
      s += "\nWho ends where: A = \(e(titles[d.a])), B = \(e(titles[d.b])); \(d.schools.count) school(s) differ\n"
      if d.schools.isEmpty { continue }
      s += "\n| school | name | only in A | only in B |\n|---|---|---|---|\n"
      for sd in d.schools {
        s += "| \(e(sd.school)) | \(e(sd.name)) | " + e(sd.onlyA.map(personText).joined(separator: ", ")) + " | "
          + e(sd.onlyB.map(personText).joined(separator: ", ")) + " |\n"
      }
    }
    return s
  }

  /// CSV: `figure,key,better,<scenario>…,best` with full-precision values (counts out of a
  /// total as `x/n`); then, after an empty line, the per-school differences as
  /// `school,school_name,only_in,other,staff_id,staff_name,from_school,stays`.
  public func csv(excel: Bool) -> String {
    var w = CSVWriter(lineEnd: excel ? "\r\n" : "\n")
    let t = titles
    w.row(["figure", "key", "better"] + t + ["best"])
    for row in rows {
      let vals = row.values.map { v -> String in
        if let s = v.text { return s }
        guard let x = v.number else { return "" }
        return v.of.map { "\(ScenarioComparison.full(x))/\($0)" } ?? ScenarioComparison.full(x)
      }
      let best = row.best.enumerated().filter(\.element).map { t[$0.offset] }
      w.row([row.fullLabel, row.key, row.better.rawValue] + vals + [best.joined(separator: "; ")])
    }
    if !diffs.isEmpty {
      var text = w.text + (excel ? "\r\n" : "\n")
      var d = CSVWriter(lineEnd: excel ? "\r\n" : "\n")
      d.row(["school", "school_name", "only_in", "other", "staff_id", "staff_name", "from_school", "stays"])
      for pd in diffs {
        for sd in pd.schools {
          for (list, here, other) in [(sd.onlyA, pd.a, pd.b), (sd.onlyB, pd.b, pd.a)] {
            for p in list {
              d.row([sd.school, sd.name, t[here], t[other], p.staffID, p.name, p.fromSchool, p.stays ? "yes" : "no"])
            }
          }
        }
      }
      text += d.text
      return (excel ? "\u{FEFF}" : "") + text
    }
    return (excel ? "\u{FEFF}" : "") + w.text
  }

  /// One JSON document: the scenarios, the rows (values aligned with the scenarios, `of`
  /// for counts out of a total, `best` flags) and the per-school differences.
  public func json() -> JSONValue {
    let t = titles
    let scen: [JSONValue] = folders.enumerated().map { n, f in
      .object([("scenario", .string(f.scenario)), ("title", .string(t[n])), ("folder", .string(f.path))])
    }
    let rowsJSON: [JSONValue] = rows.map { row in
      var kv: [(String, JSONValue)] = [
        ("key", .string(row.key)), ("group", .string(row.group)), ("label", .string(row.label)), ("better", .string(row.better.rawValue)),
        (
          "values",
          .array(
            row.values.map { v in
              if let s = v.text { return .string(s) }
              return v.number.map { JSONValue.number($0) } ?? .null
            })
        ),
      ]
      if row.values.contains(where: { $0.of != nil }) {
        kv.append(("of", .array(row.values.map { $0.of.map { JSONValue.int($0) } ?? .null })))
      }
      kv.append(("best", .array(row.best.map { .bool($0) })))
      return .object(kv)
    }
    func people(_ ps: [SchoolDifference.Person]) -> JSONValue {
      .array(
        ps.map {
          .object([
            ("staff_id", .string($0.staffID)), ("name", .string($0.name)),
            ("from_school", .string($0.fromSchool)), ("stays", .bool($0.stays)),
          ])
        })
    }
    let diffsJSON: [JSONValue] = diffs.map { d in
      .object([
        ("a", .int(d.a)), ("b", .int(d.b)),
        (
          "schools",
          .array(
            d.schools.map {
              .object([
                ("school", .string($0.school)), ("name", .string($0.name)),
                ("only_a", people($0.onlyA)), ("only_b", people($0.onlyB)),
              ])
            })
        ),
      ])
    }
    return .object([("scenarios", .array(scen)), ("rows", .array(rowsJSON)), ("diffs", .array(diffsJSON))])
  }
}
