import Foundation

/// A lower bound of a part from its transportation core, with every other row relaxed.
///
/// The convexity rows (each person one destination) and the post rows (cap and shortage, of
/// teachers and cadres) form a minimum-cost flow: person → post → receiver, where a post's
/// first `posts − fixed` heads each save the shortage weight. The other rows (quota, key
/// share, outflow, cadre quota, avoidance, balance counts) get multipliers y and move into the
/// costs (Lagrangian relaxation). For any y of the right signs,
///   constant + Σ_r y_r·(the row bound y_r binds) + Σ over their own columns of min(d·bounds)
///   + the flow's optimum at costs d = c − Aᵀy
/// is below every plan's cost. The flow is solved by `NetworkSimplex` with costs scaled to
/// integers and rounded down (which keeps the bound valid), and y is improved by the volume
/// algorithm's steps (`ascend`), each one re-solve from the last tree.
///
/// This gives large parts a bound when GLPK's LP over them does not finish (the 200,000-staff
/// rung): at y = 0 it is the best the posts allow, ignoring the quotas and the balance term.
struct FlowBound {
  /// Integer costs are the real ones times this, rounded down.
  static let scale = 1e4
  /// Scaled costs must stay below this in magnitude (else no bound is claimed).
  static let costLimit = 1e11

  private let model: SparseModel
  private var simplex: NetworkSimplex
  /// Arc a < `assignColumns.count` is the part column `assignColumns[a]`; the rest are the
  /// post-to-receiver arcs with costs `tierCosts`.
  private let assignColumns: [Int32]
  private let tierCosts: [Int64]
  /// Objective constant plus every post's shortage cost with no one in it.
  private let constant: Double
  /// Relaxed rows (part row indices); y has one entry per relaxed row.
  let relaxedRows: [Int]
  /// Per part column: its entries in relaxed rows (index into y, coefficient).
  private let entryStart: [Int]
  private let entryIndex: [Int32]
  private let entryValue: [Double]
  /// Columns in relaxed rows only (slacks, balance steps): they take the bound their
  /// reduced cost prefers.
  private let freeColumns: [Int32]
  /// Bounds on y: the row's sign, and the reduced cost of an unbounded slack kept ≥ 0.
  let yLower: [Double]
  let yUpper: [Double]
  private var costs: [Int64]
  private let people: Int
  /// Post index by `(cap row + 1) · (rows + 1) + shortage row + 1` (part rows).
  private let postNodeOf: [Int: Int32]
  private let partRowCount: Int
  /// Person node by group.
  private let personNodeOf: [Int32: Int32]
  /// The last evaluation's terms outside the flow: constant, the rows' bounds times y and
  /// the free columns.
  private var lastOutsideFlow = 0.0
  /// Whether the best evaluation's dual is kept (`forPricing`), and that dual: node
  /// potentials, arc costs and the terms outside the flow.
  private let keepsBestDual: Bool
  private var bestPotential: [Int64] = []
  private var bestCosts: [Int64] = []
  private var bestOutsideFlow = 0.0

