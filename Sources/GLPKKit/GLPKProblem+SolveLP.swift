import CGLPK

extension GLPKProblem {
  /// Solves the LP relaxation with GLPK's simplex (integrality ignored).
  ///
  /// On `.optimal`, `bestBound` equals `objective` and `gap` is 0. Without
  /// LP presolve, an infeasible LP gives `.infeasible`; with it, GLPK's
  /// presolver reports `.noPrimalFeasible` or `.unbounded` (which then
  /// means "unbounded or infeasible"). Never throws: invalid options, a
  /// wrong thread or a freed environment yield `.invalidModel`.
  public func solveLP(_ options: LPOptions = LPOptions()) -> SolveResult {
    let stopwatch = Stopwatch()
    do {
      try checkThread()
      try TimeLimit.validate(options.timeLimit, "time limit")
    } catch {
      return .invalid(error, incumbentGiven: false)
    }
    _ = ThreadEnvironment.current  // make sure the hooks are installed
    var smcp = options.parameters(
      timeLimit: options.timeLimit, messageLevel: options.messageLevel)
    let code = glp_simplex(pointer, &smcp)
    let status = glp_get_status(pointer)
    let termination: TerminationReason
    switch (code, status) {
    case (0, GLP_OPT): termination = .optimal
    case (0, GLP_NOFEAS): termination = .infeasible
    case (0, GLP_UNBND): termination = .unbounded
    case (GLP_ENOPFS, _): termination = .noPrimalFeasible
    case (GLP_ENODFS, _): termination = .unbounded
    case (GLP_ETMLIM, _): termination = .timeLimit
    case (GLP_EBOUND, _): termination = .invalidModel
    default: termination = .solverError
    }
    let hasPoint =
      glp_get_prim_stat(pointer) == GLP_FEAS
      && (termination == .optimal || termination == .unbounded
        || termination == .timeLimit)
    var objective: Double?
    var values: [Double] = []
    if hasPoint {
      objective = glp_get_obj_val(pointer)
      values = oneBasedColumnValues(glp_get_col_prim)
    }
    let bound = termination == .optimal ? objective : nil
    return SolveResult(
      termination: termination,
      primalStatus: hasPoint ? .feasiblePoint : .noSolution,
      objective: objective, bestBound: bound,
      gap: SolveResult.relativeGap(objective: objective, bound: bound),
      solveTime: stopwatch.elapsed, nodes: nil, rawReturnCode: code,
      raw: RawStatus.returnCode(code) + " / " + RawStatus.status(status),
      columnValues: values)
  }
}

extension GLPKProblem {
  /// Column values 1…n read with `value` (a `glp_get_col_prim`-style getter), index 0 unused.
  func oneBasedColumnValues(
    _ value: (OpaquePointer?, Int32) -> Double
  ) -> [Double] {
    var values = [Double](repeating: 0, count: n + 1)
    for j in stride(from: 1, through: n, by: 1) { values[j] = value(pointer, Int32(j)) }
    return values
  }
}
