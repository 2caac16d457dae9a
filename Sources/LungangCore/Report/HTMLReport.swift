import Foundation

/// The planners' report as one self-contained HTML file: inline CSS, inline SVG charts, no
/// scripts, no external resources, a CJK-capable font stack; every text from the data escaped.
public enum HTMLReport {
  /// Fonts tried in order: Noto/Source Han (Linux), PingFang (macOS), YaHei (Windows).
  static let fontStack =
    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Hiragino Sans GB\", "
    + "\"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif"

  static let css = """
    :root { --fg: #212529; --muted: #6c757d; --line: #dee2e6; --ok: #2b8a3e; --bad: #c92a2a; --link: #1c7ed6; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1240px; padding: 24px 28px 48px; color: var(--fg); background: #fff;
      font-family: \(fontStack); font-size: 14px; line-height: 1.55; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
    h3 { font-size: 15px; margin: 22px 0 8px; }
    p.meta, figcaption, .note { color: var(--muted); }
    p.meta { margin: 0 0 14px; }
    nav ol { margin: 0; padding-left: 22px; columns: 3; }
    a { color: var(--link); text-decoration: none; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(178px, 1fr)); gap: 10px; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
    .card .v { font-size: 21px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .card .k { color: var(--muted); font-size: 12.5px; }
    table { border-collapse: collapse; margin: 6px 0 14px; font-variant-numeric: tabular-nums; }
    th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
    th { background: #f1f3f5; font-weight: 600; }
    .n { text-align: right; }
    .ok { color: var(--ok); }
    .bad { color: var(--bad); font-weight: 600; }
    figure { margin: 6px 0 14px; }
    figcaption { font-size: 13px; margin-bottom: 4px; }
    figcaption b { color: var(--fg); }
    .charts { display: flex; flex-wrap: wrap; gap: 10px 32px; align-items: flex-start; }
    svg { max-width: 100%; height: auto; display: block; }
    svg text { font-family: inherit; }
    details > summary { cursor: pointer; color: var(--link); margin: 4px 0 8px; }
    footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
    """

  /// Renders the report in `language`.
  public static func render(_ r: PlanReport, language: ReportLanguage = .zh) -> String {
    var h = Builder(s: ReportStrings(language))
    h.document(r)
    return h.out
  }

  /// Accumulates the document.
  struct Builder {
    let s: ReportStrings
    var out = ""

    static func e(_ x: String) -> String { ReportFormat.html(x) }

    mutating func add(_ x: String) { out += x + "\n" }

    mutating func table(_ head: [(String, Bool)], _ rows: [[(String, String?)]]) {
      var t = "<table><thead><tr>"
      for (h, numeric) in head { t += numeric ? "<th class=\"n\">\(Self.e(h))</th>" : "<th>\(Self.e(h))</th>" }
      t += "</tr></thead><tbody>\n"
      for row in rows {
        t += "<tr>"
        for (c, (text, cls)) in row.enumerated() {
          var classes: [String] = []
          if c < head.count && head[c].1 { classes.append("n") }
          if let cls { classes.append(cls) }
          t += classes.isEmpty ? "<td>" : "<td class=\"\(classes.joined(separator: " "))\">"
          t += Self.e(text) + "</td>"
        }
        t += "</tr>\n"
      }
      add(t + "</tbody></table>")
    }

    mutating func figure(_ caption: String, bold: String? = nil, _ svg: String) {
      var c = "<figure><figcaption>"
      if let bold { c += "<b>\(Self.e(bold))</b> " }
      add(c + Self.e(caption) + "</figcaption>" + svg + "</figure>")
    }

    mutating func p(_ text: String, cls: String? = nil) {
      add((cls.map { "<p class=\"\($0)\">" } ?? "<p>") + Self.e(text) + "</p>")
    }