  /// The flow relaxation of part `m`; `group` gives each assign column's person (≥ 0),
  /// `kept[r]` says whether part row r is a convexity or post row. Nil when the part does
  /// not have that structure (then no bound is claimed).
  ///
  /// `forPricing`: the flow is made for `extendedBound`. A post without a cap row gets room
  /// for every person, not only for its columns (the flow is the same, and the relaxation
  /// stays valid when pricing adds columns into the post), and the best evaluation's dual
  /// (potentials and arc costs) is kept.
  init?(_ m: SparseModel, group: [Int32], kept: [Bool], forPricing: Bool = false) {
    let rows = m.rowCount
    let n = m.columnCount
    guard kept.count == rows, group.count == n else { return nil }
    let (start, rowOf, valueOf) = m.columnMajorEntries()
    func isCap(_ r: Int) -> Bool { !m.rowLower[r].isFinite && m.rowUpper[r].isFinite }
    func isShortage(_ r: Int) -> Bool { m.rowLower[r].isFinite && !m.rowUpper[r].isFinite }
    func isOne(_ r: Int) -> Bool { m.rowLower[r] == 1 && m.rowUpper[r] == 1 }
    // People: dense groups.
    var personOf: [Int32: Int32] = [:]
    var people = 0
    // Posts: keyed by (cap row, shortage row).
    var postOf: [Int: Int32] = [:]
    var postCap: [Int] = []
    var postShortage: [Int] = []
    var shortColumn = Array(repeating: -1, count: rows)
    var assignColumns: [Int32] = []
    var tails: [Int32] = []
    var heads: [Int32] = []  // post index, or −1 for the receiver; fixed below
    var oneRowOf = Array(repeating: Int32(-1), count: rows)  // group whose convexity row it is
    var relaxedIndex = Array(repeating: Int32(-1), count: rows)
    var relaxedRows: [Int] = []
    for r in 0..<rows where !kept[r] {
      relaxedIndex[r] = Int32(relaxedRows.count)
      relaxedRows.append(r)
    }
    var freeColumns: [Int32] = []
    var ones = 0
    for j in 0..<n {
      let g = group[j]
      if g >= 0 {
        guard m.columnLower[j] == 0, m.columnUpper[j] == 1 else { return nil }
        var cap = -1
        var short = -1
        var one = -1
        for e in start[j]..<start[j + 1] {
          let r = Int(rowOf[e])
          guard kept[r] else { continue }
          guard valueOf[e] == 1 else { return nil }
          if isOne(r) {
            guard one < 0 else { return nil }
            one = r
          } else if isCap(r) {
            guard cap < 0 else { return nil }
            cap = r
          } else if isShortage(r) {
            guard short < 0 else { return nil }
            short = r
          } else {
            return nil
          }
        }
        guard one >= 0 else { return nil }
        if oneRowOf[one] < 0 {
          oneRowOf[one] = g
          ones += 1
        } else if oneRowOf[one] != g {
          return nil
        }
        let person: Int32
        if let p = personOf[g] {
          person = p
        } else {
          person = Int32(people)
          personOf[g] = person
          people += 1
        }
        var head: Int32 = -1
        if cap >= 0 || short >= 0 {
          let key = (cap + 1) * (rows + 1) + short + 1
          if let k = postOf[key] {
            head = k
          } else {
            head = Int32(postCap.count)
            postOf[key] = head
            postCap.append(cap)
            postShortage.append(short)
          }
        }
        assignColumns.append(Int32(j))
        tails.append(person)
        heads.append(head)
      } else {
        var inKept = 0
        var keptRow = -1
        for e in start[j]..<start[j + 1] where kept[Int(rowOf[e])] {
          inKept += 1
          keptRow = Int(rowOf[e])
          guard valueOf[e] == 1 else { return nil }
        }
        if inKept == 0 {
          freeColumns.append(Int32(j))
        } else {
          // A shortage column: alone in its shortage row, nowhere else, 0 ≤ short, cost ≥ 0.
          guard inKept == 1, start[j + 1] - start[j] == 1, isShortage(keptRow), shortColumn[keptRow] < 0,
            m.columnLower[j] == 0, m.objective[j] >= 0, m.columnUpper[j] >= m.rowLower[keptRow]
          else { return nil }
          shortColumn[keptRow] = j
        }
      }
    }
    // Every kept row is a convexity row of one person with all their columns, or a post row.
    var columnsOfGroup: [Int32: Int] = [:]
    for j in 0..<n where group[j] >= 0 { columnsOfGroup[group[j], default: 0] += 1 }
    for r in 0..<rows where kept[r] && isOne(r) {
      guard oneRowOf[r] >= 0 else { return nil }
    }
    guard ones == personOf.count else { return nil }
    var rowCount = Array(repeating: 0, count: rows)
    for e in 0..<m.entryValue.count { rowCount[Int(m.entryRow[e])] += 1 }
    for r in 0..<rows where kept[r] && isOne(r) {
      guard rowCount[r] == columnsOfGroup[oneRowOf[r]] else { return nil }
    }
    // A cap or shortage row belongs to one post only (the formulation gives a post's two
    // rows the same columns); otherwise the shortage would be counted once per post.
    var postsOfRow = Array(repeating: 0, count: rows)
    for k in postCap.indices {
      if postCap[k] >= 0 { postsOfRow[postCap[k]] += 1 }
      if postShortage[k] >= 0 { postsOfRow[postShortage[k]] += 1 }
    }
    guard postsOfRow.allSatisfy({ $0 <= 1 }) else { return nil }
    // Potentials and the artificial arcs' cost (largest cost × node count) stay in Int64.
    guard Double(people + postCap.count + 2) * Self.costLimit * 4 < Double(Int64.max) else { return nil }
    // Posts: receiver arcs. The first min(R, U) heads save W each (R = shortage row's
    // right-hand side, U = cap), the rest cost nothing.
    let posts = postCap.count
    let receiver = Int32(people + posts)
    var constant = m.objectiveConstant
    var tierCosts: [Int64] = []
    var capacities = Array(repeating: Int64(1), count: assignColumns.count)
    var columnsInPost = Array(repeating: 0, count: posts)
    for h in heads where h >= 0 { columnsInPost[Int(h)] += 1 }
    for (a, h) in heads.enumerated() { heads[a] = h >= 0 ? Int32(people) + h : receiver }
    for k in 0..<posts {
      var u = forPricing ? max(people, columnsInPost[k]) : columnsInPost[k]
      if postCap[k] >= 0 {
        let v = m.rowUpper[postCap[k]]
        guard v >= 0, v == v.rounded() else { return nil }
        u = min(u, Int(v))
      }
      var saved = 0
      var weight = 0.0
      if postShortage[k] >= 0 {
        let r = postShortage[k]
        let need = m.rowLower[r]
        guard need == need.rounded(), shortColumn[r] >= 0 else { return nil }
        weight = m.objective[shortColumn[r]]
        if need > 0 {
          constant += weight * need
          saved = min(Int(need), u)
        }
      }
      // Integer costs stay far from Int64's range (the artificial arcs cost the largest cost
      // times the node count); weights beyond it get no relaxation.
      guard abs(weight * Self.scale) < Self.costLimit else { return nil }
      if saved > 0 {
        tails.append(Int32(people + k))
        heads.append(receiver)
        capacities.append(Int64(saved))
        tierCosts.append(Int64((-weight * Self.scale).rounded(.down)))
      }
      if u - saved > 0 {
        tails.append(Int32(people + k))
        heads.append(receiver)
        capacities.append(Int64(u - saved))
        tierCosts.append(0)
      }
    }
    var supplies = Array(repeating: Int64(0), count: people + posts + 1)
    for p in 0..<people { supplies[p] = 1 }
    supplies[Int(receiver)] = -Int64(people)
    // Relaxed entries per column, and the bounds on y.
    var es = Array(repeating: 0, count: n + 1)
    var ei: [Int32] = []
    var ev: [Double] = []
    for j in 0..<n {
      for e in start[j]..<start[j + 1] where relaxedIndex[Int(rowOf[e])] >= 0 {
        ei.append(relaxedIndex[Int(rowOf[e])])
        ev.append(valueOf[e])
      }
      es[j + 1] = ei.count
    }
    var lower = relaxedRows.map { m.rowUpper[$0].isFinite ? -Double.infinity : 0 }
    var upper = relaxedRows.map { m.rowLower[$0].isFinite ? Double.infinity : 0 }
    for j in freeColumns {
      let c = Int(j)
      let lo = m.columnLower[c]
      let hi = m.columnUpper[c]
      if lo.isFinite && hi.isFinite { continue }
      // d = cost − a·y must not be negative (no upper bound) or positive (no lower bound).
      guard lo.isFinite, es[c + 1] - es[c] == 1 else { return nil }
      let k = Int(ei[es[c]])
      let a = ev[es[c]]
      if a > 0 { upper[k] = min(upper[k], m.objective[c] / a) } else { lower[k] = max(lower[k], m.objective[c] / a) }
      guard lower[k] <= upper[k] else { return nil }
    }
    model = m
    keepsBestDual = forPricing
    postNodeOf = postOf
    partRowCount = rows
    personNodeOf = personOf
    self.assignColumns = assignColumns
    self.tierCosts = tierCosts
    self.constant = constant
    self.relaxedRows = relaxedRows
    entryStart = es
    entryIndex = ei
    entryValue = ev
    self.freeColumns = freeColumns
    yLower = lower
    yUpper = upper
    costs = Array(repeating: 0, count: tails.count)
    self.people = people
    simplex = NetworkSimplex(
      nodeCount: people + posts + 1, tails: tails, heads: heads, capacities: capacities, supplies: supplies)
  }

