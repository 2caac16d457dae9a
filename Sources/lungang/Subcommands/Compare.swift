import ArgumentParser
import Foundation
import LungangCore

extension ComparisonFormat: ExpressibleByArgument {}

extension Lungang {
  /// `lungang compare`: scenarios of several result folders side by side.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare the result folders of several scenarios side by side, best value of each row marked.",
      discussion: """
        Figures come from each folder's summary.json (exactly as written there), plan.csv \
        (wishes granted, commutes) and sections.csv (sections meeting the 优质均衡 thresholds \
        per 100 pupils: higher degree 4.2 primary / 5.3 junior, key 1.0, PE and arts 0.9). \
        With two folders (or --diff) a per-school list of who ends where in one plan and not \
        the other follows; with more, each folder is diffed against the first. \
        Exit status: 0 printed; 2 a folder or its summary.json is missing; 64 bad usage.
        """)

    @Argument(help: "Result folders written by `lungang solve`.")
    var resultDirs: [String]

    @Option(help: "table, md, csv or json.")
    var format: ComparisonFormat?

    @Flag(help: "CSV for Excel: UTF-8 byte-order mark and CRLF line ends (implies --format csv).")
    var excel = false

    @Flag(
      inversion: .prefixedNo,
      help: "Add the per-school difference of who ends where (default: on for exactly two folders).")
    var diff: Bool?

    func validate() throws {
      if resultDirs.isEmpty { throw ValidationError("give at least one result folder") }
      if excel, let f = format, f != .csv { throw ValidationError("--excel goes with --format csv") }
    }

    func run() throws {
      var folders: [ResultFolder] = []
      var failed = false
      for d in resultDirs {
        do {
          let f = try ResultFolder.load(d)
          for w in f.warnings { Diagnostics.note("lungang compare: \(w)") }
          folders.append(f)
        } catch {
          Diagnostics.note("lungang compare: \(error)")
          failed = true
        }
      }
      if failed { throw ExitCode(ExitStatus.invalidInput) }
      let wantDiff = diff ?? (folders.count == 2)
      let pairs = wantDiff ? (1..<max(1, folders.count)).map { (0, $0) } : []
      for (a, b) in pairs where folders[a].plan == nil || folders[b].plan == nil {
        Diagnostics.note("lungang compare: no per-school difference between \(folders[a].path) and \(folders[b].path): plan.csv missing")
      }
      let cmp = ScenarioComparison(folders, diffPairs: pairs)
      let fmt = format ?? (excel ? .csv : .table)
      let color = fmt == .table && isatty(STDOUT_FILENO) != 0
        && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
      let text = cmp.render(fmt, color: color, excel: excel)
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }
}
