import Foundation

/// Everything the planners' report shows, computed from an instance and a solve outcome:
/// headline figures, the 优质均衡 view, flows, moves per school, unmet quotas, shortages and
/// the solver's figures. Renderers (`MarkdownReport`, `HTMLReport`) only format it.
public struct PlanReport: Sendable {
  /// Headline counts of the plan.
  public struct Headline: Sendable, Hashable {
    public var schools = 0
    public var primarySections = 0
    public var juniorSections = 0
    public var staff = 0
    public var teachers = 0
    public var cadres = 0
    public var eligible = 0
    public var movable = 0
    /// Everyone who moves (teachers and cadres).
    public var moved = 0
    public var movedTeachers = 0
    public var movedKey = 0
    public var movedCadres = 0
    /// Σ short in heads (teacher and cadre posts).
    public var shortage = 0
    /// Σ u_j in heads (teacher quota).
    public var quotaMissing = 0
  }

  /// One section's count of an indicator before and after, per 100 pupils, and the threshold.
  public struct SectionIndicator: Sendable, Hashable {
    /// Index into `RotationInstance.sections`.
    public var section: Int
    public var schoolID: String
    public var schoolName: String
    public var stage: Stage
    public var pupils: Int
    public var before: Int
    public var after: Int
    public var per100Before: Double { 100 * Double(before) / Double(pupils) }
    public var per100After: Double { 100 * Double(after) / Double(pupils) }
    /// The standard's per-100 threshold; nil for an indicator without one.
    public var threshold: Double?
    /// Whether the section reaches the threshold before / after; nil without a threshold.
    public var metBefore: Bool? { threshold.map { QualityBalanceStandard.meets(per100Before, $0) } }
    public var metAfter: Bool? { threshold.map { QualityBalanceStandard.meets(per100After, $0) } }
    /// Missed the threshold before, reaches it after.
    public var newlyMeets: Bool { metBefore == false && metAfter == true }
    /// Reached the threshold before, misses it after.
    public var newlyMisses: Bool { metBefore == true && metAfter == false }
  }

  /// One (stage, indicator) of the 优质均衡 view.
  public struct IndicatorView: Sendable, Hashable {
    public var stage: Stage
    public var indicator: Indicator
    /// True if the scenario balances this indicator in the objective.
    public var inObjective: Bool
    /// The standard's per-100 threshold, nil for none.
    public var threshold: Double?
    /// The stage's sections, in section order.
    public var sections: [SectionIndicator]
    /// Student-weighted CV before and after (nil when the mean is 0).
    public var cvBefore: Double?
    public var cvAfter: Double?
    /// The standard's CV limit for the stage.
    public var cvLimit: Double
    /// Stage-wide indicator per 100 pupils (100 · Σc / ΣP) before and after.
    public var meanBefore: Double
    public var meanAfter: Double

    /// Sections reaching the threshold before / after.
    public var metBefore: Int { sections.filter { $0.metBefore == true }.count }
    public var metAfter: Int { sections.filter { $0.metAfter == true }.count }
    public var newlyMeeting: [SectionIndicator] { sections.filter(\.newlyMeets) }
    public var newlyMissing: [SectionIndicator] { sections.filter(\.newlyMisses) }
    /// Whether the CV is within the limit before / after; nil when the CV is undefined.
    public var cvMetBefore: Bool? { cvBefore.map { $0 <= cvLimit + 1e-12 } }
    public var cvMetAfter: Bool? { cvAfter.map { $0 <= cvLimit + 1e-12 } }
  }

  /// Moves between groups of schools: counts[from][to].
  public struct FlowMatrix: Sendable, Hashable {
    /// Row and column labels (zone names, or tiers "1", "2", "3"; a tier outside 1–3, which
    /// the loader refuses, would count as the nearest).
    public var labels: [String]
    public var counts: [[Int]]
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
    /// Largest cell.
    public var maximum: Int { counts.map { $0.max() ?? 0 }.max() ?? 0 }
    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    public var columnTotals: [Int] {
      labels.indices.map { c in counts.reduce(0) { $0 + $1[c] } }
    }
  }

  /// Who leaves and who arrives at one school, and its quotas.
  public struct SchoolMoves: Sendable, Hashable {
    public var school: Int
    public var id: String
    public var name: String
    public var zone: String
    public var tier: Int
    public var outTeachers = 0
    public var outKey = 0
    public var outCadres = 0
    public var inTeachers = 0
    public var inKey = 0
    public var inCadres = 0
    /// req_j (0 outside quota_tiers).
    public var quotaRequired = 0
    /// max(0, req_j − moved_j).
    public var quotaMissing: Int { max(0, quotaRequired - outTeachers) }
    /// key_share · moved_j where the school has a movable teacher, else 0.
    public var keyTarget = 0.0
    /// max(0, keyTarget − key teachers leaving).
    public var keyShortfall: Double { max(0, keyTarget - Double(outKey)) }
    /// Arrivals minus departures, teachers and cadres.
    public var net: Int { inTeachers + inCadres - outTeachers - outCadres }
    public var moves: Int { inTeachers + inCadres + outTeachers + outCadres }
  }

