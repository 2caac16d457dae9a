/// Where GLPK's terminal output goes; stdout is never used.
public enum TerminalOutput: Equatable, Sendable {
  /// Write GLPK's output to stderr (the default).
  case standardError
  /// Drop GLPK's output, except the message of a fatal GLPK error.
  case suppressed
}