  /// Starts the flow from plan `x` (part columns; each post filled shortage tier first), so
  /// that the first solve pivots from the plan instead of from nothing: on the 50,000-staff
  /// district scope (5.2 million arcs) a solve from nothing took about 25 s. False (and a
  /// start from nothing) when x does not fit the flow.
  mutating func start(from x: [Double]) -> Bool {
    let assigns = assignColumns.count
    let nodes = simplex.nodeCount
    let arcs = simplex.arcCount
    var f = Array(repeating: Int64(0), count: arcs)
    var treeArc = Array(repeating: Int32(-1), count: nodes)
    var inflow = Array(repeating: Int64(0), count: nodes)
    for a in 0..<assigns where x[Int(assignColumns[a])] > 0.5 {
      let u = Int(simplex.tail(a))
      guard treeArc[u] < 0 else { return false }
      f[a] = 1
      treeArc[u] = Int32(a)
      inflow[Int(simplex.head(a))] += 1
    }
    for u in 0..<people where treeArc[u] < 0 { return false }
    var chosen = Array(repeating: false, count: nodes)
    for a in assigns..<arcs {
      let u = Int(simplex.tail(a))
      let capacity = simplex.arcCapacity(a)
      let take = min(inflow[u], capacity)
      f[a] = take
      inflow[u] -= take
      // The tree arc of a post: one carrying part of its capacity if there is one.
      let partial = take > 0 && take < capacity
      if !chosen[u] && (treeArc[u] < 0 || partial) {
        treeArc[u] = Int32(a)
        chosen[u] = partial
      }
    }
    // Every post's heads fit its receiver arcs (the receiver, last, takes the rest).
    for u in people..<(nodes - 1) where inflow[u] != 0 { return false }
    return simplex.start(flow: f, treeArc: treeArc)
  }

