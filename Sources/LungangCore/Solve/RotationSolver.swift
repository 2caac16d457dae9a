import Foundation
import GLPKKit

/// How a solve ended, as written in summary.json.
public enum PlanStatus: String, Sendable {
  /// Proven optimal within the scenario's mip_gap.
  case optimal
  /// Stopped at the time limit with a plan.
  case timeLimit = "time_limit"
  /// Stopped by a signal with a plan.
  case interrupted
  /// The hard rules admit no plan.
  case infeasible
  /// Stopped before any plan was found.
  case noPlan = "no_plan"
}

/// Settings of one solve that are not part of the scenario.
public struct SolveOptions: Sendable {
  /// Overrides the scenario's solver.time_limit_s when set.
  public var timeLimit: Double?
  /// When the time limit starts counting (the command's start, so that loading and the
  /// instance count too); nil: when `solve` is called.
  public var startedAt: Date?
  /// Print progress lines to stderr.
  public var progress = false
  /// Let GLPK print its own log to stderr.
  public var solverLog = false
  /// When a core is idle, race a second search on the largest part still running. Off by
  /// default: whichever racer finishes first decides among plans of equal cost, so racing
  /// gives up byte-identical output across runs and thread counts.
  public var race = false
  /// Overrides the scenario's solver.threads when set (0: all cores).
  public var threads: Int?
  /// Parts with at least this many columns are solved by column generation
  /// (`RestrictedMaster`); nil: `Tuning.pricingMinColumns(mipGap:)`.
  public var pricingMinColumns: Int?
  /// Parts with at least this many columns are solved zone by zone first; nil: the default
  /// (`Tuning.zoneSplitMinColumns`).
  public var zoneSplitMinColumns: Int?
  /// Parts with at least this many columns (and a start plan) get the flow relaxation's
  /// phase first (`FlowBound`); nil: the default (`Tuning.flowBoundMinColumns`).
  public var flowBoundMinColumns: Int?
  /// Parts with at least this many columns keep the flow phase to the time limit and skip
  /// GLPK when it reaches it; nil: the default (`Tuning.flowOnlyMinColumns`).
  public var flowOnlyMinColumns: Int?
  public init() {}
}

/// Size of the optimization model.
public struct ModelStats: Sendable, Hashable {
  public var columns = 0
  public var rows = 0
  public var nonzeros = 0
  public var integerColumns = 0
  /// Independent parts solved separately.
  public var parts = 0
}

/// The outcome of solving a scenario: status, plan, bound and timing, kept apart.
public struct SolveOutcome: Sendable {
  public var status: PlanStatus
  public var plan: Plan?
  public var evaluation: PlanEvaluation?
  /// Objective of the plan (constant terms included).
  public var objective: Double?
  /// Best proven lower bound.
  public var bound: Double?
  /// (total − bound)/max(1,|total|).
  public var gap: Double?
  public var model = ModelStats()
  public var buildSeconds = 0.0
  public var solveSeconds = 0.0
  /// Objective of the construction heuristic's plan.
  public var heuristicObjective: Double?
  /// Parts solved by column generation (see `RestrictedMaster`).
  public var pricedParts = 0
  /// Parts that got the flow relaxation's phase (`FlowBound`).
  public var flowParts = 0
  /// Parts whose result is the flow phase's at the time limit, GLPK skipped
  /// (`SolveOptions.flowOnlyMinColumns`).
  public var flowOnlyParts = 0
  /// Why the hard rules admit no plan (status infeasible).
  public var reasons: [String] = []
  /// Notes for stderr (e.g. warnings found while building).
  public var notes: [String] = []
}

/// Builds the model of a scenario, splits it into independent parts, seeds each with the
/// construction heuristic and solves them with GLPK.
public enum RotationSolver {
  /// Parts with more columns branch by Driebeck–Tomlin instead of pseudocosts.
  static let pseudoCostMaxColumns = 30_000
  /// Sub-MIPs from a start plan (RINS, the stayers' relax-and-fix) with more loaded columns
  /// branch by Driebeck–Tomlin too (see `solvePart`'s `solveFixed`).
  static let subMIPPseudoCostMaxColumns = 10_000

