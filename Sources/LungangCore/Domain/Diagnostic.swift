/// One problem found in the input, located by file, line and column.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How bad a problem is.
  public enum Severity: String, Sendable, Hashable {
    /// The input is invalid: nothing is solved.
    case error
    /// Worth knowing; the input is still used.
    case warning
  }
  public var severity: Severity
  /// File name or path as the user gave it.
  public var file: String
  /// Physical line, 1-based; nil when the problem concerns the whole file.
  public var line: Int?
  /// Column header (as written in the file) or scenario key; nil when none applies.
  public var column: String?
  /// What is wrong, in lower case.
  public var message: String

  public init(
    _ severity: Severity, file: String, line: Int? = nil, column: String? = nil,
    _ message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line: column: severity: message`, parts left out when unknown; always one line
  /// (control characters escaped) and the column cut to `excerptLimit` characters.
  public var description: String {
    var s = Diagnostic.escaped(file)
    if let line { s += ":\(line)" }
    s += ":"
    if let column { s += " \(Diagnostic.escaped(Diagnostic.excerpt(column))):" }
    return s + " \(severity.rawValue): \(Diagnostic.escaped(message))"
  }

  /// Unicode scalars of input text a message shows before cutting it off with "…".
  public static let excerptLimit = 60

  /// A value from the input as a message shows it: at most `excerptLimit` Unicode scalars,
  /// a longer value cut and ended with "…" (a field may hold megabytes).
  public static func excerpt(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let end = scalars.index(scalars.startIndex, offsetBy: excerptLimit, limitedBy: scalars.endIndex),
      end != scalars.endIndex
    else { return text }
    return String(scalars[..<end]) + "…"
  }

  /// An excerpt of a value in double quotes, for messages such as `no school "X" in schools.csv`.
  public static func quoted(_ text: String) -> String { "\"" + excerpt(text) + "\"" }

  /// `text` safe to print on one terminal line: control characters (C0, DEL, C1), line and
  /// paragraph separators and bidirectional-text controls written as Swift escapes (`\n`,
  /// `\t`, `\u{1B}`), so that input can neither break a diagnostic over lines nor drive the
  /// terminal.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    for u in text.unicodeScalars {
      switch u {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where needsEscape(u): out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }

  private static func needsEscape(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E,
      0x2066...0x2069:
      return true
    default:
      return false
    }
  }
}

/// Invalid input: every problem found, all at once.
public struct InputError: Error, Sendable, CustomStringConvertible {
  /// The problems, errors and warnings, in file and line order.
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
