/// Teaching posts (编制岗位): the current headcount per (section, subject), with ~15 % of them
/// one or two above (shortage) or below (surplus) it.
extension DistrictGenerator {
  /// Share of (section, subject) pairs whose posts differ from the current headcount.
  static let postChangeShare = 0.15
  /// Probability that a changed pair is a shortage (posts above headcount), by tier: weak
  /// schools lack teachers more often.
  static let shortageRateByTier: [Double] = [0, 0.35, 0.5, 0.65]

  func makePosts(staff: [StaffMember], plans: [SchoolPlan], _ rng: inout SplitMix64)
    -> [PostKey: Int]
  {
    var current: [PostKey: Int] = [:]
    var order: [PostKey] = []
    for s in staff where s.role == .teacher {
      let key = PostKey(school: s.school, stage: s.stage!, subject: s.subject!)
      if let c = current[key] {
        current[key] = c + 1
      } else {
        current[key] = 1
        order.append(key)
      }
    }
    var tierOf: [String: Int] = [:]
    for p in plans { tierOf[p.school.id] = p.school.tier }
    var posts: [PostKey: Int] = [:]
    posts.reserveCapacity(order.count)
    for key in order {
      let c = current[key]!
      var p = c
      if rng.chance(DistrictGenerator.postChangeShare) {
        let size = rng.chance(0.75) ? 1 : 2
        let up = rng.chance(DistrictGenerator.shortageRateByTier[tierOf[key.school]!])
        p = up || c == 0 ? c + size : max(0, c - size)
      }
      posts[key] = p
    }
    return posts
  }
}
