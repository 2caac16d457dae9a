/// The language of the planners' report.
public enum ReportLanguage: String, CaseIterable, Sendable {
  /// Chinese (simplified), the default.
  case zh
  /// English.
  case en
}

/// Every piece of text of the report, in one language: the report's only string table.
public struct ReportStrings: Sendable {
  public let language: ReportLanguage
  public init(_ language: ReportLanguage) { self.language = language }

  private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  // MARK: Document

  var htmlLang: String { t("zh-CN", "en") }
  var title: String { t("干部教师交流轮岗方案报告", "Teacher and cadre rotation plan report") }
  var scenario: String { t("场景", "Scenario") }
  var year: String { t("年度", "Year") }
  var district: String { t("区域数据", "District data") }
  var status: String { t("状态", "Status") }
  var contents: String { t("目录", "Contents") }
  var yes: String { t("是", "yes") }
  var no: String { t("否", "no") }
  var none: String { t("无", "none") }
  var notApplicable: String { "—" }
  var total: String { t("合计", "Total") }
  var listSeparator: String { t("、", ", ") }
  func footer(_ lungang: String, _ glpk: String) -> String {
    t(
      "由 lungang \(lungang)（GLPK \(glpk)）生成。本文件不含脚本、不引用外部资源，可离线打开。",
      "Written by lungang \(lungang) (GLPK \(glpk)). No scripts and no external resources: it opens offline.")
  }

  func status(_ s: PlanStatus) -> String {
    switch s {
    case .optimal: return t("最优（已证明）", "optimal (proven)")
    case .timeLimit: return t("达到时间上限（最优性未证明）", "time limit reached (optimality not proven)")
    case .interrupted: return t("已中断（目前最好的方案）", "interrupted (best plan so far)")
    case .infeasible: return t("无可行方案", "no plan satisfies the hard rules")
    case .noPlan: return t("未找到方案", "no plan found")
    }
  }

  // MARK: Headline

  var headline: String { t("概要", "Headline figures") }
  var schools: String { t("学校", "Schools") }
  var sectionsPrimaryJunior: String { t("学部（小学 / 初中）", "Sections (primary / junior)") }
  var staff: String { t("教职工", "Staff") }
  var teachersCadres: String { t("教师 / 干部", "Teachers / cadres") }
  var eligible: String { t("应交流", "Eligible (应交流)") }
  var movable: String { t("可交流", "Movable") }
  var moving: String { t("交流人数", "Moving") }
  var movingTeachers: String { t("其中教师", "of whom teachers") }
  var movingKey: String { t("其中骨干教师", "of whom key teachers") }
  var movingCadres: String { t("其中干部", "of whom cadres") }
  var shortageHeads: String { t("缺岗（人）", "Post shortage (heads)") }
  var quotaMissingHeads: String { t("教师交流比例缺口（人）", "Teacher quota missing (heads)") }
  var objective: String { t("目标值", "Objective") }
  var bound: String { t("下界", "Bound") }
  var gap: String { t("相对间隙", "Gap") }
  var figure: String { t("项目", "Figure") }
  var value: String { t("数值", "Value") }

  // MARK: 优质均衡

