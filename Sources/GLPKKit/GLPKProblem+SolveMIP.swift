import CGLPK

extension GLPKProblem {
  /// Solves the problem as a MIP with GLPK's branch-and-cut.
  ///
  /// With `options.presolve` off (the default), the root LP is solved
  /// first with `glp_simplex` (honouring the time limit), then
  /// `glp_intopt` runs on the same columns, so an `incumbent` can be
  /// injected with `glp_ios_heur_sol` at the first `GLP_IHEUR` callback.
  /// The incumbent is either a plain array of `columns` values (element k
  /// is column k + 1) or, so that a previous result can be passed back, in
  /// the `columnValues` layout (`columns + 1` values, index 0 ignored); the
  /// length tells which. It is checked first: finite, within column bounds,
  /// integral on integer columns, and satisfying every row within 1e-6
  /// (GLPK checks none of this but integrality). A failing incumbent is not
  /// injected; `injectedIncumbentAccepted` is then false and
  /// `incumbentRejection` says why. With presolve on, incumbents are
  /// refused, because callbacks see the presolved problem. If the solve
  /// stops at the time limit or `shouldStop` before GLPK has any integer
  /// point (for example inside the root LP), a checked incumbent is
  /// returned as the feasible point, with `injectedIncumbentAccepted`
  /// still false.
  ///
  /// This never throws: invalid options, a wrong thread or a freed
  /// environment yield `.invalidModel` with the reason in `raw`.
  ///
  /// - Parameters:
  ///   - options: Search settings; the time limit covers the whole solve.
  ///   - incumbent: A known feasible point to start from.
  ///   - onProgress: Called on each new incumbent and otherwise at most
  ///     every `options.progressInterval` seconds, on the solving thread.
  ///   - shouldStop: Polled in every callback; returning true ends the
  ///     search with `.interrupted`.
  public func solveMIP(
    _ options: MIPOptions = MIPOptions(), incumbent: [Double]? = nil,
    onProgress: ((MIPProgress) -> Void)? = nil,
    shouldStop: (() -> Bool)? = nil,
    exchange: IncumbentExchange? = nil
  ) -> SolveResult {
    let stopwatch = Stopwatch()
    do {
      try checkThread()
      try options.validate()
    } catch {
      return .invalid(error, incumbentGiven: incumbent != nil)
    }
    _ = ThreadEnvironment.current  // make sure the hooks are installed

    var prepared: [Double]?
    var rejection: String?
    if let incumbent {
      if options.presolve {
        rejection = "incumbent injection needs presolve off"
      } else {
        switch prepareIncumbent(incumbent) {
        case .success(let x): prepared = x
        case .failure(let r): rejection = r.reason
        }
      }
    }
    let context = MIPCallbackContext(
      options: options, stopwatch: stopwatch, incumbent: prepared,
      onProgress: onProgress, shouldStop: shouldStop)
    context.exchange = exchange

    func finish(_ code: Int32, _ termination: TerminationReason,
      raw: String, mip: Bool) -> SolveResult
    {
      var result = collect(
        code, termination, raw: raw, mip: mip, context: context,
        stopwatch: stopwatch)
      if let prepared, result.primalStatus == .noSolution,
        result.termination == .timeLimit || result.termination == .interrupted
      {
        // Stopped before GLPK had any point: the checked start still is one.
        result.primalStatus = .feasiblePoint
        result.columnValues = prepared
        result.objective = objectiveValue(prepared)
        result.gap = SolveResult.relativeGap(
          objective: result.objective, bound: result.bestBound)
      }
      if incumbent != nil {
        let accepted = context.incumbentAccepted ?? false
        result.injectedIncumbentAccepted = accepted
        if !accepted {
          result.incumbentRejection =
            rejection
            ?? (context.incumbentAccepted == nil
              ? "glpk asked for no heuristic solution before it stopped"
              : "glpk rejected the incumbent (not better than its own)")
        }
      }
      return result
    }

    if !options.presolve {
      // Root LP by the simplex, so glp_intopt keeps the original columns.
      let rootLimit = [options.timeLimit, options.rootLP.timeLimit]
        .compactMap { $0 }.min()
      var smcp = options.rootLP.parameters(
        timeLimit: rootLimit, messageLevel: options.messageLevel)
      let code = glp_simplex(pointer, &smcp)
      let status = glp_get_status(pointer)
      let raw = "glp_simplex " + RawStatus.returnCode(code) + " / "
        + RawStatus.status(status)
      if code != 0 || status != GLP_OPT {
        let termination: TerminationReason
        switch (code, status) {
        case (0, GLP_NOFEAS): termination = .infeasible
        case (0, GLP_UNBND): termination = .unbounded
        case (GLP_ENOPFS, _): termination = .noPrimalFeasible
        case (GLP_ENODFS, _): termination = .unbounded
        case (GLP_ETMLIM, _): termination = .timeLimit
        case (GLP_EITLIM, _): termination = .iterationLimit
        case (GLP_EBOUND, _): termination = .invalidModel
        default: termination = .solverError
        }
        return finish(code, termination, raw: raw, mip: false)
      }
      context.bestBound = glp_get_obj_val(pointer)
    }

    let remaining = options.timeLimit.map { max(0, $0 - stopwatch.elapsed) }
    var iocp = options.parameters(remainingTime: remaining)
    let info = Unmanaged.passUnretained(context).toOpaque()
    iocp.cb_func = mipCallback
    iocp.cb_info = info
    let code = withExtendedLifetime(context) { glp_intopt(pointer, &iocp) }
    let status = glp_mip_status(pointer)
    let raw = RawStatus.returnCode(code) + " / " + RawStatus.status(status)
    let termination: TerminationReason
    switch code {
    case 0:
      switch status {
      case GLP_OPT: termination = .optimal
      case GLP_NOFEAS: termination = .infeasible
      default: termination = .solverError
      }
    case GLP_ETMLIM: termination = .timeLimit
    case GLP_EMIPGAP: termination = .gapLimit
    case GLP_ESTOP:
      termination =
        context.stopRequested ? .interrupted : context.targetReached ? .objectiveLimit : .solverError
    case GLP_ENOPFS: termination = .noPrimalFeasible
    case GLP_ENODFS: termination = .unbounded
    case GLP_EBOUND: termination = .invalidModel
    default: termination = .solverError
    }
    return finish(code, termination, raw: raw, mip: true)
  }

