/// Terminal display width of text: East Asian wide and fullwidth characters take two
/// columns, combining marks none (a small wcwidth that does not depend on the locale).
public func displayWidth(_ s: String) -> Int {
  var w = 0
  for u in s.unicodeScalars {
    let v = u.value
    if v == 0 { continue }
    if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark
      || v == 0x200B
    {
      continue
    }
    let wide =
      (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
      || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
      || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x20000...0x3FFFD).contains(v)
    w += wide ? 2 : 1
  }
  return w
}

/// Pads text with spaces to a display width (left-aligned, or right-aligned for numbers).
public func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
  let fill = String(repeating: " ", count: max(0, width - displayWidth(s)))
  return right ? fill + s : s + fill
}

/// Renders rows as a table whose columns line up by display width.
public func renderTable(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
  guard let n = rows.map(\.count).max() else { return "" }
  var widths = Array(repeating: 0, count: n)
  for r in rows { for (c, s) in r.enumerated() { widths[c] = max(widths[c], displayWidth(s)) } }
  return rows.map { r in
    r.enumerated().map { pad($1, widths[$0], right: rightAligned.contains($0)) }
      .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
  }.joined(separator: "\n") + "\n"
}
