/// Chinese name material: surnames, given-name characters, Dongcheng place and zone names.
enum NamePools {
  /// Common surnames, most frequent first, with rough frequency weights.
  static let surnames: [(String, Double)] = [
    ("王", 7.1), ("李", 7.0), ("张", 6.7), ("刘", 5.4), ("陈", 4.5), ("杨", 3.1), ("赵", 2.3),
    ("黄", 2.2), ("周", 1.9), ("吴", 1.8), ("徐", 1.5), ("孙", 1.5), ("胡", 1.3), ("朱", 1.3),
    ("高", 1.3), ("林", 1.2), ("何", 1.2), ("郭", 1.2), ("马", 1.1), ("罗", 0.9), ("梁", 0.9),
    ("宋", 0.8), ("郑", 0.8), ("谢", 0.7), ("韩", 0.7), ("唐", 0.7), ("冯", 0.6), ("于", 0.6),
    ("董", 0.6), ("萧", 0.5), ("程", 0.5), ("曹", 0.5), ("袁", 0.5), ("邓", 0.5), ("许", 0.5),
    ("傅", 0.4), ("沈", 0.4), ("曾", 0.4), ("彭", 0.4), ("吕", 0.4), ("苏", 0.4), ("卢", 0.4),
    ("蒋", 0.4), ("蔡", 0.4), ("贾", 0.3), ("丁", 0.3), ("魏", 0.3), ("薛", 0.3), ("叶", 0.3),
    ("阎", 0.3), ("余", 0.3), ("潘", 0.3), ("杜", 0.3), ("戴", 0.3), ("夏", 0.3), ("钟", 0.3),
    ("汪", 0.3), ("田", 0.3), ("任", 0.3), ("姜", 0.3), ("范", 0.3), ("方", 0.3), ("石", 0.3),
    ("姚", 0.3), ("谭", 0.2), ("廖", 0.2), ("邹", 0.2), ("熊", 0.2), ("金", 0.2), ("陆", 0.2),
    ("郝", 0.2), ("孔", 0.2), ("白", 0.2), ("崔", 0.2), ("康", 0.2), ("毛", 0.2), ("邱", 0.2),
    ("秦", 0.2), ("江", 0.2), ("史", 0.2), ("顾", 0.2), ("侯", 0.2), ("邵", 0.2), ("孟", 0.2),
  ]
  /// Given-name characters used for either gender.
  static let neutral = Array("文明华建国晓欣宇嘉子一思佳天志新立永春海明雨晨博然乐平安")
  /// Given-name characters more usual for women.
  static let female = Array("丽娜静敏艳芳娟霞秀玲婷雪琳颖慧洁倩璐瑶婧媛莉琪萍燕红梅兰")
  /// Given-name characters more usual for men.
  static let male = Array("伟强磊军勇杰涛斌鹏超辉刚峰浩亮凯宁飞俊波健毅彬东林松昊")

  /// Dongcheng street (街道) names, used for zones (学区).
  static let zoneNames = [
    "东华门", "景山", "交道口", "安定门", "北新桥", "东四", "朝阳门", "建国门", "东直门",
    "和平里", "前门", "崇文门外", "东花市", "龙潭", "体育馆路", "天坛", "永定门外",
  ]

  /// Dongcheng place names (胡同, streets), used for school and group names.
  static let places = [
    "史家胡同", "府学胡同", "东四", "灯市口", "和平里", "黑芝麻胡同", "东交民巷", "培新", "北池子",
    "景山", "分司厅", "新鲜胡同", "前门", "崇文门", "天坛", "龙潭", "板厂", "西中街", "东高房",
    "遂安伯", "帽儿胡同", "东四十条", "雍和宫", "地坛", "安外", "青年湖", "花市", "广渠门",
    "光明", "幸福", "体育馆路", "永外", "定安里", "革新里", "前门外", "大方家", "赵府街",
    "东旭", "新景", "回民", "宝华里", "东总布", "南锣鼓巷", "北锣鼓巷", "钱粮胡同", "后圆恩寺",
    "东单", "王府井", "金宝街", "北新桥", "交道口", "香河园", "柳荫街", "察院胡同", "南河沿",
    "北河沿", "美术馆", "东厂胡同", "东直门", "海运仓", "朝阳门", "禄米仓", "南小街", "北小街",
    "东堂子", "西总布", "船板胡同", "东花市", "西花市", "磁器口", "珠市口", "草厂", "鲜鱼口",
    "西打磨厂", "长巷", "銮庆胡同", "夕照寺", "法华寺", "左安门", "永定门", "沙子口", "光明楼",
    "东城", "文汇", "汇文", "广渠门外", "新中街", "东四七条", "北剪子巷", "黄化门", "织染局", "沙滩",
    "骑河楼", "嵩祝院", "五四大街", "东黄城根", "钟鼓楼", "国子监", "方家胡同", "府学", "香饵胡同",
    "东不压桥", "什锦花园", "演乐胡同", "干面胡同", "史家", "礼士胡同", "豆瓣胡同", "东罗圈",
    "西革新里", "东革新里", "桃杨路", "安化楼",
  ]

  /// Chinese numerals 1…10 for school names (第二小学, …).
  static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

  /// A Chinese name for a person of the given gender.
  static func personName(female isFemale: Bool, _ rng: inout SplitMix64) -> String {
    let s = surnames[rng.weightedIndex(surnameWeights)].0
    let pool = isFemale ? female : male
    let first = rng.chance(0.6) ? rng.pick(pool) : rng.pick(neutral)
    if rng.chance(0.3) { return s + String(first) }
    let second = rng.chance(0.5) ? rng.pick(pool) : rng.pick(neutral)
    return s + String(first) + String(second)
  }

  /// Surname weights in table order.
  static let surnameWeights: [Double] = surnames.map(\.1)
}
