import Foundation

/// Builds RFC 4180 CSV text: quotes fields that need it, LF or CRLF line ends.
public struct CSVWriter: Sendable {
  /// Line end written after each record.
  public var lineEnd: String
  /// Prefix `'` to fields that a spreadsheet would run as a formula (see `isFormulaLike`).
  public var neutralizeFormulas: Bool
  /// The text so far.
  public private(set) var text = ""

  public init(lineEnd: String = "\n", neutralizeFormulas: Bool = true) {
    self.lineEnd = lineEnd
    self.neutralizeFormulas = neutralizeFormulas
  }

  /// Appends one record.
  public mutating func row(_ fields: [String]) {
    text += fields.map(escape).joined(separator: ",") + lineEnd
  }

  /// One field: `'`-prefixed when formula-like (and neutralising), quoted when it holds a
  /// comma, a quote, or a line end of any kind (a CRLF is one `Character` in Swift, so the
  /// test is on bytes).
  public func escape(_ field: String) -> String {
    var f = field
    if neutralizeFormulas, CSVWriter.isFormulaLike(f) { f = "'" + f }
    if f.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
      return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return f
  }

  /// Whether a spreadsheet may run `field` as a formula (OWASP "CSV injection"): it starts
  /// with `=`, `+`, `-`, `@`, a tab or a carriage return, or with the full-width `＝`, `＋`,
  /// `－`, `＠` that East Asian input methods type and some spreadsheets accept in their place.
  /// A plain decimal number with a sign (`-3`, `-0.25`, `+1e3`, per `ValueParsing.decimal`)
  /// is not: it must stay a number.
  public static func isFormulaLike(_ field: String) -> Bool {
    guard let c = field.unicodeScalars.first else { return false }
    switch c {
    case "=", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}": return true
    case "+", "-": return ValueParsing.decimal(field) == nil
    default: return false
    }
  }
}
