import Foundation

/// A JSON document with ordered object keys, printed deterministically.
public indirect enum JSONValue: Sendable, Equatable {
  case object([(String, JSONValue)])
  case array([JSONValue])
  case string(String)
  case number(Double)
  case int(Int)
  case bool(Bool)
  case null

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

  /// A number, or null when not finite; rounded to 9 decimals to keep output stable.
  public static func num(_ x: Double?) -> JSONValue {
    guard let x, x.isFinite else { return .null }
    let r = (x * 1e9).rounded() / 1e9
    return .number(r == 0 ? 0 : r)
  }

  /// Pretty-printed text with two-space indentation and a final newline.
  public func serialized(indent: Int = 0) -> String {
    var out = ""
    write(into: &out, level: indent)
    return out + (indent == 0 ? "\n" : "")
  }

  private func write(into out: inout String, level: Int) {
    let pad = String(repeating: "  ", count: level + 1)
    let end = String(repeating: "  ", count: level)
    switch self {
    case .object(let kv):
      if kv.isEmpty { out += "{}"; return }
      out += "{\n"
      for (n, (k, v)) in kv.enumerated() {
        out += pad + JSONValue.quote(k) + ": "
        v.write(into: &out, level: level + 1)
        out += n + 1 < kv.count ? ",\n" : "\n"
      }
      out += end + "}"
    case .array(let a):
      if a.isEmpty { out += "[]"; return }
      out += "[\n"
      for (n, v) in a.enumerated() {
        out += pad
        v.write(into: &out, level: level + 1)
        out += n + 1 < a.count ? ",\n" : "\n"
      }
      out += end + "]"
    case .string(let s): out += JSONValue.quote(s)
    case .number(let x):
      if x == x.rounded() && abs(x) < 1e15 { out += String(Int64(x)) } else { out += "\(x)" }
    case .int(let i): out += String(i)
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    }
  }

  static func quote(_ s: String) -> String {
    var r = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": r += "\\\""
      case "\\": r += "\\\\"
      case "\n": r += "\\n"
      case "\r": r += "\\r"
      case "\t": r += "\\t"
      default:
        if u.value < 0x20 { r += String(format: "\\u%04x", u.value) } else { r.unicodeScalars.append(u) }
      }
    }
    return r + "\""
  }
}
