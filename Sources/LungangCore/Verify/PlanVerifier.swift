import Foundation

/// Checks a written plan against the rules and its summary.json, without GLPK: re-reads
/// plan.csv, rebuilds who ends where, evaluates every rule and term directly
/// (`PlanEvaluation`) and compares each figure of summary.json.
public enum PlanVerifier {
  /// Problems found, in words; empty when the plan and its summary are right.
  public static func verify(_ inst: RotationInstance, resultDir: URL) -> [String] {
    var problems: [String] = []
    let planURL = resultDir.appendingPathComponent("plan.csv")
    guard let data = FileManager.default.contents(atPath: planURL.path) else {
      return ["\(planURL.path): cannot read"]
    }
    let (table, diags) = CSVReader.parse([UInt8](data), file: "plan.csv")
    problems += diags.filter { $0.severity == .error }.map(\.description)
    var plan = Plan.allStay(inst)
    let header = table.header.map { $0.lowercased() }
    func col(_ name: String) -> Int? { header.firstIndex(of: name) }
    guard let cID = col("staff_id"), let cTo = col("to_school"), let cStage = col("to_stage") else {
      return problems + ["plan.csv: missing staff_id, to_school or to_stage column"]
    }
    var seen = Set<String>()
    var moves: [String: RuleCheck.Place] = [:]
    for (r, record) in table.records.enumerated() {
      let id = table.value(r, cID)
      let where_ = "plan.csv:\(record.line)"
      guard let i = inst.staffIndex[id] else { problems.append("\(where_): unknown staff \(id)"); continue }
      if !seen.insert(id).inserted { problems.append("\(where_): \(id) listed twice") }
      guard inst.movable[i] else { problems.append("\(where_): \(id) is not movable"); continue }
      let to = table.value(r, cTo)
      let stage = table.value(r, cStage)
      moves[id] = RuleCheck.Place(school: to, stage: Stage.allCases.first { $0.code == stage })
      guard let j = inst.schoolIndex[to] else { problems.append("\(where_): unknown school \(to)"); continue }
      let match = inst.destinations[i].firstIndex { d in
        !d.isStay && d.school == j
          && (d.section < 0 || inst.sections[d.section].stage.code == stage)
      }
      guard let m = match else {
        problems.append("\(where_): \(to)/\(stage) is not an allowed destination of \(id)")
        continue
      }
      plan.choice[i] = m
    }
    problems += RuleCheck.problems(district: inst.district, scenario: inst.scenario, moves: moves)
      .map { "rule violated: \($0)" }
    let ev = PlanEvaluation(plan, inst)
    problems += ev.violations.map { "rule violated: \($0)" }
    // summary.json figures.
    let sumURL = resultDir.appendingPathComponent("summary.json")
    guard let sdata = FileManager.default.contents(atPath: sumURL.path),
      let doc = (try? JSONSerialization.jsonObject(with: sdata)) as? [String: Any]
    else { return problems + ["\(sumURL.path): cannot read"] }
    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)) }
    let objective = doc["objective"] as? [String: Any] ?? [:]
    let terms = objective["terms"] as? [String: Any] ?? [:]
    for (name, value) in ev.terms.named {
      let written = (terms[name] as? NSNumber)?.doubleValue
      if written == nil || !near(written ?? .nan, value) {
        problems.append("summary.json: term \(name) is \(written.map { "\($0)" } ?? "missing"), the plan gives \(value)")
      }
    }
    let total = (objective["total"] as? NSNumber)?.doubleValue
    if total == nil || !near(total ?? .nan, ev.terms.total) {
      problems.append("summary.json: total is \(total.map { "\($0)" } ?? "missing"), the plan gives \(ev.terms.total)")
    }
    let counts = doc["counts"] as? [String: Any] ?? [:]
    let expected: [(String, Int)] = [
      ("staff", inst.staff.count), ("eligible", inst.eligible.filter { $0 }.count),
      ("movable", inst.movable.filter { $0 }.count), ("moved", ev.moved),
      ("moved_key", ev.movedKey), ("moved_cadres", ev.movedCadres),
      ("shortage", ev.shortageHeads), ("quota_missing", ev.quotaMissing),
    ]
    for (k, v) in expected where (counts[k] as? NSNumber)?.intValue != v {
      problems.append("summary.json: counts.\(k) is \(counts[k] ?? "missing"), the plan gives \(v)")
    }
    let cv = doc["cv"] as? [String: Any] ?? [:]
    for (t, term) in inst.balanceTerms().enumerated() {
      let written = ((cv[term.stage.code] as? [String: Any])?[term.indicator.rawValue] as? [String: Any])?["after"]
      let value = inst.coefficientOfVariation(counts: ev.indicatorAfter[t], sections: term.sections)
      let w = (written as? NSNumber)?.doubleValue
      if (value == nil) != (w == nil) || (value != nil && !near(w ?? .nan, value ?? .nan)) {
        problems.append("summary.json: cv.\(term.stage.code).\(term.indicator.rawValue).after is \(w.map { "\($0)" } ?? "null"), the plan gives \(value.map { "\($0)" } ?? "null")")
      }
    }
    return problems
  }
}
