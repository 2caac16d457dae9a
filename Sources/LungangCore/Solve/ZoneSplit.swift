import Foundation
import GLPKKit

/// Solving a large part zone by zone, with a bound valid for the whole part.
///
/// In the default scope people move within their zone or their group, and groups cross zone
/// lines, so one part can span dozens of zones (70,000 rows on the 200,000-staff rung), more
/// than GLPK's simplex solves in minutes. Leaving out the assignment columns that cross a zone
/// line splits such a part into zone-sized pieces. Each piece is solved as a part of its own;
/// together their plans are a plan of the whole part (crossing moves left out). Every row of
/// the part belongs to one piece, so the pieces' LP duals form one dual vector of the part,
/// and its Lagrangian bound (`LagrangianBound`), with the crossing columns priced at those
/// duals, is valid for every plan of the part, crossing moves included.
extension RotationSolver {
  /// Per part column: true for an assignment to a school outside the person's zone.
  static func crossingColumns(_ columns: [Int], _ form: Formulation, _ inst: RotationInstance) -> [Bool] {
    var zoneIds: [String: Int] = [:]
    let zoneOf = inst.schools.map { s in
      if let z = zoneIds[s.zone] { return z }
      zoneIds[s.zone] = zoneIds.count
      return zoneIds.count - 1
    }
    return columns.map { c in
      guard c < form.assignCount else { return false }
      let i = Int(form.assignPerson[c])
      let d = inst.destinations[i][Int(form.assignDestination[c])]
      return zoneOf[d.school] != zoneOf[inst.schoolOf[i]]
    }
  }

  /// Solves part `m` with the columns `cross` marks left out, piece by piece; then, if the
  /// bound does not prove the plan within the gap and time is left, the whole part from that
  /// plan.
  static func solveByZone(
    _ m: SparseModel, cross: [Bool], incumbent: [Double]?, deadline: Date, mipGap: Double,
    tight: Bool? = nil,
    log: Bool, stayColumns: [Bool], groups: [Int32], pricingMinColumns: Int,
    say: ((String) -> Void)?, onProgress: ((MIPProgress) -> Void)?,
    shouldStop: (() -> Bool)?
  ) -> PartResult {
    let t0 = Date()
    func whole(_ start: [Double]?) -> PartResult {
      solvePart(
        m, incumbent: start, deadline: deadline, mipGap: mipGap, tight: tight, log: log,
        stayColumns: stayColumns, groups: groups, pricingMinColumns: pricingMinColumns,
        say: say, onProgress: onProgress, shouldStop: shouldStop)
    }
    // Without a start plan the part may have no plan at all: GLPK's LP presolver finds that
    // in seconds on the 200,000-staff rung (seed 2), where the split spent 70 s before.
    if incumbent == nil, let p = try? load(m) {
      var o = LPOptions(method: .dualPrimal, presolve: true, timeLimit: min(5, max(0.05, deadline.timeIntervalSinceNow)))
      o.longStep = true
      if p.solveLP(o).termination.isInfeasible {
        say?("zone split: the part's LP has no point; no plan")
        return PartResult(outcome: .infeasible, values: nil, bound: nil)
      }
    }
    var cross = cross
    // A piece without a plan (an avoid pair whose only way apart crosses a zone line) gets its
    // people's crossing columns back, which joins it to its neighbours; then the split again.
    for attempt in 0..<4 {
      switch splitOnce(
        m, cross: cross, incumbent: incumbent, deadline: deadline, mipGap: mipGap, tight: tight, log: log,
        stayColumns: stayColumns, groups: groups, pricingMinColumns: pricingMinColumns,
        say: say, shouldStop: shouldStop, lastAttempt: attempt == 3)
      {
      case .plan(let x, let value, let bound, let priced):
        let gap = (value - bound) / max(1, abs(value))
        say?(
          "zone split: plan \(String(format: "%.3f", value)), bound \(String(format: "%.3f", bound)) "
            + "(gap \(String(format: "%.2e", gap))) in \(String(format: "%.1f", Date().timeIntervalSince(t0))) s")
        if gap <= mipGap {
          return PartResult(outcome: .optimal, values: x, bound: bound, objective: value, priced: priced)
        }
        // Not proven: the whole part from the better of the pieces' plan and the start plan,
        // keeping the better bound and plan.
        let startValue = incumbent.map { m.objectiveValue($0) } ?? .infinity
        var r = whole(value <= startValue ? x : incumbent)
        if r.values == nil || (r.objective ?? .infinity) > value {
          r.values = x
          r.objective = value
        }
        r.bound = max(r.bound ?? -.infinity, bound)
        if r.outcome == .infeasible { r.outcome = .limit }
        return r
      case .rejoin(let columns):
        say?("zone split: a piece has no plan without crossing moves; \(columns.count) crossing columns put back")
        for j in columns { cross[j] = false }
      case .interrupted:
        return PartResult(outcome: .interrupted, values: nil, bound: nil)
      case .whole:
        return whole(incumbent)
      }
    }
    return whole(incumbent)
  }

