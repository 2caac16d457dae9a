import Foundation
import GLPKKit

/// A part's model in GLPK with only some of its assignment columns; the rest are priced by
/// the LP duals and added when they could lower the LP or be in a better plan.
///
/// This is column generation over the destinations of each person (one convexity row per
/// person: Σ_d x[i,d] = 1), and it is exact:
/// - After each restricted LP, `bound` is the Lagrangian (Farley) bound of the whole part:
///   with the LP's row duals y and reduced costs d_j = c_j − Σ_r a_rj·y_r of every column,
///   any plan costs at least Σ_r y_r·(the row bound y_r binds) + Σ over the continuous columns
///   of d_j·(the column bound) + Σ_i min_d d[i,d]. When no column left out has a negative
///   reduced cost it is the LP relaxation of the whole part.
/// - `addColumns(reducedCostUpTo: Δ)` with Δ = plan − bound adds every column that could be
///   in a better plan: a plan using a column with d_j > Δ costs more than bound + Δ.
final class RestrictedMaster {
  /// The whole part.
  let model: SparseModel
  /// Per part column: its person (convexity row), `segmentGroup` for a balance step, or −1
  /// for columns that are always loaded.
  let group: [Int32]
  /// The group of `seg` columns: continuous, priced like the assignment columns but without a
  /// convexity row. Their costs ascend along a count row, so the loaded steps of a count are
  /// always a prefix plus whatever prices in.
  static let segmentGroup: Int32 = -2
  /// The restricted problem.
  let problem: GLPKProblem
  /// Part column → GLPK column (1-based), 0 while not loaded.
  private(set) var glpkColumn: [Int32]
  /// GLPK column − 1 → part column.
  private(set) var partColumn: [Int] = []
  /// Best bound of the whole part found so far (−∞ before the first LP).
  private(set) var bound = -Double.infinity
  /// Reduced cost of every part column at the last LP's duals.
  private(set) var reducedCost: [Double] = []
  /// Restricted LPs solved.
  private(set) var rounds = 0

  /// The bound at any duals, with the column-major entries and each person's columns.
  private let pricing: LagrangianBound
  private let segmentColumns: [Int32]

  /// Columns a person gets in the first restricted LP besides stay and the start plan's
  /// (LUNGANG_PRICING_K overrides it for benchmarking). Staying costs nothing, so 1 adds
  /// nothing: on the 10,000-staff district, stay + start plan and one column per person per
  /// round solved the LP in 5.1 s, against 5.6 s with 3 more per round and 9.5 s starting
  /// from the 6 cheapest.
  static let initialCheapest = ProcessInfo.processInfo.environment["LUNGANG_PRICING_K"].flatMap { Int($0) } ?? 1
  /// At most this many columns per person are added in one pricing round
  /// (LUNGANG_PRICING_ADD overrides it).
  static let addedPerRound = ProcessInfo.processInfo.environment["LUNGANG_PRICING_ADD"].flatMap { Int($0) } ?? 1
  /// Balance steps of each count loaded beyond those the start plan fills
  /// (LUNGANG_PRICING_SEGMENTS overrides it).
  static let segmentWindow = ProcessInfo.processInfo.environment["LUNGANG_PRICING_SEGMENTS"].flatMap { Int($0) } ?? 2
  /// Whether the first restricted LP is presolved (LUNGANG_PRICING_PRESOLVE=0 turns it off).
  static let presolveFirstLP = ProcessInfo.processInfo.environment["LUNGANG_PRICING_PRESOLVE"] != "0"
  /// Reduced costs below −tolerance price a column in.
  static let tolerance = 1e-7

  var loadedCount: Int { partColumn.count }