    mutating func document(_ r: PlanReport) {
      add("<!DOCTYPE html>")
      add("<html lang=\"\(s.htmlLang)\">")
      add("<head>")
      add("<meta charset=\"utf-8\">")
      add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
      add("<title>\(Self.e(s.title + " — " + r.scenarioName))</title>")
      add("<style>\n\(HTMLReport.css)\n</style>")
      add("</head>")
      add("<body>")
      add("<h1>\(Self.e(s.title))</h1>")
      p(
        "\(s.scenario): \(r.scenarioName) · \(s.year): \(r.year) · \(s.district): \(r.districtName) · "
          + "\(s.status): \(s.status(r.solver.status))", cls: "meta")
      add(
        "<nav><ol>"
          + [
            ("headline", s.headline), ("balance", s.balance), ("flows", s.flows), ("schools", s.perSchool),
            ("quotas", s.quotas), ("shortages", s.shortages), ("solver", s.solver),
          ].map { "<li><a href=\"#\($0.0)\">\(Self.e($0.1))</a></li>" }.joined() + "</ol></nav>")
      headline(r)
      balance(r)
      flows(r)
      schools(r)
      quotas(r)
      shortages(r)
      solver(r)
      add("<footer>\(Self.e(s.footer(r.versions.lungang, r.versions.glpk)))</footer>")
      add("</body>")
      add("</html>")
    }

    mutating func headline(_ r: PlanReport) {
      let h = r.headline
      add("<h2 id=\"headline\">\(Self.e(s.headline))</h2>")
      let cards: [(String, String)] = [
        (s.schools, String(h.schools)),
        (s.sectionsPrimaryJunior, "\(h.primarySections) / \(h.juniorSections)"),
        (s.staff, String(h.staff)),
        (s.teachersCadres, "\(h.teachers) / \(h.cadres)"),
        (s.eligible, String(h.eligible)),
        (s.movable, String(h.movable)),
        (s.moving, String(h.moved)),
        (s.movingTeachers, String(h.movedTeachers)),
        (s.movingKey, String(h.movedKey)),
        (s.movingCadres, String(h.movedCadres)),
        (s.shortageHeads, String(h.shortage)),
        (s.quotaMissingHeads, String(h.quotaMissing)),
        (s.objective, ReportFormat.objective(r.solver.objective)),
        (s.gap, ReportFormat.gapPercent(r.solver.gap)),
      ]
      add(
        "<div class=\"cards\">"
          + cards.map { "<div class=\"card\"><div class=\"v\">\(Self.e($0.1))</div><div class=\"k\">\(Self.e($0.0))</div></div>" }
          .joined() + "</div>")
    }

    func indicatorName(_ v: PlanReport.IndicatorView) -> String {
      s.indicator(v.indicator) + (v.inObjective ? "" : s.notInObjective)
    }

    func metCell(_ met: Bool?) -> (String, String?) {
      guard let met else { return (s.notApplicable, nil) }
      return met ? (s.met, "ok") : (s.missed, "bad")
    }

