import Foundation

/// An inline SVG drawing being built: elements are appended as text, coordinates rounded to
/// 1 decimal so that the output is small and deterministic. Text is escaped here.
struct SVGDrawing {
  var width: Double
  var height: Double
  private(set) var body = ""

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  private static func c(_ x: Double) -> String { ReportFormat.coord(x) }

  mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, extra: String = "") {
    body += "<rect x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" width=\"\(Self.c(max(0, w)))\" height=\"\(Self.c(max(0, h)))\" fill=\"\(fill)\"\(extra)/>"
  }

  mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
    body += "<line x1=\"\(Self.c(x1))\" y1=\"\(Self.c(y1))\" x2=\"\(Self.c(x2))\" y2=\"\(Self.c(y2))\" stroke=\"\(stroke)\""
    if width != 1 { body += " stroke-width=\"\(Self.c(width))\"" }
    if let dash { body += " stroke-dasharray=\"\(dash)\"" }
    body += "/>"
  }

  mutating func circle(_ x: Double, _ y: Double, r: Double, fill: String, stroke: String? = nil) {
    body += "<circle cx=\"\(Self.c(x))\" cy=\"\(Self.c(y))\" r=\"\(Self.c(r))\" fill=\"\(fill)\""
    if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"1.2\"" }
    body += "/>"
  }

  /// Text at (x, y); `anchor` is start, middle or end.
  mutating func text(
    _ x: Double, _ y: Double, _ s: String, anchor: String = "start", size: Double = 12,
    fill: String = "#212529", extra: String = ""
  ) {
    body += "<text x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" font-size=\"\(Self.c(size))\""
    if anchor != "start" { body += " text-anchor=\"\(anchor)\"" }
    if fill != "#212529" { body += " fill=\"\(fill)\"" }
    body += extra + ">" + ReportFormat.html(s) + "</text>"
  }

  /// Opens a group whose tooltip (SVG `<title>`) is `tip`.
  mutating func beginGroup(tip: String) { body += "<g><title>" + ReportFormat.html(tip) + "</title>" }
  mutating func endGroup() { body += "</g>" }

  /// The `<svg>` element; `label` is its accessible name.
  func render(label: String) -> String {
    let w = Self.c(width)
    let h = Self.c(height)
    return "<svg viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-label=\"\(ReportFormat.html(label))\">"
      + body + "</svg>"
  }
}

/// The report's charts as inline SVG: bars, dumbbells against a threshold, heat-maps of flows
/// and per-school bars. No scripts; tooltips are SVG `<title>` elements.
enum ReportCharts {
  /// Colours shared with the HTML's CSS.
  static let before = "#adb5bd"
  static let after = "#1c7ed6"
  static let mark = "#e03131"
  static let ok = "#2b8a3e"
  static let bad = "#c92a2a"
  static let out = "#e8590c"
  static let arrive = "#1c7ed6"
  static let grid = "#e9ecef"
  static let axis = "#868e96"

  /// Approximate rendered width of a label at a font size (CJK characters are two units).
  static func textWidth(_ s: String, size: Double) -> Double { Double(displayWidth(s)) * size * 0.55 }

  /// A "nice" tick step so that about `count` ticks cover `0…maxValue`.
  static func tickStep(_ maxValue: Double, count: Double = 4) -> Double {
    guard maxValue > 0 else { return 1 }
    let raw = maxValue / count
    let mag = pow(10, (log10(raw)).rounded(.down))
    for f in [1.0, 2, 2.5, 5, 10] where f * mag >= raw { return f * mag }
    return 10 * mag
  }

  /// One row of a horizontal bar chart: a value per series, its text, and an optional mark
  /// (a limit or threshold drawn as a red tick across the row).
  struct BarRow {
    var label: String
    var values: [Double]
    var texts: [String]
    var mark: Double?
  }

