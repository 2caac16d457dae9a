import ArgumentParser
import LungangCore

extension Lungang {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not yet built.")
    func run() throws { throw ExitCode(70) }
  }
}