    mutating func balance(_ r: PlanReport) {
      add("<h2 id=\"balance\">\(Self.e(s.balance))</h2>")
      let q = QualityBalanceStandard.self
      p(
        s.standardNote(
          ReportFormat.coord(q.higherDegreePrimaryPer100), ReportFormat.coord(q.higherDegreeJuniorPer100),
          ReportFormat.coord(q.keyPer100), ReportFormat.coord(q.peArtsPer100),
          ReportFormat.num(q.cvLimitPrimary, 2), ReportFormat.num(q.cvLimitJunior, 2)), cls: "note")

      // CVs.
      add("<h3>\(Self.e(s.cvHeading))</h3>")
      let cvRows = r.indicators.map { v in
        ReportCharts.BarRow(
          label: "\(s.stage(v.stage)) · \(s.indicatorShort(v.indicator))",
          values: [v.cvBefore ?? 0, v.cvAfter ?? 0],
          texts: [ReportFormat.cv(v.cvBefore), ReportFormat.cv(v.cvAfter)], mark: v.cvLimit)
      }
      figure(
        s.cvChartCaption,
        ReportCharts.horizontalBars(
          cvRows, series: [(s.legendBefore, ReportCharts.before), (s.legendAfter, ReportCharts.after)],
          markLegend: s.legendLimit, label: s.cvHeading))
      table(
        [
          (s.stage, false), (s.indicator, false), (s.before, true), (s.after, true), (s.limit, true), (s.meetingBefore, false),
          (s.meetingAfter, false),
        ],
        r.indicators.map { v in
          [
            (s.stage(v.stage), nil), (indicatorName(v), nil), (ReportFormat.cv(v.cvBefore), nil),
            (ReportFormat.cv(v.cvAfter), nil), (ReportFormat.num(v.cvLimit, 2), nil),
            metCell(v.cvMetBefore), metCell(v.cvMetAfter),
          ]
        })

      // Sections meeting the thresholds.
      let withThreshold = r.indicators.filter { $0.threshold != nil }
      add("<h3>\(Self.e(s.metHeading))</h3>")
      let metRows = withThreshold.map { v in
        let n = max(1, v.sections.count)
        return ReportCharts.BarRow(
          label: "\(s.stage(v.stage)) · \(s.indicatorShort(v.indicator))",
          values: [Double(v.metBefore) / Double(n), Double(v.metAfter) / Double(n)],
          texts: ["\(v.metBefore)/\(v.sections.count)", "\(v.metAfter)/\(v.sections.count)"], mark: nil)
      }
      figure(
        s.metChartCaption,
        ReportCharts.horizontalBars(
          metRows, series: [(s.legendBefore, ReportCharts.before), (s.legendAfter, ReportCharts.after)],
          markLegend: nil, label: s.metHeading, maxValue: 1))
      table(
        [
          (s.stage, false), (s.indicator, false), (s.threshold, true), (s.sections, true),
          (s.meetingBefore, true), (s.meetingAfter, true), (s.newlyMeeting, true), (s.newlyMissing, true),
          (s.districtPer100, true),
        ],
        withThreshold.map { v in
          [
            (s.stage(v.stage), nil), (indicatorName(v), nil), (ReportFormat.coord(v.threshold ?? 0), nil),
            (String(v.sections.count), nil), (String(v.metBefore), nil), (String(v.metAfter), nil),
            (String(v.newlyMeeting.count), v.newlyMeeting.isEmpty ? nil : "ok"),
            (String(v.newlyMissing.count), v.newlyMissing.isEmpty ? nil : "bad"),
            ("\(ReportFormat.per100(v.meanBefore)) → \(ReportFormat.per100(v.meanAfter))", nil),
          ]
        })

      // Newly meeting or missing.
      add("<h3>\(Self.e(s.changesHeading))</h3>")
      var changes: [[(String, String?)]] = []
      for v in withThreshold {
        for x in v.sections where x.newlyMeets || x.newlyMisses {
          changes.append([
            (x.schoolID, nil), (x.schoolName, nil), (s.stage(x.stage), nil), (s.indicatorShort(v.indicator), nil),
            (ReportFormat.per100(x.per100Before), nil), (ReportFormat.per100(x.per100After), nil),
            (ReportFormat.coord(x.threshold ?? 0), nil),
            x.newlyMeets ? (s.newlyMeets, "ok") : (s.newlyMisses, "bad"),
          ])
        }
      }
      let changeHead: [(String, Bool)] = [
        (s.schoolID, false), (s.name, false), (s.stage, false), (s.indicator, false), (s.before, true),
        (s.after, true), (s.threshold, true), (s.change, false),
      ]
      if changes.isEmpty {
        p(s.noChanges)
      } else if changes.count > 40 {
        add("<details><summary>\(Self.e(s.showTable)) (\(changes.count))</summary>")
        table(changeHead, changes)
        add("</details>")
      } else {
        table(changeHead, changes)
      }

      // Per-section charts.
      add("<h3>\(Self.e(s.perSectionChartsHeading))</h3>")
      p(s.perSectionChartsCaption, cls: "note")
      add("<div class=\"charts\">")
      for v in r.indicators {
        figure(
          "", bold: "\(s.stage(v.stage)) · \(indicatorName(v))",
          ReportCharts.dumbbell(v, s))
      }
      add("</div>")

      // Per-section table.
      add("<h3>\(Self.e(s.perSectionHeading))</h3>")
      for g in Stage.allCases {
        let views = r.indicators.filter { $0.stage == g }
        guard let first = views.first else { continue }
        add("<details><summary>\(Self.e(s.stage(g))) · \(Self.e(s.showTable)) (\(first.sections.count))</summary>")
        var head: [(String, Bool)] = [(s.schoolID, false), (s.name, false), (s.pupils, true)]
        for v in views {
          head.append(("\(s.indicatorShort(v.indicator)) \(s.before)", true))
          head.append(("\(s.indicatorShort(v.indicator)) \(s.after)", true))
        }
        var rows: [[(String, String?)]] = []
        for (n, x) in first.sections.enumerated() {
          var row: [(String, String?)] = [(x.schoolID, nil), (x.schoolName, nil), (String(x.pupils), nil)]
          for v in views {
            let c = v.sections[n]
            row.append((ReportFormat.per100(c.per100Before), c.metBefore == false ? "bad" : nil))
            row.append((ReportFormat.per100(c.per100After), c.metAfter == false ? "bad" : nil))
          }
          rows.append(row)
        }
        table(head, rows)
        add("</details>")
      }
    }

