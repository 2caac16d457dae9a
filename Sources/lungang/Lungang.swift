import ArgumentParser
import LungangCore

@main
struct Lungang: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lungang",
    abstract: "Plan the exchange rotation of teachers and school cadres (干部教师交流轮岗).",
    version: lungangVersion,
    subcommands: [
      Solve.self, Validate.self, Verify.self, Diagnose.self, Compare.self, Explain.self, Generate.self,
      Export.self,
    ])
}
