/// The figures of the national 优质均衡 standard that the report measures a plan against.
///
/// Source: 《县域义务教育优质均衡发展督导评估办法》 (Ministry of Education, 教督〔2017〕6号),
/// 资源配置 (resource allocation), items 1–3 and the inter-school difference rule:
/// - every school has at least 4.2 (primary) / 5.3 (junior) teachers with a higher-than-required
///   degree (高于规定学历教师) per 100 pupils — `Indicator.higherDegree` (`higher_degree`);
/// - at least 1 key teacher of county level or above (县级以上骨干教师) per 100 pupils, both stages
///   — `Indicator.key` (`key`);
/// - at least 0.9 PE and arts teachers (体育、艺术（美术、音乐）专任教师) per 100 pupils, both
///   stages — `Indicator.peArts` (`pe_arts`: subjects pe, music, art);
/// - the inter-school coefficient of variation (校际差异系数) of every indicator is at most 0.50
///   in primary and 0.45 in junior schools.
///
/// "At least" (达到…以上) is read as ≥ with a 1e-9 tolerance; "at most" (小于或等于) as ≤. The
/// standard has further items (floor space, equipment, …) that are not staffing and are not in
/// the data; `senior_title` has no per-100 threshold in it.
public enum QualityBalanceStandard {
  /// Higher-degree teachers per 100 pupils, primary (小学 4.2 人以上).
  public static let higherDegreePrimaryPer100 = 4.2
  /// Higher-degree teachers per 100 pupils, junior (初中 5.3 人以上).
  public static let higherDegreeJuniorPer100 = 5.3
  /// Key teachers (county level or above) per 100 pupils, both stages (均达到 1 人以上).
  public static let keyPer100 = 1.0
  /// PE and arts teachers per 100 pupils, both stages (均达到 0.9 人以上).
  public static let peArtsPer100 = 0.9
  /// Largest inter-school CV allowed in primary (小学 ≤ 0.50).
  public static let cvLimitPrimary = 0.50
  /// Largest inter-school CV allowed in junior (初中 ≤ 0.45).
  public static let cvLimitJunior = 0.45

  /// The indicators that have a per-100 threshold, in the order of the standard.
  public static let indicators: [Indicator] = [.higherDegree, .key, .peArts]

  /// The per-100-pupils threshold of an indicator in a stage; nil when the standard sets none.
  public static func threshold(_ m: Indicator, _ g: Stage) -> Double? {
    switch m {
    case .higherDegree: return g == .primary ? higherDegreePrimaryPer100 : higherDegreeJuniorPer100
    case .key: return keyPer100
    case .peArts: return peArtsPer100
    case .seniorTitle: return nil
    }
  }

  /// The largest CV allowed in a stage.
  public static func cvLimit(_ g: Stage) -> Double {
    g == .primary ? cvLimitPrimary : cvLimitJunior
  }

  /// True if a per-100 value reaches the threshold (≥, with a 1e-9 tolerance).
  public static func meets(_ per100: Double, _ threshold: Double) -> Bool {
    per100 >= threshold - 1e-9
  }
}
