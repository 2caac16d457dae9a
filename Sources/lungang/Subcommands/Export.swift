import ArgumentParser
import Foundation
import LungangCore

extension ModelExport.Format: ExpressibleByArgument {}

extension Lungang {
  /// `lungang export`: write the model for glpsol or other solvers.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a scenario's model: MathProg data for Models/rotation.mod, or LP/MPS with a names.csv side-car.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(help: "gmpl, lp or mps.")
    var format: ModelExport.Format = .mps

    @Option(help: "The file to write.")
    var out: String

    func run() throws {
      let input = try Diagnostics.loadScenario(scenario)
      let inst = try Diagnostics.instance(input)
      do {
        let files = try ModelExport.write(inst, format: format, to: URL(fileURLWithPath: out))
        for f in files { Diagnostics.note("wrote \(f.relativePath)") }
      } catch let e as ExportError {
        Diagnostics.note("lungang: \(e.message)")
        throw ExitCode(ExitStatus.infeasible)
      }
    }
  }
}