    mutating func flows(_ r: PlanReport) {
      add("<h2 id=\"flows\">\(Self.e(s.flows))</h2>")
      p(s.flowCaption, cls: "note")
      add("<div class=\"charts\">")
      let tiers = r.tierFlows.labels.indices.map { s.tier($0 + 1) }
      figure("", bold: s.zoneFlows, ReportCharts.heatMap(r.zoneFlows, labels: r.zoneFlows.labels, s, label: s.zoneFlows))
      figure("", bold: s.tierFlows, ReportCharts.heatMap(r.tierFlows, labels: tiers, s, label: s.tierFlows))
      figure("", bold: s.keyTierFlows, ReportCharts.heatMap(r.keyTierFlows, labels: tiers, s, label: s.keyTierFlows))
      add("</div>")
    }

    mutating func schools(_ r: PlanReport) {
      add("<h2 id=\"schools\">\(Self.e(s.perSchool))</h2>")
      if r.headline.moved == 0 {
        p(s.nobodyMoves)
      } else {
        figure(s.perSchoolCaption, ReportCharts.schoolBars(r.schools, s, label: s.perSchool))
      }
      add("<details><summary>\(Self.e(s.showTable)) (\(r.schools.count))</summary>")
      table(
        [
          (s.schoolID, false), (s.name, false), (s.zone, false), (s.tierHeading, false), (s.outTeachers, true),
          (s.outKey, true), (s.outCadres, true), (s.inTeachers, true), (s.inKey, true), (s.inCadres, true),
          (s.net, true), (s.required, true), (s.missing, true),
        ],
        r.schools.map { x in
          [
            (x.id, nil), (x.name, nil), (x.zone, nil), (s.tier(x.tier), nil), (String(x.outTeachers), nil),
            (String(x.outKey), nil), (String(x.outCadres), nil), (String(x.inTeachers), nil),
            (String(x.inKey), nil), (String(x.inCadres), nil), (x.net > 0 ? "+\(x.net)" : String(x.net), nil),
            (String(x.quotaRequired), nil), (String(x.quotaMissing), x.quotaMissing > 0 ? "bad" : nil),
          ]
        })
      add("</details>")
    }

    mutating func quotas(_ r: PlanReport) {
      add("<h2 id=\"quotas\">\(Self.e(s.quotas))</h2>")
      add("<h3>\(Self.e(s.teacherQuotaHeading))</h3>")
      let unmet = r.unmetQuotas
      if unmet.isEmpty {
        p(s.allQuotasMet, cls: "ok")
      } else {
        table(
          [(s.schoolID, false), (s.name, false), (s.tierHeading, false), (s.required, true), (s.movingCount, true), (s.missing, true)],
          unmet.map { x in
            [
              (x.id, nil), (x.name, nil), (s.tier(x.tier), nil), (String(x.quotaRequired), nil),
              (String(x.outTeachers), nil), (String(x.quotaMissing), "bad"),
            ]
          })
      }
      add("<h3>\(Self.e(s.keyShareHeading))</h3>")
      let keys = r.keyShareShortfalls
      if keys.isEmpty {
        p(s.allKeySharesMet, cls: "ok")
      } else {
        table(
          [(s.schoolID, false), (s.name, false), (s.teachersMoving, true), (s.keyMoving, true), (s.keyTarget, true), (s.shortfall, true)],
          keys.map { x in
            [
              (x.id, nil), (x.name, nil), (String(x.outTeachers), nil), (String(x.outKey), nil),
              (ReportFormat.num(x.keyTarget, 2), nil), (ReportFormat.num(x.keyShortfall, 2), "bad"),
            ]
          })
      }
      p(
        s.cadreQuota(required: r.cadreQuotaRequired, moving: r.headline.movedCadres),
        cls: r.headline.movedCadres >= r.cadreQuotaRequired ? "ok" : "bad")
    }

