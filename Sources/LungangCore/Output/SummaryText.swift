/// The readable summary of a solve printed to stdout.
public enum SummaryText {
  /// Renders headline figures, objective terms and CVs before and after; `files` are the
  /// names written into `outDir`.
  public static func render(
    _ inst: RotationInstance, _ o: SolveOutcome, outDir: String,
    files: [String] = ["plan.csv", "sections.csv", "summary.json"]
  ) -> String {
    var s = "\(Diagnostic.escaped(inst.scenario.name))\n"
    s += "status: \(o.status.rawValue)"
    if let t = o.objective { s += "   objective \(PlanOutputs.fmt(t, 3))" }
    if let b = o.bound { s += "   bound \(PlanOutputs.fmt(b, 3))" }
    if let g = o.gap { s += "   gap \(PlanOutputs.fmt(g * 100, 4))%" }
    s += "\n\n"
    if let ev = o.evaluation {
      let rows: [[String]] = [
        ["staff", String(inst.staff.count), "eligible", String(inst.eligible.filter { $0 }.count)],
        ["movable", String(inst.movable.filter { $0 }.count), "moved", String(ev.moved)],
        ["key teachers moved", String(ev.movedKey), "cadres moved", String(ev.movedCadres)],
        ["post shortage", String(ev.shortageHeads), "quota missing", String(ev.quotaMissing)],
      ]
      s += renderTable(rows, rightAligned: [1, 3]) + "\n"
      var t: [[String]] = [["term", "value"]]
      for (k, v) in ev.terms.named { t.append([k, PlanOutputs.fmt(v, 3)]) }
      t.append(["total", PlanOutputs.fmt(ev.terms.total, 3)])
      s += renderTable(t, rightAligned: [1]) + "\n"
      let terms = inst.balanceTerms()
      var cv: [[String]] = [["学段 stage", "指标 indicator", "CV before", "CV after", "limit"]]
      for (n, term) in terms.enumerated() {
        let b = inst.coefficientOfVariation(counts: ev.indicatorBefore[n], sections: term.sections)
        let a = inst.coefficientOfVariation(counts: ev.indicatorAfter[n], sections: term.sections)
        cv.append([
          "\(term.stage.label) \(term.stage.code)", label(term.indicator),
          b.map { PlanOutputs.fmt($0, 3) } ?? "-", a.map { PlanOutputs.fmt($0, 3) } ?? "-",
          term.stage == .primary ? "0.50" : "0.45",
        ])
      }
      s += renderTable(cv, rightAligned: [2, 3, 4]) + "\n"
    }
    s += "written to \(outDir)/ (\(files.joined(separator: ", ")))\n"
    return s
  }

  static func label(_ m: Indicator) -> String {
    switch m {
    case .higherDegree: return "高学历 higher_degree"
    case .key: return "骨干 key"
    case .peArts: return "体艺 pe_arts"
    case .seniorTitle: return "高级职称 senior_title"
    }
  }
}