  /// Number of arcs of the flow.
  var arcCount: Int { simplex.arcCount }

  /// The bound at multipliers y (within `yLower`…`yUpper`; others give −∞ or nil, never a
  /// bound too high) and the relaxed rows' activity A·x at the flow's minimizer; nil when the flow has no solution (the posts
  /// cannot hold everyone), or none by the deadline or the pivot limit.
  mutating func evaluate(_ y: [Double], deadline: Date? = nil) -> (bound: Double, activity: [Double])? {
    let m = model
    var reduced = 0.0
    let assigns = assignColumns.count
    for a in 0..<assigns {
      let v = (reducedCost(Int(assignColumns[a]), y) * Self.scale).rounded(.down)
      guard abs(v) < Self.costLimit else { return nil }  // also NaN
      costs[a] = Int64(v)
    }
    for (k, c) in tierCosts.enumerated() { costs[assigns + k] = c }
    // The warm trees need not be strongly feasible, so degenerate pivots could cycle in
    // principle: a pivot limit far above what a solve takes (thousands) ends that too.
    let limit = 50 * (simplex.nodeCount + 1) + simplex.arcCount
    guard simplex.solve(costs: costs, pivotLimit: limit, deadline: deadline) == .optimal else { return nil }
    var activity = Array(repeating: 0.0, count: relaxedRows.count)
    for a in 0..<assigns where simplex.flow[a] != 0 {
      let j = Int(assignColumns[a])
      for e in entryStart[j]..<entryStart[j + 1] { activity[Int(entryIndex[e])] += entryValue[e] }
    }
    for c in freeColumns {
      let j = Int(c)
      let d = reducedCost(j, y)
      // A slack priced at its bound (d = 0 up to rounding) stays at its finite bound.
      let x = d < -1e-9 ? m.columnUpper[j] : (d > 1e-9 ? m.columnLower[j] : (m.columnLower[j].isFinite ? m.columnLower[j] : m.columnUpper[j]))
      guard x.isFinite else { return nil }
      reduced += d * x
      if x != 0 {
        for e in entryStart[j]..<entryStart[j + 1] { activity[Int(entryIndex[e])] += entryValue[e] * x }
      }
    }
    var rowTerm = 0.0
    for (k, r) in relaxedRows.enumerated() {
      if y[k] > 0 { rowTerm += y[k] * m.rowLower[r] } else if y[k] < 0 { rowTerm += y[k] * m.rowUpper[r] }
    }
    let flowValue = Double(simplex.totalCost) / Self.scale
    lastOutsideFlow = constant + rowTerm + reduced
    return (constant + rowTerm + reduced + flowValue, activity)
  }

