import CGLPK

/// How much GLPK prints while solving (through the terminal hook).
public enum MessageLevel: Equatable, Sendable {
  /// No output (`GLP_MSG_OFF`).
  case off
  /// Warnings and errors only (`GLP_MSG_ERR`).
  case errorsOnly
  /// Normal progress output (`GLP_MSG_ON`).
  case normal
  /// Full output (`GLP_MSG_ALL`).
  case all

  /// GLPK's `msg_lev` code.
  var glpk: Int32 {
    switch self {
    case .off: return GLP_MSG_OFF
    case .errorsOnly: return GLP_MSG_ERR
    case .normal: return GLP_MSG_ON
    case .all: return GLP_MSG_ALL
    }
  }
}
