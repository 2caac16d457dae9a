import Foundation

/// Which way a figure is better, for marking the best scenario of a row.
public enum Better: String, Sendable {
  case lower, higher, neutral
}

/// One figure of one scenario: a number (with an optional "out of" total), a text, or
/// missing.
public struct FigureValue: Sendable, Equatable {
  /// The number as read (or counted); nil when missing or textual.
  public var number: Double?
  /// For counts "x of n": n.
  public var of: Int?
  /// For textual figures (status, folder).
  public var text: String?

  public static let missing = FigureValue()
  public static func num(_ x: Double?) -> FigureValue { FigureValue(number: x) }
  public static func count(_ x: Int?, of n: Int?) -> FigureValue {
    FigureValue(number: x.map(Double.init), of: n)
  }
  public static func text(_ s: String?) -> FigureValue { FigureValue(text: s) }

  /// What is compared for "best": the number (for "x of n", x).
  var score: Double? { number }
}

/// One row of the comparison: a figure across the scenarios.
public struct ComparisonRow: Sendable {
  /// Stable machine key, e.g. `terms.balance`, `cv.primary.key.after`.
  public var key: String
  /// The group the row belongs to (a heading in the table), "" for none.
  public var group: String
  /// Human label within the group.
  public var label: String
  public var better: Better
  /// Decimals shown in the table and markdown (numbers), -1 for the full value; csv and
  /// json always give the full value.
  public var decimals: Int
  /// The label with its group, for formats without headings (csv).
  public var fullLabel: String {
    let l = label.trimmingCharacters(in: .whitespaces)
    return group.isEmpty ? l : "\(group): \(l)"
  }
  /// One value per scenario, in the order of `ScenarioComparison.folders`.
  public var values: [FigureValue]
  /// Per scenario: true when its value is the best of the row. None is marked when the
  /// row is neutral, fewer than two values exist, or all values are equal.
  public var best: [Bool] {
    guard better != .neutral else { return values.map { _ in false } }
    let scores = values.map(\.score)
    let present = scores.compactMap { $0 }
    guard present.count >= 2, let top = (better == .lower ? present.min() : present.max()),
      present.contains(where: { $0 != top })
    else { return values.map { _ in false } }
    return scores.map { $0 == top }
  }
}

/// Who ends at a school in one scenario but not in the other.
public struct SchoolDifference: Sendable, Equatable {
  /// A person in the difference: id, name, and the school they come from (their own).
  public struct Person: Sendable, Equatable {
    public var staffID: String
    public var name: String
    public var fromSchool: String
    /// True when the person ends here because they stay (do not move) in that scenario.
    public var stays: Bool
  }
  public var school: String
  public var name: String
  /// Ending at the school in A only, sorted by staff id.
  public var onlyA: [Person]
  /// Ending at the school in B only, sorted by staff id.
  public var onlyB: [Person]
}

/// The per-school difference of who ends where between two result folders.
public struct PlacementDiff: Sendable {
  /// Indices of the two folders in `ScenarioComparison.folders`.
  public var a: Int
  public var b: Int
  /// Schools where the two plans differ, sorted by school id.
  public var schools: [SchoolDifference]

  /// Compares the plans of two folders: a person ends at their `to_school` where they are
  /// in plan.csv and at their own school (`from_school` of the other plan) where not. Only
  /// people listed in either plan can differ; schools are compared, not sections.
  public static func between(_ fa: ResultFolder, _ fb: ResultFolder, a: Int, b: Int) -> PlacementDiff? {
    guard let pa = fa.plan, let pb = fb.plan else { return nil }
    var rowA: [String: PlanRow] = [:]
    var rowB: [String: PlanRow] = [:]
    for r in pa { rowA[r.staffID] = r }
    for r in pb { rowB[r.staffID] = r }
    var names: [String: String] = [:]
    for s in (fb.sections ?? []) + (fa.sections ?? []) { names[s.school] = s.name }
    var onlyA: [String: [SchoolDifference.Person]] = [:]
    var onlyB: [String: [SchoolDifference.Person]] = [:]
    for id in Set(rowA.keys).union(rowB.keys) {
      guard let any = rowA[id] ?? rowB[id] else { continue }
      let home = any.fromSchool
      let endA = rowA[id]?.toSchool ?? home
      let endB = rowB[id]?.toSchool ?? home
      if endA == endB { continue }
      onlyA[endA, default: []].append(
        SchoolDifference.Person(staffID: id, name: any.name, fromSchool: home, stays: rowA[id] == nil))
      onlyB[endB, default: []].append(
        SchoolDifference.Person(staffID: id, name: any.name, fromSchool: home, stays: rowB[id] == nil))
    }
    let schools = Set(onlyA.keys).union(onlyB.keys).sorted()
    let diffs = schools.map { j in
      SchoolDifference(
        school: j, name: names[j] ?? "",
        onlyA: (onlyA[j] ?? []).sorted { $0.staffID < $1.staffID },
        onlyB: (onlyB[j] ?? []).sorted { $0.staffID < $1.staffID })
    }
    return PlacementDiff(a: a, b: b, schools: diffs)
  }
}

