import CGLPK

/// The simplex variant GLPK uses for an LP or a MIP's root relaxation.
public enum SimplexMethod: Equatable, Sendable {
  /// Two-phase primal simplex (`GLP_PRIMAL`).
  case primal
  /// Dual simplex (`GLP_DUAL`).
  case dual
  /// Dual simplex, falling back to primal if it fails (`GLP_DUALP`).
  case dualPrimal

  /// GLPK's `meth` code.
  var glpk: Int32 {
    switch self {
    case .primal: return GLP_PRIMAL
    case .dual: return GLP_DUAL
    case .dualPrimal: return GLP_DUALP
    }
  }
}
