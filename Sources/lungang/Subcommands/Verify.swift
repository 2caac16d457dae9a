import ArgumentParser
import Foundation
import LungangCore

extension Lungang {
  /// `lungang verify`: check a written plan and its summary against the rules, without GLPK.
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a result folder (plan.csv, summary.json) against the scenario's rules, without the solver.",
      discussion: "Exit status: 0 the plan keeps every rule and every figure of summary.json is right; 1 problems were found (listed on stderr); 2 invalid input.")

    @Argument(help: "The scenario YAML file the plan was made for.")
    var scenario: String

    @Argument(help: "The result folder written by `lungang solve`.")
    var resultDir: String

    func run() throws {
      let input = try Diagnostics.loadScenario(scenario)
      let inst = RotationInstance(district: input.district, scenario: input.scenario)
      let problems = PlanVerifier.verify(inst, resultDir: URL(fileURLWithPath: resultDir))
      for p in problems { Diagnostics.note("verify: \(p)") }
      if !problems.isEmpty { throw ExitCode(1) }
      print("\(resultDir): the plan keeps every rule; summary.json agrees")
    }
  }
}
