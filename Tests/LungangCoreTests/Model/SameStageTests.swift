import XCTest

@testable import LungangCore

/// Allowed destinations by stage: g ≤ cert (primary < junior), and g = own stage if
/// same_stage.
///
/// A is a primary school: a1 (eligible primary math teacher) and a2 (2 years, fixed),
/// posts.csv A primary math = 1. B is a junior school (0 primary, 100 junior pupils) with
/// 1 junior math post and nobody: short 1 (1000) unless someone comes.
final class SameStageTests: XCTestCase {
  private func district(cert: Stage?, sameStage: Bool) -> TinyDistrict {
    var t = TinyDistrict.neutral()
    t.rules.sameStage = sameStage
    t.school("A", primary: 100, junior: 0)
    t.school("B", primary: 0, junior: 100)
    t.teacher("a1", at: "A", stage: .primary, cert: cert)
    t.teacher("a2", at: "A", years: 2)
    t.post("A", 1)
    t.post("B", 1, stage: .junior)
    return t
  }

  /// Junior cert, same_stage false: a1 → B's junior section, total 0.5.
  func testJuniorCertMayTeachJuniorWhenStagesMayChange() throws {
    let (inst, out) = district(cert: .junior, sameStage: false).solve()
    XCTAssertEqual(inst.destinationSchools("a1"), ["B"])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 0.5, accuracy: 1e-6)
    XCTAssertEqual(out.moves(inst), ["a1": "B"])
    let plan = try XCTUnwrap(out.plan)
    let k = plan.endSection(inst.person("a1"), in: inst)
    XCTAssertEqual(inst.sections[k].stage, .junior)
  }

  /// Junior cert, same_stage true: only primary sections, B has none: a1 stays, 1000.
  func testSameStageKeepsTheStage() {
    let (inst, out) = district(cert: .junior, sameStage: true).solve()
    XCTAssertEqual(inst.destinationSchools("a1"), [])
    XCTAssertEqual(out.status, .optimal)
    XCTAssertEqual(out.objective ?? -1, 1000, accuracy: 1e-6)
    XCTAssertEqual(out.moves(inst), [:])
  }

  /// Cert primary (explicit, or by default the stage taught), same_stage false: a junior
  /// section is above the cert, never allowed: 1000.
  func testCertBelowTheStageNever() {
    for cert in [Stage.primary, nil] {
      let (inst, out) = district(cert: cert, sameStage: false).solve()
      XCTAssertEqual(inst.destinationSchools("a1"), [])
      XCTAssertEqual(out.status, .optimal)
      XCTAssertEqual(out.objective ?? -1, 1000, accuracy: 1e-6)
      XCTAssertEqual(out.moves(inst), [:])
    }
  }

  /// The other way round: a junior teacher (cert junior) may take a primary post
  /// (primary ≤ junior) when same_stage is false. J (junior school): j1 eligible, j2 fixed,
  /// posts J junior math 1; P (primary school) 1 empty primary math post. j1 → P: 0.5;
  /// with same_stage: 1000.
  func testJuniorTeacherMayTeachPrimaryWhenStagesMayChange() {
    for sameStage in [false, true] {
      var t = TinyDistrict.neutral()
      t.rules.sameStage = sameStage
      t.school("J", primary: 0, junior: 100)
      t.school("P", primary: 100, junior: 0)
      t.teacher("j1", at: "J", stage: .junior)
      t.teacher("j2", at: "J", stage: .junior, years: 2)
      t.post("J", 1, stage: .junior)
      t.post("P", 1)
      let (inst, out) = t.solve()
      XCTAssertEqual(out.status, .optimal)
      XCTAssertEqual(out.objective ?? -1, sameStage ? 1000 : 0.5, accuracy: 1e-6)
      XCTAssertEqual(out.moves(inst), sameStage ? [:] : ["j1": "P"])
    }
  }
}