  /// Solves `inst`; `shouldStop` is polled during the search (signals).
  public static func solve(
    _ inst: RotationInstance, options: SolveOptions = SolveOptions(),
    shouldStop: (@Sendable () -> Bool)? = nil
  ) -> SolveOutcome {
    let t0 = Date()
    let previousOutput = GLPK.terminalOutput
    GLPK.terminalOutput = options.solverLog ? .standardError : .suppressed
    defer { GLPK.terminalOutput = previousOutput }
    let timeLimit = options.timeLimit ?? inst.scenario.solver.timeLimitS
    let deadline = (options.startedAt ?? t0).addingTimeInterval(timeLimit)
    let gap = inst.scenario.solver.mipGap
    // Names cost time and memory on large models (5 million columns); they are only needed
    // to explain a part without a plan, and the model is rebuilt with them then.
    // A restricted instance's bound comes from the flow relaxation, which needs the
    // segment form.
    let form = Formulation(inst, names: false, balance: inst.isRestricted ? .segment : Tuning.balanceForm(mipGap: gap))
    var out = SolveOutcome(status: .noPlan)
    out.notes = form.fixedAvoidWarnings.map { "warning: \($0)" }
    out.model = ModelStats(
      columns: form.model.columnCount, rows: form.model.rowCount,
      nonzeros: form.model.nonzeroCount, integerColumns: form.model.integerColumnCount)
    if !form.contradictions.isEmpty {
      out.status = .infeasible
      out.reasons = form.contradictions
      out.buildSeconds = Date().timeIntervalSince(t0)
      return out
    }
    // Construction heuristic: the repair over everyone here, the improvement passes per part
    // in the part's worker, so the largest part's solve starts after its own passes, not
    // everyone's. A move changes only its part's rows, so the plan is the one passes over
    // everyone give (HeuristicTests.testPassesPerPartGiveTheWholePlan) as long as no part
    // reaches the work budget (which is per part).
    var search = LocalSearch(inst, form)
    search.chainLength = Tuning.heuristicChainLength(mipGap: gap)
    let formSeconds = Date().timeIntervalSince(t0)
    // A cap on each part's passes, counted from when the part starts: a part picked up late,
    // after other parts' searches, still gets its passes. The budget is the pass count and
    // the work (`Tuning.heuristicWork`); the cap, a quarter of the time limit and at most
    // 120 s, is a safety. Passes it cuts make the plan depend on timing (--progress says so):
    // on the 50,000-staff district scope they take 14–19 s, more than the default limit's
    // 15 s.
    let heuristicCap = min(timeLimit * 0.25, 120)
    search.repair(search.movers, shouldStop: shouldStop)
    let noPlan = Flag()
    if options.progress {
      progressLine(
        t0, "model \(form.model.columnCount) columns, \(form.model.rowCount) rows, "
          + "\(form.model.nonzeroCount) nonzeros (built in \(String(format: "%.1f", formSeconds)) s)")
    }

    let decomposition = Decomposition(form.model)
    let subs = decomposition.subModels(form.model)
    out.model.parts = subs.count
    // Each part is solved to a gap relative to its own value, while mip_gap is relative to
    // the whole total (model.md). When the parts' values add up to more than the total
    // (negative terms, parts worth less than 1), each part's gap shrinks in proportion,
    // estimated from the repaired plan; otherwise (the usual case: the constant is ≥ 0) it is
    // mip_gap itself.
    let partGap = Self.partGap(
      mipGap: gap, constant: form.model.objectiveConstant,
      partValues: decomposition.parts.indices.map { p in
        subs[p].objectiveValue(form.partPoint(decomposition.parts[p], subs[p]) { search.column(of: $0) })
      })
    if options.progress && partGap < gap {
      progressLine(t0, "parts solved to a gap of \(String(format: "%.3g", partGap)): their values add up to more than the total")
    }
    out.buildSeconds = Date().timeIntervalSince(t0)
    let t1 = Date()

    // Solve the parts on up to `threads` dedicated threads.
    // Smallest parts first: they take seconds and each gives a bound, so a time limit never
    // leaves a small part unsolved (and the total without a bound) while the largest ones
    // hold the cores; the largest parts then share the cores for the rest of the time.
    var order = subs.indices.sorted {
      (subs[$0].columnCount, $0) < (subs[$1].columnCount, $1)
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let requested = options.threads ?? inst.scenario.solver.threads
    let threads = max(1, requested == 0 ? cores : requested)
    // With two threads or more the largest part starts at once on one of them (it is the
    // critical path), and the others take the rest smallest first.
    if threads >= 2 && order.count >= 3 && Tuning.largestFirst, let last = order.popLast() {
      order.insert(last, at: 0)
    }
    let results = PartResults(count: subs.count)
    // Each part's start plan: the heuristic's passes over the part's people, on a copy of the
    // repaired search; its columns when they satisfy the part's rows, even if another part's
    // do not (one unresolved violation must not leave every part without a start, and the
    // large ones without pricing).
    let partMovers = {
      var movers = Array(repeating: [Int](), count: subs.count)
      var partOf = Array(repeating: 0, count: form.model.columnCount)
      for (p, part) in decomposition.parts.enumerated() { for c in part.columns { partOf[c] = p } }
      for i in search.movers { movers[partOf[form.columnsOf[i].lowerBound]].append(i) }
      return movers
    }()
    let starts = PartStarts(count: subs.count)
    let baseSearch = search
    // The heuristic's passes over part p's people from `local`, and the part's point.
    @Sendable func passes(_ p: Int, from local: LocalSearch) -> [Double] {
      var local = local
      let cap = Date().addingTimeInterval(heuristicCap)
      let finished = local.improve(
        partMovers[p], deadline: min(deadline, cap),
        maxPasses: Tuning.heuristicPasses(mipGap: gap), maxWork: Tuning.heuristicWork, shouldStop: { (shouldStop?() ?? false) || noPlan.isSet })
      if !finished && options.progress && Date() >= cap && Date() < deadline {
        progressLine(
          t0, "part \(p): heuristic passes cut at their cap (\(String(format: "%.0f", heuristicCap)) s, a quarter of the time limit): this plan depends on the machine's speed")
      }
      return form.partPoint(decomposition.parts[p], subs[p]) { local.column(of: $0) }
    }
    @Sendable func partStart(_ p: Int) -> PartStarts.Start {
      starts.get(p) {
        let x = passes(p, from: baseSearch)
        return PartStarts.Start(values: x, violation: subs[p].maxViolation(x))
      }
    }
    // The heuristic's state at part p's plan `x` (part columns), with chains.
    @Sendable func searchAtPlan(_ x: [Double], of p: Int) -> LocalSearch {
      var local = baseSearch
      local.chainLength = LocalSearch.defaultChainLength
      for (n, c) in decomposition.parts[p].columns.enumerated() where c < form.assignCount && x[n] > 0.5 {
        let i = Int(form.assignPerson[c])
        if local.column(of: i) != c { _ = local.apply(i, to: c) }
      }
      return local
    }
    // The flow relaxation's assignment (part columns) made a plan: from the part's plan
    // `x`, every move toward the assignment that keeps the hard rows is made, in rounds
    // while any is, then the heuristic's passes. (Repairing the assignment itself left an
    // outflow limit broken on the 200,000-staff rung: the movers' own posts had filled.)
    @Sendable func lagrangianPlan(_ p: Int, _ columns: [Int32], from x: [Double]) -> [Double] {
      var local = searchAtPlan(x, of: p)
      let cols = decomposition.parts[p].columns
      var wanted = columns.map { cols[Int($0)] }
      for _ in 0..<10 {
        var left: [Int] = []
        for c in wanted {
          let i = Int(form.assignPerson[c])
          guard local.column(of: i) != c else { continue }
          if local.moveChange(i, to: c).1 <= 0 { _ = local.apply(i, to: c) } else { left.append(c) }
        }
        if left.count == wanted.count { break }
        wanted = left
      }
      return passes(p, from: local)
    }
    // The heuristic's passes (with chains) from a part's plan (`solvePart`'s `polish`): the
    // passes made from the repaired plan, remade from a plan the LP's sub-MIPs found.
    @Sendable func polish(_ p: Int, _ x: [Double]) -> [Double] {
      passes(p, from: searchAtPlan(x, of: p))
    }
    let splitMin = options.zoneSplitMinColumns ?? Tuning.zoneSplitMinColumns
    let flowMin = options.flowBoundMinColumns ?? Tuning.flowBoundMinColumns
    let pricingReserve = inst.isRestricted ? Tuning.candidatePricingSeconds(inst, timeLimit: timeLimit) : 0
    let pricingMin = options.pricingMinColumns ?? Tuning.pricingMinColumns(mipGap: gap)
    // The total's gap over the parts' plans and bounds: proven, the parts still running stop.
    let districtGap = DistrictGap(parts: subs.count, constant: form.model.objectiveConstant, gap: gap)
    // The flow relaxation's phase on part p (`FlowBound`), from its plan `plan`: the bound
    // before GLPK's LP, which may not finish on very large parts, and plans from its
    // assignments (a Lagrangian heuristic): a plan from the first assignment, then rounds of
    // ascent each followed by a plan from the best assignment, while the phase lasts (for a
    // flow-only part with two threads, plans on another thread beside the ascent). Returns
    // the best plan, the bound (nil when the flow gave none), and whether the time limit
    // ended a flow-only phase (`Tuning.flowOnlyMinColumns`).
    @Sendable func flowPhase(
      _ p: Int, _ flow: inout FlowBound, from plan: [Double], say: ((String) -> Void)?
    ) -> (plan: [Double], bound: Double?, timeUp: Bool) {
      let t = Date()
      // A part too large for GLPK's LP in any useful time keeps the flow phase to the time
      // limit: the ascent runs to it, and a plan starts only while the time left holds one.
      // So does a part of a restricted instance (its bound is only priced after the phase,
      // `CandidatePricing`), up to the time pricing takes.
      let flowOnly =
        inst.isRestricted || subs[p].columnCount >= (options.flowOnlyMinColumns ?? Tuning.flowOnlyMinColumns)
      let phaseEnd =
        flowOnly
        ? deadline.addingTimeInterval(-pricingReserve)
        : Date(
          timeIntervalSinceNow: min(
            max(0, deadline.timeIntervalSinceNow) * Tuning.flowBoundShare, Tuning.flowBoundMaxSeconds))
      var lastPlan = 0.0
      var timeUp = false
      let stop = { (shouldStop?() ?? false) || noPlan.isSet }
      var best = plan
      var bestValue = subs[p].objectiveValue(plan)
      // Keeps plan x if it is the best so far and says so.
      func record(_ x: [Double], seconds: Double, label: String) {
        let value = subs[p].objectiveValue(x)
        let ok = subs[p].maxViolation(x) <= 1e-6
        if ok && value < bestValue {
          best = x
          bestValue = value
        }
        say?("\(label): bound \(String(format: "%.3f", flow.best)), plan \(ok ? String(format: "%.3f", value) : "none") in \(String(format: "%.1f", seconds)) s")
      }
      // Whether the flow's bound proves the plan within the part's gap. Never for a part
      // of a restricted instance: its bound only holds once pricing has lowered it
      // (`CandidatePricing`), so its ascent goes on to the phase's end (on the
      // 200,000-staff district scope the candidates' bound proved 1e-2 at 150 s and the
      // priced one did not: 1.01 %).
      func proven() -> Bool { !inst.isRestricted && isWithinGap(bestValue, bound: flow.best, gap: partGap) }
      // With a second thread a flow-only part's plans are made beside the ascent, which
      // then never waits for them (`BackgroundPlan`).
      let begun = flow.begin(plan: plan, deadline: phaseEnd)
      if begun && flowOnly && threads > 1 && Tuning.flowPlan && Tuning.flowPlansBeside {
        let background = BackgroundPlan()
        var planned: [Int32] = []
        var made = 0
        func launch(_ assignment: [Int32]) {
          planned = assignment
          let columns = planned
          let from = best
          background.start { lagrangianPlan(p, columns, from: from) }
        }
        func collect(_ r: (plan: [Double], seconds: Double)) {
          lastPlan = r.seconds
          made += 1
          record(r.plan, seconds: r.seconds, label: "flow plan \(made)")
        }
        launch(flow.bestAssignment)
        while Date() < phaseEnd && !stop() {
          let solves = flow.solves
          let target = flow.best + Tuning.flowTargetShare * (bestValue - flow.best)
          _ = flow.ascend(target: target, deadline: phaseEnd, maxSolves: 1, shouldStop: stop)
          if let r = background.finished() { collect(r) }
          if proven() { break }
          // The ascent has ended (its step size vanished): only a running plan is left.
          if flow.solves == solves { break }
          // The next plan: from the best bound's assignment when it is new, else from the
          // last step's (the second core would idle between best bounds, which are rare).
          if !background.isRunning && phaseEnd.timeIntervalSinceNow >= lastPlan {
            let next = flow.bestAssignment != planned ? flow.bestAssignment : flow.lastAssignment
            if next != planned { launch(next) }
          }
        }
        if background.isRunning { collect(background.wait()) }
      } else if begun {
        var planned: [Int32] = []
        // Rounds end on the part's own state only (its gap, the ascent, the work budget),
        // never on other parts', so that the plan does not depend on timing; the district's
        // total is checked after the phase. Flow-only parts are the exception: their rounds
        // run to the time limit, so how many fit depends on the machine's speed.
        for round in 0..<Tuning.flowRounds where Date() < phaseEnd && !stop() {
          // The first plan comes before any ascent: a better plan makes a closer target for
          // the step sizes (the 50,000-staff district scope: 378,422 → 195,747).
          if round > 0 {
            let target = flow.best + Tuning.flowTargetShare * (bestValue - flow.best)
            _ = flow.ascend(target: target, deadline: phaseEnd, maxSolves: Tuning.flowRoundSolves, shouldStop: stop)
          }
          if proven() { break }
          guard Tuning.flowPlan, flow.bestAssignment != planned, !stop() else { continue }
          // A plan that cannot end by the time limit would overrun it (about 15 s on that
          // scope): no plan is started with less time left than the last one took.
          if flowOnly && deadline.timeIntervalSinceNow < lastPlan {
            timeUp = true
            break
          }
          planned = flow.bestAssignment
          let tp = Date()
          let x = lagrangianPlan(p, planned, from: best)
          lastPlan = Date().timeIntervalSince(tp)
          record(x, seconds: lastPlan, label: "flow round \(round + 1)")
        }
      }
      // A restricted instance's part has no GLPK phase after this one: the time left goes to
      // the bound.
      if inst.isRestricted && Date() < phaseEnd && !stop() {
        _ = flow.ascend(
          target: flow.best + Tuning.flowTargetShare * (bestValue - flow.best), deadline: phaseEnd, shouldStop: stop)
      }
      say?("flow bound \(String(format: "%.3f", flow.best)) (\(flow.arcCount) arcs, \(flow.relaxedRows.count) rows relaxed, \(flow.solves) solves\(flow.method == .bundle ? String(format: ", %.1f s in the bundle's steps", flow.bundle.qpSeconds) : "")), plan \(String(format: "%.3f", bestValue)) in \(String(format: "%.1f", Date().timeIntervalSince(t))) s")
      if flowOnly && Date() >= phaseEnd { timeUp = true }
      return (best, flow.best.isFinite ? flow.best : nil, timeUp)
    }
    let progressThrottle = ProgressThrottle()
    let workers = max(1, min(threads, max(subs.count, 2)))
    let schedule = Schedule(order: order, sizes: subs.map(\.columnCount), race: options.race)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let (p, variant) = schedule.next() {
        let part = decomposition.parts[p]
        let race = schedule.race(p)
        let stayColumns = part.columns.map { c in
          c < form.assignCount
            && inst.destinations[Int(form.assignPerson[c])][Int(form.assignDestination[c])].isStay
        }
        // Racers exchange incumbents by GLPK column, so they load every column.
        let groups = options.race ? nil : personGroups(part.columns, form)
        // The LP phase and the plans found before branching (minutes on large parts).
        // With --progress at most one line a second (shared with the search's lines);
        // with --solver-log every line.
        let say: ((String) -> Void)? =
          options.solverLog
          ? { msg in progressLine(t0, "part \(p): \(msg)") }
          : options.progress ? { msg in progressThrottle.line(t0, "part \(p): \(msg)") } : nil
        let onProgress: ((MIPProgress) -> Void)? =
          options.progress ? { pr in progressThrottle.report(t0, p, variant, pr) } : nil
        // The part's start plan (a racer waits for the first worker's).
        let heuristicStart = Date()
        let start = partStart(p)
        if (options.progress || options.solverLog) && subs[p].columnCount >= min(pricingMin, Tuning.largePartColumns) {
          progressLine(
            t0, "part \(p): heuristic plan "
              + (start.violation <= 1e-6
                ? String(format: "%.3f", subs[p].objectiveValue(start.values)) : "none (violation \(start.violation))")
              + " in \(String(format: "%.1f", Date().timeIntervalSince(heuristicStart))) s")
        }
        var incumbent = start.violation <= 1e-6 ? start.values : nil
        // Assignment columns that cross a zone line (group moves), for the zone split.
        var cross: [Bool]?
        if groups != nil, subs[p].columnCount >= splitMin {
          let c = crossingColumns(part.columns, form, inst)
          let assign = part.columns.lazy.filter { $0 < form.assignCount }.count
          let crossing = c.lazy.filter { $0 }.count
          if crossing > 0 && Double(crossing) <= Tuning.zoneSplitMaxCrossing * Double(assign) {
            cross = c
          }
        }
        // Very large parts (`FlowBound`): the flow relaxation's phase before GLPK's LP. A plan
        // its bound proves within the gap (the part's, or the district total's) is the part's
        // result.
        var flowBound: Double?
        var flowRan = false
        var flowTimeUp = false
        if let groups, let plan = incumbent, subs[p].columnCount >= flowMin || inst.isRestricted,
          var flow = FlowBound(
            subs[p], group: groups, kept: part.rows.map { $0 < form.transportationRowsEnd },
            forPricing: inst.isRestricted)
        {
          (incumbent, flowBound, flowTimeUp) = flowPhase(p, &flow, from: plan, say: say)
          flowRan = true
          if inst.isRestricted {
            // The phase's bound holds for the candidates only: price the rest at the best
            // multipliers (`CandidatePricing`).
            let tp = Date()
            flowBound =
              flowBound != nil
              ? CandidatePricing.bound(
                flow, y: flow.bestMultipliers, part: part, groups: groups, form: form, inst: inst,
                slices: concurrentSlices(part.columns.count, threads: threads))
              : nil
            say?(
              "bound over every allowed destination \(flowBound.map { String(format: "%.3f", $0) } ?? "none") "
                + "(candidates' \(String(format: "%.3f", flow.best))) in \(String(format: "%.1f", Date().timeIntervalSince(tp))) s "
                + "(\(String(format: "%.1f", pricingReserve)) s kept back)")
          }
        }
        let startValue = incumbent.map { subs[p].objectiveValue($0) }
        var r: PartResult
        if let fb = flowBound, let v = startValue,
          isWithinGap(v, bound: fb, gap: partGap) || districtGap.record(p, objective: v, bound: fb)
        {
          r = PartResult(outcome: .optimal, values: incumbent, bound: fb, objective: v)
        } else if inst.isRestricted {
          // GLPK's bounds would hold for the candidates only: the part ends with its plan and
          // the priced bound, if any.
          if !flowRan {
            say?("no bound: " + (incumbent == nil ? "the start plan breaks a hard rule" : "the part is not a flow with side rows"))
          }
          r = PartResult(
            outcome: (shouldStop?() ?? false) ? .interrupted : .limit, values: incumbent, bound: flowBound,
            objective: startValue)
          r.flowOnly = true
        } else if flowTimeUp, let fb = flowBound, let v = startValue {
          // GLPK's LP would not finish in the time left (`Tuning.flowOnlyMinColumns`).
          r = PartResult(
            outcome: (shouldStop?() ?? false) ? .interrupted : .limit, values: incumbent, bound: fb, objective: v)
          r.flowOnly = true
        } else {
          let partShouldStop = { (shouldStop?() ?? false) || race.isSettled || noPlan.isSet || districtGap.isProven }
          r = GLPK.runOnDedicatedThread {
            // With a start plan and the flow bound the zone split adds nothing: on the
            // 200,000-staff rung its pieces' plan was 1,524,700 against the start's 954,362,
            // and its bound −5,232,301 (31 s).
            if let cross, let groups, flowBound == nil {
              return solveByZone(
                subs[p], cross: cross, incumbent: incumbent, deadline: deadline, mipGap: partGap,
                tight: Tuning.isTight(gap), log: options.solverLog, stayColumns: stayColumns, groups: groups,
                pricingMinColumns: pricingMin, say: say, onProgress: onProgress,
                shouldStop: partShouldStop)
            }
            return solvePart(
              subs[p], incumbent: incumbent, deadline: deadline, mipGap: partGap,
              tight: Tuning.isTight(gap), log: options.solverLog, variant: variant, exchange: race.exchange,
              stayColumns: stayColumns, groups: groups, pricingMinColumns: pricingMin,
              say: say, onProgress: onProgress,
              polish: Tuning.polish(mipGap: gap) && groups != nil ? { polish(p, $0) } : nil,
              shouldStop: partShouldStop)
          }
          if let fb = flowBound, r.outcome != .infeasible { r.bound = max(r.bound ?? fb, fb) }
        }
        // One part without a plan means none for the district: stop the others.
        if r.outcome == .infeasible { noPlan.set() } else { districtGap.record(p, objective: r.objective, bound: r.bound) }
        if flowRan { r.flow = true }
        race.add(r, external: shouldStop?() ?? false)
        if options.progress {
          progressLine(
            t0, "part \(p)\(variant > 0 ? " (racer \(variant))" : ""): \(subs[p].columnCount) columns, "
              + "\(subs[p].rowCount) rows: \(r.outcome)"
              + " objective \(r.objective.map { String(format: "%.3f", $0) } ?? "-")"
              + " bound \(r.bound.map { String(format: "%.3f", $0) } ?? "-")")
        }
      }
    }
    for p in subs.indices { if let r = schedule.race(p).merged() { results.set(p, r) } }
    out.solveSeconds = Date().timeIntervalSince(t1)
    // The heuristic's plan, when every part's start satisfies the part's rows.
    var heuristic: Double? = form.model.objectiveConstant
    for p in subs.indices {
      guard let st = starts.peek(p), st.violation <= 1e-6 else { heuristic = nil; break }
      heuristic? += subs[p].objectiveValue(st.values)
    }
    out.heuristicObjective = heuristic

    // Combine.
    var x = Array(repeating: 0.0, count: form.model.columnCount)
    var bound = form.model.objectiveConstant
    var anyMissing = false
    var stopped = false
    var timeUp = false
    var infeasibleParts: [Int] = []
    for (p, part) in decomposition.parts.enumerated() {
      guard let r = results.get(p) else { anyMissing = true; continue }
      if r.priced { out.pricedParts += 1 }
      if r.flow { out.flowParts += 1 }
      if r.flowOnly { out.flowOnlyParts += 1 }
      switch r.outcome {
      case .infeasible: infeasibleParts.append(p)
      case .limit: timeUp = true
      case .interrupted: stopped = true
      case .optimal: break
      }
      if let v = r.values {
        for (n, c) in part.columns.enumerated() { x[c] = v[n] }
      } else if let inc = starts.peek(p), inc.violation <= 1e-6 {
        for (n, c) in part.columns.enumerated() { x[c] = inc.values[n] }
      } else {
        anyMissing = true
      }
      bound += r.bound ?? -Double.infinity
    }
    if !infeasibleParts.isEmpty {
      out.status = .infeasible
      // Explaining is worth time of its own: at least 30 s even when the limit is reached.
      let explainLimit = max(30, min(120, deadline.timeIntervalSinceNow))
      // The same model with names (built the same way, so parts and indices agree).
      let named = Formulation(inst, names: true, balance: form.balanceForm)
      let namedSubs = decomposition.subModels(named.model)
      out.reasons = infeasibleParts.map { p in
        GLPK.runOnDedicatedThread {
          ConflictExplainer.explain(
            named, inst, part: decomposition.parts[p], sub: namedSubs[p],
            timeLimit: explainLimit / Double(infeasibleParts.count))
        }
      }
      return out
    }
    if anyMissing {
      out.status = .noPlan
      return out
    }
    let plan = form.plan(from: x, inst)
    let eval = PlanEvaluation(plan, inst)
    out.plan = plan
    out.evaluation = eval
    out.objective = eval.terms.total
    let total = eval.terms.total
    out.bound = bound.isFinite ? min(bound, total) : nil
    out.gap = out.bound.map { (total - $0) / max(1, abs(total)) }
    out.status = runStatus(
      partStopped: stopped, partTimeUp: timeUp, userStopped: shouldStop?() ?? false,
      totalProven: districtGap.isProven, gap: out.gap, mipGap: gap)
    if out.status == .optimal, let g = out.gap, g > gap * (1 + 1e-9) {
      // `partGap` is an estimate; say so when it was not enough.
      out.notes.append(
        "warning: every part is within its gap of its bound, but the total's gap is \(g), above mip_gap \(gap)")
    }
    if !eval.violations.isEmpty {
      out.notes.append(contentsOf: eval.violations.map { "internal: plan violates \($0)" })
    }
    let modelObjective = form.model.objectiveValue(x)
    if abs(modelObjective - total) > 1e-6 * max(1, abs(total)) {
      out.notes.append(
        "internal: model objective \(modelObjective) differs from the plan's \(total)")
    }
    return out
  }

  /// Whether a plan worth `value` is proven within `gap` by `bound`, relative to the plan as
  /// model.md defines the gap: (value − bound) / max(1, |value|) ≤ gap.
  static func isWithinGap(_ value: Double, bound: Double, gap: Double) -> Bool {
    value - bound <= gap * max(1, abs(value))
  }

  /// The gap each part is solved to so that the total is within `mipGap`: mip_gap itself
  /// unless the parts' values (each counted as at least 1) add up to more than the total
  /// (the constant plus the parts), then in proportion. Part p within g·max(1, |v_p|) of its
  /// bound for every p puts the total within g·Σ max(1, |v_p|) ≤ mipGap·max(1, |total|) for
  /// the values given; the solve passes the repaired plan's, an estimate, and warns if the
  /// total's gap still ends above mip_gap.
  static func partGap(mipGap: Double, constant: Double, partValues: [Double]) -> Double {
    let total = constant + partValues.reduce(0, +)
    let parts = partValues.reduce(0) { $0 + max(1, abs($1)) }
    guard parts.isFinite && total.isFinite else { return mipGap }
    return mipGap * min(1, max(1, abs(total)) / max(1, parts))
  }

  /// What one part's solve produced.
  struct PartResult: Sendable {
    enum Outcome: Sendable { case optimal, limit, interrupted, infeasible }
    var outcome: Outcome
    var values: [Double]?
    var bound: Double?
    var objective: Double?
    /// Solved by column generation.
    var priced = false
    /// Row duals of the part's last LP (1-based like GLPK's), when it had one.
    var rowDuals: [Double]? = nil
    /// Got the flow relaxation's phase first.
    var flow = false
    /// Its result is the flow phase's at the time limit (GLPK skipped).
    var flowOnly = false
  }

  /// The run's status from its parts' outcomes. `optimal` when the district's total was
  /// proven within `mipGap` (`DistrictGap`) and the user did not stop the run, even if parts
  /// were stopped for it or one reached the time limit (model.md's gap is the total's);
  /// otherwise `interrupted` when a part was stopped, `time_limit` when one ran out of time,
  /// `optimal` when every part was solved to its gap.
  static func runStatus(
    partStopped: Bool, partTimeUp: Bool, userStopped: Bool, totalProven: Bool, gap: Double?, mipGap: Double
  ) -> PlanStatus {
    if totalProven, !userStopped, let g = gap, g <= mipGap * (1 + 1e-9) { return .optimal }
    return partStopped ? .interrupted : (partTimeUp ? .timeLimit : .optimal)
  }

  /// Solves one part to `mipGap`. `tight` says whether the scenario's gap is tight
  /// (`Tuning.isTight`; by default judged from `mipGap`): the part's own gap may be smaller
  /// (`partGap`, zone pieces), and the tight-gap choices follow the scenario.
  static func solvePart(
    _ m: SparseModel, incumbent: [Double]?, deadline: Date, mipGap: Double, tight: Bool? = nil, log: Bool,
    variant: Int = 0, exchange: IncumbentExchange? = nil,
    stayColumns: [Bool]? = nil, groups: [Int32]? = nil, pricingMinColumns: Int = Int.max,
    say: ((String) -> Void)? = nil,
    onProgress: ((MIPProgress) -> Void)? = nil,
    polish: (([Double]) -> [Double])? = nil,
    shouldStop: (() -> Bool)?
  ) -> PartResult {
    let tight = tight ?? Tuning.isTight(mipGap)
    do {
      // Column generation when the part is large and a plan to start from exists (the
      // plan's columns keep every restricted model feasible); see RestrictedMaster.
      var priced: RestrictedMaster?
      if let groups, let start = incumbent, m.columnCount >= pricingMinColumns {
        let initial = RestrictedMaster.initialColumns(m, group: groups, stay: stayColumns, start: start)
        priced = try RestrictedMaster(m, group: groups, initial: initial)
      }
      let p = try priced?.problem ?? load(m)
      // GLPK column (0-based) → part column, and points between the two.
      func partIndex(_ j: Int) -> Int { priced.map { $0.partColumn[j] } ?? j }
      func toGLPK(_ x: [Double]) -> [Double] { priced?.restrict(x) ?? x }
      func fromGLPK(_ v: [Double]) -> [Double] { priced?.expand(v) ?? v }

      var opt = MIPOptions()
      opt.mipGap = mipGap
      opt.presolve = false
      opt.cuts = .all
      opt.branching = .pseudoCost
      opt.messageLevel = log ? .normal : .off
      if variant > 0 {
        // A racer searches the same tree differently and shares incumbents.
        opt.backtracking = .bestProjection
      }
      Tuning.apply(to: &opt)
      var incumbent = incumbent  // in part columns
      var incumbentValue = incumbent.map { m.objectiveValue($0) } ?? .infinity
      let startValue = incumbentValue

      // Root LP: over the restricted columns with pricing, or over all.
      var lpValues: [Double]?  // GLPK columns, 0-based
      var lpBound: Double?  // valid for the whole part
      var lpDuals: [Double]?  // GLPK rows = part rows, 1-based
      // The LP's optimal basis: the plan steps below (sub-MIPs with columns fixed, the dive)
      // move the basis, and the final search's root LP starts again from this one.
      var lpBasis: Basis?
      if let priced {
        let outcome = priced.solveLP(deadline: deadline, log: log, say: say, shouldStop: shouldStop)
        if priced.bound.isFinite { lpBound = priced.bound }
        switch outcome {
        case .converged:
          if let v = try? p.columnPrimals() { lpValues = Array(v.dropFirst()) }
          lpDuals = try? p.rowDuals()
          lpBasis = try? p.basis()
        case .timeUp, .interrupted:
          return PartResult(
            outcome: outcome == .timeUp ? .limit : .interrupted, values: incumbent, bound: lpBound,
            objective: incumbent.map { m.objectiveValue($0) }, priced: true,
            rowDuals: priced.rounds > 0 ? try? p.rowDuals() : nil)
        case .failed:
          // Should not happen (the start plan is in the model); fall back to every column.
          _ = try priced.addColumns(reducedCostUpTo: .infinity)
        }
      } else {
        var lpOptions = LPOptions(
          method: .dualPrimal, timeLimit: max(0.05, deadline.timeIntervalSinceNow),
          messageLevel: log ? .normal : .off)
        lpOptions.longStep = true
        // Large parts without a start plan: GLPK's presolver first. It finds a part whose rows
        // admit no plan at once (the 200,000-staff rung, seed 2: HiGHS's presolver proves the
        // LP infeasible in 2 s, where the simplex ran out of 180 s), and it shrinks the LP.
        // (At tight gaps parts up to 30,000 columns are not priced: they are presolved only
        // without a start plan.)
        lpOptions.presolve =
          m.columnCount >= pricingMinColumns || (incumbent == nil && m.columnCount >= Tuning.largePartColumns)
        let lp = solveLP(p, lpOptions, rows: m.rowCount, shouldStop: shouldStop)
        if lp.termination == .interrupted {
          return PartResult(
            outcome: .interrupted, values: incumbent, bound: nil,
            objective: incumbent.map { m.objectiveValue($0) })
        }
        say?("root LP \(String(format: "%.3f", lp.objective ?? .nan)) in \(String(format: "%.1f", lp.solveTime)) s")
        if lp.termination.isInfeasible {
          // No LP point, so no plan: the part's rows admit none.
          return PartResult(outcome: .infeasible, values: nil, bound: nil)
        }
        if lp.primalStatus == .feasiblePoint, lp.columnValues.count == p.columns + 1 {
          lpValues = Array(lp.columnValues.dropFirst())
        }
        if lp.termination == .optimal {
          lpBound = lp.objective
          lpDuals = try? p.rowDuals()
          lpBasis = try? p.basis()
        }
      }
      // GLPK initialises pseudocosts by solving an LP per fractional column without looking
      // at the clock (70 s past the limit on a 38,000-column part); above 30,000 columns use
      // Driebeck–Tomlin. A size rule, not a time rule, so that the search path (and the
      // bound reported) does not depend on how fast the root LP happened to be.
      func applySizeRule() {
        if opt.branching == .pseudoCost && p.columns > RotationSolver.pseudoCostMaxColumns {
          opt.branching = .driebeckTomlin
        }
      }
      applySizeRule()
      // Plans from the LP, cheapest first; stop as soon as the LP bound proves one within the
      // gap (the bound of a priced part is its Lagrangian bound, valid for every column).
      func provenWithinGap() -> Bool {
        guard let lb = lpBound, incumbent != nil else { return false }
        return isWithinGap(incumbentValue, bound: lb, gap: mipGap)
      }
      func accept(_ v: [Double]?, _ what: String, _ t: Date) {
        guard let point = v.map(fromGLPK) else {
          say?("\(what): no plan in \(String(format: "%.1f", Date().timeIntervalSince(t))) s")
          return
        }
        let value = m.objectiveValue(point)
        if m.maxViolation(point) <= 1e-6, value < incumbentValue {
          incumbent = point
          incumbentValue = value
        }
        say?("\(what): plan \(String(format: "%.3f", value)) in \(String(format: "%.1f", Date().timeIntervalSince(t))) s")
      }
      /// The value at which a plan is within the gap of the part's LP bound, if known:
      /// v ≤ lb + gap·max(1, lb) implies v − lb ≤ gap·max(1, |v|), as `provenWithinGap` asks
      /// (with a margin for rounding).
      func objectiveTarget() -> Double? {
        guard let lb = lpBound, lb.isFinite else { return nil }
        return lb + 0.99 * mipGap * max(1, lb)
      }
      /// Solves the MIP with the given columns fixed at 1 (and `zeros` at 0), then frees them.
      func solveFixed(
        _ fix: [Int], zeros: [Int] = [], limit: Double, start: [Double]?
      ) throws -> [Double]? {
        for j in fix { try p.setColumnBounds(j + 1, .fixed(1)) }
        for j in zeros { try p.setColumnBounds(j + 1, .fixed(0)) }
        defer { for j in fix + zeros { try? p.setColumnBounds(j + 1, .double(0, 1)) } }
        var sub = opt
        sub.timeLimit = max(0.05, limit)
        // The small MIP is solved to a tenth of the gap: its own bound is above the part's LP
        // bound, so stopping at the gap of its own bound can leave the plan outside the part's
        // (the 50,000-staff rung: 0.106 % against 0.1 %, then 40 s more of search).
        sub.mipGap = mipGap * 0.1
        // It stops as soon as its plan is within the gap of the part's bound, which its own
        // tenth of the gap can take seconds longer to prove (relax-and-fix on the 50,000-staff
        // rung's largest part: 3.4–4.0 s with the target, 3.5–7.6 s without).
        sub.objectiveTarget = objectiveTarget()
        // Without a start plan GLPK's MIP presolver may run: it removes the fixed columns, the
        // columns their convexity rows force to 0 and those rows, so the search is over the
        // people the LP split only. Without it, relax-and-fix on that rung's largest part found
        // no plan in 8.8 s in one run of three; with it, a plan in 2.4 s.
        if start == nil { sub.presolve = true }
        // Without the presolver the sub-MIP has all the loaded columns, and pseudocost
        // initialisation (which does not look at the clock) overran: on the 10,000-staff
        // district scope the stayers' search over 21,000 columns took 49.6 s against its 30 s.
        if start != nil && p.columns > RotationSolver.subMIPPseudoCostMaxColumns && sub.branching == .pseudoCost
          && !tight && ProcessInfo.processInfo.environment["LUNGANG_BRANCH"] == nil
        {
          sub.branching = .driebeckTomlin
        }
        let r = p.solveMIP(sub, incumbent: start, shouldStop: shouldStop)
        return r.primalStatus == .feasiblePoint ? Array(r.columnValues.dropFirst()) : nil
      }
      var steps: [String] = []
      if let lpv = lpValues, !provenWithinGap() {
        // Relax and fix: fix the columns the LP sets to 1 and solve the small MIP left.
        let ones = (0..<lpv.count).filter { j in
          let c = partIndex(j)
          return m.columnIsInteger[c] && m.columnUpper[c] == 1 && lpv[j] > 1 - 1e-6
        }
        let t = Date()
        let limit = min(deadline.timeIntervalSinceNow * (priced == nil ? 0.3 : 0.25), priced == nil ? 30 : 10)
        // Columns the LP leaves at 0 whose reduced cost alone exceeds the room the gap leaves
        // (target − LP bound) are in no plan within the gap: fixed at 0 too. On the
        // 50,000-staff rung's largest part 2,074 columns, and the search after the LP took
        // 11 nodes instead of 21 (relax-and-fix 1.5–2.0 s against 2.3–2.5 s).
        var zeros: [Int] = []
        if Tuning.relaxAndFixZeros, let target = objectiveTarget(), let lb = lpBound, let d = try? p.columnDuals() {
          var isOne = Array(repeating: false, count: lpv.count)
          for j in ones { isOne[j] = true }
          // Binary columns only: the bounds are put back as [0, 1] afterwards (a continuous
          // column, a shortage or a balance deviation, was left capped at 1 before stop 12).
          zeros = (0..<lpv.count).filter { j in
            let c = partIndex(j)
            return m.columnIsInteger[c] && m.columnUpper[c] == 1 && !isOne[j] && lpv[j] < 1e-9
              && d[j + 1] > target - lb
          }
        }
        accept(try solveFixed(ones, zeros: zeros, limit: limit, start: nil), "relax-and-fix (\(ones.count) fixed, \(zeros.count) at 0)", t)
        steps.append("relax-and-fix")
      }
      // Priced parts: dive on the LP, when relax-and-fix found no plan better than the start
      // (at tight gaps always, `Tuning.isTight`; there only parts over 30,000 columns are
      // priced). After a plan from relax-and-fix the dive's was worse where measured: the
      // 10,000-staff district scope 53,949 against 53,656 (6 s spent), the sample's largest
      // part 60,665 against 60,453.
      if let priced, let lpv = lpValues, !provenWithinGap(),
        tight || incumbentValue >= startValue
      {
        let group = priced.partColumn.map { priced.group[$0] }
        let t = Date()
        // Half the time left while the plan is still the construction heuristic's (relax-and-fix
        // found none: the dive is then the only way to a plan near the LP), else 30 %.
        let share = incumbentValue < startValue ? 0.3 : 0.5
        let diveDeadline = Date(timeIntervalSinceNow: max(0.05, deadline.timeIntervalSinceNow * share))
        accept(LPDive.dive(p, group: group, start: lpv, deadline: diveDeadline, log: log), "dive", t)
        steps.append("dive")
      }
      if priced != nil, let lpv = lpValues, let plan = incumbent.map(toGLPK), !provenWithinGap() {
        // RINS: fix the columns where the plan and the LP agree, search the rest from the plan.
        var ones: [Int] = []
        var zeros: [Int] = []
        for j in 0..<lpv.count where m.columnIsInteger[partIndex(j)] {
          if plan[j] > 0.5 && lpv[j] > 1 - 1e-6 { ones.append(j) }
          if plan[j] < 0.5 && lpv[j] < 1e-6 { zeros.append(j) }
        }
        let t = Date()
        accept(
          try solveFixed(ones, zeros: zeros, limit: min(deadline.timeIntervalSinceNow * 0.2, 20), start: plan),
          "RINS (\(lpv.count - ones.count - zeros.count) columns free)", t)
        steps.append("RINS")
      }
      // At gaps that are not tight only while no step has improved on the start, as the dive
      // (`Tuning.stayersStep`).
      if let lpv = lpValues, let stays = stayColumns, variant == 0, !provenWithinGap(),
        Tuning.stayersStep(tight: tight, improved: incumbentValue < startValue)
      {
        // A larger neighbourhood: keep only the LP's stayers fixed, so the movers may be
        // re-assigned among all their destinations.
        let stayers = (0..<lpv.count).filter { stays[partIndex($0)] && lpv[$0] > 1 - 1e-6 }
        let t = Date()
        accept(
          try solveFixed(
            stayers, limit: min(deadline.timeIntervalSinceNow * 0.3, 30), start: incumbent.map(toGLPK)),
          "relax-and-fix, stayers (\(stayers.count) fixed)", t)
        steps.append("relax-and-fix, stayers")
      }
      // The construction heuristic's passes from the best plan so far, the plans from the
      // LP being better starts than its own (`polish`).
      if let polish, let plan = incumbent, !provenWithinGap() {
        let t = Date()
        let x = polish(plan)
        let value = m.objectiveValue(x)
        if m.maxViolation(x) <= 1e-6 && value < incumbentValue {
          incumbent = x
          incumbentValue = value
          steps.append("heuristic from the plan")
        }
        say?("heuristic from the plan: \(String(format: "%.3f", value)) in \(String(format: "%.1f", Date().timeIntervalSince(t))) s")
      }
      if provenWithinGap(), let lb = lpBound {
        say?("plan \(String(format: "%.3f", incumbentValue)) is within the gap of the LP bound \(String(format: "%.3f", lb)) after \(steps.isEmpty ? "the start plan" : steps.joined(separator: ", "))\(priced.map { "; \($0.loadedCount) of \(m.columnCount) columns used" } ?? "")")
        return PartResult(
          outcome: .optimal, values: incumbent, bound: lb, objective: incumbentValue, priced: priced != nil,
          rowDuals: lpDuals)
      }
      // Back to the LP's optimal basis (not at tight gaps, `Tuning.isTight`). The columns
      // added below price out at its duals, so the search's root LP starts optimal. Left
      // where the plan steps put it, the root LP on the 10,000-staff district scope was still
      // short of optimal after 11,500 iterations and more than 2 minutes.
      if let b = lpBasis, !tight { try? p.setBasis(b) }
      // With pricing: add every column that could be in a plan better than the incumbent by
      // more than the gap, and search them all. A plan with a column left out costs at least
      // lb + its reduced cost, more than incumbent − gap·max(1, |incumbent|): the incumbent
      // is within the gap of it. (On the 10,000-staff district scope 189,520 of 208,281
      // columns had a reduced cost below incumbent − lb, the threshold before.) (A search over
      // the loaded columns first found nothing better in 6 s on the 10,000-staff district
      // scope, and on the sample it spent 120 s whose bound the proof cannot use: its bound
      // covers the loaded columns only.)
      var leftOutLeast = Double.infinity
      if let priced {
        // The incumbent's columns first: the heuristic from the plan may use columns pricing
        // never loaded, and GLPK refuses an incumbent with a column missing.
        if let plan = incumbent {
          try priced.addColumns((0..<m.columnCount).filter { plan[$0] != 0 && priced.glpkColumn[$0] == 0 })
        }
        var threshold = Double.infinity
        if let lb = lpBound, incumbentValue.isFinite {
          let scale = max(1, abs(incumbentValue))
          // At tight gaps every column that could be in a better plan (`Tuning.isTight`).
          threshold = tight
            ? incumbentValue - lb + 1e-6 * scale
            : max(0, incumbentValue - 0.99 * mipGap * scale - lb) + 1e-6 * scale
        }
        leftOutLeast = try priced.addColumns(reducedCostUpTo: threshold)
        say?("pricing: \(priced.loadedCount) of \(m.columnCount) columns can be in a plan better than the gap allows (least reduced cost left out: \(leftOutLeast))")
      }
      // The size rule again: pricing may have added columns.
      applySizeRule()
      opt.timeLimit = max(0.05, deadline.timeIntervalSinceNow)
      opt.objectiveTarget = objectiveTarget()
      let r = p.solveMIP(
        opt, incumbent: incumbent.map(toGLPK), onProgress: onProgress, shouldStop: shouldStop,
        exchange: exchange)
      var values = r.primalStatus == .feasiblePoint ? fromGLPK(Array(r.columnValues.dropFirst())) : nil
      var objective = r.objective
      // The best plan before the search, if the search ended with none or a worse one.
      if let plan = incumbent, values == nil || incumbentValue < (objective ?? .infinity) {
        values = plan
        objective = incumbentValue
      }
      var outcome: PartResult.Outcome
      switch r.termination {
      case .optimal, .gapLimit, .objectiveLimit: outcome = .optimal
      case .infeasible, .noPrimalFeasible: outcome = .infeasible
      case .interrupted: outcome = .interrupted
      default: outcome = .limit
      }
      var bound = r.bestBound
      if outcome == .optimal, let o = objective {
        bound = min(bound ?? o, o)
      }
      if let lb = lpBound {
        // The search's bound covers the loaded columns; a plan with a column left out costs
        // at least lb + its reduced cost.
        let restricted = bound.map { min($0, lb + leftOutLeast) } ?? lb
        bound = max(lb, restricted)
      }
      return PartResult(
        outcome: outcome, values: values, bound: bound, objective: objective, priced: priced != nil,
        rowDuals: lpDuals)
    } catch {
      FileHandle.standardError.write(Data("lungang: solver error: \(error)\n".utf8))
      return PartResult(outcome: .limit, values: nil, bound: nil)
    }
  }

  /// Per part column: a dense index of its person for assign columns,
  /// `RestrictedMaster.segmentGroup` for `seg` columns and −1 for the others.
  static func personGroups(_ columns: [Int], _ form: Formulation) -> [Int32] {
    var ids: [Int32: Int32] = [:]
    return columns.map { c in
      guard c < form.assignCount else {
        return form.isSegmentColumn[c] ? RestrictedMaster.segmentGroup : -1
      }
      let i = form.assignPerson[c]
      if let g = ids[i] { return g }
      let g = Int32(ids.count)
      ids[i] = g
      return g
    }
  }

  /// Writes one progress line to stderr: elapsed seconds and a message.
  static func progressLine(_ t0: Date, _ s: String) {
    FileHandle.standardError.write(Data((String(format: "[%6.1fs] ", Date().timeIntervalSince(t0)) + s + "\n").utf8))
  }

  /// Loads a sparse model into GLPK (1-based).
  static func load(_ m: SparseModel) throws -> GLPKProblem {
    let p = GLPKProblem()
    try p.setDirection(.minimize)
    if m.rowCount > 0 { _ = try p.addRows(m.rowCount) }
    if m.columnCount > 0 { _ = try p.addColumns(m.columnCount) }
    for r in 0..<m.rowCount { try defineRow(p, r + 1, from: m, r) }
    for c in 0..<m.columnCount { try defineColumn(p, c + 1, from: m, c) }
    if m.objectiveConstant != 0 { try p.setObjectiveConstant(m.objectiveConstant) }
    try p.loadMatrix(
      rows: m.entryRow.map { $0 + 1 }, columns: m.entryColumn.map { $0 + 1 },
      values: m.entryValue)
    return p
  }

  /// GLPK's simplex on a part's LP of `rows` rows: in calls of `Tuning.lpIterationsPerCall`
  /// iterations with `shouldStop` asked between them on parts of `Tuning.lpSliceMinRows` rows
  /// or more, in one call otherwise.
  static func solveLP(_ p: GLPKProblem, _ o: LPOptions, rows: Int, shouldStop: (() -> Bool)?) -> SolveResult {
    guard let shouldStop, rows >= Tuning.lpSliceMinRows else { return p.solveLP(o) }
    return p.solveLP(o, iterationsPerCall: Tuning.lpIterationsPerCall, shouldStop: shouldStop)
  }

  /// Gives GLPK row `i` the name and bounds of row `r` of `m`.
  static func defineRow(_ p: GLPKProblem, _ i: Int, from m: SparseModel, _ r: Int) throws(GLPKError) {
    if !m.rowNames[r].isEmpty { try p.setRowName(i, m.rowNames[r]) }
    try p.setRowBounds(i, bounds(m.rowLower[r], m.rowUpper[r]))
  }

  /// Gives GLPK column `j` the name, bounds, kind and cost of column `c` of `m` (not its
  /// matrix entries).
  static func defineColumn(_ p: GLPKProblem, _ j: Int, from m: SparseModel, _ c: Int) throws(GLPKError) {
    if !m.columnNames[c].isEmpty { try p.setColumnName(j, m.columnNames[c]) }
    try p.setColumnBounds(j, bounds(m.columnLower[c], m.columnUpper[c]))
    if m.columnIsInteger[c] {
      try p.setColumnKind(j, m.columnLower[c] == 0 && m.columnUpper[c] == 1 ? .binary : .integer)
    }
    if m.objective[c] != 0 { try p.setObjective(j, m.objective[c]) }
  }

  static func bounds(_ lo: Double, _ hi: Double) -> Bounds {
    switch (lo.isFinite, hi.isFinite) {
    case (false, false): return .free
    case (true, false): return .lower(lo)
    case (false, true): return .upper(hi)
    case (true, true): return lo == hi ? .fixed(lo) : .double(lo, hi)
    }
  }
}

/// A thread-safe slot array for part results.
final class PartResults: @unchecked Sendable {
  private var items: [RotationSolver.PartResult?]
  private let lock = NSLock()
  init(count: Int) { items = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ r: RotationSolver.PartResult) { lock.lock(); items[i] = r; lock.unlock() }
  func get(_ i: Int) -> RotationSolver.PartResult? { lock.lock(); defer { lock.unlock() }; return items[i] }
}

/// Each part's start plan, computed once by the first worker that asks (a racer waits for it).
final class PartStarts: @unchecked Sendable {
  /// A part's columns at the heuristic's plan and their largest row violation.
  struct Start {
    var values: [Double]
    var violation: Double
  }
  private var items: [Start?]
  private let locks: [NSLock]
  init(count: Int) {
    items = Array(repeating: nil, count: count)
    locks = (0..<count).map { _ in NSLock() }
  }
  /// Part p's start, computed by `make` if no worker has yet.
  func get(_ p: Int, _ make: () -> Start) -> Start {
    locks[p].lock()
    defer { locks[p].unlock() }
    if let s = items[p] { return s }
    let s = make()
    items[p] = s
    return s
  }
  /// Part p's start if it was computed.
  func peek(_ p: Int) -> Start? {
    locks[p].lock()
    defer { locks[p].unlock() }
    return items[p]
  }
}

/// Hands out parts to worker threads in the given order; when none is left and racing is on,
/// an idle worker races a second search (another variant) on the largest part still running.
final class Schedule: @unchecked Sendable {
  private let lock = NSLock()
  private let order: [Int]
  private let sizes: [Int]
  private var taken = 0
  private let races: [PartRace]
  /// Parts smaller than this are not raced.
  static let raceMinimumColumns = 2000

