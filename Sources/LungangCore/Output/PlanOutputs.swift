import Foundation

/// Timings of the phases of a run, in seconds.
public struct Timing: Sendable {
  public var load = 0.0
  public var build = 0.0
  public var solve = 0.0
  public var write = 0.0
  public var total = 0.0
  public init() {}
}

/// The files of the output contract (plan.csv, sections.csv, summary.json) as text.
public struct PlanOutputs {
  public let inst: RotationInstance
  public let outcome: SolveOutcome
  public let timing: Timing
  /// Leave the timing block out of summary.json so that reruns are byte-identical.
  public var omitTiming = false
  /// Names were replaced by pseudonyms (`--redact`); recorded in summary.json.
  public var redacted = false

  public init(_ inst: RotationInstance, _ outcome: SolveOutcome, timing: Timing) {
    self.inst = inst
    self.outcome = outcome
    self.timing = timing
  }

  static func fmt(_ x: Double, _ decimals: Int = 4) -> String {
    let r = String(format: "%.\(decimals)f", x)
    return r == "-" + String(format: "%.\(decimals)f", 0.0) ? String(format: "%.\(decimals)f", 0.0) : r
  }

  /// plan.csv: one row per person who moves, in staff.csv order.
  public func planCSV() -> String {
    var w = CSVWriter()
    w.row([
      "staff_id", "name", "role", "subject", "from_school", "from_stage", "to_school",
      "to_stage", "wish_rank", "commute_km", "reasons",
    ])
    guard let plan = outcome.plan else { return w.text }
    for i in inst.staff.indices where plan.moves(i, in: inst) {
      let p = inst.staff[i]
      let d = inst.destinations[i][plan.choice[i]]
      let cadre = p.role.isCadre
      w.row([
        p.id, p.name, p.role.code, cadre ? "" : (p.subject?.rawValue ?? ""),
        inst.schools[inst.schoolOf[i]].id, cadre ? "" : (p.stage?.code ?? ""),
        inst.schools[d.school].id, cadre ? "" : inst.sections[d.section].stage.code,
        d.wishRank.map(String.init) ?? "", d.km.map { PlanOutputs.fmt($0, 2) } ?? "",
        reasons(i, d),
      ])
    }
    return w.text
  }

  /// Short reasons for a move, in the plan's words.
  func reasons(_ i: Int, _ d: Destination) -> String {
    let p = inst.staff[i]
    var r: [String] = []
    r.append(inst.eligible[i] ? "eligible (\(p.years) years at school)" : "volunteer")
    if let rank = d.wishRank { r.append("wish \(rank)") }
    if p.isKey && !p.role.isCadre {
      let from = inst.schools[inst.schoolOf[i]].tier
      let to = inst.schools[d.school].tier
      r.append(to > from ? "key teacher to a weaker school" : "key teacher")
    }
    if !p.role.isCadre, let ev = outcome.evaluation, let sub = p.subject {
      let tp = inst.teacherPostAt[d.section * RotationInstance.subjectCount + RotationInstance.ordinal(sub)]
      if tp >= 0 && inst.teacherPosts[tp].posts > inst.teacherPosts[tp].current
        && ev.teacherPostsAfter[tp] <= inst.teacherPosts[tp].posts
      {
        r.append("fills a \(sub.rawValue) post")
      }
      if inst.quotaRequired[inst.schoolOf[i]] > 0 { r.append("quota of \(inst.schools[inst.schoolOf[i]].id)") }
    }
    return r.joined(separator: "; ")
  }

  /// sections.csv: per section, pupils, indicators before/after and posts/shortage per subject.
  public func sectionsCSV() -> String {
    let terms = inst.balanceTerms()
    var header = ["school", "name", "stage", "pupils"]
    let inds = inst.rules.indicators
    for m in inds {
      header += [
        "\(m.rawValue)_before", "\(m.rawValue)_after", "\(m.rawValue)_per100_before",
        "\(m.rawValue)_per100_after",
      ]
    }
    header += ["teachers_before", "teachers_after", "posts", "shortage", "posts_by_subject", "shortage_by_subject"]
    var w = CSVWriter()
    w.row(header)
    let ev = outcome.evaluation ?? PlanEvaluation(Plan.allStay(inst), inst, terms: terms)
    for (k, sec) in inst.sections.enumerated() {
      let school = inst.schools[sec.school]
      var row = [school.id, school.name, sec.stage.code, String(sec.pupils)]
      for m in inds {
        guard let t = terms.firstIndex(where: { $0.stage == sec.stage && $0.indicator == m }),
          let pos = terms[t].sections.firstIndex(of: k)
        else {
          row += ["", "", "", ""]
          continue
        }
        let b = ev.indicatorBefore[t][pos]
        let a = ev.indicatorAfter[t][pos]
        row += [
          String(b), String(a), PlanOutputs.fmt(100 * Double(b) / Double(sec.pupils)),
          PlanOutputs.fmt(100 * Double(a) / Double(sec.pupils)),
        ]
      }
      var before = 0
      var after = 0
      var posts = 0
      var short = 0
      var byPosts: [String] = []
      var byShort: [String] = []
      for (t, post) in inst.teacherPosts.enumerated() where post.section == k {
        before += post.current
        after += ev.teacherPostsAfter[t]
        posts += post.posts
        let s = max(0, post.posts - ev.teacherPostsAfter[t])
        short += s
        byPosts.append("\(post.subject.rawValue)=\(post.posts)")
        if s > 0 { byShort.append("\(post.subject.rawValue)=\(s)") }
      }
      row += [
        String(before), String(after), String(posts), String(short),
        byPosts.joined(separator: ";"), byShort.joined(separator: ";"),
      ]
      w.row(row)
    }
    return w.text
  }