    mutating func shortages(_ r: PlanReport) {
      add("<h2 id=\"shortages\">\(Self.e(s.shortages))</h2>")
      if r.shortages.isEmpty {
        p(s.noShortage, cls: "ok")
        return
      }
      let bySubject = r.shortageBySubject
      if !bySubject.isEmpty {
        add("<h3>\(Self.e(s.bySubject))</h3>")
        table([(s.subject, false), (s.short, true)], bySubject.map { [(s.subject($0.0), nil), (String($0.1), "bad")] })
      }
      let rows = r.shortages.map { x -> [(String, String?)] in
        [
          (x.schoolID, nil), (x.schoolName, nil), (x.stage.map { s.stage($0) } ?? "", nil),
          (x.subject.map { s.subject($0) } ?? x.role.map { s.role($0) } ?? "", nil), (String(x.posts), nil),
          (String(x.before), nil), (String(x.after), nil), (String(x.short), "bad"),
        ]
      }
      let head: [(String, Bool)] = [
        (s.schoolID, false), (s.name, false), (s.stage, false), (s.post, false), (s.posts, true), (s.before, true),
        (s.after, true), (s.short, true),
      ]
      if rows.count > 20 {
        add("<details><summary>\(Self.e(s.showTable)) (\(rows.count))</summary>")
        table(head, rows)
        add("</details>")
      } else {
        table(head, rows)
      }
    }

    mutating func solver(_ r: PlanReport) {
      let v = r.solver
      add("<h2 id=\"solver\">\(Self.e(s.solver))</h2>")
      table(
        [(s.figure, false), (s.value, true)],
        [
          [(s.status, nil), (s.status(v.status), nil)],
          [(s.objective, nil), (ReportFormat.objective(v.objective), nil)],
          [(s.bound, nil), (ReportFormat.objective(v.bound), nil)],
          [(s.gap, nil), (ReportFormat.gapPercent(v.gap), nil)],
          [(s.heuristic, nil), (ReportFormat.objective(v.heuristicObjective), nil)],
        ])
      add("<h3>\(Self.e(s.terms))</h3>")
      let termRows = v.terms.map { name, value in
        ReportCharts.BarRow(label: s.term(name), values: [max(0, value)], texts: [ReportFormat.num(value, 3)], mark: nil)
      }
      figure("", ReportCharts.horizontalBars(termRows, series: [(s.value, ReportCharts.after)], markLegend: nil, label: s.terms))
      table(
        [(s.term, false), (s.value, true)],
        v.terms.map { [(s.term($0.0), nil), (ReportFormat.num($0.1, 3), nil)] }
          + [[(s.total, nil), (ReportFormat.num(v.terms.reduce(0) { $0 + $1.1 }, 3), nil)]])
      add("<h3>\(Self.e(s.modelSize))</h3>")
      table(
        [(s.figure, false), (s.value, true)],
        [
          [(s.columns, nil), (String(v.model.columns), nil)], [(s.rows, nil), (String(v.model.rows), nil)],
          [(s.nonzeros, nil), (String(v.model.nonzeros), nil)],
          [(s.integerColumns, nil), (String(v.model.integerColumns), nil)],
          [(s.parts, nil), (String(v.model.parts), nil)],
        ])
      if let t = v.timing {
        add("<h3>\(Self.e(s.timing))</h3>")
        table(
          [(s.figure, false), (s.value, true)],
          [("load", t.load), ("build", t.build), ("solve", t.solve), ("write", t.write), ("total", t.total)].map {
            [(s.timingPart($0.0), nil), (ReportFormat.num($0.1, 3), nil)]
          })
      }
      add("<h3>\(Self.e(s.rulesHeading))</h3>")
      table([(s.rule, false), (s.value, false)], ReportRules.rows(r.rules, s).map { [($0.0, nil), ($0.1, nil)] })
    }
  }
}

/// The rules shown with the report, as (rule, value) text pairs.
enum ReportRules {
  static func rows(_ rules: Rules, _ s: ReportStrings) -> [(String, String)] {
    [
      (s.scope, s.scope(rules.scope)),
      (s.minYears, "\(rules.teacherMinYears) / \(rules.cadreMinYears)"),
      (s.teacherQuota, ReportFormat.percent(rules.teacherQuota)),
      (s.keyShare, ReportFormat.percent(rules.keyShare)),
      (s.cadreQuotaRule, ReportFormat.percent(rules.cadreQuota)),
      (s.maxOutflow, ReportFormat.percent(rules.maxOutflow)),
      (s.sameStage, rules.sameStage ? s.yes : s.no),
      (s.keyToSameOrWeaker, rules.keyToSameOrWeaker ? s.yes : s.no),
      (s.maxCommute, rules.maxCommuteKm.map { ReportFormat.coord($0) } ?? s.none),
      (
        s.balancedIndicators,
        rules.indicators.isEmpty ? s.none : rules.indicators.map { s.indicatorShort($0) }.joined(separator: s.listSeparator)
      ),
    ]
  }
}