/// The scenarios of several result folders side by side: every figure of summary.json that
/// matters to a planner, wishes and commutes from plan.csv, sections meeting the 优质均衡
/// thresholds from sections.csv, with the best value of each row marked.
public struct ScenarioComparison: @unchecked Sendable {
  public var folders: [ResultFolder]
  public var rows: [ComparisonRow]
  /// Per-school differences (each requested pair).
  public var diffs: [PlacementDiff] = []

  /// 优质均衡 thresholds per 100 pupils (national standard for 县域义务教育优质均衡):
  /// teachers with a higher-than-required degree 4.2 (primary) / 5.3 (junior), key teachers
  /// 1.0, PE and arts teachers 0.9. `senior_title` has none.
  public static func threshold(_ indicator: String, stage: String) -> Double? {
    switch indicator {
    case "higher_degree": return stage == "primary" ? 4.2 : stage == "junior" ? 5.3 : nil
    case "key": return 1.0
    case "pe_arts": return 0.9
    default: return nil
    }
  }

  /// Column titles: the scenario names of summary.json, made unique with the folder when two
  /// folders hold the same scenario.
  public var titles: [String] {
    let names = folders.map(\.scenario)
    return folders.enumerated().map { n, f in
      names.filter { $0 == f.scenario }.count > 1 ? "\(f.scenario) (\(f.path))" : f.scenario
    }
  }