  /// Horizontal bars, one bar per series in each row, with optional marks; `series` gives the
  /// legend text and colour of each series, `markLegend` the legend of the marks.
  static func horizontalBars(
    _ rows: [BarRow], series: [(String, String)], markLegend: String?, label: String, maxValue: Double? = nil
  ) -> String {
    let size = 12.5
    let labelW = min(300, (rows.map { textWidth($0.label, size: size) }.max() ?? 40) + 14)
    let barArea = 420.0
    let textW = 70.0
    let barH = 13.0
    let rowH = Double(series.count) * (barH + 2) + 10
    let top = series.count > 1 || markLegend != nil ? 26.0 : 6.0
    let peak = max(
      maxValue ?? 0, rows.flatMap(\.values).max() ?? 0, rows.compactMap(\.mark).max() ?? 0, 1e-9)
    let scale = barArea / (peak * 1.04)
    var d = SVGDrawing(width: labelW + barArea + textW, height: top + Double(rows.count) * rowH + 6)
    // Legend (none for a single series without marks).
    var lx = labelW
    for (name, colour) in series where series.count > 1 {
      d.rect(lx, 6, 12, 12, fill: colour)
      d.text(lx + 16, 16, name, size: 12)
      lx += 16 + textWidth(name, size: 12) + 18
    }
    if let markLegend {
      d.line(lx + 6, 4, lx + 6, 20, stroke: mark, width: 2)
      d.text(lx + 12, 16, markLegend, size: 12)
    }
    for (r, row) in rows.enumerated() {
      let y0 = top + Double(r) * rowH
      d.text(labelW - 8, y0 + (rowH - 10) / 2 + 4, row.label, anchor: "end", size: size)
      for (s, v) in row.values.enumerated() {
        let y = y0 + Double(s) * (barH + 2)
        d.rect(labelW, y, v * scale, barH, fill: series[s].1)
        d.text(labelW + v * scale + 4, y + barH - 2.5, row.texts[s], size: 11, fill: "#495057")
      }
      if let m = row.mark {
        d.line(labelW + m * scale, y0 - 3, labelW + m * scale, y0 + rowH - 7, stroke: mark, width: 2)
      }
    }
    d.line(labelW, top - 4, labelW, top + Double(rows.count) * rowH - 6, stroke: axis)
    return d.render(label: label)
  }

  /// One (stage, indicator): per section, the value per 100 pupils before (hollow) and after
  /// (filled; green when it meets the threshold, red when not), sorted by the value before,
  /// with the threshold as a dashed line.
  static func dumbbell(_ view: PlanReport.IndicatorView, _ s: ReportStrings) -> String {
    let rows = view.sections.sorted {
      ($0.per100Before, $0.per100After, $0.section) < ($1.per100Before, $1.per100After, $1.section)
    }
    let n = Double(max(rows.count, 1))
    let plotW = max(200, min(1080, n * 9, n * 36))
    let step = plotW / n
    let left = 44.0
    let top = 24.0
    let plotH = 170.0
    let bottom = 14.0
    let peakValue = rows.map { max($0.per100Before, $0.per100After) }.max() ?? 0
    let peak = max(peakValue, view.threshold ?? 0, 0.1) * 1.08
    let tick = tickStep(peak)
    let yMax = (peak / tick).rounded(.up) * tick
    func y(_ v: Double) -> Double { top + plotH - v / yMax * plotH }
    var d = SVGDrawing(width: left + plotW + 56, height: top + plotH + bottom)
    // Legend: hollow before; filled after, green/red against the threshold.
    var lx = left + 6
    d.circle(lx, 10, r: 3.2, fill: "#fff", stroke: axis)
    d.text(lx + 7, 14, s.legendBefore, size: 11)
    lx += 22 + textWidth(s.legendBefore, size: 11)
    let afterKeys: [(String, String)] =
      view.threshold == nil
      ? [(s.legendAfter, after)] : [(s.legendAfterMeets, ok), (s.legendAfterMisses, bad)]
    for (text, colour) in afterKeys {
      d.circle(lx, 10, r: 3.2, fill: colour)
      d.text(lx + 7, 14, text, size: 11)
      lx += 22 + textWidth(text, size: 11)
    }
    // Grid and axis.
    var v = 0.0
    while v <= yMax + 1e-9 {
      d.line(left, y(v), left + plotW, y(v), stroke: grid)
      d.text(left - 5, y(v) + 4, tickLabel(v), anchor: "end", size: 10.5, fill: "#495057")
      v += tick
    }
    d.line(left, top, left, top + plotH, stroke: axis)
    // Sections.
    let radius = min(3.2, max(1.6, step * 0.36))
    let stem = min(2.5, max(1, step * 0.25))
    for (i, r) in rows.enumerated() {
      let x = left + (Double(i) + 0.5) * step
      let yb = y(r.per100Before)
      let ya = y(r.per100After)
      let colour = r.metAfter.map { $0 ? ok : bad } ?? after
      d.beginGroup(
        tip: "\(r.schoolID) \(r.schoolName) (\(s.stage(r.stage))): "
          + "\(ReportFormat.per100(r.per100Before)) → \(ReportFormat.per100(r.per100After))")
      if abs(yb - ya) > 0.05 { d.line(x, yb, x, ya, stroke: "#ced4da", width: stem) }
      d.circle(x, yb, r: radius, fill: "#fff", stroke: axis)
      d.circle(x, ya, r: radius, fill: colour)
      d.endGroup()
    }
    if let t = view.threshold {
      d.line(left, y(t), left + plotW, y(t), stroke: out, width: 1.5, dash: "5 3")
      d.text(left + plotW + 4, y(t) + 4, "\(s.legendThreshold) \(ReportFormat.coord(t))", size: 10.5, fill: out)
    }
    return d.render(label: "\(s.stage(view.stage)) \(s.indicator(view.indicator))")
  }