  /// Whether idle workers race a second search (see `SolveOptions.race`).
  private let race: Bool

  init(order: [Int], sizes: [Int], race: Bool = true) {
    self.order = order
    self.sizes = sizes
    self.race = race
    races = sizes.map { _ in PartRace() }
  }

  func race(_ p: Int) -> PartRace { races[p] }

  /// The next (part, variant) to solve, or nil when there is nothing useful left.
  func next() -> (Int, Int)? {
    lock.lock()
    defer { lock.unlock() }
    if taken < order.count {
      let p = order[taken]
      taken += 1
      races[p].join()
      return (p, 0)
    }
    for p in order.sorted(by: { sizes[$0] > sizes[$1] }) where race && sizes[p] >= Schedule.raceMinimumColumns {
      if races[p].racers == 1 && !races[p].isSettled {
        races[p].join()
        return (p, 1)
      }
    }
    return nil
  }
}

/// The racers of one part: shared incumbents, a flag set when one proves optimality,
/// and their results merged (best plan, highest bound).
final class PartRace: @unchecked Sendable {
  let exchange = IncumbentExchange()
  private let lock = NSLock()
  private var settled = false
  private var results: [RotationSolver.PartResult] = []
  private(set) var racers = 0

  func join() { lock.lock(); racers += 1; lock.unlock() }
  var isSettled: Bool { lock.lock(); defer { lock.unlock() }; return settled }