  /// A (section, subject) or (school, cadre role) with fewer people than posts after rotation.
  public struct Shortage: Sendable, Hashable {
    public var schoolID: String
    public var schoolName: String
    /// The section's stage; nil for cadre posts.
    public var stage: Stage?
    /// The subject; nil for cadre posts.
    public var subject: Subject?
    /// The cadre role; nil for teacher posts.
    public var role: Role?
    public var posts: Int
    public var before: Int
    public var after: Int
    public var short: Int { max(0, posts - after) }
  }

  /// The solver's figures.
  public struct SolverFigures: Sendable {
    public var status: PlanStatus
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    /// The weighted objective terms in the order of the output contract.
    public var terms: [(String, Double)]
    public var model: ModelStats
    public var heuristicObjective: Double?
    /// Timing, only when it is to be shown (never under --no-timing).
    public var timing: Timing?
  }

  public var scenarioName: String
  public var year: Int
  /// Last path component of the district folder.
  public var districtName: String
  public var headline = Headline()
  /// Per stage with sections, the standard's indicators, then the scenario's others.
  public var indicators: [IndicatorView] = []
  /// Zone → zone moves (all moves), zones in schools.csv order.
  public var zoneFlows: FlowMatrix
  /// Tier → tier moves (all moves), tiers 1–3.
  public var tierFlows: FlowMatrix
  /// Tier → tier moves of key teachers.
  public var keyTierFlows: FlowMatrix
  /// One row per school, in schools.csv order.
  public var schools: [SchoolMoves] = []
  /// ⌈cadre_quota · E_c⌉ and the cadres who move.
  public var cadreQuotaRequired = 0
  /// Teacher and cadre posts short after rotation, in section then subject order, cadres last.
  public var shortages: [Shortage] = []
  public var solver: SolverFigures
  /// Rules shown with the report.
  public var rules: Rules
  public var versions: (lungang: String, glpk: String)

  /// Schools whose teacher quota is not met.
  public var unmetQuotas: [SchoolMoves] { schools.filter { $0.quotaMissing > 0 } }
  /// Schools sending fewer key teachers than key_share asks.
  public var keyShareShortfalls: [SchoolMoves] { schools.filter { $0.keyShortfall > 1e-9 } }
  /// Shortage heads per subject (teacher posts), subjects in code order.
  public var shortageBySubject: [(Subject, Int)] {
    Subject.allCases.compactMap { s in
      let n = shortages.filter { $0.subject == s }.reduce(0) { $0 + $1.short }
      return n > 0 ? (s, n) : nil
    }
  }

