import Foundation

/// Strict parsing of the numbers and lists found in district files.
public enum ValueParsing {
  /// A whole number written `12`, `+12`, `-3`, `12.` or `12.0` (Excel writes both); nil for
  /// `12.5`, `1e3`, `1,200` or anything else. A number with more than 18 significant digits
  /// saturates to `Int.max` (or `-Int.max`), so that a range check reports it as too large
  /// instead of the arithmetic overflowing.
  public static func wholeNumber(_ text: String) -> Int? {
    var digits = 0
    var significant = 0
    var value = 0
    var negative = false
    var seenPoint = false
    var index = 0
    for c in text.utf8 {
      defer { index += 1 }
      if index == 0, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
        negative = c == UInt8(ascii: "-")
        continue
      }
      if seenPoint {
        if c != UInt8(ascii: "0") { return nil }
        continue
      }
      if c == UInt8(ascii: ".") {
        if digits == 0 { return nil }
        seenPoint = true
        continue
      }
      guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
      digits += 1
      if significant == 0 && c == UInt8(ascii: "0") { continue }
      significant += 1
      value = significant > 18 ? Int.max : value * 10 + Int(c - UInt8(ascii: "0"))
    }
    if digits == 0 { return nil }
    return negative ? -value : value
  }

  /// A decimal number: optional sign, digits with an optional point, optional exponent.
  /// No hex, `inf` or `nan`, no thousands separators.
  public static func decimal(_ text: String) -> Double? {
    var sawDigit = false
    var sawPoint = false
    var sawExp = false
    var expDigit = false
    var prev: UInt8 = 0
    for (i, c) in text.utf8.enumerated() {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if sawExp { expDigit = true } else { sawDigit = true }
      case UInt8(ascii: "+"), UInt8(ascii: "-"):
        if !(i == 0 || prev == UInt8(ascii: "e") || prev == UInt8(ascii: "E")) { return nil }
      case UInt8(ascii: "."):
        if sawPoint || sawExp { return nil }
        sawPoint = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        if sawExp || !sawDigit { return nil }
        sawExp = true
      default:
        return nil
      }
      prev = c
    }
    guard sawDigit, !sawExp || expDigit, let v = Double(text), v.isFinite else { return nil }
    return v
  }

  /// Items of a list column, split on `;` and `；`, trimmed, empty items skipped.
  /// Works on UTF-8 bytes: list columns are read for every staff row.
  public static func list(_ text: String) -> [String] {
    if text.isEmpty { return [] }
    var text = text
    return text.withUTF8 { p in
      var items: [String] = []
      var start = 0
      var i = 0
      let n = p.count
      func flush(_ end: Int) {
        let (a, b) = CSVReader.trimmedBounds(p, start, end)
        if a < b { items.append(String(decoding: UnsafeBufferPointer(rebasing: p[a..<b]), as: UTF8.self)) }
      }
      while i < n {
        if p[i] == UInt8(ascii: ";") {
          flush(i)
          i += 1
          start = i
        } else if p[i] == 0xEF, i + 2 < n, p[i + 1] == 0xBC, p[i + 2] == 0x9B {  // U+FF1B ；
          flush(i)
          i += 3
          start = i
        } else {
          i += 1
        }
      }
      flush(n)
      return items
    }
  }
}
