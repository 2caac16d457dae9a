import Foundation

extension PersonExplanation {
  static func ordinal(_ n: Int) -> String {
    let suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
    return "\(n)\(suffix)"
  }

  static func percent(_ x: Double) -> String {
    let v = x * 100
    return (v == v.rounded() ? String(Int(v)) : PlanOutputs.fmt(v, 2)) + " %"
  }

  static func num(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
  }

  /// School ids, at most `limit` and then "… (N in all)".
  func schoolList(_ js: [Int], limit: Int = 10) -> String {
    let ids = js.map { inst.schools[$0].id }
    if ids.count <= limit { return ids.joined(separator: ", ") }
    return ids.prefix(limit).joined(separator: ", ") + ", … (\(ids.count) in all)"
  }

  /// The person's header line and attributes.
  func headerLines() -> [String] {
    let p = inst.staff[person]
    let j = inst.schoolOf[person]
    let s = inst.schools[j]
    var what = p.role.code
    if p.role == .teacher {
      what += ", \(p.subject?.rawValue ?? "-"), \(p.stage?.code ?? "-")"
    }
    let group = s.group.map { ", group \($0)" } ?? ""
    var attrs: [String] = []
    if p.role == .teacher {
      attrs.append(p.isKey ? "key teacher (\(p.key.code))" : "not a key teacher")
      if let c = p.cert, c != p.stage { attrs.append("certified for \(c.code)") }
    }
    attrs += ["degree \(p.degree.code)", "title \(p.title.code)", "\(p.gender.code), born \(p.birthYear)"]
    if !p.wishes.isEmpty { attrs.append("wishes \(p.wishes.joined(separator: ";"))") }
    if !p.pastSchools.isEmpty { attrs.append("past schools \(p.pastSchools.joined(separator: ";"))") }
    if !p.avoid.isEmpty { attrs.append("avoids \(p.avoid.joined(separator: ";"))") }
    return [
      "\(p.id) \(p.name): \(what), at \(s.id) \(s.name) (tier \(s.tier), zone \(s.zone)\(group))",
      "  " + attrs.joined(separator: "; "),
    ]
  }

  /// Eligibility and movability with the numbers.
  func eligibilityLines() -> [String] {
    let e = eligibility
    let p = inst.staff[person]
    let which = p.role.isCadre ? "cadre_min_years" : "teacher_min_years"
    var l = ["Eligible (应交流): \(e.eligible ? "yes" : "no")"]
    l.append("  years at the school: \(e.years) \(e.yearsMet ? "≥" : "<") \(which) \(e.minYears)")
    l.append(
      "  age \(inst.scenario.year) − \(p.birthYear) = \(e.age); retirement age (\(p.gender.code)) \(e.retirementAge): "
        + "\(e.yearsToRetirement) years left, \(e.retirementMet ? ">" : "not >") retirement_buffer \(e.retirementBuffer)"
        + (e.retirementMet ? "" : " (near retirement)"))
    l.append("  exempt: " + (e.exemptReason.map { "yes, \($0) (暂缓交流)" } ?? "no"))
    l.append("  volunteer: \(e.volunteer ? "yes" : "no")")
    let why: String
    if e.eligible {
      why = "yes (eligible)"
    } else if e.movable {
      why = "yes (volunteer, not exempt)"
    } else if e.exemptReason != nil {
      why = "no (exempt)"
    } else {
      why = "no (not eligible, not a volunteer)"
    }
    l.append("Movable: \(why)")
    return l
  }

