import Foundation

/// The report files `lungang solve` writes beside plan.csv: report.html and report.md.
public enum ReportFiles {
  /// File names, in the order they are written.
  public static let names = ["report.html", "report.md"]

  /// Writes report.html and report.md of `report` into `dir` (which must exist), each atomically.
  public static func write(_ report: PlanReport, language: ReportLanguage, to dir: URL) throws {
    try AtomicFile.write(HTMLReport.render(report, language: language), to: dir.appendingPathComponent("report.html"))
    try AtomicFile.write(MarkdownReport.render(report, language: language), to: dir.appendingPathComponent("report.md"))
  }
}
