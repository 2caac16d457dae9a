import Foundation

extension Scenario {
  /// The effective rules, weights and solver settings as a JSON-ready object (codes as in
  /// the scenario YAML), for summaries that record what a run used.
  public func effectiveRulesJSONObject() -> [String: Any] {
    let r = rules
    let rulesObject: [String: Any] = [
      "teacher_min_years": r.teacherMinYears,
      "cadre_min_years": r.cadreMinYears,
      "retirement_age": ["M": r.retirementAgeMale, "F": r.retirementAgeFemale],
      "retirement_buffer": r.retirementBuffer,
      "scope": r.scope.rawValue,
      "same_stage": r.sameStage,
      "max_commute_km": r.maxCommuteKm.map { $0 as Any } ?? NSNull(),
      "key_to_same_or_weaker": r.keyToSameOrWeaker,
      "wishes_only": r.wishesOnly,
      "teacher_quota": r.teacherQuota,
      "quota_tiers": r.quotaTiers,
      "key_share": r.keyShare,
      "cadre_quota": r.cadreQuota,
      "max_outflow": r.maxOutflow,
      "indicators": r.indicators.map(\.rawValue),
    ]
    let w = weights
    let weightsObject: [String: Any] = [
      "shortage": w.shortage, "quota": w.quota, "key_share": w.keyShare,
      "cadre_quota": w.cadreQuota, "balance": w.balance, "wish": w.wish,
      "wish_miss": w.wishMiss, "commute": w.commute, "move": w.move,
    ]
    let solverObject: [String: Any] = [
      "time_limit_s": solver.timeLimitS, "mip_gap": solver.mipGap, "threads": solver.threads,
    ]
    return [
      "name": name, "district": district.path, "year": year, "rules": rulesObject,
      "weights": weightsObject, "solver": solverObject,
    ]
  }
}