  /// What one split attempt gave.
  enum SplitAttempt {
    /// A plan of the whole part, its value, the Lagrangian bound of the part, and whether a
    /// piece was solved by column generation.
    case plan([Double], Double, Double, Bool)
    /// A piece has no plan: put back these crossing columns (its people's) and split again.
    case rejoin([Int])
    case interrupted
    /// The split cannot help: solve the whole part.
    case whole
  }

  static func splitOnce(
    _ m: SparseModel, cross: [Bool], incumbent: [Double]?, deadline: Date, mipGap: Double,
    tight: Bool? = nil, log: Bool, stayColumns: [Bool], groups: [Int32], pricingMinColumns: Int,
    say: ((String) -> Void)?, shouldStop: (() -> Bool)?, lastAttempt: Bool
  ) -> SplitAttempt {
    // The part without the crossing columns (fixed at 0, their entries dropped).
    var inner = m
    var keep: [Int] = []
    keep.reserveCapacity(m.entryValue.count)
    for e in 0..<m.entryValue.count where !cross[Int(m.entryColumn[e])] { keep.append(e) }
    inner.entryRow = keep.map { m.entryRow[$0] }
    inner.entryColumn = keep.map { m.entryColumn[$0] }
    inner.entryValue = keep.map { m.entryValue[$0] }
    for j in 0..<m.columnCount where cross[j] {
      inner.columnLower[j] = 0
      inner.columnUpper[j] = 0
    }
    let dec = Decomposition(inner)
    let subs = dec.subModels(inner)
    let pieces = dec.parts.indices.filter { !dec.parts[$0].rows.isEmpty }
      .sorted { (subs[$0].columnCount, $0) < (subs[$1].columnCount, $1) }
    guard pieces.count > 1 else { return .whole }
    say?(
      "zone split: \(pieces.count) pieces, \(cross.lazy.filter { $0 }.count) crossing columns left out")

    var x = Array(repeating: 0.0, count: m.columnCount)
    for part in dec.parts where part.rows.isEmpty {
      // Columns in no row: crossing columns (0) or free ones at their cheaper bound.
      for j in part.columns {
        let b = m.objective[j] >= 0 ? inner.columnLower[j] : inner.columnUpper[j]
        x[j] = b.isFinite ? b : 0
      }
    }
    var dual = Array(repeating: 0.0, count: m.rowCount + 1)
    var columnsLeft = pieces.reduce(0) { $0 + subs[$1].columnCount }
    var anyPriced = false
    for k in pieces {
      if shouldStop?() == true { return .interrupted }
      let part = dec.parts[k]
      let sub = subs[k]
      // A share of half the time left in proportion to the piece's columns (the other half
      // is for the whole part from the pieces' plan).
      let share = 0.5 * Double(sub.columnCount) / Double(max(1, columnsLeft))
      columnsLeft -= sub.columnCount
      let pieceDeadline = Date(timeIntervalSinceNow: max(0.05, deadline.timeIntervalSinceNow * share))
      let start: [Double]? = incumbent.flatMap { inc in
        let v = part.columns.map { inc[$0] }
        return sub.maxViolation(v) <= 1e-6 ? v : nil
      }
      var ids: [Int32: Int32] = [:]
      let pieceGroups: [Int32] = part.columns.map { j in
        let g = groups[j]
        guard g >= 0 else { return g }
        if let d = ids[g] { return d }
        let d = Int32(ids.count)
        ids[g] = d
        return d
      }
      let r = solvePart(
        sub, incumbent: start, deadline: pieceDeadline, mipGap: mipGap * 0.5,
        tight: tight ?? Tuning.isTight(mipGap), log: log,
        stayColumns: part.columns.map { stayColumns[$0] }, groups: pieceGroups,
        pricingMinColumns: pricingMinColumns, say: nil, onProgress: nil, shouldStop: shouldStop)
      guard let v = r.values, r.outcome != .infeasible else {
        if r.outcome == .infeasible && !lastAttempt {
          var people = Set<Int32>()
          for j in part.columns where groups[j] >= 0 { people.insert(groups[j]) }
          let back = (0..<m.columnCount).filter { cross[$0] && people.contains(groups[$0]) }
          if !back.isEmpty { return .rejoin(back) }
        }
        say?("zone split: a piece of \(sub.columnCount) columns has no plan (\(r.outcome)); solving the whole part")
        return .whole
      }
      for (n, j) in part.columns.enumerated() { x[j] = v[n] }
      if r.priced { anyPriced = true }
      if let y = r.rowDuals {
        for (n, row) in part.rows.enumerated() { dual[row + 1] = y[n + 1] }
      }
    }
    guard m.maxViolation(x) <= 1e-6 else {
      say?("zone split: the pieces' plans do not make a plan of the part; solving the whole part")
      return .whole
    }
    return .plan(x, m.objectiveValue(x), LagrangianBound(m, group: groups).evaluate(dual).bound, anyPriced)
  }
}