  /// Computes the report of `outcome`'s plan (everyone staying when there is none).
  /// `timing` is shown only when given.
  public init(_ inst: RotationInstance, _ outcome: SolveOutcome, timing: Timing? = nil, glpkVersion: String = glpkVersion()) {
    let plan = outcome.plan ?? Plan.allStay(inst)
    let ev = outcome.evaluation ?? PlanEvaluation(plan, inst)
    scenarioName = inst.scenario.name
    year = inst.scenario.year
    districtName = inst.scenario.district.standardizedFileURL.lastPathComponent
    rules = inst.rules
    versions = (lungangVersion, glpkVersion)

    // Headline.
    var h = Headline()
    h.schools = inst.schools.count
    h.primarySections = inst.sections.filter { $0.stage == .primary }.count
    h.juniorSections = inst.sections.filter { $0.stage == .junior }.count
    h.staff = inst.staff.count
    h.teachers = inst.staff.filter { $0.role == .teacher }.count
    h.cadres = h.staff - h.teachers
    h.eligible = inst.eligible.filter { $0 }.count
    h.movable = inst.movable.filter { $0 }.count
    h.moved = ev.moved
    h.movedCadres = ev.movedCadres
    h.movedTeachers = ev.moved - ev.movedCadres
    h.movedKey = ev.movedKey
    h.shortage = ev.shortageHeads
    h.quotaMissing = ev.quotaMissing
    headline = h

    indicators = PlanReport.indicatorViews(inst, plan)

    // Flows and moves per school.
    var zones: [String] = []
    var zoneAt: [String: Int] = [:]
    for s in inst.schools where zoneAt[s.zone] == nil {
      zoneAt[s.zone] = zones.count
      zones.append(s.zone)
    }
    var zf = Array(repeating: Array(repeating: 0, count: zones.count), count: zones.count)
    var tf = Array(repeating: Array(repeating: 0, count: 3), count: 3)
    var kf = tf
    var rows = inst.schools.enumerated().map { j, s in
      SchoolMoves(school: j, id: s.id, name: s.name, zone: s.zone, tier: s.tier, quotaRequired: inst.quotaRequired[j])
    }
    var hasMovableTeacher = Array(repeating: false, count: inst.schools.count)
    for i in inst.staff.indices {
      let p = inst.staff[i]
      let from = inst.schoolOf[i]
      if inst.movable[i] && !p.role.isCadre { hasMovableTeacher[from] = true }
      guard plan.moves(i, in: inst) else { continue }
      let to = plan.endSchool(i, in: inst)
      let a = inst.schools[from]
      let b = inst.schools[to]
      let ta = min(max(a.tier, 1), 3) - 1
      let tb = min(max(b.tier, 1), 3) - 1
      zf[zoneAt[a.zone] ?? 0][zoneAt[b.zone] ?? 0] += 1
      tf[ta][tb] += 1
      if p.role.isCadre {
        rows[from].outCadres += 1
        rows[to].inCadres += 1
      } else {
        rows[from].outTeachers += 1
        rows[to].inTeachers += 1
        if p.isKey {
          rows[from].outKey += 1
          rows[to].inKey += 1
          kf[ta][tb] += 1
        }
      }
    }
    for j in rows.indices where hasMovableTeacher[j] {
      rows[j].keyTarget = inst.rules.keyShare * Double(rows[j].outTeachers)
    }
    schools = rows
    zoneFlows = FlowMatrix(labels: zones, counts: zf)
    tierFlows = FlowMatrix(labels: ["1", "2", "3"], counts: tf)
    keyTierFlows = FlowMatrix(labels: ["1", "2", "3"], counts: kf)
    cadreQuotaRequired = inst.cadreQuotaRequired

    // Shortages.
    var short: [Shortage] = []
    for (t, post) in inst.teacherPosts.enumerated() where ev.teacherPostsAfter[t] < post.posts {
      let sec = inst.sections[post.section]
      let s = inst.schools[sec.school]
      short.append(
        Shortage(
          schoolID: s.id, schoolName: s.name, stage: sec.stage, subject: post.subject, role: nil,
          posts: post.posts, before: post.current, after: ev.teacherPostsAfter[t]))
    }
    for (c, post) in inst.cadrePosts.enumerated() where ev.cadrePostsAfter[c] < post.current {
      let s = inst.schools[post.school]
      short.append(
        Shortage(
          schoolID: s.id, schoolName: s.name, stage: nil, subject: nil, role: post.role,
          posts: post.current, before: post.current, after: ev.cadrePostsAfter[c]))
    }
    shortages = short

    solver = SolverFigures(
      status: outcome.status, objective: outcome.objective, bound: outcome.bound, gap: outcome.gap,
      terms: ev.terms.named, model: outcome.model, heuristicObjective: outcome.heuristicObjective,
      timing: timing)
  }

  /// The (stage, indicator) views: the standard's three indicators and then any other of the
  /// scenario, for every stage that has sections. Counts are taken directly from the plan.
  static func indicatorViews(_ inst: RotationInstance, _ plan: Plan) -> [IndicatorView] {
    var inds = QualityBalanceStandard.indicators
    for m in inst.rules.indicators where !inds.contains(m) { inds.append(m) }
    let objective = Set(inst.rules.indicators)
    var out: [IndicatorView] = []
    for g in Stage.allCases {
      let secs = inst.sections.indices.filter { inst.sections[$0].stage == g }
      if secs.isEmpty { continue }
      var pos = Array(repeating: -1, count: inst.sections.count)
      for (n, k) in secs.enumerated() { pos[k] = n }
      let pupils = secs.reduce(0) { $0 + inst.sections[$1].pupils }
      for m in inds {
        var before = Array(repeating: 0, count: secs.count)
        var after = before
        for i in inst.staff.indices where inst.staff[i].role == .teacher {
          let p = inst.staff[i]
          let k0 = inst.sectionOf[i]
          if k0 >= 0 && pos[k0] >= 0 && m.holds(for: p, in: g) { before[pos[k0]] += 1 }
          let k1 = plan.endSection(i, in: inst)
          if k1 >= 0 && pos[k1] >= 0 && m.holds(for: p, in: g) { after[pos[k1]] += 1 }
        }
        let threshold = QualityBalanceStandard.threshold(m, g)
        let rows = secs.enumerated().map { n, k in
          let s = inst.schools[inst.sections[k].school]
          return SectionIndicator(
            section: k, schoolID: s.id, schoolName: s.name, stage: g, pupils: inst.sections[k].pupils,
            before: before[n], after: after[n], threshold: threshold)
        }
        out.append(
          IndicatorView(
            stage: g, indicator: m, inObjective: objective.contains(m), threshold: threshold,
            sections: rows,
            cvBefore: inst.coefficientOfVariation(counts: before, sections: secs),
            cvAfter: inst.coefficientOfVariation(counts: after, sections: secs),
            cvLimit: QualityBalanceStandard.cvLimit(g),
            meanBefore: 100 * Double(before.reduce(0, +)) / Double(pupils),
            meanAfter: 100 * Double(after.reduce(0, +)) / Double(pupils)))
      }
    }
    return out
  }
}
