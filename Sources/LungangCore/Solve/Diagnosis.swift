import Foundation
import GLPKKit

/// Whether a scenario's hard rules admit a plan, why not, and the soft rules that cannot be
/// fully met whatever the plan: what `lungang diagnose` prints.
public struct Diagnosis: Sendable {
  /// True when the hard rules admit at least one plan.
  public var admitsPlan: Bool
  /// When they admit none: why, in a personnel officer's words (one entry per conflict).
  public var conflicts: [String] = []
  /// Soft rules no plan can fully meet (quota, cadre quota, shortages), in words.
  public var softLimits: [String] = []
  /// Warnings (avoid pairs of two people who cannot move, …).
  public var warnings: [String] = []
  /// False when a feasibility check ran out of time: `admitsPlan` is then unknown.
  public var decided = true

  /// Checks `inst`: contradictions found while building, then each independent part, first
  /// with the all-stay plan, then with a feasibility MIP; conflicts are explained by
  /// `ConflictExplainer`. Runs GLPK on its own threads.
  public static func run(_ inst: RotationInstance, timeLimit: Double = 60) -> Diagnosis {
    let deadline = Date().addingTimeInterval(timeLimit)
    let previousOutput = GLPK.terminalOutput
    GLPK.terminalOutput = .suppressed
    defer { GLPK.terminalOutput = previousOutput }
    let form = Formulation(inst, names: true, balance: Tuning.balanceForm(mipGap: inst.scenario.solver.mipGap))
    var d = Diagnosis(admitsPlan: true)
    d.warnings = form.fixedAvoidWarnings
    d.softLimits = softLimits(inst)
    if !form.contradictions.isEmpty {
      d.admitsPlan = false
      d.conflicts = form.contradictions
      return d
    }
    let decomposition = Decomposition(form.model)
    let subs = decomposition.subModels(form.model)
    // Candidate plans: everyone staying, and the construction heuristic's repaired plan.
    var search = LocalSearch(inst, form)
    let heuristic = search.run(deadline: Date().addingTimeInterval(min(10, timeLimit / 4)))
    let candidates = [Plan.allStay(inst), heuristic].compactMap { form.point(for: $0, inst) }
    for (p, part) in decomposition.parts.enumerated() {
      if candidates.contains(where: { x in subs[p].maxViolation(part.columns.map { x[$0] }) <= 1e-9 }) { continue }
      let verdict: ConflictExplainer.ElasticResult = GLPK.runOnDedicatedThread {
        ConflictExplainer.elastic(subs[p], relax: [], timeLimit: max(1, deadline.timeIntervalSinceNow))
      }
      switch verdict {
      case .relaxed: continue
      case .unknown: d.decided = false
      case .noPlan:
        d.admitsPlan = false
        d.conflicts.append(
          GLPK.runOnDedicatedThread {
            ConflictExplainer.explain(
              form, inst, part: part, sub: subs[p], timeLimit: max(5, deadline.timeIntervalSinceNow))
          })
      }
    }
    return d
  }

  /// Soft rules that no plan can fully meet, read off the instance.
  static func softLimits(_ inst: RotationInstance) -> [String] {
    var out: [String] = []
    // Teacher quota: req_j against the teachers of j who have somewhere to go.
    var canLeave = Array(repeating: 0, count: inst.schools.count)
    var cadresCanLeave = 0
    for i in inst.staff.indices where inst.movable[i] && inst.destinations[i].count > 1 {
      if inst.staff[i].role.isCadre { cadresCanLeave += 1 } else { canLeave[inst.schoolOf[i]] += 1 }
    }
    for j in inst.schools.indices where inst.quotaRequired[j] > min(canLeave[j], inst.outflowLimit[j]) {
      let s = inst.schools[j]
      out.append(
        "teacher quota (rule 3): \(s.name) (\(s.id)) must send \(inst.quotaRequired[j]) of its "
          + "\(inst.eligibleTeachers[j]) eligible teachers, but only \(canLeave[j]) have an allowed destination")
    }
    if inst.cadreQuotaRequired > cadresCanLeave {
      out.append(
        "cadre quota (rule 6): \(inst.cadreQuotaRequired) of \(inst.eligibleCadres) eligible cadres must "
          + "move, but only \(cadresCanLeave) have an allowed destination")
    }
    // Shortages: posts over the current count that no movable teacher could fill.
    var fillers = Array(repeating: 0, count: inst.teacherPosts.count)
    for i in inst.staff.indices where inst.movable[i] && !inst.staff[i].role.isCadre {
      guard let sub = inst.staff[i].subject else { continue }
      for d in inst.destinations[i] where !d.isStay {
        let tp = inst.teacherPostAt[d.section * RotationInstance.subjectCount + RotationInstance.ordinal(sub)]
        if tp >= 0 { fillers[tp] += 1 }
      }
    }
    var unfillable = 0
    var sections = Set<Int>()
    for (t, post) in inst.teacherPosts.enumerated() where post.posts > post.current {
      let short = post.posts - post.current - fillers[t]
      if short > 0 {
        unfillable += short
        sections.insert(post.section)
      }
    }
    if unfillable > 0 {
      out.append(
        "posts (rule 2): \(unfillable) vacant posts in \(sections.count) sections have no teacher "
          + "of their subject who could move there; they stay short whatever the plan")
    }
    return out
  }
}
