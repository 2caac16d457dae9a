import Foundation

/// Builds RFC 4180 CSV text: quotes fields that need it, LF or CRLF line ends.
public struct CSVWriter: Sendable {
  /// Line end written after each record.
  public var lineEnd: String
  /// Prefix `'` to fields that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`).
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

  /// One field, quoted where needed.
  public func escape(_ field: String) -> String {
    var f = field
    if neutralizeFormulas, let c = f.unicodeScalars.first, "=+@\t\r".unicodeScalars.contains(c)
      || (c == "-" && Double(f) == nil)
    {
      f = "'" + f
    }
    if f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return f
  }
}