  /// Loads the rows of `m`, the columns without a group, and the columns `initial` marks.
  init(_ m: SparseModel, group: [Int32], initial: [Bool]) throws(GLPKError) {
    model = m
    self.group = group
    let n = m.columnCount
    pricing = LagrangianBound(m, group: group)
    segmentColumns = (0..<n).filter { group[$0] == Self.segmentGroup }.map { Int32($0) }
    glpkColumn = Array(repeating: 0, count: n)

    problem = GLPKProblem()
    try problem.setDirection(.minimize)
    if m.rowCount > 0 { try problem.addRows(m.rowCount) }
    for r in 0..<m.rowCount { try RotationSolver.defineRow(problem, r + 1, from: m, r) }
    let chosen = (0..<n).filter { group[$0] == -1 || initial[$0] }
    try addColumns(chosen)
  }

  /// The initial columns: per person the stay column, the start plan's, and the cheapest few;
  /// per count the balance steps the start plan fills and the next `segmentWindow`.
  static func initialColumns(
    _ m: SparseModel, group: [Int32], stay: [Bool]?, start: [Double]
  ) -> [Bool] {
    var keep = (0..<m.columnCount).map { group[$0] >= 0 && (start[$0] > 0.5 || stay?[$0] == true) }
    // A step's only entry is its count row; steps are columns in ascending order.
    var countRow: [Int: Int32] = [:]
    for e in 0..<m.entryValue.count where group[Int(m.entryColumn[e])] == segmentGroup {
      countRow[Int(m.entryColumn[e])] = m.entryRow[e]
    }
    var beyond: [Int32: Int] = [:]
    for j in 0..<m.columnCount where group[j] == segmentGroup {
      if start[j] > 1e-9 {
        keep[j] = true
      } else if let r = countRow[j], beyond[r, default: 0] < segmentWindow {
        keep[j] = true
        beyond[r, default: 0] += 1
      }
    }
    var byGroup: [Int32: [Int]] = [:]
    for j in 0..<m.columnCount where group[j] >= 0 { byGroup[group[j], default: []].append(j) }
    for (_, cols) in byGroup {
      for j in cols.sorted(by: { (m.objective[$0], $0) < (m.objective[$1], $1) }).prefix(initialCheapest) {
        keep[j] = true
      }
    }
    return keep
  }

  /// Appends part columns (ascending) to the GLPK problem.
  func addColumns(_ columns: [Int]) throws(GLPKError) {
    guard !columns.isEmpty else { return }
    let first = try problem.addColumns(columns.count)
    for (k, j) in columns.enumerated() {
      let g = first + k
      glpkColumn[j] = Int32(g)
      partColumn.append(j)
      try RotationSolver.defineColumn(problem, g, from: model, j)
      let range = pricing.start[j]..<pricing.start[j + 1]
      try problem.setMatrixColumn(
        g, rows: range.map { pricing.rowOf[$0] + 1 }, values: range.map { pricing.valueOf[$0] })
    }
  }

  /// How the LP phase ended.
  enum LPOutcome: Equatable {
    /// No column left out prices in: the LP of the whole part is solved.
    case converged
    /// The deadline came first (`bound` may still be valid).
    case timeUp
    /// GLPK failed or found the restricted LP infeasible.
    case failed
    /// `shouldStop` said stop: before a round, or between the calls of a long LP (`bound`
    /// may still be valid).
    case interrupted
  }