  /// An axis tick value with at most 2 decimals and no trailing zeros (0.25, 0.5, 1).
  static func tickLabel(_ v: Double) -> String {
    var t = ReportFormat.num(v, 2)
    while t.hasSuffix("0") && t.contains(".") { t.removeLast() }
    if t.hasSuffix(".") { t.removeLast() }
    return t
  }

  /// A flow matrix as a heat-map: rows are where people leave, columns where they arrive;
  /// cell colour grows with the count; row and column totals at the margins.
  static func heatMap(_ m: PlanReport.FlowMatrix, labels: [String], _ s: ReportStrings, label: String) -> String {
    let n = labels.count
    let cell = n <= 10 ? 42.0 : max(24, 420 / Double(n))
    let size = n <= 10 ? 12.0 : 10.5
    let labelW = (labels.map { textWidth($0, size: size) }.max() ?? 20) + 12
    let topH = min(160, (labels.map { textWidth($0, size: size) }.max() ?? 20) * 0.72 + 18)
    let totW = 46.0
    var d = SVGDrawing(width: labelW + Double(n) * cell + totW + 24, height: topH + Double(n) * cell + 26)
    let peak = max(1, m.maximum)
    for (c, l) in labels.enumerated() {
      let x = labelW + (Double(c) + 0.5) * cell
      d.text(x, topH - 6, l, size: size, extra: " transform=\"rotate(-40 \(ReportFormat.coord(x)) \(ReportFormat.coord(topH - 6)))\"")
    }
    d.text(labelW + Double(n) * cell + totW / 2, topH - 6, s.total, anchor: "middle", size: size)
    let rowTotals = m.rowTotals
    let colTotals = m.columnTotals
    for r in 0..<n {
      let y = topH + Double(r) * cell
      d.text(labelW - 6, y + cell / 2 + 4, labels[r], anchor: "end", size: size)
      for c in 0..<n {
        let x = labelW + Double(c) * cell
        let v = m.counts[r][c]
        let t = Double(v) / Double(peak)
        d.beginGroup(tip: "\(labels[r]) → \(labels[c]): \(v)")
        d.rect(x, y, cell - 1, cell - 1, fill: v == 0 ? "#f8f9fa" : heatColour(t), extra: r == c ? " stroke=\"#868e96\"" : "")
        if v > 0 {
          d.text(x + cell / 2, y + cell / 2 + 4, String(v), anchor: "middle", size: size, fill: t > 0.55 ? "#ffffff" : "#212529")
        }
        d.endGroup()
      }
      d.text(labelW + Double(n) * cell + totW / 2, y + cell / 2 + 4, String(rowTotals[r]), anchor: "middle", size: size, fill: "#495057")
    }
    let yT = topH + Double(n) * cell + 16
    for c in 0..<n {
      d.text(labelW + (Double(c) + 0.5) * cell, yT, String(colTotals[c]), anchor: "middle", size: size, fill: "#495057")
    }
    d.text(labelW + Double(n) * cell + totW / 2, yT, String(m.total), anchor: "middle", size: size, fill: "#212529", extra: " font-weight=\"600\"")
    return d.render(label: label)
  }