  func add(_ r: RotationSolver.PartResult, external: Bool) {
    lock.lock()
    defer { lock.unlock() }
    results.append(r)
    if r.outcome == .optimal || r.outcome == .infeasible { settled = true }
  }

  /// One result for the part: optimal if any racer proved it, the best plan found by any,
  /// the highest bound of any (each is valid for the same problem).
  func merged() -> RotationSolver.PartResult? {
    lock.lock()
    defer { lock.unlock() }
    guard var best = results.first else { return nil }
    for r in results.dropFirst() {
      if r.outcome == .infeasible { return r }
      let better = (r.objective ?? .infinity) < (best.objective ?? .infinity) - 1e-9
      if r.values != nil && (best.values == nil || better) {
        best.values = r.values
        best.objective = r.objective
      }
      if let b = r.bound { best.bound = max(best.bound ?? -.infinity, b) }
      if r.outcome == .optimal { best.outcome = .optimal }
    }
    if best.outcome != .optimal && results.contains(where: { $0.outcome == .optimal }) {
      best.outcome = .optimal
    }
    if best.outcome == .interrupted && results.count > 1 && !results.allSatisfy({ $0.outcome == .interrupted }) {
      best.outcome = results.contains { $0.outcome == .limit } ? .limit : best.outcome
    }
    return best
  }
}

/// One plan made on another thread while the caller goes on (a flow-only part's plans
/// beside its ascent). `isRunning` is the caller's: it starts, polls and waits.
final class BackgroundPlan: @unchecked Sendable {
  private let lock = NSLock()
  private let group = DispatchGroup()
  private var result: (plan: [Double], seconds: Double)?
  private(set) var isRunning = false

