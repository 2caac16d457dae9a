/// Renders a `District` as the three CSV files of data.md, with Chinese or English headers.
///
/// Chinese output uses the 中文 column names and Chinese value labels (男, 教师, 小学, 语文, …);
/// English output uses the English names and codes. Rows come in the district's order (posts
/// sorted by school, stage, subject), so equal districts give equal text.
public struct DistrictCSV: Sendable {
  /// Header and label language.
  public enum Language: String, Sendable, CaseIterable {
    /// 中文 headers and labels (the default: what a Beijing personnel office sends).
    case chinese
    /// English headers and codes.
    case english
  }

  public var language: Language
  /// Line end of every record (CRLF is what Excel writes).
  public var lineEnd: String

  public init(language: Language = .chinese, lineEnd: String = "\r\n") {
    self.language = language
    self.lineEnd = lineEnd
  }

  var zh: Bool { language == .chinese }

  /// schools.csv text (no BOM).
  public func schools(_ d: District) -> String {
    var w = CSVWriter(lineEnd: lineEnd)
    w.row(
      zh
        ? ["学校代码", "学校名称", "学区", "教育集团", "办学水平", "小学在校生数", "初中在校生数", "纬度", "经度"]
        : ["id", "name", "zone", "group", "tier", "students_primary", "students_junior", "lat", "lon"])
    for s in d.schools {
      w.row([
        s.id, s.name, s.zone, s.group ?? "", String(s.tier), String(s.studentsPrimary),
        String(s.studentsJunior), s.location.map { DistrictCSV.fixed($0.lat, 6) } ?? "",
        s.location.map { DistrictCSV.fixed($0.lon, 6) } ?? "",
      ])
    }
    return w.text
  }

  /// staff.csv text (no BOM).
  public func staff(_ d: District) -> String {
    var w = CSVWriter(lineEnd: lineEnd)
    w.row(
      zh
        ? ["工号", "姓名", "性别", "出生年份", "岗位", "学校代码", "学段", "学科", "教师资格学段", "职称", "骨干级别",
          "学历", "本校任职年限", "暂缓交流原因", "自愿交流", "住址纬度", "住址经度", "交流意向", "曾任职学校", "回避人员"]
        : ["id", "name", "gender", "birth_year", "role", "school", "stage", "subject", "cert",
          "title", "key", "degree", "years", "exempt", "volunteer", "home_lat", "home_lon",
          "wishes", "past_schools", "avoid"])
    let sep = zh ? "；" : ";"
    for s in d.staff {
      w.row([
        s.id, s.name, zh ? (s.gender == .male ? "男" : "女") : s.gender.code,
        String(s.birthYear), role(s.role), s.school, s.stage.map(stage) ?? "",
        s.subject.map(subject) ?? "", s.cert.map(stage) ?? "", title(s.title), key(s.key),
        degree(s.degree), String(s.years), s.exemptReason ?? "",
        s.volunteer ? (zh ? "是" : "yes") : "",
        s.home.map { DistrictCSV.fixed($0.lat, 4) } ?? "",
        s.home.map { DistrictCSV.fixed($0.lon, 4) } ?? "",
        s.wishes.joined(separator: sep), s.pastSchools.joined(separator: sep),
        s.avoid.joined(separator: sep),
      ])
    }
    return w.text
  }

  /// posts.csv text (no BOM), sorted by school id, stage and subject (in `Subject.allCases` order).
  public func posts(_ d: District) -> String {
    var w = CSVWriter(lineEnd: lineEnd)
    w.row(zh ? ["学校代码", "学段", "学科", "岗位数"] : ["school", "stage", "subject", "posts"])
    let rank = Dictionary(uniqueKeysWithValues: Subject.allCases.enumerated().map { ($1, $0) })
    let keys = d.posts.keys.sorted {
      ($0.school, $0.stage.rawValue, rank[$0.subject]!) < ($1.school, $1.stage.rawValue, rank[$1.subject]!)
    }
    for k in keys {
      w.row([k.school, stage(k.stage), subject(k.subject), String(d.posts[k]!)])
    }
    return w.text
  }

  func stage(_ s: Stage) -> String { zh ? s.label : s.code }
  func role(_ r: Role) -> String {
    zh ? ["教师", "校长", "副校长"][r.rawValue] : r.code
  }
  func title(_ t: Title) -> String {
    zh ? ["未定级", "三级", "二级", "一级", "高级", "正高级"][t.rawValue] : t.code
  }
  func key(_ k: KeyLevel) -> String {
    zh ? ["无", "区级骨干", "市级骨干", "学科带头人", "特级教师"][k.rawValue] : k.code
  }
  func degree(_ g: Degree) -> String {
    zh ? ["中专", "大专", "本科", "硕士", "博士"][g.rawValue] : g.code
  }
  func subject(_ s: Subject) -> String { zh ? DistrictCSV.subjectLabels[s]! : s.rawValue }

  /// The Chinese label written for each subject.
  public static let subjectLabels: [Subject: String] = [
    .chinese: "语文", .math: "数学", .english: "英语", .physics: "物理", .chemistry: "化学",
    .biology: "生物", .politics: "道德与法治", .history: "历史", .geography: "地理", .science: "科学",
    .pe: "体育", .music: "音乐", .art: "美术", .it: "信息科技", .psychology: "心理健康", .labor: "劳动",
    .other: "其他",
  ]

  /// `x` with exactly `digits` decimals, by integer arithmetic (no locale, no printf).
  public static func fixed(_ x: Double, _ digits: Int) -> String {
    var p = 1
    for _ in 0..<digits { p *= 10 }
    let scaled = Int((x * Double(p)).rounded())
    let neg = scaled < 0
    let a = neg ? -scaled : scaled
    let frac = String(a % p)
    let padded = String(repeating: "0", count: digits - frac.count) + frac
    return (neg ? "-" : "") + String(a / p) + (digits > 0 ? "." + padded : "")
  }
}
