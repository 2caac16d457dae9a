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
    if let rejected = rejection(of: options) { return rejected }
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
    case (GLP_EITLIM, _): termination = .iterationLimit
    case (GLP_EBOUND, _): termination = .invalidModel
    default: termination = .solverError
    }
    let hasPoint =
      glp_get_prim_stat(pointer) == GLP_FEAS
      && (termination == .optimal || termination == .unbounded
        || termination == .timeLimit || termination == .iterationLimit)
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

extension GLPKProblem {
  /// Solves the LP relaxation like `solveLP(_:)`, in calls of at most `iterationsPerCall`
  /// simplex iterations, asking `shouldStop` between them: `.interrupted` when it said stop.
  ///
  /// GLPK's simplex has no callback, so a long LP (minutes on a 100,000-row model) would keep
  /// an interrupt waiting until its time limit. Each call starts from the basis the last one
  /// left (GLPK keeps it in the problem), so the calls add up to one solve; the cut is by
  /// iterations, not time, so the same input takes the same path. With `options.presolve`
  /// only the first call presolves: GLPK's presolved problem does not survive a limit, so that
  /// call is not cut (and `options.iterationLimit` applies to it alone; every later call
  /// gets `iterationsPerCall`). `options.timeLimit` covers all calls, and so does `solveTime`.
  /// On `.interrupted` the point is the last call's, if one ran and left a feasible basis.
  public func solveLP(
    _ options: LPOptions, iterationsPerCall: Int, shouldStop: () -> Bool
  ) -> SolveResult {
    let stopwatch = Stopwatch()
    if let rejected = rejection(of: options) { return rejected }
    guard iterationsPerCall > 0 else {
      return .invalid(
        .nonFiniteValue(what: "iterations per LP call (positive)", value: Double(iterationsPerCall)),
        incumbentGiven: false)
    }
    var o = options
    var last: SolveResult
    var ran = false
    // Whether the last call ended on `iterationsPerCall`, not on a limit of the caller's.
    var endedOnCut = false
    repeat {
      if shouldStop() {
        var r = SolveResult(
          termination: .interrupted, primalStatus: .noSolution, objective: nil, bestBound: nil,
          gap: nil, solveTime: stopwatch.elapsed, nodes: nil, rawReturnCode: 0,
          raw: "interrupted between LP calls", columnValues: [])
        if ran && glp_get_prim_stat(pointer) == GLP_FEAS {
          r.primalStatus = .feasiblePoint
          r.objective = glp_get_obj_val(pointer)
          r.columnValues = oneBasedColumnValues(glp_get_col_prim)
        }
        return r
      }
      o.timeLimit = options.timeLimit.map { max(0, $0 - stopwatch.elapsed) }
      let cut = !o.presolve
      o.iterationLimit = cut ? iterationsPerCall : options.iterationLimit
      last = solveLP(o)
      ran = true
      endedOnCut = cut && last.termination == .iterationLimit
      o.presolve = false
    } while endedOnCut && options.timeLimit.map({ stopwatch.elapsed < $0 }) ?? true
    // Ending on the calls' own limit means the caller's time ran out.
    if endedOnCut { last.termination = .timeLimit }
    last.solveTime = stopwatch.elapsed
    return last
  }
}

extension GLPKProblem {
  /// The `.invalidModel` result for LP options that cannot be solved here (a wrong thread, a
  /// negative or NaN time limit), or nil.
  func rejection(of options: LPOptions) -> SolveResult? {
    do {
      try checkThread()
      try TimeLimit.validate(options.timeLimit, "time limit")
    } catch {
      return .invalid(error, incumbentGiven: false)
    }
    return nil
  }
}