  /// Person nodes of the flow.
  var personCount: Int { people }

  /// The multipliers of the best bound so far.
  var bestMultipliers: [Double] { center }

  /// The node of person `group` (an assign column's group), nil if none.
  func personNode(ofGroup g: Int32) -> Int? { personNodeOf[g].map { Int($0) } }

  /// The node a column with these post rows (part rows, -1 where absent) flows into: its
  /// post, or the receiver; nil when the flow has no post with exactly these rows.
  func postNode(cap: Int, shortage: Int) -> Int? {
    if cap < 0 && shortage < 0 { return simplex.nodeCount - 1 }
    return postNodeOf[(cap + 1) * (partRowCount + 1) + shortage + 1].map { people + Int($0) }
  }

  /// Keeps the last evaluation's dual as the best one's (`forPricing`).
  private mutating func keepBestDual() {
    guard keepsBestDual else { return }
    bestPotential = simplex.potential
    bestCosts = costs
    bestOutsideFlow = lastOutsideFlow
  }

  /// The node potentials of the best evaluation (`forPricing`; the reduced cost of arc
  /// u → v is c + π(u) − π(v)).
  func potential(_ node: Int) -> Int64 { bestPotential[node] }

  /// The best evaluation's bound (at `bestMultipliers`, `forPricing`) with more columns for
  /// some people: the flow's dual objective at its potentials, each person's potential
  /// re-optimized over their arcs and the extra ones. `personLeast[p]` is the least scaled
  /// reduced cost minus its head's potential over person node p's extra columns
  /// (`Int64.max` when none).
  ///
  /// By weak duality it lies below the flow of every column set that adds those columns,
  /// so below every plan of the model with them, provided the multipliers' rows (and the
  /// posts' capacities, `forPricing`) are that model's. Without extra columns it equals
  /// the best bound (the potentials are optimal).
  func extendedBound(personLeast: [Int64]) -> Double {
    precondition(!bestPotential.isEmpty, "forPricing and an evaluation first")
    let assigns = assignColumns.count
    var least = personLeast
    for a in 0..<assigns {
      let u = Int(simplex.tail(a))
      least[u] = min(least[u], bestCosts[a] - bestPotential[Int(simplex.head(a))])
    }
    var dual = Int128(0)
    for u in 0..<people { dual += Int128(least[u]) }
    for a in assigns..<simplex.arcCount {
      let d = bestCosts[a] + bestPotential[Int(simplex.tail(a))] - bestPotential[Int(simplex.head(a))]
      if d < 0 { dual += Int128(simplex.arcCapacity(a)) * Int128(d) }
    }
    let receiver = simplex.nodeCount - 1
    dual += Int128(bestPotential[receiver]) * Int128(people)
    return bestOutsideFlow + Double(dual) / Self.scale
  }