  /// Starts `work` on another thread; at most one runs at a time.
  func start(_ work: @escaping @Sendable () -> [Double]) {
    precondition(!isRunning)
    isRunning = true
    let t = Date()
    group.enter()
    DispatchQueue.global().async {
      let x = work()
      self.lock.lock()
      self.result = (x, Date().timeIntervalSince(t))
      self.lock.unlock()
      self.group.leave()
    }
  }

  /// The plan, if the running work has finished (without waiting).
  func finished() -> (plan: [Double], seconds: Double)? {
    guard isRunning, group.wait(timeout: .now()) == .success else { return nil }
    return take()
  }

  /// Waits for the running work and returns its plan.
  func wait() -> (plan: [Double], seconds: Double) {
    precondition(isRunning)
    group.wait()
    return take()
  }

  private func take() -> (plan: [Double], seconds: Double) {
    lock.lock()
    defer { lock.unlock() }
    isRunning = false
    let r = result!
    result = nil
    return r
  }
}

/// Prints branch-and-cut progress lines at most once a second across all threads.
final class ProgressThrottle: @unchecked Sendable {
  private let lock = NSLock()
  private var last = Date.distantPast

  /// Prints `message` unless a line was printed less than a second ago.
  func line(_ t0: Date, _ message: String) {
    lock.lock()
    let now = Date()
    guard now.timeIntervalSince(last) >= 1 else { lock.unlock(); return }
    last = now
    lock.unlock()
    RotationSolver.progressLine(t0, message)
  }

