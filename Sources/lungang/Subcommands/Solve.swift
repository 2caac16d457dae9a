import ArgumentParser
import Foundation
import LungangCore

extension Lungang {
  /// `lungang solve`: find the best rotation plan of a scenario and write it.
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find the optimal rotation plan of a scenario and write plan.csv, sections.csv, summary.json, report.html and report.md.",
      discussion: """
        Exit status: 0 a plan was written; 2 invalid input (nothing solved); 3 the hard rules \
        admit no plan; 4 stopped before any plan was found; 64 bad usage; 70 internal error; \
        73 the output could not be written.
        """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Output folder (default: out/<scenario file name>).")
    var out: String?

    @Flag(help: "Print summary.json to stdout instead of the readable summary.")
    var json = false

    @Option(name: .long, help: "Time limit in seconds (overrides solver.time_limit_s).")
    var timeLimit: Double?

    @Flag(help: "Leave the timing block out of summary.json (byte-identical reruns).")
    var noTiming = false

    @Flag(help: "Show GLPK's own log on stderr.")
    var solverLog = false

    @Flag(help: "Print progress lines (parts, incumbent, bound, gap; at most once a second) to stderr; on by default when stderr is a terminal, off under --json and --quiet.")
    var progress = false

    @Option(name: .long, help: "Threads for independent parts (overrides solver.threads; 0: all cores). The plan does not depend on it.")
    var threads: Int?

    @Flag(help: "Race a second search on the largest part when a core is idle (may find plans sooner; among plans of equal cost the first finisher wins, so output is no longer byte-identical across runs).")
    var race = false

    @Flag(help: "Replace every person's name by a stable pseudonym (P- and 10 hex digits of SHA-256 of the staff id) in every output.")
    var redact = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors to stderr.")
    var quiet = false

    @Option(name: .long, help: "Language of report.html and report.md: zh (default) or en.")
    var lang: String = "zh"

    @Flag(help: "Do not write report.html and report.md.")
    var noReport = false

    func validate() throws {
      if let t = timeLimit, !(t > 0) { throw ValidationError("--time-limit must be positive") }
      if let n = threads, n < 0 { throw ValidationError("--threads must be 0 (all cores) or more") }
      if ReportLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en, not '\(lang)'") }
    }

    func run() throws {
      let t0 = Date()
      let input = try Diagnostics.loadScenario(scenario)
      if !quiet { Diagnostics.print(input.district.warnings) }
      let outDir = URL(fileURLWithPath: out ?? "out/" + URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent)
      let outPath = outDir.standardizedFileURL.resolvingSymlinksInPath().path
      let districtPath = input.scenario.district.standardizedFileURL.resolvingSymlinksInPath().path
      if outPath == districtPath || outPath.hasPrefix(districtPath + "/") {
        throw ValidationError("--out must not be the district folder or inside it (\(input.scenario.district.path))")
      }
      let inst = try Diagnostics.instance(input, redact: redact, threads: threads)
      var options = SolveOptions()
      options.timeLimit = timeLimit
      options.startedAt = t0
      options.solverLog = solverLog
      options.race = race
      options.threads = threads
      options.progress = progress || (isatty(STDERR_FILENO) != 0 && !json && !quiet)
      if quiet { options.progress = false }
      let stop = StopRequest.installed(quiet: quiet)
      let outcome = RotationSolver.solve(inst, options: options, shouldStop: { stop.isRaised })
      if !quiet { for n in outcome.notes { Diagnostics.note(n) } }
      var timing = Timing()
      timing.load = input.loadSeconds
      timing.build = outcome.buildSeconds
      timing.solve = outcome.solveSeconds
      // Set here too: the infeasible and no-plan summaries below are printed without a write.
      timing.total = Date().timeIntervalSince(t0)
      let tw = Date()
      var outputs = PlanOutputs(inst, outcome, timing: timing)
      outputs.omitTiming = noTiming
      outputs.redacted = redact
      switch outcome.status {
      case .infeasible:
        Diagnostics.note("lungang: the hard rules admit no plan:")
        // A reason may span lines (a conflict and its families): one note per line.
        for r in outcome.reasons {
          for (n, line) in r.split(separator: "\n").enumerated() { Diagnostics.note((n == 0 ? "  - " : "  ") + line) }
        }
        if json { print(outputs.summary().serialized(), terminator: "") }
        throw ExitCode(ExitStatus.infeasible)
      case .noPlan:
        Diagnostics.note("lungang: stopped before any plan was found")
        if json { print(outputs.summary().serialized(), terminator: "") }
        throw ExitCode(ExitStatus.noPlan)
      default: break
      }
      do {
        // write_s is the time to write plan.csv and sections.csv: summary.json, which
        // reports it, is written after them, and the report (with the same timing) last.
        try outputs.writeTables(to: outDir)
        timing.write = Date().timeIntervalSince(tw)
        timing.total = Date().timeIntervalSince(t0)
        outputs = PlanOutputs(inst, outcome, timing: timing)
        outputs.omitTiming = noTiming
        outputs.redacted = redact
        try outputs.writeSummary(to: outDir)
        if !noReport {
          let report = PlanReport(inst, outcome, timing: noTiming ? nil : timing)
          try ReportFiles.write(report, language: ReportLanguage(rawValue: lang) ?? .zh, to: outDir)
        }
      } catch {
        Diagnostics.note("lungang: cannot write \(outDir.path): \(error.localizedDescription)")
        throw ExitCode(ExitStatus.cannotWrite)
      }
      if json {
        print(outputs.summary().serialized(), terminator: "")
      } else {
        let files = ["plan.csv", "sections.csv", "summary.json"] + (noReport ? [] : ReportFiles.names)
        print(SummaryText.render(inst, outcome, outDir: outDir.relativePath, files: files), terminator: "")
      }
    }
  }
}

/// SIGINT/SIGTERM during a solve: the first asks the search to stop and write the best plan
/// so far (status `interrupted`); a second exits at once with status 130.
final class StopRequest: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  private var sources: [DispatchSourceSignal] = []

  /// True once a signal arrived.
  var isRaised: Bool { lock.lock(); defer { lock.unlock() }; return count > 0 }

  /// Installs the handlers and returns the request they raise.
  static func installed(quiet: Bool) -> StopRequest {
    let r = StopRequest()
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let src = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      src.setEventHandler {
        r.lock.lock()
        r.count += 1
        let n = r.count
        r.lock.unlock()
        if n >= 2 { _exit(130) }
        if !quiet {
          Diagnostics.note("lungang: interrupted; writing the best plan so far (again to quit at once)")
        }
      }
      src.resume()
      r.sources.append(src)
    }
    return r
  }
}