  /// Column j's reduced cost c_j − Σ_r a_rj·y_r over the relaxed rows.
  private func reducedCost(_ j: Int, _ y: [Double]) -> Double {
    var d = model.objective[j]
    for e in entryStart[j]..<entryStart[j + 1] { d -= entryValue[e] * y[Int(entryIndex[e])] }
    return d
  }

  /// The part columns the last evaluation's flow uses (one per person): an assignment that
  /// respects the posts but maybe not the relaxed rows.
  var lastAssignment: [Int32] {
    (0..<assignColumns.count).filter { simplex.flow[$0] != 0 }.map { assignColumns[$0] }
  }

  /// The subgradient at y for a point with row activity `activity`: the row's violation,
  /// and for a row whose multiplier is at zero only the side that would raise it.
  func subgradient(_ activity: [Double], at y: [Double]) -> [Double] {
    var g = Array(repeating: 0.0, count: relaxedRows.count)
    for (k, r) in relaxedRows.enumerated() {
      let lo = model.rowLower[r]
      let hi = model.rowUpper[r]
      let v = activity[k]
      if y[k] > 0 || (y[k] == 0 && v < lo) {
        g[k] = lo - v
      } else if y[k] < 0 || (y[k] == 0 && v > hi) {
        g[k] = hi - v
      }
    }
    return g
  }

  /// Multipliers guessed from a plan `x` (part columns): a slack the plan uses gets its full
  /// price (its row binds), and a balance count row the slope of its steps at the plan's count.
  func startingMultipliers(from x: [Double]) -> [Double] {
    let m = model
    var y = Array(repeating: 0.0, count: relaxedRows.count)
    var steps = Array(repeating: [(cost: Double, a: Double, x: Double)](), count: relaxedRows.count)
    var unbounded = Array(repeating: false, count: relaxedRows.count)
    for c in freeColumns {
      let j = Int(c)
      guard entryStart[j + 1] - entryStart[j] == 1 else { continue }
      let k = Int(entryIndex[entryStart[j]])
      let a = entryValue[entryStart[j]]
      if m.columnUpper[j].isFinite {
        steps[k].append((m.objective[j], a, x[j]))
      } else {
        unbounded[k] = true
        if x[j] > 1e-9 { y[k] = a > 0 ? yUpper[k] : yLower[k] }
      }
    }
    for k in relaxedRows.indices where !unbounded[k] && !steps[k].isEmpty {
      let r = relaxedRows[k]
      guard m.rowLower[r] == m.rowUpper[r], let a = steps[k].first?.a, steps[k].allSatisfy({ $0.a == a }) else {
        continue
      }
      // d = cost − a·y < 0 exactly for the steps the plan fills (the cheapest ones).
      let sorted = steps[k].map { $0.cost }.sorted()
      let filled = Int(steps[k].reduce(0) { $0 + $1.x }.rounded())
      let t: Double
      if filled <= 0 {
        t = sorted[0] - 1e-3
      } else if filled >= sorted.count {
        t = sorted[sorted.count - 1] + 1e-3
      } else {
        t = (sorted[filled - 1] + sorted[filled]) / 2
      }
      y[k] = t / a
    }
    for k in y.indices { y[k] = min(max(y[k], yLower[k]), yUpper[k]) }
    return y
  }