  var balance: String { t("优质均衡", "优质均衡: quality-balanced staffing") }
  func standardNote(_ hdP: String, _ hdJ: String, _ key: String, _ pe: String, _ cvP: String, _ cvJ: String) -> String {
    t(
      "依据《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）：每百名学生拥有高于规定学历教师数小学≥\(hdP)、初中≥\(hdJ)，"
        + "县级以上骨干教师数≥\(key)，体育、艺术专任教师数≥\(pe)；校际差异系数小学≤\(cvP)、初中≤\(cvJ)。",
      "Measured against the national standard (县域义务教育优质均衡发展督导评估办法, 教督〔2017〕6号): per 100 pupils, "
        + "at least \(hdP) (primary) / \(hdJ) (junior) teachers with a higher-than-required degree, \(key) key teacher "
        + "and \(pe) PE and arts teachers; inter-school coefficient of variation at most \(cvP) (primary) / \(cvJ) (junior).")
  }
  var cvHeading: String { t("校际差异系数", "Inter-school coefficient of variation (CV)") }
  var cvChartCaption: String {
    t("灰：交流前；蓝：交流后；红线：上限。", "Grey: before; blue: after; red mark: the limit.")
  }
  var stage: String { t("学段", "Stage") }
  var indicator: String { t("指标", "Indicator") }
  var before: String { t("交流前", "Before") }
  var after: String { t("交流后", "After") }
  var limit: String { t("上限", "Limit") }
  var threshold: String { t("标准（每百名学生）", "Threshold per 100 pupils") }
  var met: String { t("达标", "met") }
  var missed: String { t("未达标", "missed") }
  var notInObjective: String { t("（未纳入目标）", " (not balanced in the objective)") }
  var metHeading: String { t("达到标准的学部", "Sections meeting the threshold") }
  var metChartCaption: String {
    t("达标学部所占比例。灰：交流前；蓝：交流后。", "Share of sections meeting the threshold. Grey: before; blue: after.")
  }
  var sections: String { t("学部数", "Sections") }
  var meetingBefore: String { t("交流前达标", "Meeting before") }
  var meetingAfter: String { t("交流后达标", "Meeting after") }
  var newlyMeeting: String { t("新达标", "Newly meeting") }
  var newlyMissing: String { t("新不达标", "Newly missing") }
  var districtPer100: String { t("全区每百名学生（前 → 后）", "District per 100 pupils (before → after)") }
  var changesHeading: String { t("新达标与新不达标的学部", "Sections newly meeting or missing a threshold") }
  var noChanges: String {
    t("没有学部的达标情况发生变化。", "No section changes between meeting and missing a threshold.")
  }
  var change: String { t("变化", "Change") }
  var newlyMeets: String { t("新达标", "newly meets") }
  var newlyMisses: String { t("新不达标", "newly misses") }
  var perSectionChartsHeading: String {
    t("各学部每百名学生指标（交流前 → 交流后）", "Indicator per 100 pupils per section (before → after)")
  }
  var perSectionChartsCaption: String {
    t(
      "每列为一个学部，按交流前数值排序。空心点：交流前；实心点：交流后（绿：达标，红：未达标，蓝：无标准）；虚线：标准。悬停可查看学校。",
      "One column per section, sorted by the value before. Hollow dot: before; filled dot: after (green: meets, red: misses, blue: no threshold); dashed line: the threshold. Hover for the school.")
  }
  var perSectionHeading: String { t("各学部指标明细（每百名学生）", "Indicators per section (per 100 pupils)") }
  var showTable: String { t("展开表格", "Show the table") }
  var school: String { t("学校", "School") }
  var schoolID: String { t("代码", "ID") }
  var name: String { t("名称", "Name") }
  var pupils: String { t("学生数", "Pupils") }
  var legendBefore: String { t("交流前", "before") }
  var legendAfter: String { t("交流后", "after") }
  var legendThreshold: String { t("标准", "threshold") }
  var legendLimit: String { t("上限", "limit") }
  var legendAfterMeets: String { t("交流后达标", "after, meets") }
  var legendAfterMisses: String { t("交流后未达标", "after, misses") }

  func stage(_ g: Stage) -> String { g == .primary ? t("小学", "primary") : t("初中", "junior") }

  /// Full name of an indicator.
  func indicator(_ m: Indicator) -> String {
    switch m {
    case .higherDegree: return t("高于规定学历教师", "Higher-degree teachers")
    case .key: return t("县级以上骨干教师", "Key teachers")
    case .peArts: return t("体育、艺术专任教师", "PE and arts teachers")
    case .seniorTitle: return t("高级职称教师", "Senior-title teachers")
    }
  }
  /// Short name of an indicator for table headings.
  func indicatorShort(_ m: Indicator) -> String {
    switch m {
    case .higherDegree: return t("高学历", "higher degree")
    case .key: return t("骨干", "key")
    case .peArts: return t("体艺", "PE/arts")
    case .seniorTitle: return t("高级职称", "senior title")
    }
  }

