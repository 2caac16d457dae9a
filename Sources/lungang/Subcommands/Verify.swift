import ArgumentParser
import Foundation
import LungangCore

extension Lungang {
  /// `lungang verify`: check a written plan and its summary against the rules, without GLPK.
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a result folder (plan.csv, summary.json) against the scenario's rules, without the solver.",
      discussion: """
        The scenario is the one recorded in summary.json (scenario_file) unless given first. \
        Exit status: 0 the plan keeps every rule and every figure of summary.json is right; \
        1 problems were found (listed on stderr); 2 invalid input.
        """)

    @Argument(help: "[SCENARIO] RESULT_DIR: the result folder written by `lungang solve`, optionally preceded by the scenario YAML file.")
    var paths: [String]

    func validate() throws {
      if paths.isEmpty || paths.count > 2 { throw ValidationError("give RESULT_DIR, or SCENARIO RESULT_DIR") }
    }

    func run() throws {
      let resultDir = paths[paths.count - 1]
      let scenario: String
      if paths.count == 2 {
        scenario = paths[0]
      } else {
        switch ResultFolder.scenarioFile(of: URL(fileURLWithPath: resultDir)) {
        case .success(let s): scenario = s
        case .failure(let e):
          Diagnostics.print(e.diagnostics)
          throw ExitCode(ExitStatus.invalidInput)
        }
      }
      let input = try Diagnostics.loadScenario(scenario)
      let inst = try Diagnostics.instance(input)
      let problems = PlanVerifier.verify(inst, resultDir: URL(fileURLWithPath: resultDir))
      for p in problems { Diagnostics.note("verify: \(p)") }
      if !problems.isEmpty { throw ExitCode(1) }
      print("\(resultDir): the plan keeps every rule; summary.json agrees")
    }
  }
}
