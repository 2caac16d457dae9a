/// How many schools have a teacher quota and how many of them meet it: the "quotas met"
/// figure of summary.json (`counts.quota_schools`, `counts.quota_met`) and of `compare`.
extension RotationInstance {
  /// Schools with a teacher quota: tier in `quota_tiers` and req_j > 0.
  public var quotaSchools: Int { quotaRequired.filter { $0 > 0 }.count }
}

extension PlanEvaluation {
  /// Schools with req_j > 0 whose leaving teachers moved_j reach req_j.
  public func quotaMet(_ inst: RotationInstance) -> Int {
    inst.quotaRequired.indices.filter { j in
      inst.quotaRequired[j] > 0 && movedFrom[j] >= inst.quotaRequired[j]
    }.count
  }
}