  /// Builds the rows from the folders; `diffPairs` are (a, b) indices to diff.
  public init(_ folders: [ResultFolder], diffPairs: [(Int, Int)] = []) {
    self.folders = folders
    var rows: [ComparisonRow] = []
    var group = ""
    func row(_ key: String, _ label: String, _ better: Better, _ decimals: Int, _ f: (ResultFolder) -> FigureValue) {
      rows.append(
        ComparisonRow(key: key, group: group, label: label, better: better, decimals: decimals, values: folders.map(f)))
    }
    func int(_ x: Double?) -> Int? { x.map { Int($0.rounded()) } }
    row("folder", "folder", .neutral, 0) { .text($0.path) }
    row("status", "status", .neutral, 0) { .text($0.value(["status"]) as? String) }
    row("objective.total", "objective total", .lower, 3) { .num($0.number("objective", "total")) }
    row("objective.bound", "  bound", .neutral, 3) { .num($0.number("objective", "bound")) }
    row("objective.gap", "  gap", .lower, -1) { .num($0.number("objective", "gap")) }
    group = "objective terms"
    for t in ["shortage", "quota", "key_share", "cadre_quota", "balance", "wish", "commute", "move"] {
      row("terms.\(t)", t, .lower, 3) { .num($0.number("objective", "terms", t)) }
    }
    group = "people"
    row("counts.eligible", "eligible 应交流", .neutral, 0) { .num($0.number("counts", "eligible")) }
    row("counts.movable", "movable", .neutral, 0) { .num($0.number("counts", "movable")) }
    row("counts.moved", "moved 交流人数", .neutral, 0) { .num($0.number("counts", "moved")) }
    row("counts.moved_key", "key teachers moved 骨干", .higher, 0) { .num($0.number("counts", "moved_key")) }
    row("counts.moved_cadres", "cadres moved 干部", .higher, 0) { .num($0.number("counts", "moved_cadres")) }
    row("counts.quota_met", "schools meeting teacher quota", .higher, 0) {
      .count(int($0.number("counts", "quota_met")), of: int($0.number("counts", "quota_schools")))
    }
    row("counts.quota_missing", "quota missing (teachers)", .lower, 0) { .num($0.number("counts", "quota_missing")) }
    row("counts.shortage", "post shortage (heads)", .lower, 0) { .num($0.number("counts", "shortage")) }
    group = "movers: wishes and commutes"
    row("wishes.first", "first wish granted", .higher, 0) { f in
      guard let p = f.plan else { return .missing }
      return .count(p.filter { $0.wishRank == 1 }.count, of: p.count)
    }
    row("wishes.any", "any wish granted", .higher, 0) { f in
      guard let p = f.plan else { return .missing }
      return .count(p.filter { $0.wishRank != nil }.count, of: p.count)
    }
    row("commute.mean_km", "commute mean km", .lower, 2) { f in
      let km = f.plan?.compactMap(\.commuteKm) ?? []
      return km.isEmpty ? .missing : .num(km.reduce(0, +) / Double(km.count))
    }
    row("commute.max_km", "commute max km", .lower, 2) { f in
      .num(f.plan?.compactMap(\.commuteKm).max())
    }
    // CVs: every (stage, indicator) any summary has, in the order first met.
    var cvKeys: [(String, String)] = []
    for f in folders {
      guard let cv = f.value(["cv"]) as? [String: Any] else { continue }
      for g in ["primary", "junior"] {
        guard let byInd = cv[g] as? [String: Any] else { continue }
        for m in ["higher_degree", "key", "pe_arts", "senior_title"] where byInd[m] != nil {
          if !cvKeys.contains(where: { $0 == (g, m) }) { cvKeys.append((g, m)) }
        }
      }
    }
    cvKeys.sort { (stageOrder($0.0), indicatorOrder($0.1)) < (stageOrder($1.0), indicatorOrder($1.1)) }
    for (g, m) in cvKeys {
      group = "CV \(stageLabel(g)) (student-weighted)"
      let label = indicatorLabel(m)
      row("cv.\(g).\(m).before", "\(label) before", .neutral, 4) { .num($0.number("cv", g, m, "before")) }
      row("cv.\(g).\(m).after", "\(label) after", .lower, 4) { .num($0.number("cv", g, m, "after")) }
    }
    // Sections meeting each threshold, from sections.csv.
    var thrKeys: [(String, String)] = []
    for f in folders {
      for s in f.sections ?? [] {
        for m in s.per100After.keys where ScenarioComparison.threshold(m, stage: s.stage) != nil {
          if !thrKeys.contains(where: { $0 == (s.stage, m) }) { thrKeys.append((s.stage, m)) }
        }
      }
    }
    thrKeys.sort { (stageOrder($0.0), indicatorOrder($0.1)) < (stageOrder($1.0), indicatorOrder($1.1)) }
    for (g, m) in thrKeys {
      guard let limit = ScenarioComparison.threshold(m, stage: g) else { continue }
      group = "\(stageLabel(g)): sections meeting 优质均衡 per 100 pupils"
      let label = "\(indicatorLabel(m)) ≥ \(limit)"
      func meeting(_ f: ResultFolder, after: Bool) -> FigureValue {
        guard let secs = f.sections else { return .missing }
        let stageSecs = secs.filter { $0.stage == g }
        let ratios = stageSecs.compactMap { after ? $0.per100After[m] : $0.per100Before[m] }
        guard ratios.count == stageSecs.count, !stageSecs.isEmpty else { return .missing }
        return .count(ratios.filter { $0 >= limit }.count, of: stageSecs.count)
      }
      row("sections_meeting.\(g).\(m).before", "\(label) before", .neutral, 0) { meeting($0, after: false) }
      row("sections_meeting.\(g).\(m).after", "\(label) after", .higher, 0) { meeting($0, after: true) }
    }
    group = ""
    row("timing.total_s", "time total s", .lower, 1) { .num($0.number("timing", "total_s")) }
    self.rows = rows
    self.diffs = diffPairs.compactMap { PlacementDiff.between(folders[$0.0], folders[$0.1], a: $0.0, b: $0.1) }
  }
}

func stageOrder(_ g: String) -> Int { g == "primary" ? 0 : g == "junior" ? 1 : 2 }
func indicatorOrder(_ m: String) -> Int {
  ["higher_degree", "key", "pe_arts", "senior_title"].firstIndex(of: m) ?? 9
}
func stageLabel(_ g: String) -> String {
  g == "primary" ? "小学 primary" : g == "junior" ? "初中 junior" : g
}
func indicatorLabel(_ m: String) -> String {
  switch m {
  case "higher_degree": return "高学历 higher_degree"
  case "key": return "骨干 key"
  case "pe_arts": return "体艺 pe_arts"
  case "senior_title": return "高级职称 senior_title"
  default: return m
  }
}