  /// Allowed destinations and the rules that removed the other schools.
  func destinationLines() -> [String] {
    guard inst.movable[person] else { return [] }
    let moves = allowedMoves
    var l: [String] = []
    let places = moves.map { d -> String in
      let dest = inst.destinations[person][d]
      return place(school: dest.school, section: dest.section)
    }
    l.append(
      "Allowed destinations besides staying: \(moves.count)"
        + (moves.isEmpty ? "" : " (" + (places.count <= 10 ? places.joined(separator: ", ") : places.prefix(10).joined(separator: ", ") + ", …") + ")"))
    let other = inst.schools.count - 1
    l.append("  of the other \(other) schools of the district:")
    let p = inst.staff[person]
    let ownTier = inst.schools[inst.schoolOf[person]].tier
    for (rule, js) in rules.byRule() {
      switch rule {
      case .commute:
        let limit = PersonExplanation.num(inst.rules.maxCommuteKm ?? 0)
        let far = js.prefix(10).map { j in
          "\(inst.schools[j].id) \(PlanOutputs.fmt(RotationInstance.km(p.home, inst.schools[j].location) ?? 0, 2)) km"
        }
        l.append(
          "  - \(js.count) beyond max_commute_km \(limit): " + far.joined(separator: ", ")
            + (js.count > 10 ? ", … (\(js.count) in all)" : ""))
      case .keyToSameOrWeaker:
        l.append("  - \(js.count) \(rule.words), tier < own tier \(ownTier): \(schoolList(js))")
      default:
        l.append("  - \(js.count) \(rule.words): \(schoolList(js))")
      }
    }
    if let limit = inst.rules.maxCommuteKm, inst.staff[person].home == nil {
      l.append("  (max_commute_km \(PersonExplanation.num(limit)) does not apply: no home location)")
    }
    if let k = inst.candidateMoves {
      // Allowed by every rule, but not among the person's candidates.
      let kept = Set(inst.destinations[person].map(\.school))
      let js = inst.schools.indices.filter {
        $0 != inst.schoolOf[person] && rules.excluded[$0] == nil && !kept.contains($0)
      }
      if !js.isEmpty {
        l.append(
          "  - \(js.count) allowed, but not among their \(k) cheapest moves kept as candidates "
            + "(the district is too large for every allowed destination): \(schoolList(js))")
      }
    }
    if !rules.avoidanceRemoved.isEmpty {
      let byPartner = Dictionary(grouping: rules.avoidanceRemoved.keys.sorted(), by: { rules.avoidanceRemoved[$0]! })
      for o in byPartner.keys.sorted() {
        let ds = byPartner[o] ?? []
        let what = ds.map { place(school: inst.destinations[person][$0].school, section: inst.destinations[person][$0].section) }
        let stayRemoved = ds.contains { inst.destinations[person][$0].isStay }
        l.append(
          "  - avoidance: \(inst.staff[o].id) \(inst.staff[o].name) cannot move and stays at "
            + "\(inst.schools[inst.schoolOf[o]].id), so \(what.joined(separator: ", ")) "
            + (stayRemoved ? "is removed: they must leave" : "is removed"))
      }
    }
    return l
  }

