import Foundation
import GLPKKit

/// Says why the hard rules admit no plan, in a personnel officer's words, by elastic
/// re-solves: the rows of one hard rule family at a time get penalised slack, and the fewest
/// units of slack that admit a plan name the posts, schools and people in conflict.
///
/// "One destination each" is never relaxed (staying is always a destination); post caps,
/// cadre post caps, the outflow limit and avoidance are. Each elastic model minimises the
/// total slack alone (the plan's own costs are dropped), so its optimum is the smallest
/// change to that family that would let a plan exist.
public enum ConflictExplainer {
  /// A hard rule family that can be relaxed: row-name prefix and its words.
  public struct Family: Sendable, Hashable {
    public var prefix: String
    public var words: String
  }

  /// The relaxable families, in the order they are reported.
  public static let families: [Family] = [
    Family(prefix: "avoid", words: "avoidance (rule 7)"),
    Family(prefix: "post", words: "teacher post caps (rule 2)"),
    Family(prefix: "cpost", words: "cadre post caps (rule 2)"),
    Family(prefix: "outflow", words: "the outflow limit (rule 5)"),
  ]

  /// The family of a row name: the text before the first `_`.
  static func family(of rowName: String) -> String { String(rowName.prefix { $0 != "_" }) }

  /// Explains one part of the model that has no plan. `part` is the part's place in the
  /// whole model; `sub` is its sub-model (rows named as in `Formulation`). Runs GLPK on the
  /// calling thread, which must be a GLPK thread.
  static func explain(
    _ form: Formulation, _ inst: RotationInstance, part: Decomposition.Part, sub: SparseModel,
    timeLimit: Double
  ) -> String {
    var people = Set<Int>()
    for c in part.columns where c < form.assignCount { people.insert(Int(form.assignPerson[c])) }
    let schools = Set(people.map { inst.schoolOf[$0] }).sorted()
    let shown = schools.prefix(8).map { inst.schools[$0].id }.joined(separator: ", ")
      + (schools.count > 8 ? " and \(schools.count - 8) more" : "")
    var lines = [
      "the hard rules admit no plan for the \(people.count) people who may move at schools \(shown):"
    ]
    // Avoidance with someone who cannot move is applied before solving, so it has no rows to
    // relax: name those pairs directly.
    let removals = form.avoidRemovals.filter { people.contains($0.mover) }
    for r in removals.prefix(10) {
      let staying = inst.schoolOf[r.mover] == r.school
      lines.append(
        "  - avoidance (rule 7): \(inst.staff[r.mover].name) (\(inst.staff[r.mover].id)) may not "
          + (staying ? "stay at" : "go to") + " \(inst.schools[r.school].name) (\(inst.schools[r.school].id)), "
          + "where \(inst.staff[r.fixed].name) (\(inst.staff[r.fixed].id)), whom they avoid, cannot move from")
    }
    if removals.count > 10 { lines.append("  - avoidance (rule 7): \(removals.count - 10) more such pairs") }
    let present = Set(sub.rowNames.map(family(of:)))
    let deadline = Date().addingTimeInterval(timeLimit)
    var anyAlone = false
    var undecided = false
    for f in families where present.contains(f.prefix) {
      let budget = max(0.5, deadline.timeIntervalSinceNow / 2)
      switch elastic(sub, relax: [f.prefix], timeLimit: budget) {
      case .relaxed(let rows):
        anyAlone = true
        let changes = rows.map { describe(sub.rowNames[$0.row], amount: $0.amount, inst) }
        lines.append("  - \(f.words): relaxing it alone would admit a plan, with the fewest changes being: "
          + changes.joined(separator: "; "))
      case .noPlan:
        lines.append("  - \(f.words): relaxing it alone would not admit a plan")
      case .unknown:
        undecided = true
        lines.append("  - \(f.words): involved; no relaxation found within the time allowed")
      }
    }
    if !anyAlone && !undecided {
      if case .relaxed(let rows) = elastic(
        sub, relax: Set(families.map(\.prefix)), timeLimit: max(0.5, deadline.timeIntervalSinceNow))
      {
        lines.append(
          "  - together, the fewest changes that would admit a plan: "
            + rows.map { describe(sub.rowNames[$0.row], amount: $0.amount, inst) }.joined(separator: "; "))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// What an elastic re-solve found.
  enum ElasticResult: Equatable {
    /// A plan exists once these rows (sub-model indices) take this much slack.
    case relaxed([RowSlack])
    /// Even with those rows relaxed there is no plan.
    case noPlan
    /// The solve stopped before it could tell.
    case unknown
  }

  /// A row and the slack it needs.
  struct RowSlack: Equatable {
    var row: Int
    var amount: Double
  }

  /// Solves `m` with slack on every row whose family is in `relax`, minimising total slack.
  static func elastic(_ m: SparseModel, relax: Set<String>, timeLimit: Double) -> ElasticResult {
    var e = m
    for c in 0..<e.columnCount { e.objective[c] = 0 }
    e.objectiveConstant = 0
    var slackRow: [Int: Int] = [:]
    for r in 0..<m.rowCount where relax.contains(family(of: m.rowNames[r])) {
      // Every relaxable row is an upper bound: Σ a·x − s ≤ u.
      guard m.rowUpper[r].isFinite else { continue }
      let s = e.addColumn("slack_\(m.rowNames[r])", lower: 0, upper: .infinity, integer: true, cost: 1)
      e.entryRow.append(Int32(r))
      e.entryColumn.append(Int32(s))
      e.entryValue.append(-1)
      slackRow[s] = r
    }
    do {
      let p = try RotationSolver.load(e)
      var opt = MIPOptions()
      opt.cuts = .all
      opt.rootLP.method = .dualPrimal
      opt.rootLP.longStep = true
      opt.messageLevel = .off
      opt.timeLimit = max(0.1, timeLimit)
      let r = p.solveMIP(opt)
      switch r.termination {
      case .optimal, .gapLimit:
        guard r.primalStatus == .feasiblePoint else { return .unknown }
        var rows: [RowSlack] = []
        for (s, row) in slackRow.sorted(by: { $0.key < $1.key }) where r.columnValues[s + 1] > 0.5 {
          rows.append(RowSlack(row: row, amount: r.columnValues[s + 1].rounded()))
        }
        return .relaxed(rows)
      case .infeasible, .noPrimalFeasible: return .noPlan
      default: return .unknown
      }
    } catch {
      return .unknown
    }
  }

  /// A row of a hard family, relaxed by `amount`, in words.
  static func describe(_ rowName: String, amount: Double, _ inst: RotationInstance) -> String {
    let tokens = rowName.split(separator: "_").map(String.init)
    func index(_ letter: Character, _ t: String) -> Int? {
      guard t.first == letter else { return nil }
      return Int(t.dropFirst())
    }
    func school(_ j: Int) -> String { "\(inst.schools[j].name) (\(inst.schools[j].id))" }
    func person(_ i: Int) -> String { "\(inst.staff[i].name) (\(inst.staff[i].id))" }
    let n = Int(amount)
    switch family(of: rowName) {
    case "post":
      guard tokens.count >= 3, let k = index("k", tokens[1]), k < inst.sections.count,
        let subject = Subject(rawValue: tokens[2...].joined(separator: "_"))
      else { break }
      let sec = inst.sections[k]
      let tp = inst.teacherPostAt[k * RotationInstance.subjectCount + RotationInstance.ordinal(subject)]
      let cap = tp >= 0 ? inst.teacherPosts[tp].cap : 0
      return "\(n) more \(subject.rawValue) post\(n == 1 ? "" : "s") in the \(sec.stage.code) section of "
        + "\(school(sec.school)) (its cap is \(cap))"
    case "cpost":
      guard tokens.count >= 3, let j = index("j", tokens[1]), j < inst.schools.count else { break }
      let role = tokens[2...].joined(separator: "_")
      return "\(n) more \(role) post\(n == 1 ? "" : "s") at \(school(j))"
    case "outflow":
      guard tokens.count >= 2, let j = index("j", tokens[1]), j < inst.schools.count else { break }
      return "\(n) more teacher\(n == 1 ? "" : "s") leaving \(school(j)) than its outflow limit of "
        + "\(inst.outflowLimit[j])"
    case "avoid":
      guard tokens.count >= 4, let a = index("p", tokens[1]), let b = index("p", tokens[2]),
        let j = index("j", tokens[3]), a < inst.staff.count, b < inst.staff.count, j < inst.schools.count
      else { break }
      return "\(person(a)) and \(person(b)), who avoid each other, both ending at \(school(j))"
    default: break
    }
    return "\(rowName) by \(n)"
  }
}
