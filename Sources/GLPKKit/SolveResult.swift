/// The outcome of a solve: why it stopped, what it has, and statistics.
public struct SolveResult: Equatable, Sendable {
  /// Why the solver stopped.
  public var termination: TerminationReason
  /// Whether a feasible point is available.
  public var primalStatus: PrimalStatus
  /// The objective of the point, constant included; nil without a point.
  public var objective: Double?
  /// A proven bound on the optimum (below it when minimizing, above when
  /// maximizing), or nil when none is known.
  ///
  /// Equals `objective` when optimality was proven. After a limit it is the
  /// last bound seen in the search callback, or the root LP optimum.
  public var bestBound: Double?
  /// The relative gap |objective − bestBound| / max(1, |objective|), or nil
  /// when either is missing.
  public var gap: Double?
  /// Wall-clock seconds spent in GLPK.
  public var solveTime: Double
  /// The number of branch-and-bound nodes generated, if a search ran.
  public var nodes: Int?
  /// GLPK's return code (0 on success, `GLP_E...` otherwise).
  public var rawReturnCode: Int32
  /// GLPK's return code and solution status as text, such as
  /// "GLP_ETMLIM / GLP_FEAS".
  public var raw: String
  /// Whether GLPK accepted the injected incumbent; nil when none was given.
  public var injectedIncumbentAccepted: Bool?
  /// Why the injected incumbent was not accepted, if it was not.
  public var incumbentRejection: String?
  /// The column values: index j holds column j, index 0 is unused (0);
  /// empty when `primalStatus` is `.noSolution`.
  public var columnValues: [Double]

  /// Creates a result; all statistics are given explicitly.
  public init(
    termination: TerminationReason, primalStatus: PrimalStatus,
    objective: Double?, bestBound: Double?, gap: Double?, solveTime: Double,
    nodes: Int?, rawReturnCode: Int32, raw: String,
    injectedIncumbentAccepted: Bool? = nil, incumbentRejection: String? = nil,
    columnValues: [Double]
  ) {
    self.termination = termination
    self.primalStatus = primalStatus
    self.objective = objective
    self.bestBound = bestBound
    self.gap = gap
    self.solveTime = solveTime
    self.nodes = nodes
    self.rawReturnCode = rawReturnCode
    self.raw = raw
    self.injectedIncumbentAccepted = injectedIncumbentAccepted
    self.incumbentRejection = incumbentRejection
    self.columnValues = columnValues
  }

  /// The relative gap between an objective and a bound, as in `gap`.
  public static func relativeGap(objective: Double?, bound: Double?)
    -> Double?
  {
    guard let objective, let bound, objective.isFinite, bound.isFinite else {
      return nil
    }
    return abs(objective - bound) / max(1, abs(objective))
  }
}
