import Foundation
import XCTest

@testable import LungangCore

/// A hand-checked district for the report tests, with a plan set by hand (no solver).
///
/// | school | zone | group | tier | pupils | teachers (subject, degree, key) |
/// |---|---|---|---|---|---|
/// | A | North\|N | G | 1 | primary 40 | a1 math master key*, a2 chinese bachelor, a3 pe secondary |
/// | B (hostile name) | North\|N | – | 3 | primary 40 | b1 math secondary*, b2 chinese associate |
/// | C | South | G | 2 | junior 40 | c1 english master key, c2 math bachelor, c3 math bachelor* |
/// | D | South | – | 2 | junior 40 | d1 english bachelor, d2 music associate; english posts 2 |
///
/// `*` eligible (8 years); everyone else has 2 years. Principals pA (A) and pC (C) are eligible.
/// The plan: a1 → B, b1 → A, pA → C, pC → A; c3 stays (C misses its quota of 1); nobody fills
/// D's second english post (shortage 1). With 40 pupils a section's per-100 value is 2.5 × count.
enum ReportFixtures {
  /// The hostile name of school B: markup, an ampersand, quotes and a table pipe.
  static let hostileName = "<b>&\"B\"|</b>'"

  static func district() -> TinyDistrict {
    var t = TinyDistrict()
    t.school("A", zone: "North|N", group: "G", tier: 1, primary: 40)
    t.school("B", zone: "North|N", tier: 3, primary: 40)
    t.school("C", zone: "South", group: "G", tier: 2, primary: 0, junior: 40)
    t.school("D", zone: "South", tier: 2, primary: 0, junior: 40)
    t.schools[1].name = hostileName
    t.teacher("a1", at: "A", subject: .math, key: .district, degree: .master)
    t.teacher("a2", at: "A", subject: .chinese, degree: .bachelor, years: 2)
    t.teacher("a3", at: "A", subject: .pe, degree: .secondary, years: 2)
    t.teacher("b1", at: "B", subject: .math, degree: .secondary)
    t.teacher("b2", at: "B", subject: .chinese, degree: .associate, years: 2)
    t.teacher("c1", at: "C", subject: .english, stage: .junior, key: .municipal, degree: .master, years: 2)
    t.teacher("c2", at: "C", subject: .math, stage: .junior, degree: .bachelor, years: 2)
    t.teacher("c3", at: "C", subject: .math, stage: .junior, degree: .bachelor)
    t.teacher("d1", at: "D", subject: .english, stage: .junior, degree: .bachelor, years: 2)
    t.teacher("d2", at: "D", subject: .music, stage: .junior, degree: .associate, years: 2)
    t.cadre("pA", at: "A")
    t.cadre("pC", at: "C")
    t.post("D", 2, subject: .english, stage: .junior)
    return t
  }

  /// The instance, the hand-set plan and an outcome carrying it (objective = the plan's total,
  /// bound 1 below it).
  static func outcome(
    _ t: TinyDistrict = district(), file: StaticString = #filePath, line: UInt = #line
  ) -> (RotationInstance, SolveOutcome) {
    let inst = t.instance
    var plan = Plan.allStay(inst)
    for (id, to) in [("a1", "B"), ("b1", "A"), ("pA", "C"), ("pC", "A")] {
      guard let c = inst.choice(id, to: to) else {
        XCTFail("\(id) may not go to \(to)", file: file, line: line)
        continue
      }
      plan.choice[inst.person(id)] = c
    }
    let ev = PlanEvaluation(plan, inst)
    XCTAssertEqual(ev.violations, [], file: file, line: line)
    var out = SolveOutcome(status: .optimal)
    out.plan = plan
    out.evaluation = ev
    out.objective = ev.terms.total
    out.bound = ev.terms.total - 1
    out.gap = 1 / max(1, abs(ev.terms.total))
    out.model = ModelStats(columns: 21, rows: 34, nonzeros: 55, integerColumns: 13, parts: 2)
    return (inst, out)
  }

  /// The report of the hand-set plan.
  static func report(timing: Timing? = nil) -> PlanReport {
    let (inst, out) = outcome()
    return PlanReport(inst, out, timing: timing, glpkVersion: "5.0")
  }
}
