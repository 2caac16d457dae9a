/// The integer program of model.md built from a `RotationInstance`.
///
/// Columns: `assign` x[i,d] (binary, one per movable person and allowed destination, stay
/// included), `short` (teacher and cadre shortage), `u` (quota slack), `v` (key-share slack),
/// `w` (cadre-quota slack), `cnt` (indicator count of a section), `t` (balance epigraph).
/// Rows: `one`, `post`, `shortage`, `cpost`, `cshortage`, `quota`, `keyshare`, `outflow`,
/// `cadre_quota`, `avoid`, `count`, `balance`. Names use indices only (ASCII).
///
/// The balance term has two exact forms (`BalanceForm`): secant rows on an epigraph column
/// (model.md's wording), or, by default, one bounded column per unit step of the count.
public struct Formulation: Sendable {
  /// How each section's convex balance term is written; both are exact at integer counts and
  /// have the same LP relaxation (the convex hull of the piecewise-linear interpolation).
  public enum BalanceForm: Sendable {
    /// `cnt` column, epigraph column `t` and one `balance` row per unit step:
    /// t ≥ f(v) + (f(v+1) − f(v))·(cnt − v).
    case secant
    /// One `seg` column z_v ∈ [0, 1] per unit step with cost W_balance·(f(v+1) − f(v)), in
    /// the `count` row Σ z − Σ x = fixed − lo, and f(lo) in the objective constant. The
    /// slopes ascend (f is convex), so the cheapest steps fill first and the cost is f(count)
    /// exactly. No epigraph rows: on the 10,000-staff district the largest part has 3,800
    /// rows instead of 13,700, which is what GLPK's simplex time follows.
    case segment
  }
  public var model = SparseModel()
  /// For each `assign` column (the first `assignCount` columns): person and destination.
  public var assignPerson: [Int32] = []
  public var assignDestination: [Int32] = []
  public var assignCount: Int { assignPerson.count }
  /// True for `cnt` columns (defined by an equality row).
  public var isCountColumn: [Bool] = []
  /// True for `seg` columns (segment form of the balance term).
  public var isSegmentColumn: [Bool] = []
  /// Segment form: the `count` rows and their `seg` columns, in ascending step order.
  public var segmentRows: [(row: Int, columns: [Int])] = []
  /// The form the balance term was written in.
  public private(set) var balanceForm = BalanceForm.segment
  /// Per person: range of its `assign` columns (empty for those without variables).
  public var columnsOf: [Range<Int>] = []
  /// Per teacher post (`inst.teacherPosts`): its cap and shortage rows (-1 where absent),
  /// and the heads short whatever happens, charged in the objective constant (no column
  /// enters the post).
  public var teacherPostRows: [PostRows] = []
  /// Per cadre post (`inst.cadrePosts`), the same.
  public var cadrePostRows: [PostRows] = []
  /// The rows of one post.
  public struct PostRows: Sendable {
    public var cap = -1
    public var shortage = -1
    public var charged = 0
  }
  /// The `count` row of each indicator (ordinal in `Indicator.allCases`) and section, by
  /// indicator · sections + section; -1 where the count cannot change (or the form is not
  /// the segment form).
  public var countRowAt: [Int] = []
  /// Rows below this index are the transportation core: `one`, and the `post` and `shortage`
  /// rows of teacher and cadre posts (`FlowBound` keeps them and relaxes the rest).
  public var transportationRowsEnd = 0
  /// Reasons the hard rules admit no plan, found while building (empty normally).
  public var contradictions: [String] = []
  /// Avoid pairs of two people who cannot move and share a school (a warning).
  public var fixedAvoidWarnings: [String] = []
  /// Avoid pairs where one side cannot move: the other (`mover`) lost every destination at
  /// the fixed one's school (staying included when it is the same school).
  public var avoidRemovals: [(mover: Int, fixed: Int, school: Int)] = []

