import XCTest

@testable import LungangCore

/// The string table: both languages complete and telling apart what they label.
final class ReportStringsTests: XCTestCase {
  func testEveryCodeHasADistinctLabelInEachLanguage() {
    for lang in ReportLanguage.allCases {
      let s = ReportStrings(lang)
      let groups: [[String]] = [
        Subject.allCases.map { s.subject($0) },
        Indicator.allCases.map { s.indicator($0) },
        Indicator.allCases.map { s.indicatorShort($0) },
        [PlanStatus.optimal, .timeLimit, .interrupted, .infeasible, .noPlan].map { s.status($0) },
        Scope.allCases.map { s.scope($0) },
        [1, 2, 3].map { s.tier($0) },
        Stage.allCases.map { s.stage($0) },
        ObjectiveTerms().named.map { s.term($0.0) },
        Role.allCases.map { s.role($0) },
      ]
      for g in groups {
        XCTAssertFalse(g.contains(""), "\(lang): empty label in \(g)")
        XCTAssertEqual(Set(g).count, g.count, "\(lang): labels repeat in \(g)")
      }
      XCTAssertFalse(ObjectiveTerms().named.contains { s.term($0.0) == $0.0 && lang == .zh }, "zh: untranslated term")
    }
  }

  func testLanguagesDiffer() {
    let zh = ReportStrings(.zh)
    let en = ReportStrings(.en)
    XCTAssertEqual(zh.htmlLang, "zh-CN")
    XCTAssertEqual(en.htmlLang, "en")
    XCTAssertEqual(zh.subject(.pe), "体育")
    XCTAssertEqual(en.subject(.pe), "PE")
    XCTAssertEqual(zh.tier(3), "3 薄弱")
    XCTAssertEqual(en.tier(3), "3 weak")
    XCTAssertNotEqual(zh.cvHeading, en.cvHeading)
    XCTAssertEqual(ReportLanguage(rawValue: "zh"), .zh)
    XCTAssertNil(ReportLanguage(rawValue: "fr"))
  }
}
