import XCTest

@testable import LungangCore

/// The report model on the hand-checked district of `ReportFixtures` (values worked out there:
/// 40 pupils per section, so per 100 pupils = 2.5 × count).
final class PlanReportTests: XCTestCase {
  func view(_ r: PlanReport, _ g: Stage, _ m: Indicator, file: StaticString = #filePath, line: UInt = #line) -> PlanReport.IndicatorView? {
    let v = r.indicators.first { $0.stage == g && $0.indicator == m }
    XCTAssertNotNil(v, "no view \(g) \(m)", file: file, line: line)
    return v
  }

  func testHeadlineCounts() {
    let h = ReportFixtures.report().headline
    XCTAssertEqual(h.schools, 4)
    XCTAssertEqual(h.primarySections, 2)
    XCTAssertEqual(h.juniorSections, 2)
    XCTAssertEqual(h.staff, 12)
    XCTAssertEqual(h.teachers, 10)
    XCTAssertEqual(h.cadres, 2)
    XCTAssertEqual(h.eligible, 5, "a1, b1, c3, pA, pC")
    XCTAssertEqual(h.movable, 5)
    XCTAssertEqual(h.moved, 4)
    XCTAssertEqual(h.movedTeachers, 2)
    XCTAssertEqual(h.movedKey, 1)
    XCTAssertEqual(h.movedCadres, 2)
    XCTAssertEqual(h.shortage, 1, "D's second english post")
    XCTAssertEqual(h.quotaMissing, 1, "C sends nobody")
  }

  /// Higher degree, primary: A has a1 (master) and a2 (bachelor) → 2 → 5.00 ≥ 4.2; B has b2
  /// (associate) → 2.50. After the swap a1↔b1: A 1 → 2.50 (newly misses), B 2 → 5.00 (newly meets).
  func testPrimaryHigherDegreePer100AndThresholdFlags() throws {
    let r = ReportFixtures.report()
    let v = try XCTUnwrap(view(r, .primary, .higherDegree))
    XCTAssertEqual(v.threshold, 4.2)
    XCTAssertTrue(v.inObjective)
    XCTAssertEqual(v.sections.map(\.schoolID), ["A", "B"])
    XCTAssertEqual(v.sections.map(\.before), [2, 1])
    XCTAssertEqual(v.sections.map(\.after), [1, 2])
    XCTAssertEqual(v.sections[0].per100Before, 5.0, accuracy: 1e-12)
    XCTAssertEqual(v.sections[0].per100After, 2.5, accuracy: 1e-12)
    XCTAssertEqual(v.sections.map(\.metBefore), [true, false])
    XCTAssertEqual(v.sections.map(\.metAfter), [false, true])
    XCTAssertEqual(v.metBefore, 1)
    XCTAssertEqual(v.metAfter, 1)
    XCTAssertEqual(v.newlyMeeting.map(\.schoolID), ["B"])
    XCTAssertEqual(v.newlyMissing.map(\.schoolID), ["A"])
    // Stage mean: 3 of 80 pupils = 3.75 per 100, before and after.
    XCTAssertEqual(v.meanBefore, 3.75, accuracy: 1e-12)
    XCTAssertEqual(v.meanAfter, 3.75, accuracy: 1e-12)
    // Values 5.0 and 2.5 with equal weights: mean 3.75, S = 1.25, CV = 1/3 (both states).
    XCTAssertEqual(try XCTUnwrap(v.cvBefore), 1.0 / 3, accuracy: 1e-12)
    XCTAssertEqual(try XCTUnwrap(v.cvAfter), 1.0 / 3, accuracy: 1e-12)
    XCTAssertEqual(v.cvLimit, 0.50)
    XCTAssertEqual(v.cvMetAfter, true)
  }

