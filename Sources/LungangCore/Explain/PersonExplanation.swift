import Foundation

/// Why one person is where a plan puts them, with the numbers: eligibility, movability, the
/// rules that shaped their allowed destinations, what their place in the plan serves, and
/// the exact objective change of each alternative destination.
///
/// Alternatives: for each allowed destination d other than the plan's, Δ = total(plan with
/// only this person sent to d, everyone else unchanged) − total(plan), both totals
/// recomputed in full by `PlanEvaluation` (not an LP reduced cost). When that single change
/// breaks a hard rule (a post cap, the outflow limit, avoidance), the rule is named and the
/// alternative is not offered as feasible.
public struct PersonExplanation: Sendable {
  /// Eligibility (应交流) and movability with the figures behind them.
  public struct Eligibility: Sendable, Hashable {
    public var years: Int
    /// teacher_min_years or cadre_min_years.
    public var minYears: Int
    /// year − birth_year.
    public var age: Int
    /// retirement_age of the person's gender.
    public var retirementAge: Int
    public var retirementBuffer: Int
    public var exemptReason: String?
    public var volunteer: Bool
    public var eligible: Bool
    public var movable: Bool
    public var yearsMet: Bool { years >= minYears }
    /// retirement_age − age.
    public var yearsToRetirement: Int { retirementAge - age }
    /// Strictly more than the buffer.
    public var retirementMet: Bool { yearsToRetirement > retirementBuffer }
  }

  /// A teaching post (section, subject) or cadre post (school, role) in the plan.
  public struct PostFigure: Sendable, Hashable {
    /// `A/primary math` or `A principal`.
    public var label: String
    public var posts: Int
    public var before: Int
    public var after: Int
    public var cap: Int
    /// max(0, posts − after).
    public var shortage: Int { max(0, posts - after) }
  }

  /// A balance indicator the person counts for, in the section they leave and the one they
  /// end in (the whole plan's counts).
  public struct IndicatorEffect: Sendable, Hashable {
    public var stage: Stage
    public var indicator: Indicator
    /// Section labels and counts (before → after), per 100 pupils after; nil when the person
    /// does not count there (e.g. higher degree in a junior section).
    public var from: SectionCount?
    public var to: SectionCount?
    /// The stage's student-weighted CV before and after (whole plan).
    public var cvBefore: Double?
    public var cvAfter: Double?
  }

  /// An indicator count of one section before and after the plan.
  public struct SectionCount: Sendable, Hashable {
    public var label: String
    public var before: Int
    public var after: Int
    public var per100After: Double
    /// The 优质均衡 threshold per 100 pupils, when the indicator has one.
    public var threshold: Double?
  }

  /// One alternative destination and the exact change of the objective.
  public struct Alternative: Sendable {
    /// Index into `inst.destinations[person]`.
    public var destination: Int
    public var school: Int
    public var section: Int
    public var isStay: Bool
    public var wishRank: Int?
    public var km: Double?
    /// total(changed plan) − total(plan).
    public var delta: Double
    /// Changes of the terms that move (name, Δ), in the order of the output contract.
    public var termDeltas: [(String, Double)]
    /// Hard rules the single change breaks (empty: a feasible plan).
    public var breaks: [String]
    public var feasible: Bool { breaks.isEmpty }
  }

  /// How Δ is computed, in words, for the output.
  public static let deltaMethod =
    "Δ = total objective of the plan with only this person sent there (everyone else unchanged) "
    + "minus the plan's total; both totals recomputed in full from who ends where (PlanEvaluation), "
    + "not an LP reduced cost"

  public let inst: RotationInstance
  public let plan: Plan
  /// Staff index.
  public let person: Int
  public let eligibility: Eligibility
  public let rules: DestinationRules
  /// The plan's evaluation.
  public let evaluation: PlanEvaluation
  /// Every alternative, feasible ones first, then by Δ, school id and stage.
  public let alternatives: [Alternative]

  /// The destination of the plan (nil for a person who is not movable).
  public var destination: Destination? {
    let c = plan.choice[person]
    return c >= 0 ? inst.destinations[person][c] : nil
  }
  public var moves: Bool { plan.moves(person, in: inst) }

