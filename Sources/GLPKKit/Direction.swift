/// The optimization direction of the objective.
public enum Direction: Equatable, Sendable {
  /// Minimize the objective (`GLP_MIN`), GLPK's default.
  case minimize
  /// Maximize the objective (`GLP_MAX`).
  case maximize
}