  /// Colour of a heat-map cell with relative value t in (0, 1]: light to dark blue.
  static func heatColour(_ t: Double) -> String {
    let lo = (231.0, 240.0, 250.0)
    let hi = (24.0, 100.0, 171.0)
    let u = min(1, max(0, 0.15 + 0.85 * t))
    func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * u).rounded()) }
    return String(format: "#%02x%02x%02x", mix(lo.0, hi.0), mix(lo.1, hi.1), mix(lo.2, hi.2))
  }

  /// Per school with any move, arrivals up and departures down (teachers and cadres), sorted
  /// by net change (largest gain first), with a dot at the net value.
  static func schoolBars(_ schools: [PlanReport.SchoolMoves], _ s: ReportStrings, label: String) -> String {
    let rows = schools.filter { $0.moves > 0 }.sorted {
      ($1.net, $1.moves, $0.school) < ($0.net, $0.moves, $1.school)
    }
    let n = Double(max(rows.count, 1))
    let plotW = max(120, min(1080, n * 10, n * 24))
    let step = plotW / n
    let left = 40.0
    let top = 24.0
    let half = 100.0
    let ins = rows.map { $0.inTeachers + $0.inCadres }
    let outs = rows.map { $0.outTeachers + $0.outCadres }
    let peak = Double(max(1, (ins + outs).max() ?? 1))
    let tick = max(1, tickStep(peak, count: 3).rounded(.up))
    let yMax = (peak / tick).rounded(.up) * tick
    let mid = top + half
    func y(_ v: Double) -> Double { mid - v / yMax * half }
    var d = SVGDrawing(width: left + plotW + 12, height: top + 2 * half + 10)
    d.rect(left + 4, 6, 12, 12, fill: arrive)
    d.text(left + 20, 16, s.legendIn, size: 12)
    let x2 = left + 34 + textWidth(s.legendIn, size: 12)
    d.rect(x2, 6, 12, 12, fill: out)
    d.text(x2 + 16, 16, s.legendOut, size: 12)
    var v = -yMax
    while v <= yMax + 1e-9 {
      d.line(left, y(v), left + plotW, y(v), stroke: v == 0 ? axis : grid)
      d.text(left - 5, y(v) + 4, String(Int(abs(v))), anchor: "end", size: 10.5, fill: "#495057")
      v += tick
    }
    for (i, r) in rows.enumerated() {
      let x = left + Double(i) * step
      let w = max(1.5, step * 0.72)
      let xb = x + (step - w) / 2
      d.beginGroup(
        tip: "\(r.id) \(r.name): \(s.legendIn) \(ins[i]) (\(s.inKey) \(r.inKey)), "
          + "\(s.legendOut) \(outs[i]) (\(s.outKey) \(r.outKey)), \(s.net) \(r.net)")
      d.rect(xb, y(Double(ins[i])), w, y(0) - y(Double(ins[i])), fill: arrive)
      d.rect(xb, mid, w, y(-Double(outs[i])) - mid, fill: out)
      d.circle(x + step / 2, y(Double(r.net)), r: min(2.4, max(1.2, step * 0.22)), fill: "#212529")
      d.endGroup()
    }
    return d.render(label: label)
  }
}
