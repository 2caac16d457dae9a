import XCTest

@testable import LungangCore

/// The balance term B (优质均衡) and the reported CV.
///
/// f_k(c) = 10⁴·(P_k/P_g)·((100c/P_k − μ)/μ)², μ = 100·C⁰/P_g; B = Σ_k f_k.
/// Only the `key` indicator is on; quota and key-share rules are neutral. Math posts are
/// full everywhere, so a teacher can only move in a swap (2 moves = 1.0).
final class BalanceTests: XCTestCase {
  /// A (100 pupils) has key teachers k1, k2; B (pupils `pupilsB`) non-key n1, n2.
  private func district(pupilsB: Int) -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.rules.indicators = [.key]
    t.school("A", primary: 100)
    t.school("B", primary: pupilsB)
    t.teacher("k1", at: "A", key: .district)
    t.teacher("k2", at: "A", key: .municipal)
    t.teacher("n1", at: "B")
    t.teacher("n2", at: "B")
    return t
  }

  /// The worked example: P = 100 + 100, C⁰ = 2, μ = 100·2/200 = 1; X_A = 2, X_B = 0.
  /// B = 10⁴·(½·((2−1)/1)² + ½·((0−1)/1)²) = 10⁴. CV: X̄ = 1, S = √((100·1 + 100·1)/200) = 1,
  /// CV = 1.0 = √B/100. Swapping one key teacher for a non-key one gives X = (1, 1):
  /// B = 0, CV = 0, at 2 moves = 1.0; that is the optimum (two swaps: B = 10⁴ again).
  /// Total = 1.0.
  func testWorkedExample() throws {
    let t = district(pupilsB: 100)
    let inst = t.instance
    let terms = inst.balanceTerms()
    XCTAssertEqual(terms.count, 1)
    let term = try XCTUnwrap(terms.first)
    XCTAssertEqual(term.before, 2)
    XCTAssertEqual(term.pupils, 200)
    XCTAssertEqual(term.mean, 1, accuracy: 1e-12)
    XCTAssertEqual(term.value(count: 2, pupils: 100) + term.value(count: 0, pupils: 100), 1e4, accuracy: 1e-9)
    XCTAssertEqual(term.value(count: 1, pupils: 100), 0, accuracy: 1e-12)
    XCTAssertEqual(inst.coefficientOfVariation(counts: [2, 0], sections: term.sections) ?? -1, 1.0, accuracy: 1e-12)
    XCTAssertEqual(inst.coefficientOfVariation(counts: [1, 1], sections: term.sections) ?? -1, 0, accuracy: 1e-12)
    XCTAssertEqual(PlanEvaluation(Plan.allStay(inst), inst).terms.balance, 1e4, accuracy: 1e-9)

    let (inst2, out) = t.solve()
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 1.0, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.balance ?? -1, 0, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.terms.move ?? -1, 1.0, accuracy: 1e-9)
    let moves = out.moves(inst2)
    XCTAssertEqual(moves.count, 2)
    XCTAssertEqual(moves.filter { $0.key.hasPrefix("k") }.map(\.value), ["B"])
    XCTAssertEqual(moves.filter { $0.key.hasPrefix("n") }.map(\.value), ["A"])
    XCTAssertEqual(out.evaluation?.indicatorAfter.first ?? [], [1, 1])
  }

  /// Unequal pupils: A 100, B 200. P = 300, C⁰ = 2, μ = 2/3.
  /// Key teachers at A c_A, at B c_B (c_A + c_B = 2):
  ///   (2, 0): ⅓·((2 − ⅔)/⅔)² + ⅔·((0 − ⅔)/⅔)² = ⅓·4 + ⅔·1 = 2        → B = 20000
  ///   (1, 1): X = (1, ½): ⅓·(½)² + ⅔·(−¼)² = 1/12 + 1/24 = 1/8        → B = 1250
  ///   (0, 2): X = (0, 1): ⅓·1 + ⅔·(½)² = ⅓ + ⅙ = ½                     → B = 5000
  /// Costs 0, 1.0 and 2.0 in moves: the optimum is one swap, total 1250 + 1 = 1251.
  /// CV after: X̄ = ⅔, S² = (100·(⅓)² + 200·(⅙)²)/300 = 1/18, CV = √(1/18)/(⅔) = 1/√8, and
  /// (100·CV)² = 1250 = B (same_stage: the mean does not move).
  func testUnequalPupils() throws {
    let t = district(pupilsB: 200)
    let (inst, out) = t.solve()
    let term = try XCTUnwrap(inst.balanceTerms().first)
    XCTAssertEqual(PlanEvaluation(Plan.allStay(inst), inst).terms.balance, 20000, accuracy: 1e-9)
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 1251, accuracy: 1e-6)
    XCTAssertEqual(out.evaluation?.terms.balance ?? -1, 1250, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.terms.move ?? -1, 1.0, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.indicatorAfter.first ?? [], [1, 1])
    let cv = try XCTUnwrap(inst.coefficientOfVariation(counts: [1, 1], sections: term.sections))
    XCTAssertEqual(cv, 1 / 8.0.squareRoot(), accuracy: 1e-12)
    XCTAssertEqual((100 * cv) * (100 * cv), 1250, accuracy: 1e-9)
    let cv0 = try XCTUnwrap(inst.coefficientOfVariation(counts: [2, 0], sections: term.sections))
    XCTAssertEqual((100 * cv0) * (100 * cv0), 20000, accuracy: 1e-9)
    let moves = out.moves(inst)
    XCTAssertEqual(moves.count, 2)
    XCTAssertEqual(moves.filter { $0.key.hasPrefix("k") }.map(\.value), ["B"])
    XCTAssertEqual(moves.filter { $0.key.hasPrefix("n") }.map(\.value), ["A"])
  }

  /// Both forms of the balance term are exact at the integers: for the plans with 0, 1 and
  /// 2 swaps the model's balance part equals PlanEvaluation's B: 20000, 1250, 5000. In the
  /// secant form that is W_balance·Σ t over the epigraph columns; in the segment form it is
  /// the objective of the `seg` columns plus the constant f(lo). At the solver's optimum
  /// both are 1250.
  func testSecantEpigraphMatchesPlanEvaluation() throws {
    let t = district(pupilsB: 200)
    let inst = t.instance
    var plans: [(Plan, Double)] = [(Plan.allStay(inst), 20000)]
    var one = Plan.allStay(inst)
    one.choice[inst.person("k1")] = try XCTUnwrap(inst.choice("k1", to: "B"))
    one.choice[inst.person("n1")] = try XCTUnwrap(inst.choice("n1", to: "A"))
    plans.append((one, 1250))
    var two = one
    two.choice[inst.person("k2")] = try XCTUnwrap(inst.choice("k2", to: "B"))
    two.choice[inst.person("n2")] = try XCTUnwrap(inst.choice("n2", to: "A"))
    plans.append((two, 5000))

    let secant = Formulation(inst, balance: .secant)
    XCTAssertEqual(secant.model.objectiveConstant, 0, accuracy: 1e-12)
    let tCols = (0..<secant.model.columnCount).filter { secant.model.columnNames[$0].hasPrefix("t_") }
    XCTAssertEqual(tCols.count, 2)
    let segment = Formulation(inst, balance: .segment)
    let segCols = (0..<segment.model.columnCount).filter { segment.model.columnNames[$0].hasPrefix("seg_") }
    XCTAssertEqual(segment.segmentRows.count, 2)
    XCTAssertEqual(segCols.count, segment.segmentRows.reduce(0) { $0 + $1.columns.count })
    XCTAssertEqual((0..<segment.model.columnCount).filter { segment.model.columnNames[$0].hasPrefix("t_") }, [])
    XCTAssertLessThan(segment.model.rowCount, secant.model.rowCount)
    func secantBalance(_ plan: Plan) throws -> Double {
      let x = try XCTUnwrap(secant.point(for: plan, inst))
      XCTAssertEqual(secant.model.maxViolation(x), 0, accuracy: 1e-9)
      return tCols.reduce(0) { $0 + x[$1] } * inst.weights.balance
    }
    func segmentBalance(_ plan: Plan) throws -> Double {
      let x = try XCTUnwrap(segment.point(for: plan, inst))
      XCTAssertEqual(segment.model.maxViolation(x), 0, accuracy: 1e-9)
      // Only the balance term has a constant in this district.
      return segCols.reduce(segment.model.objectiveConstant) { $0 + segment.model.objective[$1] * x[$1] }
    }
    for (plan, b) in plans {
      let ev = PlanEvaluation(plan, inst)
      XCTAssertEqual(ev.terms.balance, b, accuracy: 1e-9)
      XCTAssertEqual(try secantBalance(plan), b, accuracy: 1e-9)
      XCTAssertEqual(try segmentBalance(plan), b, accuracy: 1e-9)
      let xs = try XCTUnwrap(segment.point(for: plan, inst))
      XCTAssertEqual(segment.model.objectiveValue(xs), ev.terms.total, accuracy: 1e-9)
    }

    let out = RotationSolver.solve(inst)
    XCTAssertEqual(out.status, .optimal)
    let plan = try XCTUnwrap(out.plan)
    XCTAssertEqual(try secantBalance(plan), 1250, accuracy: 1e-9)
    XCTAssertEqual(try segmentBalance(plan), 1250, accuracy: 1e-9)
    XCTAssertEqual(out.evaluation?.terms.balance ?? -1, 1250, accuracy: 1e-9)
    XCTAssertEqual(out.objective ?? -1, 1251, accuracy: 1e-6)
    XCTAssertEqual(out.notes, [])
  }
}