  func report(_ t0: Date, _ part: Int, _ variant: Int, _ p: MIPProgress) {
    lock.lock()
    let now = Date()
    guard now.timeIntervalSince(last) >= 1 else { lock.unlock(); return }
    last = now
    lock.unlock()
    let f = { (x: Double?) in x.map { String(format: "%.3f", $0) } ?? "-" }
    RotationSolver.progressLine(
      t0, "part \(part)\(variant > 0 ? " racer \(variant)" : ""): incumbent \(f(p.incumbentObjective)) "
        + "bound \(f(p.bestBound)) gap \(p.gap.map { String(format: "%.4f%%", $0 * 100) } ?? "-") "
        + "nodes \(p.totalNodes)")
  }
}

/// The district's gap from the parts' plans and bounds recorded so far. Once every part has
/// both and the total is within mip_gap, the parts still being solved may stop: the plans
/// and bounds already recorded prove the total (a part's later plan is no worse and its
/// later bound no lower).
final class DistrictGap: @unchecked Sendable {
  private var objective: [Double?]
  private var bound: [Double?]
  private let constant: Double
  private let gap: Double
  private var proven = false
  private let lock = NSLock()
  init(parts: Int, constant: Double, gap: Double) {
    objective = Array(repeating: nil, count: parts)
    bound = Array(repeating: nil, count: parts)
    self.constant = constant
    self.gap = gap
  }
  /// Records part p's plan value and bound; returns whether the total is now within the gap.
  @discardableResult
  func record(_ p: Int, objective o: Double?, bound b: Double?) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard let o, let b, o.isFinite, b.isFinite else { return proven }
    objective[p] = min(objective[p] ?? o, o)
    bound[p] = max(bound[p] ?? b, b)
    var total = constant
    var lower = constant
    for k in objective.indices {
      guard let v = objective[k], let w = bound[k] else { return proven }
      total += v
      lower += w
    }
    if RotationSolver.isWithinGap(total, bound: lower, gap: gap) { proven = true }
    return proven
  }
  var isProven: Bool { lock.lock(); defer { lock.unlock() }; return proven }
}