  /// Explains person `i` in `plan`.
  public init(_ inst: RotationInstance, plan: Plan, person i: Int) {
    self.inst = inst
    self.plan = plan
    self.person = i
    let p = inst.staff[i]
    let r = inst.rules
    eligibility = Eligibility(
      years: p.years, minYears: p.role.isCadre ? r.cadreMinYears : r.teacherMinYears,
      age: inst.scenario.year - p.birthYear, retirementAge: r.retirementAge(p.gender),
      retirementBuffer: r.retirementBuffer, exemptReason: p.exemptReason, volunteer: p.volunteer,
      eligible: inst.eligible[i], movable: inst.movable[i])
    rules = DestinationRules(inst, person: i)
    let bal = inst.balanceTerms()
    let base = PlanEvaluation(plan, inst, terms: bal)
    evaluation = base
    var alts: [Alternative] = []
    let current = plan.choice[i]
    if current >= 0 {
      let baseViolations = Set(base.violations)
      for (c, d) in inst.destinations[i].enumerated() where c != current {
        var changed = plan
        changed.choice[i] = c
        let ev = PlanEvaluation(changed, inst, terms: bal)
        let before = Dictionary(uniqueKeysWithValues: base.terms.named)
        let deltas = ev.terms.named.map { ($0.0, $0.1 - (before[$0.0] ?? 0)) }.filter { abs($0.1) > 1e-9 }
        alts.append(
          Alternative(
            destination: c, school: d.school, section: d.section, isStay: d.isStay,
            wishRank: d.wishRank, km: d.km, delta: ev.terms.total - base.terms.total,
            termDeltas: deltas, breaks: ev.violations.filter { !baseViolations.contains($0) }))
      }
    }
    let schools = inst.schools
    let sections = inst.sections
    alts.sort { a, b in
      if a.feasible != b.feasible { return a.feasible }
      if a.delta != b.delta { return a.delta < b.delta }
      if schools[a.school].id != schools[b.school].id { return schools[a.school].id < schools[b.school].id }
      return (a.section >= 0 ? sections[a.section].stage.rawValue : 0) < (b.section >= 0 ? sections[b.section].stage.rawValue : 0)
    }
    alternatives = alts
  }

  // MARK: facts of the plan

  /// `A/primary` for a section, `A` for a school.
  public func place(school j: Int, section k: Int) -> String {
    k >= 0 ? "\(inst.schools[j].id)/\(inst.sections[k].stage.code)" : inst.schools[j].id
  }

  /// The teaching post of the person's subject in section k, or the cadre post of their role
  /// at school j, as the plan leaves it.
  public func post(school j: Int, section k: Int) -> PostFigure? {
    let p = inst.staff[person]
    if p.role.isCadre {
      let c = j * 2 + (p.role == .principal ? 0 : 1)
      let cp = inst.cadrePosts[c]
      return PostFigure(
        label: "\(inst.schools[j].id) \(p.role.code)", posts: cp.current, before: cp.current,
        after: evaluation.cadrePostsAfter[c], cap: cp.current)
    }
    guard k >= 0, let sub = p.subject else { return nil }
    let tp = inst.teacherPostAt[k * RotationInstance.subjectCount + RotationInstance.ordinal(sub)]
    guard tp >= 0 else { return nil }
    let t = inst.teacherPosts[tp]
    return PostFigure(
      label: "\(place(school: j, section: k)) \(sub.rawValue)", posts: t.posts, before: t.current,
      after: evaluation.teacherPostsAfter[tp], cap: t.cap)
  }

