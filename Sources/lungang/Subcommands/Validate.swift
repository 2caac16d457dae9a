import ArgumentParser
import Foundation
import LungangCore

extension Lungang {
  /// `lungang validate`: load and check a scenario and its district, solve nothing.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load and check a scenario and its district; print counts and every problem.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    func run() throws {
      let input = try Diagnostics.loadScenario(scenario)
      Diagnostics.print(input.district.warnings)
      let inst = try Diagnostics.instance(input)
      let counts: [(String, Int)] = [
        ("schools", inst.schools.count), ("sections", inst.sections.count),
        ("staff", inst.staff.count),
        ("teachers", inst.staff.filter { $0.role == .teacher }.count),
        ("cadres", inst.staff.filter { $0.role.isCadre }.count),
        ("eligible", inst.eligible.filter { $0 }.count),
        ("movable", inst.movable.filter { $0 }.count),
        ("warnings", input.district.warnings.count),
      ]
      if json {
        let doc = JSONValue.object(
          [("scenario", .string(inst.scenario.name)), ("valid", .bool(true))]
            + counts.map { ($0.0, JSONValue.int($0.1)) })
        Swift.print(doc.serialized(), terminator: "")
      } else {
        Swift.print("\(Diagnostic.escaped(inst.scenario.name)): valid")
        for (k, v) in counts { Swift.print("  \(k.padding(toLength: 10, withPad: " ", startingAt: 0)) \(v)") }
      }
    }
  }
}

/// Prints diagnostics to stderr, one per line.
enum Diagnostics {
  static func print(_ ds: [Diagnostic]) {
    for d in ds { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
  }
  /// Loads a scenario and its district; on invalid input prints every problem and exits 2.
  static func loadScenario(_ path: String) throws -> ScenarioInput {
    do {
      return try ScenarioInput.load(path: path)
    } catch let e as InputError {
      print(e.diagnostics)
      throw ExitCode(ExitStatus.invalidInput)
    }
  }
  /// Writes one line to stderr, control characters escaped (notes quote ids and names).
  /// Derives the instance; a model too large for this machine's memory gets candidates
  /// (noted on stderr), and one whose candidates are too large as well is refused (exit 2).
  static func instance(_ input: ScenarioInput, redact: Bool = false, threads: Int? = nil) throws -> RotationInstance {
    let inst = RotationInstance(
      district: redact ? input.district.redacted() : input.district, scenario: input.scenario, threads: threads)
    if inst.isTooLarge {
      let movable = inst.movable.filter { $0 }.count
      print([
        Diagnostic(
          .error, file: input.scenario.file?.path ?? input.scenario.name, column: "rules.scope",
          "the model would have more than \(RotationInstance.maxDestinations) assignment columns "
            + "(\(movable) movable people, scope \(input.scenario.rules.scope.rawValue)), more than this "
            + "machine's memory holds; narrow the scope or set max_commute_km")
      ])
      throw ExitCode(ExitStatus.invalidInput)
    }
    if let k = inst.candidateMoves {
      note(
        "note: the \(inst.allowedDestinationCount) allowed destinations would not fit in this machine's memory "
          + "(scope \(input.scenario.rules.scope.rawValue)): each person keeps staying and their \(k) cheapest moves "
          + "as candidates (\(inst.destinationCount) columns), and the bound prices every allowed destination")
    }
    return inst
  }

  static func note(_ s: String) {
    FileHandle.standardError.write(Data((Diagnostic.escaped(s) + "\n").utf8))
  }
}