  /// Key, primary: a1 goes from A to B: A 2.50 → 0 (newly misses 1.0), B 0 → 2.50 (newly meets).
  /// PE/arts, primary: a3 stays at A (2.50, meets both times); B has none (misses both times).
  func testPrimaryKeyAndPEArts() throws {
    let r = ReportFixtures.report()
    let key = try XCTUnwrap(view(r, .primary, .key))
    XCTAssertEqual(key.threshold, 1.0)
    XCTAssertEqual(key.sections.map(\.before), [1, 0])
    XCTAssertEqual(key.sections.map(\.after), [0, 1])
    XCTAssertEqual(key.newlyMissing.map(\.schoolID), ["A"])
    XCTAssertEqual(key.newlyMeeting.map(\.schoolID), ["B"])
    XCTAssertEqual(try XCTUnwrap(key.cvBefore), 1.0, accuracy: 1e-12)
    let pe = try XCTUnwrap(view(r, .primary, .peArts))
    XCTAssertEqual(pe.threshold, 0.9)
    XCTAssertEqual(pe.sections.map(\.before), [1, 0])
    XCTAssertEqual(pe.sections.map(\.after), [1, 0])
    XCTAssertEqual(pe.sections.map(\.metAfter), [true, false])
    XCTAssertEqual(pe.newlyMeeting.count + pe.newlyMissing.count, 0)
  }

  /// Junior higher degree needs a bachelor: C 3 (7.50), D 1 (d1; d2 is associate) → 2.50 < 5.3.
  /// Values 7.5 and 2.5: mean 5, S = 2.5, CV = 0.5 > 0.45: the CV misses the junior limit.
  func testJuniorHigherDegreeUsesTheJuniorThresholdAndLimit() throws {
    let r = ReportFixtures.report()
    let v = try XCTUnwrap(view(r, .junior, .higherDegree))
    XCTAssertEqual(v.threshold, 5.3)
    XCTAssertEqual(v.sections.map(\.schoolID), ["C", "D"])
    XCTAssertEqual(v.sections.map(\.before), [3, 1])
    XCTAssertEqual(v.sections.map(\.metAfter), [true, false])
    XCTAssertEqual(try XCTUnwrap(v.cvAfter), 0.5, accuracy: 1e-12)
    XCTAssertEqual(v.cvLimit, 0.45)
    XCTAssertEqual(v.cvMetBefore, false)
    XCTAssertEqual(v.cvMetAfter, false)
    let pe = try XCTUnwrap(view(r, .junior, .peArts))
    XCTAssertEqual(pe.sections.map(\.after), [0, 1], "d2 teaches music")
  }

  /// The standard's three indicators are always shown; an indicator the scenario does not
  /// balance is marked; senior_title (scenario only) comes last and has no threshold.
  func testIndicatorsShownAndMarkedByTheScenario() throws {
    var t = ReportFixtures.district()
    t.rules.indicators = [.seniorTitle, .key]
    let (inst, out) = ReportFixtures.outcome(t)
    let r = PlanReport(inst, out)
    XCTAssertEqual(
      r.indicators.map { "\($0.stage.code)/\($0.indicator.rawValue)/\($0.inObjective)" },
      [
        "primary/higher_degree/false", "primary/key/true", "primary/pe_arts/false", "primary/senior_title/true",
        "junior/higher_degree/false", "junior/key/true", "junior/pe_arts/false", "junior/senior_title/true",
      ])
    let senior = try XCTUnwrap(view(r, .primary, .seniorTitle))
    XCTAssertNil(senior.threshold)
    XCTAssertEqual(senior.sections.map(\.metAfter), [nil, nil])
    XCTAssertEqual(senior.newlyMeeting.count, 0)
  }

  /// Zones in schools.csv order (North|N, South). a1 and b1 move inside North; pA goes North →
  /// South, pC South → North. Tiers: a1 1→3, b1 3→1, pA 1→2, pC 2→1; the key teacher a1 1→3.
  func testFlowsBetweenZonesAndTiers() {
    let r = ReportFixtures.report()
    XCTAssertEqual(r.zoneFlows.labels, ["North|N", "South"])
    XCTAssertEqual(r.zoneFlows.counts, [[2, 1], [1, 0]])
    XCTAssertEqual(r.zoneFlows.total, 4)
    XCTAssertEqual(r.zoneFlows.rowTotals, [3, 1])
    XCTAssertEqual(r.zoneFlows.columnTotals, [3, 1])
    XCTAssertEqual(r.tierFlows.counts, [[0, 1, 1], [1, 0, 0], [1, 0, 0]])
    XCTAssertEqual(r.keyTierFlows.counts, [[0, 0, 1], [0, 0, 0], [0, 0, 0]])
    XCTAssertEqual(r.keyTierFlows.maximum, 1)
  }

