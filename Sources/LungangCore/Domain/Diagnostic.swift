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

  /// `file:line: column: severity: message`, parts left out when unknown.
  public var description: String {
    var s = file
    if let line { s += ":\(line)" }
    s += ":"
    if let column { s += " \(column):" }
    return s + " \(severity.rawValue): \(message)"
  }
}

/// Invalid input: every problem found, all at once.
public struct InputError: Error, Sendable, CustomStringConvertible {
  /// The problems, errors and warnings, in file and line order.
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