  // The ascent's state, kept between calls of `ascend`.
  private var center: [Double] = []
  private var average: [Double] = []
  private var factor = 0.1
  private var red = 0
  /// The best bound so far, and the flow's assignment that gave it.
  private(set) var best = -Double.infinity
  private(set) var bestAssignment: [Int32] = []
  /// Flow solves made.
  var solves = 0
  /// How the multipliers ascend (`Tuning.flowAscent`).
  var method = Tuning.flowAscent
  /// The bundle method's state (`FlowBound+Bundle`).
  var bundle = BundleState()

  /// Keeps the last evaluation, `value` at multipliers y, as the best when it bounds
  /// higher: its multipliers, the flow's assignment and (`forPricing`) its dual. Returns
  /// whether it did.
  mutating func keepIfBest(_ value: Double, at y: [Double]) -> Bool {
    guard value > best else { return false }
    best = value
    center = y
    bestAssignment = lastAssignment
    keepBestDual()
    return true
  }

  /// Starts the ascent: the flow from plan `x`, then y = 0 or the multipliers guessed from x,
  /// whichever bounds higher. False when the flow has no solution by the deadline.
  mutating func begin(plan x: [Double], deadline: Date) -> Bool {
    let zero = yLower.indices.map { min(max(0, yLower[$0]), yUpper[$0]) }
    let guess = startingMultipliers(from: x)
    _ = start(from: x)
    for y in [zero, guess] {
      solves += 1
      guard let (value, activity) = evaluate(y, deadline: deadline) else { break }
      if method == .bundle { addCut(at: y, value: value, activity: activity) }
      if keepIfBest(value, at: y) { average = activity }
    }
    return best.isFinite
  }

  /// The volume algorithm (Barahona and Anbil, 2000): steps from the best multipliers along
  /// the subgradient of an average of the relaxation's minimizers, kept only when they raise
  /// the bound; Polyak-type step sizes toward `target` (between the bound and a plan's cost,
  /// `Tuning.flowTargetShare`). Runs for `maxSolves`
  /// solves (a work budget: the same input takes the same steps), until the deadline, or
  /// until the step size vanishes; returns whether the bound rose.
  mutating func ascend(
    target: Double, deadline: Date, maxSolves: Int = .max, shouldStop: (() -> Bool)? = nil
  ) -> Bool {
    guard best.isFinite else { return false }
    if method == .bundle { return ascendBundle(target: target, deadline: deadline, maxSolves: maxSolves, shouldStop: shouldStop) }
    let before = best
    let alpha = 0.1
    var made = 0
    while made < maxSolves, Date() < deadline, !(shouldStop?() ?? false), factor >= 5e-4 {
      made += 1
      let g = subgradient(average, at: center)
      let norm = g.reduce(0) { $0 + $1 * $1 }
      let gapLeft = target - best
      guard norm >= 1e-12, gapLeft > 0 else { break }
      let step = factor * gapLeft / norm
      var y = center
      for k in y.indices { y[k] = min(max(y[k] + step * g[k], yLower[k]), yUpper[k]) }
      solves += 1
      guard let (value, activity) = evaluate(y, deadline: deadline) else {
        // The same step would fail again (no flow, costs out of range, or the deadline):
        // the ascent ends here.
        factor = 0
        break
      }
      for k in average.indices { average[k] = alpha * activity[k] + (1 - alpha) * average[k] }
      if value > best {
        // Green when a longer step would have gone on rising, yellow otherwise.
        let gy = subgradient(activity, at: y)
        var d = 0.0
        for k in g.indices { d += g[k] * gy[k] }
        if d >= 0 { factor = min(2, factor * 1.1) }
        _ = keepIfBest(value, at: y)
        red = 0
      } else {
        red += 1
        if red >= 20 {
          factor *= 0.66
          red = 0
        }
      }
    }
    return best > before
  }
}
