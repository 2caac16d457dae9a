import Foundation

/// Number formatting and escaping shared by the report renderers: fixed decimals (no locale,
/// no "-0"), and text from the data made safe for HTML and Markdown.
enum ReportFormat {
  /// `x` with `decimals` fixed decimals.
  static func num(_ x: Double, _ decimals: Int) -> String { PlanOutputs.fmt(x, decimals) }

  /// A per-100-pupils value (2 decimals).
  static func per100(_ x: Double) -> String { num(x, 2) }

  /// A coefficient of variation (3 decimals), or "—" when undefined.
  static func cv(_ x: Double?) -> String { x.map { num($0, 3) } ?? "—" }

  /// An objective figure (3 decimals), or "—".
  static func objective(_ x: Double?) -> String { x.map { num($0, 3) } ?? "—" }

  /// A relative gap as a percentage with 4 decimals, or "—".
  static func gapPercent(_ x: Double?) -> String { x.map { num($0 * 100, 4) + " %" } ?? "—" }

  /// A share as a percentage with at most 1 decimal (0.1 → "10%", 0.125 → "12.5%").
  static func percent(_ x: Double) -> String { coord(x * 100) + "%" }

  /// An SVG coordinate: 1 decimal, trailing ".0" dropped.
  static func coord(_ x: Double) -> String {
    let s = num(x, 1)
    return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
  }

  /// Text made safe inside HTML and SVG elements and attribute values.
  static func html(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // Control characters other than tab and newline would make the document invalid.
        if c.value < 0x20 && c != "\t" && c != "\n" || c.value == 0x7F {
          out += " "
        } else {
          out.unicodeScalars.append(c)
        }
      }
    }
    return out
  }

  /// Text made literal inside a Markdown table cell or paragraph: ASCII punctuation that
  /// Markdown (or inline HTML) would interpret is backslash-escaped, line breaks become spaces.
  static func markdown(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "&", "{", "}", "$":
        out += "\\"
        out.unicodeScalars.append(c)
      case "\n", "\r", "\t": out += " "
      default:
        if c.value < 0x20 || c.value == 0x7F { out += " " } else { out.unicodeScalars.append(c) }
      }
    }
    return out
  }
}