  /// Builds the model of `inst`.
  public init(_ inst: RotationInstance, names: Bool = true, balance: BalanceForm = .segment) {
    balanceForm = balance
    let w = inst.weights
    let rules = inst.rules
    let n = inst.staff.count
    let nS = RotationInstance.subjectCount
    func nm(_ s: @autoclosure () -> String) -> String { names ? s() : "" }

    // Which persons have variables, and avoid pruning against people who cannot move.
    var variable = (0..<n).map { inst.movable[$0] && inst.destinations[$0].count > 1 }
    var allowed = (0..<n).map { variable[$0] ? Array(repeating: true, count: inst.destinations[$0].count) : [] }
    for (a, b) in inst.avoidPairs {
      switch (variable[a], variable[b]) {
      case (false, false):
        if inst.schoolOf[a] == inst.schoolOf[b] {
          fixedAvoidWarnings.append(
            "\(inst.staff[a].id) and \(inst.staff[b].id) avoid each other but neither can "
              + "leave \(inst.schools[inst.schoolOf[a]].id)")
        }
      case (true, false), (false, true):
        let (mover, fixed) = variable[a] ? (a, b) : (b, a)
        let j = inst.schoolOf[fixed]
        avoidRemovals.append((mover, fixed, j))
        for (c, d) in inst.destinations[mover].enumerated() where d.school == j {
          allowed[mover][c] = false
        }
      case (true, true): break
      }
    }
    for i in 0..<n where variable[i] && !allowed[i].contains(true) {
      contradictions.append(
        "avoidance (rule 7): \(inst.staff[i].name) (\(inst.staff[i].id)) may not end with "
          + inst.avoidPairs.compactMap { $0.0 == i ? $0.1 : ($0.1 == i ? $0.0 : nil) }
          .map { "\(inst.staff[$0].name) (\(inst.staff[$0].id))" }.joined(separator: ", ")
          + ", and has no other allowed destination (scope, past schools, posts of their subject, commute or wishes)")
      variable[i] = false
    }

    // assign columns.
    columnsOf = Array(repeating: 0..<0, count: n)
    for i in 0..<n where variable[i] {
      let start = model.columnCount
      for (c, d) in inst.destinations[i].enumerated() where allowed[i][c] {
        let target = d.section >= 0 ? "k\(d.section)" : "j\(d.school)"
        model.addColumn(
          nm("assign_p\(i)_\(target)"), lower: 0, upper: 1, integer: true, cost: inst.cost(d))
        assignPerson.append(Int32(i))
        assignDestination.append(Int32(c))
      }
      columnsOf[i] = start..<model.columnCount
    }
    // one: each person with variables gets exactly one destination.
    for i in 0..<n where variable[i] {
      model.addRow(nm("one_p\(i)"), columnsOf[i].map { ($0, 1.0) }, lower: 1, upper: 1)
    }

    // Teacher posts: fixed heads and columns per post.
    var fixedTeachers = Array(repeating: 0, count: inst.teacherPosts.count)
    var postColumns = Array(repeating: [Int](), count: inst.teacherPosts.count)
    var fixedCadres = Array(repeating: 0, count: inst.cadrePosts.count)
    var cadreColumns = Array(repeating: [Int](), count: inst.cadrePosts.count)
    for i in 0..<n {
      let p = inst.staff[i]
      if p.role.isCadre {
        let slot = p.role == .principal ? 0 : 1
        if variable[i] {
          for col in columnsOf[i] {
            let d = inst.destinations[i][Int(assignDestination[col])]
            cadreColumns[d.school * 2 + slot].append(col)
          }
        } else {
          fixedCadres[inst.schoolOf[i] * 2 + slot] += 1
        }
      } else {
        guard let sub = p.subject else { continue }
        let o = RotationInstance.ordinal(sub)
        if variable[i] {
          for col in columnsOf[i] {
            let d = inst.destinations[i][Int(assignDestination[col])]
            let tp = inst.teacherPostAt[d.section * nS + o]
            if tp >= 0 { postColumns[tp].append(col) }
          }
        } else if inst.sectionOf[i] >= 0 {
          let tp = inst.teacherPostAt[inst.sectionOf[i] * nS + o]
          if tp >= 0 { fixedTeachers[tp] += 1 }
        }
      }
    }
    // Rule 2: cap row A ≤ cap and shortage row short + A ≥ posts, with A = fixed + Σ columns.
    func addPostRows(
      _ tag: String, rowPrefix: String, fixed: Int, cols: [Int], cap: Int, posts: Int
    ) -> PostRows {
      var rows = PostRows()
      if fixed + cols.count > cap {
        rows.cap = model.addRow(nm("\(rowPrefix)post_\(tag)"), cols.map { ($0, 1.0) }, upper: Double(cap - fixed))
      }
      guard posts > fixed else { return rows }
      let gap = Double(posts - fixed)
      if cols.isEmpty {
        model.objectiveConstant += w.shortage * gap
        rows.charged = posts - fixed
      } else {
        let s = model.addColumn(
          nm("short_\(tag)"), lower: 0, upper: gap, integer: false, cost: w.shortage)
        rows.shortage = model.addRow(
          nm("\(rowPrefix)shortage_\(tag)"), [(s, 1.0)] + cols.map { ($0, 1.0) }, lower: gap)
      }
      return rows
    }
    for (t, post) in inst.teacherPosts.enumerated() {
      teacherPostRows.append(
        addPostRows(
          "k\(post.section)_\(post.subject.rawValue)", rowPrefix: "", fixed: fixedTeachers[t],
          cols: postColumns[t], cap: post.cap, posts: post.posts))
    }
    for (c, post) in inst.cadrePosts.enumerated() {
      cadrePostRows.append(
        addPostRows(
          "j\(post.school)_\(post.role.code)", rowPrefix: "c", fixed: fixedCadres[c],
          cols: cadreColumns[c], cap: post.current, posts: post.current))
    }
    transportationRowsEnd = model.rowCount

    // Leaving: per school, the stay columns of its teachers with variables, and how many
    // must leave whatever happens (their stay was pruned).
    var stayCols = Array(repeating: [(col: Int, key: Bool)](), count: inst.schools.count)
    var mustLeave = Array(repeating: (all: 0, key: 0), count: inst.schools.count)
    var mustLeavePeople = Array(repeating: [Int](), count: inst.schools.count)
    var cadreStay: [Int] = []
    var cadreMustLeave = 0
    for i in 0..<n where variable[i] {
      let p = inst.staff[i]
      let j = inst.schoolOf[i]
      let stay = columnsOf[i].first { inst.destinations[i][Int(assignDestination[$0])].isStay }
      if p.role.isCadre {
        if let s = stay { cadreStay.append(s) } else { cadreMustLeave += 1 }
      } else {
        if let s = stay {
          stayCols[j].append((s, p.isKey))
        } else {
          mustLeave[j].all += 1
          mustLeavePeople[j].append(i)
          if p.isKey { mustLeave[j].key += 1 }
        }
      }
    }
    for j in 0..<inst.schools.count {
      let cols = stayCols[j]
      let base = mustLeave[j].all + cols.count  // moved_j = base − Σ x_stay
      // Teacher quota.
      let req = inst.quotaRequired[j]
      if req > 0 {
        if cols.isEmpty {
          model.objectiveConstant += w.quota * Double(max(0, req - mustLeave[j].all))
        } else if req > mustLeave[j].all {
          let u = model.addColumn(
            nm("u_j\(j)"), lower: 0, upper: Double(req), integer: false, cost: w.quota)
          model.addRow(
            nm("quota_j\(j)"), [(u, 1.0)] + cols.map { ($0.col, -1.0) },
            lower: Double(req - base))
        }
      }
      // Key share: key_moved − share·moved + v ≥ 0.
      if base > 0 {
        var rhs = 0.0  // −Σ coef over all leavers counted as leaving
        var terms: [(Int, Double)] = []
        for (col, key) in cols {
          let coef = (key ? 1.0 : 0.0) - rules.keyShare
          rhs -= coef
          terms.append((col, -coef))
        }
        let mustCoef =
          Double(mustLeave[j].key) - rules.keyShare * Double(mustLeave[j].all)
        rhs -= mustCoef
        if cols.isEmpty {
          model.objectiveConstant += w.keyShare * max(0, rhs)
        } else if rules.keyShare > 0 {
          let v = model.addColumn(
            nm("v_j\(j)"), lower: 0, upper: .infinity, integer: false, cost: w.keyShare)
          model.addRow(nm("keyshare_j\(j)"), [(v, 1.0)] + terms, lower: rhs)
        }
      }
      // Outflow: moved_j ≤ limit.
      if base > inst.outflowLimit[j] {
        if cols.isEmpty {
          contradictions.append(
            "the outflow limit (rule 5): \(mustLeave[j].all) teachers must leave "
              + "\(inst.schools[j].name) (\(inst.schools[j].id)), over its limit of \(inst.outflowLimit[j]): "
              + mustLeavePeople[j].map { "\(inst.staff[$0].name) (\(inst.staff[$0].id))" }.joined(separator: ", ")
              + " may not stay, as each avoids someone there who cannot move (avoidance, rule 7)")
        } else {
          model.addRow(
            nm("outflow_j\(j)"), cols.map { ($0.col, -1.0) },
            upper: Double(inst.outflowLimit[j] - base))
        }
      }
    }
    // Cadre quota, district-wide.
    let creq = inst.cadreQuotaRequired
    if creq > 0 {
      let must = cadreMustLeave
      if cadreStay.isEmpty || creq <= must {
        model.objectiveConstant += w.cadreQuota * Double(max(0, creq - must))
      } else {
        let wc = model.addColumn(
          nm("w"), lower: 0, upper: Double(creq), integer: false, cost: w.cadreQuota)
        model.addRow(
          nm("cadre_quota"), [(wc, 1.0)] + cadreStay.map { ($0, -1.0) },
          lower: Double(creq - must - cadreStay.count))
      }
    }

    // Avoidance between two people who both may move: per school, at most one ends there.
    for (a, b) in inst.avoidPairs where variable[a] && variable[b] {
      var atA: [Int: [Int]] = [:]
      for col in columnsOf[a] {
        atA[inst.destinations[a][Int(assignDestination[col])].school, default: []].append(col)
      }
      var atB: [Int: [Int]] = [:]
      for col in columnsOf[b] {
        atB[inst.destinations[b][Int(assignDestination[col])].school, default: []].append(col)
      }
      for j in atA.keys.sorted() {
        guard let colsB = atB[j], let colsA = atA[j] else { continue }
        model.addRow(
          nm("avoid_p\(a)_p\(b)_j\(j)"), (colsA + colsB).map { ($0, 1.0) }, upper: 1)
      }
    }

    var countColumns = Set<Int>()
    var freePosts = Array(repeating: 0, count: inst.sections.count)
    for post in inst.teacherPosts { freePosts[post.section] += post.cap - post.current }
    // Balance: exact secant epigraph of each section's convex term over its reachable range.
    countRowAt = Array(repeating: -1, count: Indicator.allCases.count * inst.sections.count)
    for term in inst.balanceTerms() where term.before > 0 {
      let tag = "\(term.stage.code)_\(term.indicator.rawValue)"
      let indicatorOrdinal = Indicator.allCases.firstIndex(of: term.indicator) ?? 0
      var fixed = Array(repeating: 0, count: inst.sections.count)
      var cols = Array(repeating: [Int](), count: inst.sections.count)
      for i in 0..<n where inst.staff[i].role == .teacher {
        let p = inst.staff[i]
        if variable[i] {
          for col in columnsOf[i] {
            let k = inst.destinations[i][Int(assignDestination[col])].section
            if k >= 0 && inst.sections[k].stage == term.stage
              && term.indicator.holds(for: p, in: term.stage)
            {
              cols[k].append(col)
            }
          }
        } else {
          let k = inst.sectionOf[i]
          if k >= 0 && inst.sections[k].stage == term.stage
            && term.indicator.holds(for: p, in: term.stage)
          {
            fixed[k] += 1
          }
        }
      }
      // Current holders per section, for the reachable-range bounds below.
      var current = Array(repeating: 0, count: inst.sections.count)
      for i in 0..<n where inst.staff[i].role == .teacher {
        let k = inst.sectionOf[i]
        if k >= 0 && inst.sections[k].stage == term.stage
          && term.indicator.holds(for: inst.staff[i], in: term.stage)
        {
          current[k] += 1
        }
      }
      for k in term.sections {
        let pk = inst.sections[k].pupils
        // Reachable range: at most outflowLimit_j teachers leave the school, and at most the
        // free posts plus those leavers come in (A(k,s) ≤ cap(k,s)); so the count lies in
        // [current − limit, current + free + limit] as well as [fixed, fixed + candidates].
        let limit = inst.outflowLimit[inst.sections[k].school]
        let loBound = max(fixed[k], current[k] - limit)
        // With candidates only, the range the allowed destinations reach: pricing may add
        // the others' columns to the count (`CandidatePricing`).
        let candidates = inst.isRestricted ? inst.allowedHolders[indicatorOrdinal * inst.sections.count + k] : cols[k].count
        let hi = min(fixed[k] + candidates, current[k] + freePosts[k] + limit)
        let lo = min(loBound, hi)
        if hi == lo {
          model.objectiveConstant += w.balance * term.value(count: lo, pupils: pk)
          continue
        }
        if balance == .segment {
          model.objectiveConstant += w.balance * term.value(count: lo, pupils: pk)
          var steps: [Int] = []
          for v in lo..<hi {
            let slope = term.value(count: v + 1, pupils: pk) - term.value(count: v, pupils: pk)
            steps.append(
              model.addColumn(
                nm("seg_\(tag)_k\(k)_c\(v)"), lower: 0, upper: 1, integer: false,
                cost: w.balance * slope))
          }
          let row = model.addRow(
            nm("count_\(tag)_k\(k)"), steps.map { ($0, 1.0) } + cols[k].map { ($0, -1.0) },
            lower: Double(fixed[k] - lo), upper: Double(fixed[k] - lo))
          segmentRows.append((row, steps))
          countRowAt[indicatorOrdinal * inst.sections.count + k] = row
          continue
        }
        let c = model.addColumn(
          nm("cnt_\(tag)_k\(k)"), lower: Double(lo), upper: Double(hi), integer: false, cost: 0)
        countColumns.insert(c)
        model.addRow(
          nm("count_\(tag)_k\(k)"), [(c, 1.0)] + cols[k].map { ($0, -1.0) },
          lower: Double(fixed[k]), upper: Double(fixed[k]))
        let t = model.addColumn(
          nm("t_\(tag)_k\(k)"), lower: 0, upper: .infinity, integer: false, cost: w.balance)
        for v in lo..<hi {
          let f0 = term.value(count: v, pupils: pk)
          let slope = term.value(count: v + 1, pupils: pk) - f0
          // t ≥ f(v) + slope·(c − v)
          model.addRow(
            nm("balance_\(tag)_k\(k)_c\(v)"), [(t, 1.0), (c, -slope)],
            lower: f0 - slope * Double(v))
        }
      }
    }
    isCountColumn = (0..<model.columnCount).map { countColumns.contains($0) }
    isSegmentColumn = Array(repeating: false, count: model.columnCount)
    for (_, steps) in segmentRows { for c in steps { isSegmentColumn[c] = true } }
  }

