import ArgumentParser
import Foundation
import LungangCore

extension Lungang {
  /// `lungang explain`: why one person is where a plan puts them.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Explain one person's place in a plan: eligibility, allowed destinations, what the move serves, and the exact cost of each alternative.",
      discussion: """
        The scenario is the one summary.json names (scenario_file) unless --scenario is \
        given. Alternatives: Δ = total objective of the plan with only this person sent \
        there minus the plan's total, both recomputed in full (not an LP reduced cost); a \
        change that alone breaks a hard rule is marked so. \
        Exit status: 0 explained; 2 invalid input, unknown staff id, or no scenario to load.
        """)

    @Argument(help: "The result folder written by `lungang solve`.")
    var resultDir: String

    @Argument(help: "The staff id (工号) to explain.")
    var staffID: String

    @Option(help: "The scenario YAML the plan was made for (default: summary.json's scenario_file).")
    var scenario: String?

    @Option(help: "How many alternative destinations to show.")
    var alternatives: Int = 5

    @Flag(help: "Replace every person's name by its stable pseudonym (as solve --redact).")
    var redact = false

    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    func validate() throws {
      if alternatives < 0 { throw ValidationError("--alternatives must be 0 or more") }
    }

    func run() throws {
      let dir = URL(fileURLWithPath: resultDir)
      let sumURL = dir.appendingPathComponent("summary.json")
      var summary: [String: Any] = [:]
      if let data = FileManager.default.contents(atPath: sumURL.path) {
        summary = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
      }
      guard let path = scenario ?? (summary["scenario_file"] as? String) else {
        Diagnostics.note(
          FileManager.default.fileExists(atPath: sumURL.path)
            ? "lungang explain: \(sumURL.path) names no scenario_file; give --scenario FILE"
            : "lungang explain: \(sumURL.path): no such file; give a result folder of `lungang solve` (or --scenario FILE)")
        throw ExitCode(ExitStatus.invalidInput)
      }
      let input = try Diagnostics.loadScenario(path)
      let inst = try Diagnostics.instance(input, redact: redact)
      // Inputs changed since the run?
      if let written = summary["inputs"] as? [String: Any] {
        let now = inst.district.inputHashes.merging(inst.scenario.inputHashes) { a, _ in a }
        for (file, hash) in written.sorted(by: { $0.key < $1.key }) {
          if let h = now[file], let w = hash as? String, h != w {
            Diagnostics.note("lungang explain: warning: \(file) has changed since the plan was made; the account may not match it")
          }
        }
      }
      guard let i = inst.staffIndex[staffID] else {
        let hints = Explain.suggestions(for: staffID, in: inst)
        Diagnostics.note(
          "lungang explain: no staff with id \(staffID) in \(input.district.folder.path)"
            + (hints.isEmpty ? "" : "; did you mean " + hints.joined(separator: ", ") + "?"))
        throw ExitCode(ExitStatus.invalidInput)
      }
      let file: PlanFile
      do {
        file = try PlanFile.read(inst, from: dir.appendingPathComponent("plan.csv"))
      } catch {
        Diagnostics.note("lungang explain: \(error)")
        throw ExitCode(ExitStatus.invalidInput)
      }
      for p in file.problems { Diagnostics.note("lungang explain: warning: \(p)") }
      let ex = PersonExplanation(inst, plan: file.plan, person: i)
      if json {
        print(ex.json(alternatives: alternatives).serialized(), terminator: "")
      } else {
        print(ex.text(alternatives: alternatives), terminator: "")
      }
    }

    /// Ids close to `id`: the same ignoring case, within one edit (two for ids longer than four), or the id of a person
    /// whose name is `id`; at most five.
    static func suggestions(for id: String, in inst: RotationInstance) -> [String] {
      let target = Array(id.lowercased())
      var scored: [(Int, String)] = []
      for p in inst.staff {
        if p.name == id { scored.append((0, "\(p.id) (\(p.name))")); continue }
        let cand = Array(p.id.lowercased())
        if abs(cand.count - target.count) > 2 { continue }
        let d = editDistance(cand, target)
        if d <= (target.count <= 4 ? 1 : 2) { scored.append((d, p.id)) }
      }
      return scored.sorted { $0 < $1 }.prefix(5).map(\.1)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
      var prev = Array(0...b.count)
      for (x, ca) in a.enumerated() {
        var cur = [x + 1] + Array(repeating: 0, count: b.count)
        for (y, cb) in b.enumerated() {
          cur[y + 1] = min(prev[y + 1] + 1, cur[y] + 1, prev[y] + (ca == cb ? 0 : 1))
        }
        prev = cur
      }
      return prev[b.count]
    }
  }
}
