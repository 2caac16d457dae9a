/// Why the solver stopped, independent of whether it has a solution.
///
/// Read it together with `PrimalStatus`: `.timeLimit` may come with or
/// without a feasible point. Mirrors MathOptInterface's termination status
/// and OR-Tools MathOpt's termination reason.
public enum TerminationReason: Equatable, Sendable {
  /// Proven optimal: the search finished (`0` with `GLP_OPT`).
  case optimal
  /// Proven infeasible by the simplex or a complete search.
  case infeasible
  /// The relaxation is unbounded (`GLP_UNBND`, or `GLP_ENODFS` from a
  /// presolver); a MIP is then unbounded if it has any feasible point.
  case unbounded
  /// The time limit was reached (`GLP_ETMLIM`).
  case timeLimit
  /// An LP call reached `LPOptions.iterationLimit` (`GLP_EITLIM`); without presolve the basis
  /// stays for the next call.
  case iterationLimit
  /// Stopped at the relative gap tolerance `mipGap` (`GLP_EMIPGAP`).
  ///
  /// The point is optimal within that tolerance. GLPKKit keeps this apart
  /// from `.optimal`, which it reports only when the search finished
  /// (GLPK returned 0); with `mipGap == 0`, `.gapLimit` never occurs.
  case gapLimit
  /// `shouldStop` asked the search to stop (`GLP_ESTOP`).
  case interrupted
  /// The incumbent reached `MIPOptions.objectiveTarget` and the search
  /// stopped there (`GLP_ESTOP` from the callback); the point is feasible,
  /// not proven optimal. Mirrors MathOptInterface's `OBJECTIVE_LIMIT`.
  case objectiveLimit
  /// GLPK's presolver found no primal feasible solution (`GLP_ENOPFS`),
  /// which proves infeasibility; see `isInfeasible`.
  case noPrimalFeasible
  /// The problem or options are invalid (`GLP_EBOUND`, bad option values).
  case invalidModel
  /// GLPK failed numerically or otherwise (`GLP_EFAIL`, `GLP_ESING`, ...).
  case solverError

  /// Whether infeasibility was proven (`.infeasible` or
  /// `.noPrimalFeasible`).
  public var isInfeasible: Bool {
    self == .infeasible || self == .noPrimalFeasible
  }
}
