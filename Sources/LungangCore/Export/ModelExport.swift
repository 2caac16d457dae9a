import Foundation
import GLPKKit

/// Writes a scenario's model for other tools: MathProg data for `Models/rotation.mod`,
/// or the Swift-built model in CPLEX LP or free MPS, with a names.csv side-car.
public enum ModelExport {
  /// Output formats.
  public enum Format: String, CaseIterable, Sendable {
    /// Data section for `Models/rotation.mod` (`glpsol -m Models/rotation.mod -d FILE`).
    case gmpl
    /// CPLEX LP format, written by GLPK.
    case lp
    /// Free MPS format, written by GLPK.
    case mps
  }

  /// Writes `inst` in `format` to `url`; for lp and mps also `<url>.names.csv` mapping every
  /// row and column name to the people, sections and rules it stands for. Returns the
  /// files written.
  @discardableResult
  public static func write(_ inst: RotationInstance, format: Format, to url: URL) throws -> [URL] {
    switch format {
    case .gmpl:
      try AtomicFile.write(GMPLDataWriter.data(district: inst.district, scenario: inst.scenario), to: url)
      return [url]
    case .lp, .mps:
      let form = Formulation(inst, names: true, balance: Tuning.balanceForm(mipGap: inst.scenario.solver.mipGap))
      if !form.contradictions.isEmpty {
        throw ExportError(message: "the hard rules admit no plan: " + form.contradictions.joined(separator: "; "))
      }
      let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
      try GLPK.runOnDedicatedThread { () throws -> Void in
        let previousOutput = GLPK.terminalOutput
        GLPK.terminalOutput = .suppressed
        defer { GLPK.terminalOutput = previousOutput }
        let p = try RotationSolver.load(portable(form.model))
        if format == .lp { try p.writeLP(to: tmp) } else { try p.writeMPS(to: tmp) }
      }
      guard rename(tmp.path, url.path) == 0 else { throw ExportError(message: "cannot write \(url.path)") }
      let names = url.appendingPathExtension("names.csv")
      try AtomicFile.write(namesCSV(form, inst), to: names)
      return [url, names]
    }
  }

  /// The model with its objective constant carried by a column fixed at 1
  /// (`objective_constant`): MPS readers disagree on the sign of a constant written as the
  /// objective row's right-hand side (GLPK writes +c, HiGHS and CBC read −c), so a fixed
  /// column is the only form every solver reads the same.
  public static func portable(_ m: SparseModel) -> SparseModel {
    var m = m
    if m.objectiveConstant != 0 {
      m.addColumn("objective_constant", lower: 1, upper: 1, integer: false, cost: m.objectiveConstant)
      m.objectiveConstant = 0
    }
    return m
  }

  /// names.csv: kind (row/column), name, rule, and what it stands for in the domain.
  public static func namesCSV(_ form: Formulation, _ inst: RotationInstance) -> String {
    var w = CSVWriter()
    w.row(["kind", "name", "rule", "staff_id", "staff_name", "school", "stage", "detail"])
    for c in 0..<form.model.columnCount {
      let name = form.model.columnNames[c]
      let rule = String(name.prefix { $0 != "_" })
      if c < form.assignCount {
        let i = Int(form.assignPerson[c])
        let d = inst.destinations[i][Int(form.assignDestination[c])]
        w.row([
          "column", name, rule, inst.staff[i].id, inst.staff[i].name, inst.schools[d.school].id,
          d.section >= 0 ? inst.sections[d.section].stage.code : "", d.isStay ? "stay" : "move",
        ])
      } else {
        w.row(["column", name, rule, "", "", "", "", describe(name, inst)])
      }
    }
    if form.model.objectiveConstant != 0 {
      w.row(["column", "objective_constant", "objective_constant", "", "", "", "", "fixed at 1; cost = the objective's constant terms"])
    }
    for r in 0..<form.model.rowCount {
      let name = form.model.rowNames[r]
      w.row(["row", name, String(name.prefix { $0 != "_" }), "", "", "", "", describe(name, inst)])
    }
    return w.text
  }

  /// Replaces index tokens (p12, k3, j4) in a model name by ids.
  static func describe(_ name: String, _ inst: RotationInstance) -> String {
    name.split(separator: "_").map { tok -> String in
      guard let f = tok.first, let n = Int(tok.dropFirst()) else { return String(tok) }
      switch f {
      case "p" where n < inst.staff.count: return "staff \(inst.staff[n].id)"
      case "k" where n < inst.sections.count:
        let s = inst.sections[n]
        return "section \(inst.schools[s.school].id)/\(s.stage.code)"
      case "j" where n < inst.schools.count: return "school \(inst.schools[n].id)"
      case "c": return "count \(n)"
      default: return String(tok)
      }
    }.joined(separator: " ")
  }
}

/// An export that cannot be written.
public struct ExportError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