/// A thread-safe flag, set once.
final class Flag: @unchecked Sendable {
  private var value = false
  private let lock = NSLock()
  func set() { lock.lock(); value = true; lock.unlock() }
  var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// A thread-safe counter handing out work items.
final class Counter: @unchecked Sendable {
  private var n = 0
  private let lock = NSLock()
  func take() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n - 1 }
}

/// Solver-setting overrides for benchmarking (environment variables; not for users):
/// LUNGANG_CUTS (letters g m v c: gomory, mir, cover, clique; "-" for none),
/// LUNGANG_BRANCH (ffv lfv mfv dth pch), LUNGANG_BACKTRACK (dfs bfs blb bph); the others are
/// named in the doc comment of the setting they override.
enum Tuning {
  /// Parts with at least this many columns are solved with column generation
  /// (RestrictedMaster): 5,000, but at tight gaps (`isTight`) above `pseudoCostMaxColumns`
  /// only. There branching decides the time, and GLPK's cuts at the root of the final search
  /// lifted the bound of the sample's largest part (22,306 columns) to 60,413.7 over all its
  /// columns, against 60,411.0 over the priced ones; RESULTS.md, stop 12, has the proofs.
  /// LUNGANG_PRICING_MIN_COLUMNS overrides it (0: always).
  static func pricingMinColumns(mipGap: Double) -> Int {
    ProcessInfo.processInfo.environment["LUNGANG_PRICING_MIN_COLUMNS"].flatMap { Int($0) }
      ?? (isTight(mipGap) ? RotationSolver.pseudoCostMaxColumns + 1 : largePartColumns)
  }
  /// Parts at least this large are priced at gaps that are not tight, and presolved when
  /// they have no start plan.
  static let largePartColumns = 5_000
  /// Simplex iterations per call of GLPK's simplex on parts of `lpSliceMinRows` rows or more,
  /// with `shouldStop` asked between calls (`solveLP(_:iterationsPerCall:shouldStop:)`).
  /// GLPK's simplex has no callback: without this a stop during the 200,000-staff rung's
  /// second restricted LP waited for the time limit; with it, 6.6 s (about 170 iterations a
  /// second there). Presolved LPs (the first restricted LP, root LPs of large parts without a
  /// start plan) cannot be resumed and stay one call. Smaller parts' LPs take seconds and
  /// keep one call too (each call restarts GLPK's pricing).
  static let lpIterationsPerCall = 1_000
  static let lpSliceMinRows = 20_000
  /// Parts with at least this many columns are solved zone by zone first (`solveByZone`);
  /// LUNGANG_ZONE_SPLIT_MIN_COLUMNS overrides it.
  static var zoneSplitMinColumns: Int {
    ProcessInfo.processInfo.environment["LUNGANG_ZONE_SPLIT_MIN_COLUMNS"].flatMap { Int($0) } ?? 150_000
  }
  /// Parts with at least this many columns get the flow relaxation's bound (`FlowBound`)
  /// before GLPK's LP, for `flowBoundShare` of the time left, at most `flowBoundMaxSeconds`
  /// (parts of `flowOnlyMinColumns` or more: to the time limit).
  /// LUNGANG_FLOW_BOUND_MIN_COLUMNS overrides the size.
  static var flowBoundMinColumns: Int {
    ProcessInfo.processInfo.environment["LUNGANG_FLOW_BOUND_MIN_COLUMNS"].flatMap { Int($0) } ?? 400_000
  }
  static var flowBoundShare: Double {
    ProcessInfo.processInfo.environment["LUNGANG_FLOW_BOUND_SHARE"].flatMap { Double($0) } ?? 0.5
  }
  /// Rounds of that phase: a plan from the flow's assignment, then up to `flowRoundSolves`
  /// ascent steps before each next plan (a work budget, so that the same input gives the same
  /// plan; the phase's time limit binds only on a slow machine or a huge part).
  static let flowRounds = 8
  /// How the flow relaxation's multipliers ascend: the proximal bundle method (stop 18),
  /// or the volume algorithm (LUNGANG_ASCENT=volume, stops 10–17).
  static let flowAscent: FlowBound.Ascent = ProcessInfo.processInfo.environment["LUNGANG_ASCENT"] == "volume" ? .volume : .bundle
  static let flowRoundSolves = 40
  /// Parts with at least this many columns keep the flow phase to the time limit and skip
  /// GLPK when it reaches it: 2,000,000. On the 50,000-staff district scope (5.3 million
  /// columns) GLPK's column generation after the phase changed neither plan nor bound, at
  /// 180 s (two pricing rounds) nor at 600 s (seven, up to 110 s each), while a third flow
  /// round raised the bound (stop 16). The 200,000-staff rung's largest part (641,091
  /// columns) keeps its half-the-time phase. LUNGANG_FLOW_ONLY_MIN_COLUMNS overrides it.
  static var flowOnlyMinColumns: Int {
    ProcessInfo.processInfo.environment["LUNGANG_FLOW_ONLY_MIN_COLUMNS"].flatMap { Int($0) } ?? 2_000_000
  }
  /// Time kept back from a restricted instance's flow phase for pricing every allowed
  /// destination at its end (`CandidatePricing`): 1.25 times the time the instance took to
  /// choose the candidates, which enumerates the same destinations on as many threads (so
  /// it follows the machine's speed), and 2.5 s for the files and the process's end (1.7 GB
  /// to free), at most a quarter of the time limit. On the 200,000-staff district scope
  /// the choice took 3.5–5 s, pricing 4.4–5.9 s, and with 1 s instead of 2.5 the command
  /// ended 1.4–1.6 s after a 180 s limit.
  static func candidatePricingSeconds(_ inst: RotationInstance, timeLimit: Double) -> Double {
    min(0.25 * timeLimit, 2.5 + 1.25 * inst.candidateSeconds)
  }
  /// The ascent's target (the value its Polyak-type steps aim at) lies this share of the way
  /// from the bound to the part's plan: 0.5. The plan lies above the part's LP, the ceiling
  /// of the bound, so aiming at it makes steps too long: each costs more network simplex
  /// pivots and overshoots. On the 50,000-staff district scope at 180 s (stop 16): with 1
  /// (before) the bound 179,094 and the plan 182,734 (gap 1.91 %); with 0.5 179,491 and
  /// 182,642 (1.66 %), the second round's 40 steps in 48 s instead of 59 s; with 0.25 the
  /// steps are short (40 in 15 s) but the bound stalls at 179,379 and the plan is 183,239.
  /// LUNGANG_FLOW_TARGET_SHARE overrides it.
  static var flowTargetShare: Double {
    ProcessInfo.processInfo.environment["LUNGANG_FLOW_TARGET_SHARE"].flatMap { Double($0) } ?? 0.5
  }
  /// Whether a flow-only part's plans are made on a second thread beside the ascent (with
  /// two threads or more; LUNGANG_FLOW_PLANS_BESIDE=0 turns it off).
  static let flowPlansBeside = environmentSwitch("LUNGANG_FLOW_PLANS_BESIDE") ?? true
  /// Whether the flow's assignment is made a plan (LUNGANG_FLOW_PLAN=0 turns it off).
  static let flowPlan = environmentSwitch("LUNGANG_FLOW_PLAN") ?? true
  static var flowBoundMaxSeconds: Double {
    ProcessInfo.processInfo.environment["LUNGANG_FLOW_BOUND_SECONDS"].flatMap { Double($0) } ?? 120
  }
  /// Whether the largest part starts first (LUNGANG_LARGEST_FIRST=0 turns it off).
  static let largestFirst = ProcessInfo.processInfo.environment["LUNGANG_LARGEST_FIRST"] != "0"
  /// The zone split is used only when at most this share of a part's assignment columns
  /// cross a zone line (with `scope: district` most do, and the bound would say little).
  static let zoneSplitMaxCrossing = 0.3

