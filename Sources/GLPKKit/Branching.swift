import CGLPK

/// How GLPK picks the variable to branch on (`br_tech`).
public enum Branching: Equatable, Sendable {
  /// The first fractional variable (`GLP_BR_FFV`).
  case firstFractional
  /// The last fractional variable (`GLP_BR_LFV`).
  case lastFractional
  /// The most fractional variable (`GLP_BR_MFV`).
  case mostFractional
  /// Driebeck and Tomlin's heuristic (`GLP_BR_DTH`), GLPK's default.
  case driebeckTomlin
  /// The hybrid pseudo-cost heuristic (`GLP_BR_PCH`).
  case pseudoCost

  /// GLPK's `br_tech` code.
  var glpk: Int32 {
    switch self {
    case .firstFractional: return GLP_BR_FFV
    case .lastFractional: return GLP_BR_LFV
    case .mostFractional: return GLP_BR_MFV
    case .driebeckTomlin: return GLP_BR_DTH
    case .pseudoCost: return GLP_BR_PCH
    }
  }
}