  /// What the plan does with the person and what it serves.
  func planLines() -> [String] {
    let p = inst.staff[person]
    let j0 = inst.schoolOf[person]
    let k0 = inst.sectionOf[person]
    let from = place(school: j0, section: k0)
    guard let d = destination, moves else {
      var l = ["Plan: stays at \(from)"]
      l += stayReasons().map { "  " + $0 }
      if inst.movable[person], let post = post(school: j0, section: k0) {
        l.append("  " + postLine(post, role: "post held"))
      }
      return l
    }
    let to = place(school: d.school, section: d.section)
    var l = ["Plan: moves \(from) → \(to) (\(inst.schools[d.school].name))"]
    l.append("  reason to be considered: " + (inst.eligible[person] ? "eligible (\(p.years) years at the school)" : "volunteer"))
    let w = inst.weights
    if let r = d.wishRank {
      l.append("  wish: their \(PersonExplanation.ordinal(r)) wish (list \(p.wishes.joined(separator: ";"))): wish cost \(r) − 1 = \(r - 1)")
    } else if !p.wishes.isEmpty {
      l.append("  wish: not on their list (\(p.wishes.joined(separator: ";"))): a miss, wish cost wish_miss \(PersonExplanation.num(w.wishMiss))")
    } else {
      l.append("  wish: gave no wishes (wish cost 0)")
    }
    let stayKm = inst.destinations[person].first?.km
    if let km = d.km {
      l.append(
        "  commute: \(PlanOutputs.fmt(km, 2)) km from home"
          + (stayKm.map { " (now \(PlanOutputs.fmt($0, 2)) km)" } ?? ""))
    } else {
      l.append("  commute: unknown (no home or school location; costs 0)")
    }
    l.append(
      "  cost of the move: wish \(PersonExplanation.num(w.wish)) × \(PersonExplanation.num(d.wishCost)) + commute "
        + "\(PersonExplanation.num(w.commute)) × \(PlanOutputs.fmt(d.km ?? 0, 2)) km + move \(PersonExplanation.num(w.move)) = "
        + PlanOutputs.fmt(inst.cost(d), 3))
    if let post = post(school: d.school, section: d.section) { l.append("  " + postLine(post, role: "post taken")) }
    if let post = post(school: j0, section: k0) { l.append("  " + postLine(post, role: "post left")) }
    if p.role.isCadre {
      let need = inst.cadreQuotaRequired
      let moved = evaluation.movedCadres
      l.append(
        "  district cadre quota: \(need) required (\(PersonExplanation.percent(inst.rules.cadreQuota)) of \(inst.eligibleCadres) eligible cadres), "
          + "\(moved) move with them: " + (moved >= need ? "met" : "short by \(need - moved)")
          + (moved - 1 >= need ? " (met without them too)" : ""))
    } else {
      let home = inst.schools[j0].id
      let req = inst.quotaRequired[j0]
      let moved = evaluation.movedFrom[j0]
      if req > 0 {
        l.append(
          "  teacher quota of \(home): \(req) required (\(PersonExplanation.percent(inst.rules.teacherQuota)) of \(inst.eligibleTeachers[j0]) eligible), "
            + "\(moved) leave with them: " + (moved >= req ? "met" : "short by \(req - moved)")
            + (moved - 1 >= req ? " (met without them too)" : "")
            + "; outflow limit \(inst.outflowLimit[j0])")
      } else {
        l.append("  teacher quota of \(home): none (tier \(inst.schools[j0].tier), \(inst.eligibleTeachers[j0]) eligible); \(moved) leave, outflow limit \(inst.outflowLimit[j0])")
      }
      if p.isKey {
        let kmv = evaluation.movedKeyFrom[j0]
        let need = inst.rules.keyShare * Double(moved)
        l.append(
          "  key share of \(home): \(kmv) key teacher(s) among the \(moved) leaving; "
            + "\(PersonExplanation.percent(inst.rules.keyShare)) of \(moved) = \(PlanOutputs.fmt(need, 2)) needed: "
            + (Double(kmv) >= need - 1e-9 ? "met" : "short"))
        if inst.rules.keyToSameOrWeaker {
          l.append("  key teacher from tier \(inst.schools[j0].tier) to tier \(inst.schools[d.school].tier) (key_to_same_or_weaker)")
        }
      }
      let effects = indicatorEffects()
      if !effects.isEmpty {
        l.append("  balance indicators they count for (section counts before → after, whole plan):")
        for e in effects { l.append("    " + indicatorLine(e)) }
      }
    }
    return l
  }

  func postLine(_ f: PostFigure, role: String) -> String {
    var s = "\(role) \(f.label): posts \(f.posts), \(f.before) before → \(f.after) after (cap \(f.cap))"
    if f.after <= f.posts {
      s += f.shortage > 0 ? ": \(f.shortage) short" : ": every post filled"
      if role != "post left" { s += " (without them \(f.shortage + 1) short)" }
    } else {
      s += ": above the posts"
    }
    return s
  }

