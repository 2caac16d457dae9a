/// Whether a result carries a primal feasible point.
public enum PrimalStatus: Equatable, Sendable {
  /// A feasible point is available in `columnValues`.
  case feasiblePoint
  /// No feasible point is available.
  case noSolution
}
