import Foundation

/// The codes of data.md with their Chinese labels: English matches case-insensitively,
/// Chinese labels exactly.
public enum CodeLabels {
  /// Looks `text` up in `table` (English keys lower case, Chinese labels as written).
  static func lookup<T>(_ text: String, _ table: [String: T]) -> T? {
    if let v = table[text] { return v }
    return table[text.lowercased()]
  }

  static let gender: [String: Gender] = ["m": .male, "男": .male, "f": .female, "女": .female]

  static let role: [String: Role] = [
    "teacher": .teacher, "教师": .teacher,
    "principal": .principal, "校长": .principal,
    "vice_principal": .vicePrincipal, "副校长": .vicePrincipal,
  ]

  static let stage: [String: Stage] = [
    "primary": .primary, "小学": .primary, "junior": .junior, "初中": .junior,
  ]

  static let subject: [String: Subject] = {
    var t: [String: Subject] = [:]
    for s in Subject.allCases { t[s.rawValue] = s }
    let labels: [(String, Subject)] = [
      ("语文", .chinese), ("数学", .math), ("英语", .english), ("物理", .physics),
      ("化学", .chemistry), ("生物", .biology), ("道德与法治", .politics), ("政治", .politics),
      ("历史", .history), ("地理", .geography), ("科学", .science), ("体育", .pe),
      ("体育与健康", .pe), ("音乐", .music), ("美术", .art), ("信息技术", .it), ("信息科技", .it),
      ("心理", .psychology), ("心理健康", .psychology), ("劳动", .labor), ("其他", .other),
    ]
    for (label, s) in labels { t[label] = s }
    return t
  }()

  static let title: [String: Title] = [
    "none": .none, "无": .none, "未定级": .none, "third": .third, "三级": .third,
    "second": .second, "二级": .second, "first": .first, "一级": .first,
    "senior": .senior, "高级": .senior, "full_senior": .fullSenior, "正高级": .fullSenior,
  ]

  static let key: [String: KeyLevel] = [
    "none": .none, "无": .none, "district": .district, "区级骨干": .district,
    "municipal": .municipal, "市级骨干": .municipal, "leader": .leader, "学科带头人": .leader,
    "special": .special, "特级教师": .special,
  ]

  static let degree: [String: Degree] = [
    "secondary": .secondary, "中专": .secondary, "高中": .secondary,
    "associate": .associate, "大专": .associate, "专科": .associate,
    "bachelor": .bachelor, "本科": .bachelor, "master": .master, "硕士": .master,
    "研究生": .master, "doctor": .doctor, "博士": .doctor,
  ]

  /// `volunteer` values: true, false; anything else is not a value.
  static let volunteer: [String: Bool] = [
    "yes": true, "是": true, "1": true, "true": true,
    "no": false, "否": false, "0": false, "false": false,
  ]

  /// `exempt` values that mean "not exempt" (besides the empty field).
  static let notExempt: Set<String> = ["无", "否", "no", "none", "-"]
}
