import Foundation

/// A plan.csv read back into a `Plan` of an instance: the plan and the problems of its rows.
///
/// Shared by `verify` and `explain`. A row names a person (`staff_id`) and where they end
/// (`to_school`, `to_stage`); the row is matched to the first allowed destination of that
/// person at that school and stage (stage ignored for cadres). Rows that name an unknown
/// person or school, a person who is not movable or a destination that is not allowed are
/// problems and leave the person where they are. A field that the writer prefixed with `'`
/// (formula neutralising) is read back without it when the raw text is not an id.
public struct PlanFile: Sendable {
  /// Where everyone ends according to the file (everybody not listed stays).
  public var plan: Plan
  /// Problems of single rows, as `plan.csv:LINE: …` (and CSV syntax errors).
  public var problems: [String]
  /// Every row of a known, movable person at a known school, as written (staff id → place),
  /// allowed or not: what `RuleCheck` reads independently of the instance's destinations.
  public var moves: [String: RuleCheck.Place] = [:]

  /// A plan.csv that cannot be used at all.
  public struct ReadError: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// Reads `url` (plan.csv) against `inst`; throws when the file is unreadable or lacks the
  /// `staff_id`, `to_school` or `to_stage` column.
  public static func read(_ inst: RotationInstance, from url: URL) throws -> PlanFile {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw ReadError(description: "\(url.path): cannot read")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let (table, diags) = CSVReader.parse(bytes, file: "plan.csv")
    var problems = diags.filter { $0.severity == .error }.map(\.description)
    var plan = Plan.allStay(inst)
    let header = table.header.map { $0.lowercased() }
    func col(_ name: String) -> Int? { header.firstIndex(of: name) }
    guard let cID = col("staff_id"), let cTo = col("to_school"), let cStage = col("to_stage") else {
      throw ReadError(description: "plan.csv: missing staff_id, to_school or to_stage column")
    }
    func lookup(_ s: String, _ index: [String: Int]) -> Int? {
      if let i = index[s] { return i }
      return s.hasPrefix("'") ? index[String(s.dropFirst())] : nil
    }
    var seen = Set<String>()
    var moves: [String: RuleCheck.Place] = [:]
    for (r, record) in table.records.enumerated() {
      let id = table.value(r, cID)
      let where_ = "plan.csv:\(record.line)"
      guard let i = lookup(id, inst.staffIndex) else {
        problems.append("\(where_): unknown staff \(id)")
        continue
      }
      if !seen.insert(inst.staff[i].id).inserted { problems.append("\(where_): \(id) listed twice") }
      guard inst.movable[i] else {
        problems.append("\(where_): \(id) is not movable")
        continue
      }
      let to = table.value(r, cTo)
      let stage = table.value(r, cStage)
      guard let j = lookup(to, inst.schoolIndex) else {
        problems.append("\(where_): unknown school \(to)")
        continue
      }
      moves[inst.staff[i].id] = RuleCheck.Place(
        school: inst.schools[j].id, stage: Stage.allCases.first { $0.code == stage })
      let match = inst.destinations[i].firstIndex { d in
        !d.isStay && d.school == j
          && (d.section < 0 || inst.sections[d.section].stage.code == stage)
      }
      guard let m = match else {
        problems.append("\(where_): \(to)/\(stage) is not an allowed destination of \(id)")
        continue
      }
      plan.choice[i] = m
    }
    return PlanFile(plan: plan, problems: problems, moves: moves)
  }
}