  /// The plan encoded by a point of the model (x rounded).
  public func plan(from x: [Double], _ inst: RotationInstance) -> Plan {
    var plan = Plan.allStay(inst)
    for col in 0..<assignCount where x[col] > 0.5 {
      plan.choice[Int(assignPerson[col])] = Int(assignDestination[col])
    }
    return plan
  }

  /// The point of the model that encodes a plan, with slacks at their least feasible values;
  /// nil if the plan uses a destination that is not a column.
  public func point(for plan: Plan, _ inst: RotationInstance) -> [Double]? {
    var x = Array(repeating: 0.0, count: model.columnCount)
    for i in 0..<inst.staff.count where !columnsOf[i].isEmpty {
      guard let col = columnsOf[i].first(where: { Int(assignDestination[$0]) == plan.choice[i] })
      else { return nil }
      x[col] = 1
    }
    // Continuous columns: each appears in rows that define or bound it from below; set it to
    // the smallest value satisfying its rows given the assign columns.
    completeContinuous(&x)
    return x
  }

  /// The columns of one part of the model (`Decomposition`) at the plan where each person with
  /// variables has the column `columnOf(i)`: the part's columns of `point(for:_:)`, computed
  /// on the part alone. `part` and `sub` are a part of this model and its sub-model.
  public func partPoint(
    _ part: Decomposition.Part, _ sub: SparseModel, columnOf: (Int) -> Int
  ) -> [Double] {
    var x = Array(repeating: 0.0, count: part.columns.count)
    for (n, c) in part.columns.enumerated() where c < assignCount {
      if columnOf(Int(assignPerson[c])) == c { x[n] = 1 }
    }
    completeContinuous(&x, in: sub, globalColumn: part.columns, globalRow: part.rows)
    return x
  }