  // MARK: Flows

  var flows: String { t("流动", "Flows") }
  var zoneFlows: String { t("学区之间的流动（人）", "Moves between zones (people)") }
  var tierFlows: String { t("办学水平之间的流动（人）", "Moves between school tiers (people)") }
  var keyTierFlows: String { t("骨干教师在办学水平之间的流动（人）", "Key teachers between school tiers (people)") }
  var flowCaption: String {
    t("行：调出方；列：调入方；对角线：同组内流动。", "Rows: where people leave; columns: where they arrive; diagonal: within the same group.")
  }
  var fromTo: String { t("调出 \\ 调入", "from \\ to") }
  func tier(_ n: Int) -> String {
    switch n {
    case 1: return t("1 优质", "1 strong")
    case 2: return t("2 一般", "2 ordinary")
    default: return t("3 薄弱", "3 weak")
    }
  }

  // MARK: Schools

  var perSchool: String { t("各校调出与调入", "Moves out and arrivals per school") }
  var perSchoolCaption: String {
    t(
      "每列为一所有人员流动的学校，按净变化排序。上：调入；下：调出；黑点：净变化。悬停可查看学校。",
      "One column per school with moves, sorted by net change. Up: arrivals; down: people leaving; dot: net change. Hover for the school.")
  }
  var zone: String { t("学区", "Zone") }
  var tierHeading: String { t("办学水平", "Tier") }
  var outTeachers: String { t("调出教师", "Teachers out") }
  var outKey: String { t("其中骨干", "key out") }
  var outCadres: String { t("调出干部", "Cadres out") }
  var inTeachers: String { t("调入教师", "Teachers in") }
  var inKey: String { t("其中骨干", "key in") }
  var inCadres: String { t("调入干部", "Cadres in") }
  var net: String { t("净变化", "Net") }
  var legendOut: String { t("调出", "out") }
  var legendIn: String { t("调入", "in") }
  var nobodyMoves: String { t("没有人交流。", "Nobody moves.") }

  // MARK: Quotas and shortages

  var quotas: String { t("交流比例", "Quotas") }
  var teacherQuotaHeading: String { t("未完成教师交流比例的学校", "Schools short of the teacher quota") }
  var required: String { t("应交流", "Required") }
  var movingCount: String { t("实际交流", "Moving") }
  var missing: String { t("缺口", "Missing") }
  var allQuotasMet: String { t("所有学校均完成教师交流比例。", "Every school meets its teacher quota.") }
  var keyShareHeading: String { t("交流教师中骨干比例不足的学校", "Schools sending too few key teachers") }
  var teachersMoving: String { t("交流教师", "Teachers moving") }
  var keyMoving: String { t("其中骨干", "Key teachers moving") }
  var keyTarget: String { t("应有骨干", "Key target") }
  var shortfall: String { t("不足", "Shortfall") }
  var allKeySharesMet: String {
    t("所有学校交流教师中的骨干比例均达到要求。", "Every school sends enough key teachers.")
  }
  func cadreQuota(required: Int, moving: Int) -> String {
    let miss = max(0, required - moving)
    return t(
      "干部交流（全区）：应交流 \(required) 人，实际交流 \(moving) 人，缺口 \(miss) 人。",
      "Cadres (district-wide): \(required) required, \(moving) moving, \(miss) missing.")
  }
  var shortages: String { t("缺岗", "Post shortages") }
  var noShortage: String { t("交流后没有缺岗。", "No post is short after rotation.") }
  var bySubject: String { t("按学科合计", "By subject") }
  var subject: String { t("学科", "Subject") }
  var post: String { t("岗位", "Post") }
  var posts: String { t("岗位数", "Posts") }
  var short: String { t("缺", "Short") }

