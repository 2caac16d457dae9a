import Foundation

/// The planners' report as Markdown (GitHub-flavoured tables): the same sections as the HTML
/// report, with tables where the HTML has charts; every text from the data escaped.
public enum MarkdownReport {
  /// Renders the report in `language`.
  public static func render(_ r: PlanReport, language: ReportLanguage = .zh) -> String {
    var b = Builder(s: ReportStrings(language))
    b.document(r)
    return b.out
  }

  struct Builder {
    let s: ReportStrings
    var out = ""

    static func e(_ x: String) -> String { ReportFormat.markdown(x) }

    mutating func line(_ x: String = "") { out += x + "\n" }

    /// A table; `numeric` columns are right-aligned. Cells are escaped here.
    mutating func table(_ head: [(String, Bool)], _ rows: [[String]]) {
      line("| " + head.map { Self.e($0.0) }.joined(separator: " | ") + " |")
      line("|" + head.map { $0.1 ? "---:|" : "---|" }.joined())
      for r in rows { line("| " + r.map { Self.e($0) }.joined(separator: " | ") + " |") }
      line()
    }

    mutating func heading(_ level: Int, _ text: String) {
      line(String(repeating: "#", count: level) + " " + Self.e(text))
      line()
    }

    mutating func paragraph(_ text: String) {
      line(Self.e(text))
      line()
    }

    func mark(_ met: Bool?) -> String {
      guard let met else { return "" }
      return met ? " ✓" : " ✗"
    }

    func metText(_ met: Bool?) -> String {
      guard let met else { return s.notApplicable }
      return met ? s.met : s.missed
    }

    func indicatorName(_ v: PlanReport.IndicatorView) -> String {
      s.indicator(v.indicator) + (v.inObjective ? "" : s.notInObjective)
    }

    mutating func document(_ r: PlanReport) {
      heading(1, s.title)
      paragraph(
        "\(s.scenario): \(r.scenarioName) · \(s.year): \(r.year) · \(s.district): \(r.districtName) · "
          + "\(s.status): \(s.status(r.solver.status))")
      headline(r)
      balance(r)
      flows(r)
      schools(r)
      quotas(r)
      shortages(r)
      solver(r)
      line("---")
      line()
      line(Self.e(s.footer(r.versions.lungang, r.versions.glpk)))
    }

    mutating func headline(_ r: PlanReport) {
      let h = r.headline
      heading(2, s.headline)
      table(
        [(s.figure, false), (s.value, true)],
        [
          [s.schools, String(h.schools)],
          [s.sectionsPrimaryJunior, "\(h.primarySections) / \(h.juniorSections)"],
          [s.staff, String(h.staff)],
          [s.teachersCadres, "\(h.teachers) / \(h.cadres)"],
          [s.eligible, String(h.eligible)],
          [s.movable, String(h.movable)],
          [s.moving, String(h.moved)],
          [s.movingTeachers, String(h.movedTeachers)],
          [s.movingKey, String(h.movedKey)],
          [s.movingCadres, String(h.movedCadres)],
          [s.shortageHeads, String(h.shortage)],
          [s.quotaMissingHeads, String(h.quotaMissing)],
          [s.objective, ReportFormat.objective(r.solver.objective)],
          [s.gap, ReportFormat.gapPercent(r.solver.gap)],
        ])
    }

