import CGLPK

/// State shared with GLPK's branch-and-cut callback through `cb_info`.
///
/// A C function pointer cannot capture, so `solveMIP` passes this object
/// as an unretained `Unmanaged` pointer that stays valid for the whole
/// `glp_intopt` call.
final class MIPCallbackContext {
  let options: MIPOptions
  let stopwatch: Stopwatch
  let onProgress: ((MIPProgress) -> Void)?
  let shouldStop: (() -> Bool)?
  /// The checked incumbent (1-based), waiting for the first `GLP_IHEUR`.
  var pendingIncumbent: [Double]?
  /// GLPK's verdict on the injected incumbent, once tried.
  var incumbentAccepted: Bool?
  /// Whether `shouldStop` asked to terminate.
  var stopRequested = false
  /// Whether the incumbent reached `options.objectiveTarget` and the search was ended.
  var targetReached = false
  /// Shared incumbents of racing solves of the same problem.
  var exchange: IncumbentExchange?
  private var exchangeSeen = 0
  /// The last bound seen (best active node), or the root LP optimum.
  var bestBound: Double?
  /// The nodes generated so far, from `glp_ios_tree_size`.
  var totalNodes: Int?
  /// The incumbent objective at the previous callback.
  private var lastIncumbent: Double?
  private var lastReport: Double

  init(
    options: MIPOptions, stopwatch: Stopwatch, incumbent: [Double]?,
    onProgress: ((MIPProgress) -> Void)?, shouldStop: (() -> Bool)?
  ) {
    self.options = options
    self.stopwatch = stopwatch
    self.pendingIncumbent = incumbent
    self.onProgress = onProgress
    self.shouldStop = shouldStop
    self.lastReport = stopwatch.elapsed
  }

  /// Handles one callback from `glp_intopt`.
  func handle(_ tree: OpaquePointer) {
    let reason = glp_ios_reason(tree)
    var active: Int32 = 0
    var current: Int32 = 0
    var total: Int32 = 0
    glp_ios_tree_size(tree, &active, &current, &total)
    totalNodes = Int(total)
    let best = glp_ios_best_node(tree)
    if best != 0 {
      // Before a node's LP is solved GLPK reports ∓DBL_MAX: not a bound.
      let b = glp_ios_node_bound(tree, best)
      if b.isFinite && abs(b) < 1e300 { bestBound = b }
    }
    if reason == GLP_IHEUR, let x = pendingIncumbent {
      pendingIncumbent = nil
      incumbentAccepted = x.withUnsafeBufferPointer {
        glp_ios_heur_sol(tree, $0.baseAddress) == 0
      }
    }
    if let exchange {
      let problem = glp_ios_get_prob(tree)
      let status = glp_mip_status(problem)
      let mine = (status == GLP_FEAS || status == GLP_OPT) ? glp_mip_obj_val(problem) : Double.infinity
      if reason == GLP_IHEUR, let (v, _, values) = exchange.take(newerThan: exchangeSeen, betterThan: mine) {
        exchangeSeen = v
        _ = values.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
      } else if mine < exchange.objective - 1e-9 {
        let n = Int(glp_get_num_cols(problem))
        var values = [Double](repeating: 0, count: n + 1)
        for j in 1...max(1, n) where j <= n { values[j] = glp_mip_col_val(problem, Int32(j)) }
        exchange.offer(objective: mine, values: values)
      }
    }
    if !stopRequested, let shouldStop, shouldStop() {
      stopRequested = true
      glp_ios_terminate(tree)
    }
    // GLP_IBINGO fires only for integral node LPs; heuristic solutions
    // (rounding, pump, injected) show up as a changed incumbent instead.
    let problem = glp_ios_get_prob(tree)
    let status = glp_mip_status(problem)
    let incumbent: Double? =
      (status == GLP_FEAS || status == GLP_OPT)
      ? glp_mip_obj_val(problem) : nil
    let isNew = reason == GLP_IBINGO || incumbent != lastIncumbent
    if !stopRequested && !targetReached, let target = options.objectiveTarget, let incumbent {
      let maximizing = glp_get_obj_dir(problem) == GLP_MAX
      if maximizing ? incumbent >= target : incumbent <= target {
        targetReached = true
        glp_ios_terminate(tree)
      }
    }
    lastIncumbent = incumbent
    if let onProgress {
      let now = stopwatch.elapsed
      if isNew || now - lastReport >= options.progressInterval {
        lastReport = now
        onProgress(snapshot(tree, incumbent: incumbent, isNewIncumbent: isNew,
          active: active, total: total, elapsed: now))
      }
    }
  }

  private func snapshot(
    _ tree: OpaquePointer, incumbent: Double?, isNewIncumbent: Bool,
    active: Int32, total: Int32, elapsed: Double
  ) -> MIPProgress {
    var bound = bestBound
    if let b = bound, let incumbent {
      // Open nodes no better than the incumbent cannot improve on it.
      let problem = glp_ios_get_prob(tree)
      bound =
        glp_get_obj_dir(problem) == GLP_MAX
        ? max(b, incumbent) : min(b, incumbent)
    }
    let rawGap = glp_ios_mip_gap(tree)
    return MIPProgress(
      isNewIncumbent: isNewIncumbent, incumbentObjective: incumbent,
      bestBound: bound,
      gap: SolveResult.relativeGap(objective: incumbent, bound: bound),
      glpkGap: incumbent != nil && rawGap < .greatestFiniteMagnitude
        ? rawGap : nil,
      activeNodes: Int(active), totalNodes: Int(total), elapsed: elapsed)
  }
}

/// The C entry point GLPK calls; forwards to the context in `info`.
let mipCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) ->
  Void = { tree, info in
    guard let tree, let info else { return }
    Unmanaged<MIPCallbackContext>.fromOpaque(info).takeUnretainedValue()
      .handle(tree)
  }
