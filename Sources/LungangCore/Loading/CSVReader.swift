import Foundation

/// A parsed CSV file: the header and the data records, each with its physical line.
///
/// Fields are stored flat (one array for the whole file) so that a large staff file costs
/// one allocation per non-trivial field and none per row.
public struct CSVTable: Sendable {
  /// One data record: where its fields sit in `fields`, and the physical line it starts on.
  public struct Record: Sendable {
    /// Physical line (1-based) of the record's first character.
    public var line: Int
    /// Index of the record's first field in `CSVTable.fields`.
    public var start: Int
    /// Number of fields in the record.
    public var count: Int
  }

  /// Header fields, trimmed; empty when the file has no non-blank line.
  public var header: [String] = []
  /// Physical line of the header (1 unless the file starts with blank lines).
  public var headerLine = 1
  /// Every data field of every record, in order.
  public var fields: [String] = []
  /// The data records; blank lines and rows whose fields are all empty are left out.
  public var records: [Record] = []

  public init() {}

  /// Field `column` of record `record`, or "" when the record is shorter.
  @inline(__always)
  public func value(_ record: Int, _ column: Int) -> String {
    let r = records[record]
    return column < r.count ? fields[r.start + column] : ""
  }
}

/// Reads RFC 4180 CSV from UTF-8 bytes, tracking physical line numbers.
///
/// - Records end at LF, CRLF or a lone CR; a quoted field may span lines (its record is
///   reported at its first line) and doubles `""` for a quote.
/// - Every field is trimmed of surrounding spaces, tabs, no-break spaces and ideographic
///   spaces (U+3000), inside quotes too.
/// - Blank lines and records whose fields are all empty are skipped.
/// - Lenient where Excel output never goes: text after a closing quote is appended to the
///   field, a quote inside an unquoted field is kept as is. An unterminated quote is an error.
public enum CSVReader {
  private static let comma = UInt8(ascii: ",")
  private static let quote = UInt8(ascii: "\"")
  private static let lf = UInt8(ascii: "\n")
  private static let cr = UInt8(ascii: "\r")

  /// Parses `bytes` (valid UTF-8, no BOM). Diagnostics name `file`.
  public static func parse(_ bytes: [UInt8], file: String) -> (table: CSVTable, diagnostics: [Diagnostic]) {
    var table = CSVTable()
    var diagnostics: [Diagnostic] = []
    var haveHeader = false
    var scratch: [UInt8] = []
    scratch.reserveCapacity(256)

    bytes.withUnsafeBufferPointer { p in
      let n = p.count
      var i = 0
      var line = 1
      while i < n {
        // One record.
        let recordLine = line
        let start = table.fields.count
        var allEmpty = true
        while true {
          // One field, starting at i.
          var value: String
          var j = i
          while j < n, p[j] == 0x20 || p[j] == 0x09 { j += 1 }
          if j < n, p[j] == quote {
            scratch.removeAll(keepingCapacity: true)
            var k = j + 1
            var closed = false
            while k < n {
              let c = p[k]
              if c == quote {
                if k + 1 < n, p[k + 1] == quote {
                  scratch.append(quote)
                  k += 2
                  continue
                }
                closed = true
                k += 1
                break
              }
              if c == lf {
                line += 1
              } else if c == cr, !(k + 1 < n && p[k + 1] == lf) {
                line += 1
              }
              scratch.append(c)
              k += 1
            }
            if !closed {
              diagnostics.append(
                Diagnostic(.error, file: file, line: recordLine, "a quoted field is never closed"))
            }
            // Lenient: anything up to the delimiter after the closing quote belongs to the field.
            while k < n, p[k] != comma, p[k] != lf, p[k] != cr {
              scratch.append(p[k])
              k += 1
            }
            value = scratch.withUnsafeBufferPointer { s in
              let (a, b) = trimmedBounds(s, 0, s.count)
              return String(decoding: UnsafeBufferPointer(rebasing: s[a..<b]), as: UTF8.self)
            }
            i = k
          } else {
            var k = j
            while k < n, p[k] != comma, p[k] != lf, p[k] != cr { k += 1 }
            let (a, b) = trimmedBounds(p, j, k)
            value = a == b ? "" : String(decoding: UnsafeBufferPointer(rebasing: p[a..<b]), as: UTF8.self)
            i = k
          }
          if !value.isEmpty { allEmpty = false }
          table.fields.append(value)
          if i < n, p[i] == comma {
            i += 1
            continue
          }
          // End of record: newline or end of input.
          if i < n {
            if p[i] == cr, i + 1 < n, p[i + 1] == lf { i += 2 } else { i += 1 }
            line += 1
          }
          break
        }
        if allEmpty {
          table.fields.removeSubrange(start...)
        } else if !haveHeader {
          table.header = Array(table.fields[start...])
          table.headerLine = recordLine
          table.fields.removeSubrange(start...)
          haveHeader = true
        } else {
          table.records.append(
            CSVTable.Record(line: recordLine, start: start, count: table.fields.count - start))
        }
      }
    }
    return (table, diagnostics)
  }

  /// Bounds of `p[from..<to]` without surrounding spaces, tabs, U+00A0 and U+3000.
  @inline(__always)
  static func trimmedBounds(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> (Int, Int) {
    var a = from
    var b = to
    while a < b {
      let c = p[a]
      if c == 0x20 || c == 0x09 {
        a += 1
      } else if c == 0xC2, a + 1 < b, p[a + 1] == 0xA0 {
        a += 2
      } else if c == 0xE3, a + 2 < b, p[a + 1] == 0x80, p[a + 2] == 0x80 {
        a += 3
      } else {
        break
      }
    }
    while b > a {
      let c = p[b - 1]
      if c == 0x20 || c == 0x09 {
        b -= 1
      } else if c == 0xA0, b - 2 >= a, p[b - 2] == 0xC2 {
        b -= 2
      } else if c == 0x80, b - 3 >= a, p[b - 2] == 0x80, p[b - 3] == 0xE3 {
        b -= 3
      } else {
        break
      }
    }
    return (a, b)
  }
}