    mutating func balance(_ r: PlanReport) {
      heading(2, s.balance)
      let q = QualityBalanceStandard.self
      paragraph(
        s.standardNote(
          ReportFormat.coord(q.higherDegreePrimaryPer100), ReportFormat.coord(q.higherDegreeJuniorPer100),
          ReportFormat.coord(q.keyPer100), ReportFormat.coord(q.peArtsPer100),
          ReportFormat.num(q.cvLimitPrimary, 2), ReportFormat.num(q.cvLimitJunior, 2)))
      heading(3, s.cvHeading)
      table(
        [
          (s.stage, false), (s.indicator, false), (s.before, true), (s.after, true), (s.limit, true),
          (s.meetingBefore, false), (s.meetingAfter, false),
        ],
        r.indicators.map { v in
          [
            s.stage(v.stage), indicatorName(v), ReportFormat.cv(v.cvBefore), ReportFormat.cv(v.cvAfter),
            ReportFormat.num(v.cvLimit, 2), metText(v.cvMetBefore), metText(v.cvMetAfter),
          ]
        })
      let withThreshold = r.indicators.filter { $0.threshold != nil }
      heading(3, s.metHeading)
      table(
        [
          (s.stage, false), (s.indicator, false), (s.threshold, true), (s.sections, true), (s.meetingBefore, true),
          (s.meetingAfter, true), (s.newlyMeeting, true), (s.newlyMissing, true), (s.districtPer100, true),
        ],
        withThreshold.map { v in
          [
            s.stage(v.stage), indicatorName(v), ReportFormat.coord(v.threshold ?? 0), String(v.sections.count),
            String(v.metBefore), String(v.metAfter), String(v.newlyMeeting.count), String(v.newlyMissing.count),
            "\(ReportFormat.per100(v.meanBefore)) → \(ReportFormat.per100(v.meanAfter))",
          ]
        })
      heading(3, s.changesHeading)
      var changes: [[String]] = []
      for v in withThreshold {
        for x in v.sections where x.newlyMeets || x.newlyMisses {
          changes.append([
            x.schoolID, x.schoolName, s.stage(x.stage), s.indicatorShort(v.indicator),
            ReportFormat.per100(x.per100Before), ReportFormat.per100(x.per100After),
            ReportFormat.coord(x.threshold ?? 0), x.newlyMeets ? s.newlyMeets : s.newlyMisses,
          ])
        }
      }
      if changes.isEmpty {
        paragraph(s.noChanges)
      } else {
        table(
          [
            (s.schoolID, false), (s.name, false), (s.stage, false), (s.indicator, false), (s.before, true),
            (s.after, true), (s.threshold, true), (s.change, false),
          ], changes)
      }
      heading(3, s.perSectionHeading)
      for g in Stage.allCases {
        let views = r.indicators.filter { $0.stage == g }
        guard let first = views.first else { continue }
        heading(4, s.stage(g))
        var head: [(String, Bool)] = [(s.schoolID, false), (s.name, false), (s.pupils, true)]
        for v in views {
          head.append(("\(s.indicatorShort(v.indicator)) \(s.before)", true))
          head.append(("\(s.indicatorShort(v.indicator)) \(s.after)", true))
        }
        var rows: [[String]] = []
        for (n, x) in first.sections.enumerated() {
          var row = [x.schoolID, x.schoolName, String(x.pupils)]
          for v in views {
            let c = v.sections[n]
            row.append(ReportFormat.per100(c.per100Before) + mark(c.metBefore))
            row.append(ReportFormat.per100(c.per100After) + mark(c.metAfter))
          }
          rows.append(row)
        }
        table(head, rows)
      }
    }

    mutating func matrix(_ m: PlanReport.FlowMatrix, labels: [String]) {
      var head: [(String, Bool)] = [(s.fromTo, false)]
      head += labels.map { ($0, true) }
      head.append((s.total, true))
      var rows: [[String]] = []
      let rowTotals = m.rowTotals
      for (r, l) in labels.enumerated() {
        rows.append([l] + m.counts[r].map(String.init) + [String(rowTotals[r])])
      }
      rows.append([s.total] + m.columnTotals.map(String.init) + [String(m.total)])
      table(head, rows)
    }

    mutating func flows(_ r: PlanReport) {
      heading(2, s.flows)
      paragraph(s.flowCaption)
      heading(3, s.zoneFlows)
      matrix(r.zoneFlows, labels: r.zoneFlows.labels)
      let tiers = r.tierFlows.labels.indices.map { s.tier($0 + 1) }
      heading(3, s.tierFlows)
      matrix(r.tierFlows, labels: tiers)
      heading(3, s.keyTierFlows)
      matrix(r.keyTierFlows, labels: tiers)
    }

    mutating func schools(_ r: PlanReport) {
      heading(2, s.perSchool)
      if r.headline.moved == 0 { paragraph(s.nobodyMoves) }
      table(
        [
          (s.schoolID, false), (s.name, false), (s.zone, false), (s.tierHeading, false), (s.outTeachers, true),
          (s.outKey, true), (s.outCadres, true), (s.inTeachers, true), (s.inKey, true), (s.inCadres, true),
          (s.net, true), (s.required, true), (s.missing, true),
        ],
        r.schools.map { x in
          [
            x.id, x.name, x.zone, s.tier(x.tier), String(x.outTeachers), String(x.outKey), String(x.outCadres),
            String(x.inTeachers), String(x.inKey), String(x.inCadres), x.net > 0 ? "+\(x.net)" : String(x.net),
            String(x.quotaRequired), String(x.quotaMissing),
          ]
        })
    }

