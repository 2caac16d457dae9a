/// A snapshot of the branch-and-cut search, passed to `onProgress`.
public struct MIPProgress: Equatable, Sendable {
  /// Whether the incumbent improved since the previous callback, either
  /// from an integral node (`GLP_IBINGO`) or from a heuristic.
  public var isNewIncumbent: Bool
  /// The incumbent's objective, or nil before the first one.
  public var incumbentObjective: Double?
  /// The best bound over the active nodes, or nil if unknown.
  public var bestBound: Double?
  /// The relative gap |incumbent − bound| / max(1, |incumbent|).
  public var gap: Double?
  /// GLPK's own gap (`glp_ios_mip_gap`), or nil before an incumbent.
  public var glpkGap: Double?
  /// The number of active (open) nodes.
  public var activeNodes: Int
  /// The number of nodes generated so far.
  public var totalNodes: Int
  /// Seconds since the solve started.
  public var elapsed: Double

  /// Creates a snapshot.
  public init(
    isNewIncumbent: Bool, incumbentObjective: Double?, bestBound: Double?,
    gap: Double?, glpkGap: Double?, activeNodes: Int, totalNodes: Int,
    elapsed: Double
  ) {
    self.isNewIncumbent = isNewIncumbent
    self.incumbentObjective = incumbentObjective
    self.bestBound = bestBound
    self.gap = gap
    self.glpkGap = glpkGap
    self.activeNodes = activeNodes
    self.totalNodes = totalNodes
    self.elapsed = elapsed
  }
}
