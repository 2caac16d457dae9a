import Foundation

/// A scenario and its district, loaded and validated together.
public struct ScenarioInput: Sendable {
  public var scenario: Scenario
  public var district: District
  /// Seconds spent loading.
  public var loadSeconds: Double

  /// Loads a scenario file and its district; throws `InputError` with every problem.
  public static func load(path: String) throws -> ScenarioInput {
    let t0 = Date()
    let url = URL(fileURLWithPath: path)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw InputError([Diagnostic(.error, file: path, "no such file")])
    }
    let scenario = try ScenarioLoader.load(file: url)
    let display = displayPath(for: scenario.district)
    let district = try DistrictLoader.load(folder: scenario.district, displayPath: display)
    return ScenarioInput(
      scenario: scenario, district: district, loadSeconds: Date().timeIntervalSince(t0))
  }

  /// A path relative to the current directory when the folder lies under it.
  static func displayPath(for url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let p = url.standardizedFileURL.path
    if p.hasPrefix(cwd + "/") { return String(p.dropFirst(cwd.count + 1)) }
    return p
  }
}

/// Exit statuses of the `lungang` command.
public enum ExitStatus {
  /// A plan was written (or validation passed).
  public static let ok: Int32 = 0
  /// Invalid input: nothing solved.
  public static let invalidInput: Int32 = 2
  /// The hard rules admit no plan.
  public static let infeasible: Int32 = 3
  /// Stopped (time limit or interrupt) before any plan was found.
  public static let noPlan: Int32 = 4
  /// Bad command-line usage (swift-argument-parser's EX_USAGE).
  public static let usage: Int32 = 64
  /// Internal error (EX_SOFTWARE), including a GLPK failure.
  public static let internalError: Int32 = 70
  /// An output file could not be written (EX_CANTCREAT).
  public static let cannotWrite: Int32 = 73
}