    mutating func quotas(_ r: PlanReport) {
      heading(2, s.quotas)
      heading(3, s.teacherQuotaHeading)
      let unmet = r.unmetQuotas
      if unmet.isEmpty {
        paragraph(s.allQuotasMet)
      } else {
        table(
          [(s.schoolID, false), (s.name, false), (s.tierHeading, false), (s.required, true), (s.movingCount, true), (s.missing, true)],
          unmet.map { [$0.id, $0.name, s.tier($0.tier), String($0.quotaRequired), String($0.outTeachers), String($0.quotaMissing)] })
      }
      heading(3, s.keyShareHeading)
      let keys = r.keyShareShortfalls
      if keys.isEmpty {
        paragraph(s.allKeySharesMet)
      } else {
        table(
          [(s.schoolID, false), (s.name, false), (s.teachersMoving, true), (s.keyMoving, true), (s.keyTarget, true), (s.shortfall, true)],
          keys.map {
            [
              $0.id, $0.name, String($0.outTeachers), String($0.outKey), ReportFormat.num($0.keyTarget, 2),
              ReportFormat.num($0.keyShortfall, 2),
            ]
          })
      }
      paragraph(s.cadreQuota(required: r.cadreQuotaRequired, moving: r.headline.movedCadres))
    }

    mutating func shortages(_ r: PlanReport) {
      heading(2, s.shortages)
      if r.shortages.isEmpty {
        paragraph(s.noShortage)
        return
      }
      let bySubject = r.shortageBySubject
      if !bySubject.isEmpty {
        heading(3, s.bySubject)
        table([(s.subject, false), (s.short, true)], bySubject.map { [s.subject($0.0), String($0.1)] })
      }
      table(
        [
          (s.schoolID, false), (s.name, false), (s.stage, false), (s.post, false), (s.posts, true), (s.before, true),
          (s.after, true), (s.short, true),
        ],
        r.shortages.map { x in
          [
            x.schoolID, x.schoolName, x.stage.map { s.stage($0) } ?? "",
            x.subject.map { s.subject($0) } ?? x.role.map { s.role($0) } ?? "", String(x.posts), String(x.before),
            String(x.after), String(x.short),
          ]
        })
    }

    mutating func solver(_ r: PlanReport) {
      let v = r.solver
      heading(2, s.solver)
      table(
        [(s.figure, false), (s.value, true)],
        [
          [s.status, s.status(v.status)],
          [s.objective, ReportFormat.objective(v.objective)],
          [s.bound, ReportFormat.objective(v.bound)],
          [s.gap, ReportFormat.gapPercent(v.gap)],
          [s.heuristic, ReportFormat.objective(v.heuristicObjective)],
        ])
      heading(3, s.terms)
      table(
        [(s.term, false), (s.value, true)],
        v.terms.map { [s.term($0.0), ReportFormat.num($0.1, 3)] }
          + [[s.total, ReportFormat.num(v.terms.reduce(0) { $0 + $1.1 }, 3)]])
      heading(3, s.modelSize)
      table(
        [(s.figure, false), (s.value, true)],
        [
          [s.columns, String(v.model.columns)], [s.rows, String(v.model.rows)],
          [s.nonzeros, String(v.model.nonzeros)], [s.integerColumns, String(v.model.integerColumns)],
          [s.parts, String(v.model.parts)],
        ])
      if let t = v.timing {
        heading(3, s.timing)
        table(
          [(s.figure, false), (s.value, true)],
          [("load", t.load), ("build", t.build), ("solve", t.solve), ("write", t.write), ("total", t.total)].map {
            [s.timingPart($0.0), ReportFormat.num($0.1, 3)]
          })
      }
      heading(3, s.rulesHeading)
      table([(s.rule, false), (s.value, false)], ReportRules.rows(r.rules, s).map { [$0.0, $0.1] })
    }
  }
}