  /// summary.json as a JSON value.
  public func summary() -> JSONValue {
    let ev = outcome.evaluation
    let terms = ev?.terms
    var termList: [(String, JSONValue)] = []
    for (name, v) in (terms ?? ObjectiveTerms()).named { termList.append((name, terms == nil ? .null : .num(v))) }
    let teachers = inst.staff.filter { $0.role == .teacher }.count
    let counts: [(String, JSONValue)] = [
      ("staff", .int(inst.staff.count)), ("teachers", .int(teachers)),
      ("cadres", .int(inst.staff.count - teachers)),
      ("eligible", .int(inst.eligible.filter { $0 }.count)),
      ("movable", .int(inst.movable.filter { $0 }.count)),
      ("moved", ev.map { .int($0.moved) } ?? .null),
      ("moved_key", ev.map { .int($0.movedKey) } ?? .null),
      ("moved_cadres", ev.map { .int($0.movedCadres) } ?? .null),
      ("shortage", ev.map { .int($0.shortageHeads) } ?? .null),
      ("quota_missing", ev.map { .int($0.quotaMissing) } ?? .null),
      ("quota_schools", .int(inst.quotaSchools)),
      ("quota_met", ev.map { .int($0.quotaMet(inst)) } ?? .null),
    ]
    // CV per stage and indicator.
    let bterms = inst.balanceTerms()
    var cv: [(String, JSONValue)] = []
    let evalForBefore = ev ?? PlanEvaluation(Plan.allStay(inst), inst, terms: bterms)
    for g in Stage.allCases where inst.sections.contains(where: { $0.stage == g }) {
      var perInd: [(String, JSONValue)] = []
      for m in inst.rules.indicators {
        guard let t = bterms.firstIndex(where: { $0.stage == g && $0.indicator == m }) else { continue }
        let before = inst.coefficientOfVariation(counts: evalForBefore.indicatorBefore[t], sections: bterms[t].sections)
        let after = ev.flatMap { inst.coefficientOfVariation(counts: $0.indicatorAfter[t], sections: bterms[t].sections) }
        perInd.append((m.rawValue, .object([("before", .num(before)), ("after", ev == nil ? .null : .num(after))])))
      }
      cv.append((g.code, .object(perInd)))
    }
    var inputs: [(String, JSONValue)] = []
    let allInputs = inst.district.inputHashes.merging(inst.scenario.inputHashes) { a, _ in a }
    for k in allInputs.keys.sorted() { inputs.append((k, .string(allInputs[k] ?? ""))) }
    var doc: [(String, JSONValue)] = [
      ("scenario", .string(inst.scenario.name)),
      ("scenario_file", inst.scenario.file.map { .string($0.standardizedFileURL.path) } ?? .null),
      ("status", .string(outcome.status.rawValue)),
      (
        "objective",
        .object([
          ("total", .num(outcome.objective)), ("bound", .num(outcome.bound)),
          ("gap", .num(outcome.gap)), ("terms", .object(termList)),
        ])
      ),
      ("counts", .object(counts)),
      ("cv", .object(cv)),
      (
        "model",
        .object([
          ("columns", .int(outcome.model.columns)), ("rows", .int(outcome.model.rows)),
          ("nonzeros", .int(outcome.model.nonzeros)),
          ("integer_columns", .int(outcome.model.integerColumns)),
          ("parts", .int(outcome.model.parts)),
        ])
      ),
    ]
    if !omitTiming {
      doc.append(
        (
          "timing",
          .object([
            ("load_s", .num(round3(timing.load))), ("build_s", .num(round3(timing.build))),
            ("solve_s", .num(round3(timing.solve))), ("write_s", .num(round3(timing.write))),
            ("total_s", .num(round3(timing.total))),
          ])
        ))
    }
    doc.append(("inputs", .object(inputs)))
    doc.append(("versions", .object([("lungang", .string(lungangVersion)), ("glpk", .string(glpkVersion()))])))
    doc.append(("rules", inst.scenario.effectiveJSON()))
    if redacted { doc.append(("redacted", .bool(true))) }
    if !outcome.reasons.isEmpty { doc.append(("reasons", .array(outcome.reasons.map { .string($0) }))) }
    return .object(doc)
  }

  func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

  /// Writes the three files into `dir` atomically (creating it if needed).
  public func write(to dir: URL) throws {
    try writeTables(to: dir)
    try writeSummary(to: dir)
  }

  /// Writes plan.csv and sections.csv (creating `dir`).
  public func writeTables(to dir: URL) throws {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try AtomicFile.write(planCSV(), to: dir.appendingPathComponent("plan.csv"))
    try AtomicFile.write(sectionsCSV(), to: dir.appendingPathComponent("sections.csv"))
  }

  /// Writes summary.json.
  public func writeSummary(to dir: URL) throws {
    try AtomicFile.write(summary().serialized(), to: dir.appendingPathComponent("summary.json"))
  }
}