  /// Sets non-assign columns to their least values satisfying all rows (given assign columns).
  func completeContinuous(_ x: inout [Double]) {
    completeContinuous(&x, in: model, globalColumn: nil, globalRow: nil)
  }

  /// `completeContinuous` on `m`, the whole model (maps nil) or a part's sub-model whose
  /// columns and rows are `globalColumn` and `globalRow` of the whole.
  func completeContinuous(_ x: inout [Double], in m: SparseModel, globalColumn: [Int]?, globalRow: [Int]?) {
    func global(_ c: Int) -> Int { globalColumn?[c] ?? c }
    // Row activity from assign columns only; the other columns of each row in entry order
    // (a segment row's steps in ascending order, as added).
    var act = Array(repeating: 0.0, count: m.rowCount)
    var others = Array(repeating: [(Int, Double)](), count: m.rowCount)
    for e in 0..<m.entryValue.count {
      let r = Int(m.entryRow[e])
      let c = Int(m.entryColumn[e])
      if global(c) < assignCount { act[r] += m.entryValue[e] * x[c] } else { others[r].append((c, m.entryValue[e])) }
    }
    // Count columns first (equalities with one other column), then epigraph and slacks.
    for j in 0..<m.columnCount where global(j) >= assignCount { x[j] = m.columnLower[j] }
    // Segment form: the first (count − lo) steps are full.
    var isSegmentRow = Array(repeating: false, count: m.rowCount)
    if !segmentRows.isEmpty {
      var segmentRow = Array(repeating: false, count: model.rowCount)
      for (r, _) in segmentRows { segmentRow[r] = true }
      for r in 0..<m.rowCount where segmentRow[globalRow?[r] ?? r] {
        isSegmentRow[r] = true
        let full = Int((m.rowLower[r] - act[r]).rounded())
        for (v, (c, _)) in others[r].enumerated() { x[c] = v < full ? 1 : 0 }
      }
    }
    for r in 0..<m.rowCount where !isSegmentRow[r] && others[r].count == 1 && m.rowLower[r] == m.rowUpper[r] {
      let (c, v) = others[r][0]
      x[c] = (m.rowLower[r] - act[r]) / v
    }
    for r in 0..<m.rowCount where !isSegmentRow[r] && !(others[r].count == 1 && m.rowLower[r] == m.rowUpper[r]) {
      // rows with one slack/epigraph column (coef 1) plus maybe a count column.
      var a = act[r]
      var slack: Int? = nil
      for (c, v) in others[r] {
        if v == 1 && !isCountColumn[global(c)] {
          slack = c
        } else {
          a += v * x[c]
        }
      }
      if let s = slack, m.rowLower[r] > -Double.infinity {
        x[s] = max(x[s], m.rowLower[r] - a)
      }
    }
  }
}
