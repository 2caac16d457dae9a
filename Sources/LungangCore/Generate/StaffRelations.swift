/// Adds the cross-references among people and schools: past schools, wishes and avoid pairs.
extension DistrictGenerator {
  /// Share of staff who give wishes (交流意向), each 1–3 schools, mostly in their zone.
  static let wishShare = 0.30
  /// Share of staff with an earlier career who list past schools (曾任职学校).
  static let pastShare = 0.12
  /// Share of staff in an avoid pair (回避, spouses): pairs = staff · share / 2.
  static let avoidShare = 0.005

  func addRelations(_ staff: inout [StaffMember], plans: [SchoolPlan], _ rng: inout SplitMix64) {
    let m = plans.count
    let z = options.zoneCount
    var index: [String: Int] = [:]
    index.reserveCapacity(m)
    for (j, p) in plans.enumerated() { index[p.school.id] = j }
    // School lists by zone / group / stage (index order: deterministic).
    var byZone = [[Int]](repeating: [], count: z)
    var byZoneStage = [[[Int]]](repeating: [[], []], count: z)
    var byGroupStage = [[[Int]]](repeating: [[], []], count: max(0, options.groupCount))
    var byGroup = [[Int]](repeating: [], count: max(0, options.groupCount))
    var byStage: [[Int]] = [[], []]
    for (j, p) in plans.enumerated() {
      byZone[p.zone].append(j)
      if let g = p.group { byGroup[g].append(j) }
      for s in p.school.stages {
        byZoneStage[p.zone][s.rawValue].append(j)
        byStage[s.rawValue].append(j)
        if let g = p.group { byGroupStage[g][s.rawValue].append(j) }
      }
    }
    var staffRange = [Range<Int>](repeating: 0..<0, count: m)
    var k = 0
    for j in 0..<m {
      let start = k
      while k < staff.count && staff[k].school == plans[j].school.id { k += 1 }
      staffRange[j] = start..<k
    }

    for i in staff.indices {
      let own = index[staff[i].school]!
      let plan = plans[own]
      let stage = staff[i].stage
      // Past schools: people with an earlier career, mostly from the same zone.
      let age = options.year - staff[i].birthYear
      if age - staff[i].years >= 28, rng.chance(DistrictGenerator.pastShare) {
        let count = rng.chance(0.8) ? 1 : 2
        var past: [Int] = []
        for _ in 0..<(count * 4) where past.count < count {
          let pool = rng.chance(0.6) ? byZone[plan.zone] : Array(0..<m)
          let j = rng.pick(pool)
          if j != own && !past.contains(j) { past.append(j) }
        }
        staff[i].pastSchools = past.map { plans[$0].school.id }
      }
      // Wishes: 1–3 schools that have the person's stage, not their own or a past school.
      if rng.chance(DistrictGenerator.wishShare) {
        let r = rng.uniform()
        let count = r < 0.5 ? 1 : r < 0.8 ? 2 : 3
        var wishes: [Int] = []
        for _ in 0..<(count * 5) where wishes.count < count {
          let w = rng.uniform()
          let pool: [Int]
          if w < 0.75 {
            pool = stage.map { byZoneStage[plan.zone][$0.rawValue] } ?? byZone[plan.zone]
          } else if w < 0.9, let g = plan.group {
            pool = stage.map { byGroupStage[g][$0.rawValue] } ?? byGroup[g]
          } else {
            pool = stage.map { byStage[$0.rawValue] } ?? Array(0..<m)
          }
          guard !pool.isEmpty else { continue }
          let j = rng.pick(pool)
          let id = plans[j].school.id
          if j != own && !wishes.contains(j) && !staff[i].pastSchools.contains(id) {
            wishes.append(j)
          }
        }
        staff[i].wishes = wishes.map { plans[$0].school.id }
      }
    }

    // Avoid pairs (spouses): opposite genders, usually in the same zone, rarely the same school
    // (`avoidSameSchool`; at 0 never).
    let pairs = Int((Double(staff.count) * DistrictGenerator.avoidShare / 2).rounded())
    var paired = [Bool](repeating: false, count: staff.count)
    var made = 0
    var attempts = 0
    while made < pairs && attempts < pairs * 20 {
      attempts += 1
      let a = rng.int(below: staff.count)
      guard !paired[a] else { continue }
      let zone = plans[index[staff[a].school]!].zone
      let own = index[staff[a].school]!
      let j = rng.chance(options.avoidSameSchool) ? own : rng.pick(byZone[zone])
      if options.avoidSameSchool == 0 && j == own { continue }
      let range = staffRange[j]
      guard !range.isEmpty else { continue }
      let b = range.lowerBound + rng.int(below: range.count)
      guard b != a, !paired[b], staff[b].gender != staff[a].gender else { continue }
      paired[a] = true
      paired[b] = true
      staff[a].avoid.append(staff[b].id)
      if rng.chance(0.8) { staff[b].avoid.append(staff[a].id) }
      made += 1
    }
  }
}