  func subject(_ s: Subject) -> String {
    switch s {
    case .chinese: return t("语文", "Chinese")
    case .math: return t("数学", "math")
    case .english: return t("英语", "English")
    case .physics: return t("物理", "physics")
    case .chemistry: return t("化学", "chemistry")
    case .biology: return t("生物", "biology")
    case .politics: return t("道德与法治", "politics")
    case .history: return t("历史", "history")
    case .geography: return t("地理", "geography")
    case .science: return t("科学", "science")
    case .pe: return t("体育", "PE")
    case .music: return t("音乐", "music")
    case .art: return t("美术", "art")
    case .it: return t("信息科技", "IT")
    case .psychology: return t("心理健康", "psychology")
    case .labor: return t("劳动", "labour")
    case .other: return t("其他", "other")
    }
  }
  func role(_ r: Role) -> String {
    switch r {
    case .teacher: return t("教师", "teacher")
    case .principal: return t("校长", "principal")
    case .vicePrincipal: return t("副校长", "vice principal")
    }
  }

  // MARK: Solver and rules

  var solver: String { t("求解", "Solver") }
  var terms: String { t("目标分项（加权）", "Objective terms (weighted)") }
  func term(_ code: String) -> String {
    switch code {
    case "shortage": return t("缺岗", "shortage")
    case "quota": return t("教师交流比例", "teacher quota")
    case "key_share": return t("骨干教师比例", "key-teacher share")
    case "cadre_quota": return t("干部交流比例", "cadre quota")
    case "balance": return t("优质均衡", "balance")
    case "wish": return t("交流意向", "wishes")
    case "commute": return t("通勤距离", "commute")
    case "move": return t("调动", "moves")
    default: return code
    }
  }
  var term: String { t("分项", "Term") }
  var modelSize: String { t("模型规模", "Model size") }
  var columns: String { t("列", "columns") }
  var rows: String { t("行", "rows") }
  var nonzeros: String { t("非零元", "nonzeros") }
  var integerColumns: String { t("整数列", "integer columns") }
  var parts: String { t("独立子问题", "independent parts") }
  var heuristic: String { t("启发式初始方案目标值", "Heuristic start objective") }
  var timing: String { t("用时（秒）", "Timing (s)") }
  func timingPart(_ code: String) -> String {
    switch code {
    case "load": return t("读入", "load")
    case "build": return t("建模", "build")
    case "solve": return t("求解", "solve")
    case "write": return t("写出", "write")
    default: return t("合计", "total")
    }
  }
  var rulesHeading: String { t("规则", "Rules") }
  var scope: String { t("交流范围", "Scope") }
  func scope(_ s: Scope) -> String {
    switch s {
    case .zone: return t("本学区", "same zone")
    case .group: return t("本教育集团", "same education group")
    case .zoneOrGroup: return t("本学区或本教育集团", "same zone or education group")
    case .district: return t("全区", "whole district")
    }
  }
  var minYears: String { t("本校任职年限（教师 / 干部）", "Years at school (teachers / cadres)") }
  var teacherQuota: String { t("教师交流比例", "Teacher quota") }
  var keyShare: String { t("交流教师中骨干比例", "Key-teacher share") }
  var cadreQuotaRule: String { t("干部交流比例", "Cadre quota") }
  var maxOutflow: String { t("单校调出上限", "Max outflow per school") }
  var sameStage: String { t("同学段交流", "Same stage") }
  var maxCommute: String { t("通勤上限（公里）", "Max commute (km)") }
  var keyToSameOrWeaker: String { t("骨干只去同等或较弱学校", "Key teachers only to same or weaker tier") }
  var balancedIndicators: String { t("纳入目标的均衡指标", "Balanced indicators") }
  var rule: String { t("规则", "Rule") }
}