  /// The balance indicators the person counts for where they were and where they end.
  public func indicatorEffects() -> [IndicatorEffect] {
    let p = inst.staff[person]
    guard p.role == .teacher else { return [] }
    let k0 = inst.sectionOf[person]
    let k1 = plan.endSection(person, in: inst)
    var out: [IndicatorEffect] = []
    for (t, term) in inst.balanceTerms().enumerated() {
      func count(_ k: Int) -> SectionCount? {
        guard k >= 0, inst.sections[k].stage == term.stage, term.indicator.holds(for: p, in: term.stage),
          let pos = term.sections.firstIndex(of: k)
        else { return nil }
        let sec = inst.sections[k]
        return SectionCount(
          label: place(school: sec.school, section: k), before: evaluation.indicatorBefore[t][pos],
          after: evaluation.indicatorAfter[t][pos],
          per100After: 100 * Double(evaluation.indicatorAfter[t][pos]) / Double(sec.pupils),
          threshold: ScenarioComparison.threshold(term.indicator.rawValue, stage: term.stage.code))
      }
      let from = count(k0)
      let to = k1 != k0 ? count(k1) : nil
      if from == nil && to == nil { continue }
      out.append(
        IndicatorEffect(
          stage: term.stage, indicator: term.indicator, from: from, to: to,
          cvBefore: inst.coefficientOfVariation(counts: evaluation.indicatorBefore[t], sections: term.sections),
          cvAfter: inst.coefficientOfVariation(counts: evaluation.indicatorAfter[t], sections: term.sections)))
    }
    return out
  }

  /// Allowed destinations other than staying, after avoidance.
  public var allowedMoves: [Int] {
    guard inst.movable[person] else { return [] }
    return inst.destinations[person].indices.filter {
      !inst.destinations[person][$0].isStay && rules.avoidanceRemoved[$0] == nil
    }
  }

  /// Why a person stays, in words (empty for a mover).
  public func stayReasons() -> [String] {
    if moves { return [] }
    let e = eligibility
    let p = inst.staff[person]
    if !e.movable {
      if let why = e.exemptReason { return ["exempt this year (暂缓交流): \(why)"] }
      var r: [String] = []
      if !e.yearsMet { r.append("\(e.years) years at the school, fewer than \(p.role.isCadre ? "cadre" : "teacher")_min_years \(e.minYears)") }
      if !e.retirementMet {
        r.append("near retirement: \(e.yearsToRetirement) years to retirement age \(e.retirementAge), not more than retirement_buffer \(e.retirementBuffer)")
      }
      r.append("not a volunteer")
      return ["not movable: " + r.joined(separator: "; ")]
    }
    if inst.destinations[person].count <= 1 {
      return ["movable, but no allowed destination: every other school is excluded by the rules above"]
    }
    if allowedMoves.isEmpty {
      return ["movable, but every allowed destination is where someone they avoid stays (avoidance)"]
    }
    var r: [String] = []
    let j0 = inst.schoolOf[person]
    let home = inst.schools[j0].id
    if p.role.isCadre {
      let need = inst.cadreQuotaRequired
      r.append(
        evaluation.movedCadres >= need
          ? "the district cadre quota is met without them: \(evaluation.movedCadres) cadres move, \(need) required"
          : "the district cadre quota is short: \(evaluation.movedCadres) cadres move, \(need) required")
    } else {
      let req = inst.quotaRequired[j0]
      let moved = evaluation.movedFrom[j0]
      if req == 0 {
        r.append("\(home) has no teacher quota (\(inst.eligibleTeachers[j0]) eligible teachers, tier \(inst.schools[j0].tier))")
      } else if moved >= req {
        r.append("\(home)'s teacher quota is met without them: \(moved) leave, \(req) required")
      } else {
        r.append("\(home)'s teacher quota is short: \(moved) leave, \(req) required")
      }
      if moved >= inst.outflowLimit[j0] {
        r.append("\(home)'s outflow limit is reached: \(moved) of at most \(inst.outflowLimit[j0]) teachers leave")
      }
    }
    let shown = alternatives.filter { !$0.isStay }
    if let best = shown.first(where: \.feasible) {
      r.append(
        "no single move is better: the best, to \(place(school: best.school, section: best.section)), "
          + "changes the objective by \(PersonExplanation.signed(best.delta))")
    } else if !shown.isEmpty {
      r.append("every single move alone breaks a hard rule (it would need others to move too)")
    }
    return r
  }

  /// A signed number with 3 decimals: `+12.500`, `−0.500`, `0.000`.
  public static func signed(_ x: Double) -> String {
    let s = PlanOutputs.fmt(abs(x), 3)
    if s == PlanOutputs.fmt(0, 3) { return s }
    return (x < 0 ? "−" : "+") + s
  }
}
