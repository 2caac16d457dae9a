/// A terminal table whose columns line up by display width (CJK text is two columns wide),
/// with header cells of several lines, heading rows (a single cell, running across) and
/// optional ANSI colour on chosen cells.
public struct TextTable: Sendable {
  /// Header cells; a `\n` stacks a cell over several lines.
  public var header: [String]
  public var rows: [[String]]
  /// Columns whose cells are right-aligned.
  public var rightAligned: Set<Int> = []
  /// (row, column) cells drawn in bold green when colour is on.
  public var highlighted: Set<[Int]> = []

  public init(header: [String], rows: [[String]], rightAligned: Set<Int> = [], highlighted: Set<[Int]> = []) {
    self.header = header
    self.rows = rows
    self.rightAligned = rightAligned
    self.highlighted = highlighted
  }

  /// ANSI escape of highlighted cells.
  static let on = "\u{1B}[1;32m"
  static let off = "\u{1B}[0m"

  /// The table as text: header lines, a rule of dashes, the rows; no trailing spaces.
  public func render(color: Bool = false) -> String {
    let n = max(header.count, rows.map(\.count).max() ?? 0)
    let headLines = header.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    let depth = headLines.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: n)
    for (c, lines) in headLines.enumerated() { for l in lines { widths[c] = max(widths[c], displayWidth(l)) } }
    // A row of one cell in a table of several columns is a heading: it may run across.
    for r in rows where !(r.count == 1 && n > 1) {
      for (c, s) in r.enumerated() { widths[c] = max(widths[c], displayWidth(s)) }
    }
    func line(_ cells: [String], row: Int?) -> String {
      var parts: [String] = []
      for c in 0..<n {
        let s = c < cells.count ? cells[c] : ""
        let fill = String(repeating: " ", count: max(0, widths[c] - displayWidth(s)))
        let lit = color && row.map { highlighted.contains([$0, c]) } == true
        let text = lit ? TextTable.on + s + TextTable.off : s
        parts.append(rightAligned.contains(c) ? fill + text : text + fill)
      }
      if cells.count == 1 && n > 1 { return cells[0] }
      var out = parts.joined(separator: "  ")
      while out.hasSuffix(" ") { out.removeLast() }
      return out
    }
    var out: [String] = []
    for d in 0..<depth {
      // Header lines sit at the bottom of their cell, so one-line titles align with the last line.
      let cells = headLines.map { lines -> String in
        let k = d - (depth - lines.count)
        return k >= 0 ? lines[k] : ""
      }
      out.append(line(cells, row: nil))
    }
    if depth > 0 { out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
    for (r, cells) in rows.enumerated() { out.append(line(cells, row: r)) }
    return out.joined(separator: "\n") + "\n"
  }
}