  /// Solves restricted LPs and adds the columns that price in until none does. With
  /// `shouldStop`, a stop is heeded before each round and, on parts of `Tuning.lpSliceMinRows`
  /// rows or more, between calls of `Tuning.lpIterationsPerCall` simplex iterations (not in
  /// the first, presolved LP, which GLPK cannot resume).
  func solveLP(
    deadline: Date, log: Bool, say: ((String) -> Void)? = nil, shouldStop: (() -> Bool)? = nil
  ) -> LPOutcome {
    // The first LP, by default: GLPK's presolver and the dual simplex. Most people have only
    // their stay column loaded, which the presolver removes with its row; the first LP of the
    // 50,000-staff rung's largest part took 1.2 s instead of 5.4 s (crash basis, primal).
    // Later LPs warm-start from the basis GLPK recovers after presolving. The presolver
    // starts from its own basis, so the crash basis is only built without it.
    var presolve = Self.presolveFirstLP
    var method = SimplexMethod.dualPrimal
    if !presolve && ProcessInfo.processInfo.environment["LUNGANG_PRICING_CRASH"] != "0" {
      // GLPK's crash basis and the primal simplex: on the 10,000-staff rung the largest
      // part's first LP took 0.5 s instead of 1.1 s from the all-slack basis with the dual
      // simplex, and the LP phase of the 50,000-staff rung's largest part about 28 s
      // instead of 46 s. LUNGANG_PRICING_CRASH=0 turns it off.
      try? problem.useAdvancedBasis()
      method = .primal
    }
    while true {
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 { return .timeUp }
      if shouldStop?() == true { return .interrupted }
      var o = LPOptions(
        method: method, presolve: presolve, timeLimit: max(0.05, remaining), messageLevel: log ? .normal : .off)
      o.longStep = true
      presolve = false
      let r = RotationSolver.solveLP(problem, o, rows: model.rowCount, shouldStop: shouldStop)
      rounds += 1
      switch r.termination {
      case .optimal: break
      case .timeLimit: return .timeUp
      case .interrupted: return .interrupted
      default: return .failed
      }
      guard let y = try? problem.rowDuals() else { return .failed }
      price(y)
      var added: [Int] = []
      for g in 0..<pricing.groupCount {
        var best: [(Double, Int)] = []
        for k in pricing.groupStart[g]..<pricing.groupStart[g + 1] {
          let j = Int(pricing.groupColumns[k])
          let d = reducedCost[j]
          if glpkColumn[j] == 0 && d < -Self.tolerance { best.append((d, j)) }
        }
        best.sort { $0 < $1 }
        added.append(contentsOf: best.prefix(Self.addedPerRound).map(\.1))
      }
      for k in segmentColumns {
        let j = Int(k)
        if glpkColumn[j] == 0 && reducedCost[j] < -Self.tolerance { added.append(j) }
      }
      if let say {
        say(
          "pricing round \(rounds): LP \(String(format: "%.3f", r.objective ?? .nan)) over \(loadedCount) of \(model.columnCount) columns in \(String(format: "%.1f", r.solveTime)) s, bound \(String(format: "%.3f", bound)), \(added.count) priced in")
      }
      if added.isEmpty { return .converged }
      do { try addColumns(added.sorted()) } catch { return .failed }
      method = .primal
    }
  }

  /// Reduced costs of all columns at duals `dual` (1-based) and the bound (see LagrangianBound).
  func price(_ dual: [Double]) {
    let (b, d) = pricing.evaluate(dual)
    reducedCost = d
    if b.isFinite { bound = max(bound, b) }
  }

  /// Adds every column left out whose reduced cost is at most `threshold`; returns the least
  /// reduced cost among the columns still left out (+∞ when none is).
  func addColumns(reducedCostUpTo threshold: Double) throws(GLPKError) -> Double {
    var add: [Int] = []
    var least = Double.infinity
    for j in 0..<model.columnCount where glpkColumn[j] == 0 {
      if reducedCost.isEmpty || reducedCost[j] <= threshold {
        add.append(j)
      } else {
        least = min(least, reducedCost[j])
      }
    }
    try addColumns(add)
    return least
  }

  /// A point of the part restricted to the loaded columns (GLPK order, 0-based).
  func restrict(_ x: [Double]) -> [Double] { partColumn.map { x[$0] } }

  /// A point of the part from values of the loaded columns (GLPK order, 0-based); 0 elsewhere.
  func expand(_ v: [Double]) -> [Double] {
    var x = Array(repeating: 0.0, count: model.columnCount)
    for (k, j) in partColumn.enumerated() where k < v.count { x[j] = v[k] }
    return x
  }
}
