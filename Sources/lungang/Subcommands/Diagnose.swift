import ArgumentParser
import Foundation
import LungangCore

extension Lungang {
  /// `lungang diagnose`: say whether a scenario's hard rules admit a plan, and why not.
  struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check whether a scenario's hard rules admit a plan; if not, say which rules, schools and people conflict.",
      discussion: """
        Also lists the soft rules that no plan can fully meet (teacher quota, cadre quota, \
        vacant posts nobody can fill). Exit status: 0 the hard rules admit a plan; 3 they \
        admit none (the reasons are printed); 4 the check ran out of time; 2 invalid input.
        """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Time limit in seconds for the feasibility checks and explanations.")
    var timeLimit: Double = 60

    @Flag(help: "Replace every person's name by its stable pseudonym (as solve --redact).")
    var redact = false

    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    func validate() throws {
      if !(timeLimit > 0) { throw ValidationError("--time-limit must be positive") }
    }

    func run() throws {
      let input = try Diagnostics.loadScenario(scenario)
      if !json { Diagnostics.print(input.district.warnings) }
      let inst = try Diagnostics.instance(input, redact: redact)
      let d = Diagnosis.run(inst, timeLimit: timeLimit)
      let verdict = !d.decided && d.admitsPlan ? "unknown" : (d.admitsPlan ? "admits_plan" : "no_plan")
      if json {
        let doc: JSONValue = .object([
          ("scenario", .string(inst.scenario.name)),
          ("hard_rules", .string(verdict)),
          ("conflicts", .array(d.conflicts.map { .string($0) })),
          ("soft_limits", .array(d.softLimits.map { .string($0) })),
          ("warnings", .array(d.warnings.map { .string($0) })),
        ])
        print(doc.serialized(), terminator: "")
      } else {
        switch verdict {
        case "admits_plan": print("\(inst.scenario.name): the hard rules admit a plan")
        case "unknown": print("\(inst.scenario.name): could not tell within \(timeLimit) s whether the hard rules admit a plan")
        default:
          print("\(inst.scenario.name): the hard rules admit no plan")
          for c in d.conflicts { print("- " + c) }
        }
        if !d.softLimits.isEmpty {
          print("soft rules no plan can fully meet:")
          for s in d.softLimits { print("- " + s) }
        }
        for w in d.warnings { Diagnostics.note("warning: \(w)") }
      }
      if verdict == "no_plan" { throw ExitCode(ExitStatus.infeasible) }
      if verdict == "unknown" { throw ExitCode(ExitStatus.noPlan) }
    }
  }
}