  /// Improvement passes of the construction heuristic for a search to `mipGap`. A work
  /// budget, not a time budget, so the start plan (and with it the search) is the same on
  /// every run. Column generation starts from this plan, and a better one shortens the pricing
  /// rounds. Four passes since a pass got about 5× cheaper (trial exchanges): the 10,000-staff
  /// rung's largest part 1.4–1.5 s against 1.8–1.9 s with two passes, the 50,000-staff rung's
  /// 21.5–22.6 s against 22.0–23.1 s; six passes gained nothing more.
  ///
  /// Two below a gap of 1e-5, where the secant form and branching decide the time
  /// (`balanceForm`): there the start plan steers the search, and stop 10's heuristic (two
  /// passes, no chains) steered it better. The sample at 1e-6 was proven optimal in 438 and
  /// 448 s with it, against a gap still 1.5e-5 after 400 s and 7e-6 after 927 s with four
  /// passes and chains. LUNGANG_HEURISTIC_PASSES overrides it.
  static func heuristicPasses(mipGap: Double) -> Int {
    ProcessInfo.processInfo.environment["LUNGANG_HEURISTIC_PASSES"].flatMap { Int($0) }
      ?? (isTight(mipGap) ? 2 : 4)
  }

  /// The heuristic's work budget per call of its passes, in columns looked at
  /// (`LocalSearch.improve`): 10 million, about 1.9 passes over the 50,000-staff district
  /// scope's 5.2 million columns (about 9 s a pass on the benchmark machine). Below that the
  /// pass count decides. LUNGANG_HEURISTIC_WORK overrides it.
  static var heuristicWork: Int {
    ProcessInfo.processInfo.environment["LUNGANG_HEURISTIC_WORK"].flatMap { Int($0) } ?? 10_000_000
  }

  /// The longest chain of moves the heuristic uses to fill a short post, for a search to
  /// `mipGap`: `LocalSearch.defaultChainLength` (32), but none below 1e-5 (see
  /// `heuristicPasses(mipGap:)`). LUNGANG_HEURISTIC_CHAINS overrides it.
  static func heuristicChainLength(mipGap: Double) -> Int {
    ProcessInfo.processInfo.environment["LUNGANG_HEURISTIC_CHAINS"] != nil || !isTight(mipGap)
      ? LocalSearch.defaultChainLength : 0
  }

  /// Gaps below 1e-5, where branching, not the LP, decides the time (the sample's 1e-6).
  /// The search's path there is steered by the plans and the basis it starts from, and the
  /// steps that speed up looser gaps measured slower on the sample at 1e-6, so they are left
  /// out (see `heuristicPasses`, `polish`, `pricingMinColumns`, `solvePart`). With all of
  /// them out the sample was proven optimal in 406 s (docs/decisions.md, "Solving").
  static func isTight(_ mipGap: Double) -> Bool { mipGap < 1e-5 }

  /// An on/off override from the environment: "0" off, "1" on, nil otherwise.
  static func environmentSwitch(_ name: String) -> Bool? {
    switch ProcessInfo.processInfo.environment[name] {
    case "0": return false
    case "1": return true
    default: return nil
    }
  }

  /// Whether relax-and-fix also fixes at 0 the columns whose reduced cost exceeds the room the
  /// gap leaves (LUNGANG_RF_ZEROS=0 turns it off, for comparisons).
  static let relaxAndFixZeros = environmentSwitch("LUNGANG_RF_ZEROS") ?? true

  /// Whether a part's best plan before the final search gets the heuristic's passes
  /// (`solvePart`'s `polish`) at gap `mipGap`: not at tight gaps (`isTight`);
  /// LUNGANG_POLISH=0 turns it off, =1 on.
  static func polish(mipGap: Double) -> Bool { environmentSwitch("LUNGANG_POLISH") ?? !isTight(mipGap) }

  /// Whether the stayers' sub-MIP runs (`solvePart`): at tight gaps always, else only while
  /// no step has found a plan better than the start. On the 10,000-staff district scope it
  /// found nothing better than relax-and-fix's plan, and the part was proven in 27.4 / 28.0 /
  /// 28.8 s without it against 39.4 / 41.1 s with it; on the sample (tight) it finds the best
  /// plan before the search. LUNGANG_STAYERS=0|1 overrides.
  static func stayersStep(tight: Bool, improved: Bool) -> Bool {
    environmentSwitch("LUNGANG_STAYERS") ?? (tight || !improved)
  }

  /// The balance term's form for a search to `mipGap`: segments when the LP dominates
  /// (gaps of 1e-5 and looser: the root LP is twice as fast with 60 % fewer rows), secant rows
  /// when branching does (tighter gaps: on the sample at 1e-6, with both runs sharing the two
  /// cores, the secant form's gap was 5e-6 after 513 s against 2.4e-5 with segments).
  /// LUNGANG_BALANCE=secant|segment overrides it.
  static func balanceForm(mipGap: Double) -> Formulation.BalanceForm {
    switch ProcessInfo.processInfo.environment["LUNGANG_BALANCE"] {
    case "secant": return .secant
    case "segment": return .segment
    default: return isTight(mipGap) ? .secant : .segment
    }
  }

  static func apply(to opt: inout MIPOptions) {
    let env = ProcessInfo.processInfo.environment
    if let c = env["LUNGANG_CUTS"] {
      opt.cuts = Cuts(gomory: c.contains("g"), mir: c.contains("m"), cover: c.contains("v"), clique: c.contains("c"))
    }
    switch env["LUNGANG_BRANCH"] {
    case "ffv": opt.branching = .firstFractional
    case "lfv": opt.branching = .lastFractional
    case "mfv": opt.branching = .mostFractional
    case "dth": opt.branching = .driebeckTomlin
    case "pch": opt.branching = .pseudoCost
    default: break
    }
    switch env["LUNGANG_BACKTRACK"] {
    case "dfs": opt.backtracking = .depthFirst
    case "bfs": opt.backtracking = .breadthFirst
    case "blb": opt.backtracking = .bestLocalBound
    case "bph": opt.backtracking = .bestProjection
    default: break
    }
  }
}
