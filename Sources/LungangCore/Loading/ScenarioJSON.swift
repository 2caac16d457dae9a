import Foundation

extension Scenario {
  /// The effective scenario — rules, weights and solver settings after defaults and `extends` —
  /// as an ordered JSON object (codes as in the scenario YAML), recorded in summary.json.
  public func effectiveJSON() -> JSONValue {
    let r = rules
    let rulesObject: JSONValue = .object([
      ("teacher_min_years", .int(r.teacherMinYears)),
      ("cadre_min_years", .int(r.cadreMinYears)),
      ("retirement_age", .object([("M", .int(r.retirementAgeMale)), ("F", .int(r.retirementAgeFemale))])),
      ("retirement_buffer", .int(r.retirementBuffer)),
      ("scope", .string(r.scope.rawValue)),
      ("same_stage", .bool(r.sameStage)),
      ("max_commute_km", r.maxCommuteKm.map { .num($0) } ?? .null),
      ("key_to_same_or_weaker", .bool(r.keyToSameOrWeaker)),
      ("wishes_only", .bool(r.wishesOnly)),
      ("teacher_quota", .num(r.teacherQuota)),
      ("quota_tiers", .array(r.quotaTiers.map { .int($0) })),
      ("key_share", .num(r.keyShare)),
      ("cadre_quota", .num(r.cadreQuota)),
      ("max_outflow", .num(r.maxOutflow)),
      ("indicators", .array(r.indicators.map { .string($0.rawValue) })),
    ])
    let w = weights
    let weightsObject: JSONValue = .object([
      ("shortage", .num(w.shortage)), ("quota", .num(w.quota)), ("key_share", .num(w.keyShare)),
      ("cadre_quota", .num(w.cadreQuota)), ("balance", .num(w.balance)), ("wish", .num(w.wish)),
      ("wish_miss", .num(w.wishMiss)), ("commute", .num(w.commute)), ("move", .num(w.move)),
    ])
    let solverObject: JSONValue = .object([
      ("time_limit_s", .num(solver.timeLimitS)), ("mip_gap", .num(solver.mipGap)),
      ("threads", .int(solver.threads)),
    ])
    return .object([
      ("name", .string(name)), ("district", .string(district.standardizedFileURL.path)),
      ("year", .int(year)), ("rules", rulesObject), ("weights", weightsObject),
      ("solver", solverObject),
    ])
  }
}

extension JSONValue {
  /// The value under `key` when this is an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let kv) = self else { return nil }
    return kv.first { $0.0 == key }?.1
  }
}