  /// The objective at `x` (1-based), constant term included.
  private func objectiveValue(_ x: [Double]) -> Double {
    var value = glp_get_obj_coef(pointer, 0)
    for j in stride(from: 1, through: n, by: 1) {
      value += glp_get_obj_coef(pointer, Int32(j)) * x[j]
    }
    return value
  }

  /// Copies the outcome out of GLPK into a `SolveResult`.
  private func collect(
    _ code: Int32, _ termination: TerminationReason, raw: String, mip: Bool,
    context: MIPCallbackContext, stopwatch: Stopwatch
  ) -> SolveResult {
    let status = mip ? glp_mip_status(pointer) : GLP_UNDEF
    let hasPoint = mip && (status == GLP_OPT || status == GLP_FEAS)
    var objective: Double?
    var values: [Double] = []
    if hasPoint {
      objective = glp_mip_obj_val(pointer)
      values = oneBasedColumnValues(glp_mip_col_val)
    }
    var bound = context.bestBound
    if termination == .optimal {
      bound = objective
    } else if let b = bound, let objective {
      // Open nodes no better than the incumbent cannot improve on it.
      bound =
        glp_get_obj_dir(pointer) == GLP_MAX
        ? max(b, objective) : min(b, objective)
    }
    if termination.isInfeasible || termination == .unbounded
      || termination == .invalidModel || termination == .solverError
    {
      bound = nil
    }
    return SolveResult(
      termination: termination,
      primalStatus: hasPoint ? .feasiblePoint : .noSolution,
      objective: objective, bestBound: bound,
      gap: SolveResult.relativeGap(objective: objective, bound: bound),
      solveTime: stopwatch.elapsed, nodes: mip ? context.totalNodes : nil,
      rawReturnCode: code, raw: raw, columnValues: values)
  }
}

extension SolveResult {
  /// The result for a call rejected before GLPK ran.
  static func invalid(_ error: GLPKError, incumbentGiven: Bool) -> SolveResult
  {
    SolveResult(
      termination: .invalidModel, primalStatus: .noSolution, objective: nil,
      bestBound: nil, gap: nil, solveTime: 0, nodes: nil, rawReturnCode: 0,
      raw: "not solved: \(error)",
      injectedIncumbentAccepted: incumbentGiven ? false : nil,
      incumbentRejection: incumbentGiven ? "not solved: \(error)" : nil,
      columnValues: [])
  }
}