  func indicatorLine(_ e: IndicatorEffect) -> String {
    func sc(_ c: SectionCount) -> String {
      var s = "\(c.label) \(c.before) → \(c.after) (\(PlanOutputs.fmt(c.per100After, 3))/100 pupils"
      if let t = c.threshold {
        s += ", \(c.per100After >= t ? "meets" : "below") \(PersonExplanation.num(t))"
      }
      return s + ")"
    }
    let parts = [e.from.map(sc), e.to.map(sc)].compactMap { $0 }
    let cv = "CV \(e.cvBefore.map { PlanOutputs.fmt($0, 4) } ?? "-") → \(e.cvAfter.map { PlanOutputs.fmt($0, 4) } ?? "-")"
    return "\(stageLabel(e.stage.code)) \(indicatorLabel(e.indicator.rawValue)): " + parts.joined(separator: "; ") + "; \(cv)"
  }

  /// The alternatives table: best `k`.
  func alternativeLines(_ k: Int) -> [String] {
    guard plan.choice[person] >= 0, inst.destinations[person].count > 1 else { return [] }
    var l = ["Alternatives (\(alternatives.count) in all, best \(min(k, alternatives.count)) shown):"]
    l.append("  \(PersonExplanation.deltaMethod).")
    if alternatives.isEmpty || k <= 0 { return l }
    var rows: [[String]] = []
    for a in alternatives.prefix(k) {
      let dest = a.isStay ? "stay at \(place(school: a.school, section: a.section))" : place(school: a.school, section: a.section)
      let terms = a.termDeltas.map { "\($0.0) \(PersonExplanation.signed($0.1))" }.joined(separator: ", ")
      rows.append([
        dest, inst.schools[a.school].name, a.wishRank.map { PersonExplanation.ordinal($0) } ?? "-",
        a.km.map { PlanOutputs.fmt($0, 2) } ?? "-", PersonExplanation.signed(a.delta), terms,
        a.feasible ? "feasible" : "breaks alone: " + a.breaks.joined(separator: "; "),
      ])
    }
    let t = TextTable(
      header: ["destination", "name", "wish", "km", "Δ objective", "Δ by term", "hard rules"], rows: rows,
      rightAligned: [3, 4])
    l += t.render().split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "  " + $0 }
    return l
  }

  /// The whole account as text, with the best `k` alternatives.
  public func text(alternatives k: Int = 5) -> String {
    var blocks = [headerLines(), eligibilityLines(), destinationLines(), planLines(), alternativeLines(k)]
    blocks.removeAll { $0.isEmpty }
    return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
  }

  /// The account as one JSON document, with the best `k` alternatives.
  public func json(alternatives k: Int = 5) -> JSONValue {
    let p = inst.staff[person]
    let e = eligibility
    let j0 = inst.schoolOf[person]
    func placeJSON(_ j: Int, _ k: Int) -> [(String, JSONValue)] {
      [("school", .string(inst.schools[j].id)), ("stage", k >= 0 ? .string(inst.sections[k].stage.code) : .null)]
    }
    func postJSON(_ f: PostFigure?) -> JSONValue {
      guard let f else { return .null }
      return .object([
        ("post", .string(f.label)), ("posts", .int(f.posts)), ("before", .int(f.before)),
        ("after", .int(f.after)), ("cap", .int(f.cap)), ("shortage", .int(f.shortage)),
      ])
    }
    let elig: JSONValue = .object([
      ("eligible", .bool(e.eligible)), ("movable", .bool(e.movable)), ("years", .int(e.years)),
      ("min_years", .int(e.minYears)), ("age", .int(e.age)), ("retirement_age", .int(e.retirementAge)),
      ("years_to_retirement", .int(e.yearsToRetirement)), ("retirement_buffer", .int(e.retirementBuffer)),
      ("exempt", e.exemptReason.map { .string($0) } ?? .null), ("volunteer", .bool(e.volunteer)),
    ])
    let excluded: [JSONValue] = rules.byRule().map { rule, js in
      .object([("rule", .string(rule.rawValue)), ("schools", .array(js.map { .string(inst.schools[$0].id) }))])
    }
    let avoid: [JSONValue] = rules.avoidanceRemoved.keys.sorted().map { c in
      let d = inst.destinations[person][c]
      return .object(placeJSON(d.school, d.section) + [("avoids", .string(inst.staff[rules.avoidanceRemoved[c]!].id))])
    }
    let dests: JSONValue = .object([
      ("allowed", .array(allowedMoves.map { c in
        let d = inst.destinations[person][c]
        return .object(placeJSON(d.school, d.section))
      })),
      ("excluded", .array(excluded)),
      ("removed_by_avoidance", .array(avoid)),
    ])
    var planKV: [(String, JSONValue)] = [("moves", .bool(moves))]
    if let d = destination, moves {
      planKV += placeJSON(d.school, d.section).map { ("to_" + $0.0, $0.1) }
      planKV += [
        ("wish_rank", d.wishRank.map { .int($0) } ?? .null), ("commute_km", .num(d.km)),
        ("cost", .num(inst.cost(d))),
        ("post_taken", postJSON(post(school: d.school, section: d.section))),
        ("post_left", postJSON(post(school: j0, section: inst.sectionOf[person]))),
      ]
      if p.role.isCadre {
        planKV.append(
          ("cadre_quota", .object([("required", .int(inst.cadreQuotaRequired)), ("moved", .int(evaluation.movedCadres))])))
      } else {
        planKV.append(
          (
            "teacher_quota",
            .object([
              ("school", .string(inst.schools[j0].id)), ("required", .int(inst.quotaRequired[j0])),
              ("leave", .int(evaluation.movedFrom[j0])), ("key_leave", .int(evaluation.movedKeyFrom[j0])),
              ("outflow_limit", .int(inst.outflowLimit[j0])),
            ])
          ))
        planKV.append(
          (
            "indicators",
            .array(
              indicatorEffects().map { ie in
                func sc(_ c: SectionCount?) -> JSONValue {
                  guard let c else { return .null }
                  return .object([
                    ("section", .string(c.label)), ("before", .int(c.before)), ("after", .int(c.after)),
                    ("per100_after", .num(c.per100After)), ("threshold", .num(c.threshold)),
                  ])
                }
                return .object([
                  ("stage", .string(ie.stage.code)), ("indicator", .string(ie.indicator.rawValue)),
                  ("from", sc(ie.from)), ("to", sc(ie.to)), ("cv_before", .num(ie.cvBefore)),
                  ("cv_after", .num(ie.cvAfter)),
                ])
              })
          ))
      }
    } else {
      planKV += [("at", .object(placeJSON(j0, inst.sectionOf[person]))), ("reasons", .array(stayReasons().map { .string($0) }))]
    }
    let alts: [JSONValue] = alternatives.prefix(max(0, k)).map { a in
      .object(
        placeJSON(a.school, a.section) + [
          ("stay", .bool(a.isStay)), ("wish_rank", a.wishRank.map { .int($0) } ?? .null),
          ("commute_km", .num(a.km)), ("delta", .num(a.delta)),
          ("terms", .object(a.termDeltas.map { ($0.0, JSONValue.num($0.1)) })),
          ("feasible", .bool(a.feasible)), ("breaks", .array(a.breaks.map { .string($0) })),
        ])
    }
    return .object([
      ("staff_id", .string(p.id)), ("name", .string(p.name)), ("role", .string(p.role.code)),
      ("subject", p.subject.map { .string($0.rawValue) } ?? .null),
      ("school", .string(inst.schools[j0].id)),
      ("stage", inst.sectionOf[person] >= 0 ? .string(inst.sections[inst.sectionOf[person]].stage.code) : .null),
      ("eligibility", elig), ("destinations", dests), ("plan", .object(planKV)),
      (
        "alternatives",
        .object([
          ("how", .string(PersonExplanation.deltaMethod)), ("count", .int(alternatives.count)),
          ("shown", .array(alts)),
        ])
      ),
    ])
  }
}
