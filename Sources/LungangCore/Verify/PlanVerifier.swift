import Foundation

/// Checks a written plan against the rules and its summary.json, without GLPK: re-reads
/// plan.csv (`PlanFile`), rebuilds who ends where, evaluates every rule and term directly
/// (`PlanEvaluation`) and compares each figure of summary.json.
public enum PlanVerifier {
  /// Problems found, in words; empty when the plan and its summary are right.
  public static func verify(_ inst: RotationInstance, resultDir: URL) -> [String] {
    var problems: [String] = []
    let planURL = resultDir.appendingPathComponent("plan.csv")
    let file: PlanFile
    do {
      file = try PlanFile.read(inst, from: planURL)
    } catch {
      return ["\(error)"]
    }
    problems += file.problems
    let plan = file.plan
    problems += RuleCheck.problems(district: inst.district, scenario: inst.scenario, moves: file.moves)
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
    // Added later: checked when the summary has them.
    let later: [(String, Int)] = [("quota_schools", inst.quotaSchools), ("quota_met", ev.quotaMet(inst))]
    for (k, v) in later where counts[k] != nil && (counts[k] as? NSNumber)?.intValue != v {
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