  /// Per school: A sends a1 (key) and pA, receives b1 and pC; B sends b1, receives a1 (key);
  /// C swaps its principal and misses its quota (req ⌈0.1 · 1⌉ = 1, nobody leaves); D is still.
  func testMovesPerSchoolAndUnmetQuotas() {
    let r = ReportFixtures.report()
    let byID = Dictionary(uniqueKeysWithValues: r.schools.map { ($0.id, $0) })
    XCTAssertEqual(r.schools.map(\.id), ["A", "B", "C", "D"])
    let a = byID["A"]!
    XCTAssertEqual([a.outTeachers, a.outKey, a.outCadres, a.inTeachers, a.inKey, a.inCadres], [1, 1, 1, 1, 0, 1])
    XCTAssertEqual(a.net, 0)
    let b = byID["B"]!
    XCTAssertEqual([b.outTeachers, b.outKey, b.outCadres, b.inTeachers, b.inKey, b.inCadres], [1, 0, 0, 1, 1, 0])
    let c = byID["C"]!
    XCTAssertEqual([c.outTeachers, c.outCadres, c.inCadres, c.quotaRequired, c.quotaMissing], [0, 1, 1, 1, 1])
    XCTAssertEqual(byID["D"]!.moves, 0)
    XCTAssertEqual(r.unmetQuotas.map(\.id), ["C"])
    // Key share 0.2: B sends 1 teacher and no key teacher → target 0.2, shortfall 0.2; A sends
    // its key teacher (shortfall 0); C sends nobody.
    XCTAssertEqual(r.keyShareShortfalls.map(\.id), ["B"])
    XCTAssertEqual(byID["B"]!.keyShortfall, 0.2, accuracy: 1e-12)
    XCTAssertEqual(r.cadreQuotaRequired, 1, "⌈0.5 · 2⌉")
  }

  func testShortagesPerSectionAndSubject() {
    let r = ReportFixtures.report()
    XCTAssertEqual(r.shortages.count, 1)
    let s = r.shortages[0]
    XCTAssertEqual(s.schoolID, "D")
    XCTAssertEqual(s.stage, .junior)
    XCTAssertEqual(s.subject, .english)
    XCTAssertNil(s.role)
    XCTAssertEqual([s.posts, s.before, s.after, s.short], [2, 1, 1, 1])
    XCTAssertEqual(r.shortageBySubject.map { "\($0.0.rawValue)=\($0.1)" }, ["english=1"])
  }

  func testSolverFiguresAndTimingOnlyWhenGiven() {
    let (inst, out) = ReportFixtures.outcome()
    let r = PlanReport(inst, out, glpkVersion: "5.0")
    XCTAssertEqual(r.solver.status, .optimal)
    XCTAssertEqual(r.solver.objective ?? -1, out.evaluation!.terms.total, accuracy: 1e-12)
    XCTAssertEqual(r.solver.bound ?? -1, out.evaluation!.terms.total - 1, accuracy: 1e-12)
    XCTAssertEqual(r.solver.terms.map(\.0), ["shortage", "quota", "key_share", "cadre_quota", "balance", "wish", "commute", "move"])
    XCTAssertEqual(r.solver.terms.reduce(0) { $0 + $1.1 }, out.evaluation!.terms.total, accuracy: 1e-9)
    XCTAssertEqual(r.solver.model.parts, 2)
    XCTAssertNil(r.solver.timing)
    var timing = Timing()
    timing.total = 1.5
    XCTAssertEqual(PlanReport(inst, out, timing: timing).solver.timing?.total, 1.5)
  }

  /// Without a plan (a report made for an outcome that has none) everyone stays: no moves,
  /// before equals after.
  func testNoPlanMeansEveryoneStays() {
    let (inst, _) = ReportFixtures.outcome()
    let r = PlanReport(inst, SolveOutcome(status: .noPlan))
    XCTAssertEqual(r.headline.moved, 0)
    XCTAssertEqual(r.zoneFlows.total, 0)
    for v in r.indicators { XCTAssertEqual(v.sections.map(\.before), v.sections.map(\.after)) }
  }
}
