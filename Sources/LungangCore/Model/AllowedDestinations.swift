import Foundation

/// The rules of model.md "Allowed destinations", applied to one movable person at a time.
///
/// `RotationInstance` builds each person's destination list with it, and keeps it: when a
/// district is too large for every allowed destination to be a column, the instance keeps
/// only candidates, and the solver prices the rest through `forEach` (`CandidatePricing`).
struct AllowedDestinations: Sendable {
  let rules: Rules
  let wishMiss: Double
  let staff: [StaffMember]
  let schools: [School]
  let schoolIndex: [String: Int]
  let schoolOf: [Int]
  let sectionOf: [Int]
  /// Section index by school index and stage raw value; -1 if none.
  let sectionAt: [[Int]]
  /// cap(k, s) by section · subject count + subject ordinal; 0 where there is no post.
  let teacherCap: [Int]
  /// Current cadres by school · 2 + (principal 0, vice principal 1).
  let cadreCurrent: [Int]
  /// Schools a person at school j may go to (j excluded), ascending.
  let scopeOf: [[Int]]
  /// Per school: the cosine of its latitude, for `km` (nil without a location).
  private let schoolCosLat: [Double?]

  init(
    rules: Rules, wishMiss: Double, staff: [StaffMember], schools: [School], schoolIndex: [String: Int],
    schoolOf: [Int], sectionOf: [Int], sectionAt: [[Int]], teacherCap: [Int], cadreCurrent: [Int],
    scopeOf: [[Int]]
  ) {
    self.rules = rules
    self.wishMiss = wishMiss
    self.staff = staff
    self.schools = schools
    self.schoolIndex = schoolIndex
    self.schoolOf = schoolOf
    self.sectionOf = sectionOf
    self.sectionAt = sectionAt
    self.teacherCap = teacherCap
    self.cadreCurrent = cadreCurrent
    self.scopeOf = scopeOf
    schoolCosLat = schools.map { $0.location.map { GeoPoint.cosLat($0) } }
  }

  /// Every allowed destination of movable person i, staying first, then by school and
  /// section ascending (the order of `RotationInstance.destinations`).
  func forEach(_ i: Int, _ body: (Destination) -> Void) {
    let p = staff[i]
    let j0 = schoolOf[i]
    var rank: [Int: Int] = [:]
    for (r, w) in p.wishes.enumerated() {
      if let wj = schoolIndex[w], rank[wj] == nil { rank[wj] = r + 1 }
    }
    let gaveWishes = !p.wishes.isEmpty
    let past = Set(p.pastSchools.compactMap { schoolIndex[$0] })
    let nS = RotationInstance.subjectCount
    let subject = p.subject.map { RotationInstance.ordinal($0) } ?? 0
    let homeCosLat = p.home.map { GeoPoint.cosLat($0) }
    // RotationInstance.km, with the cosines computed once.
    func km(_ j: Int) -> Double? {
      guard let home = p.home, let to = schools[j].location, let c0 = homeCosLat, let c1 = schoolCosLat[j] else {
        return nil
      }
      return home.distanceKm(to: to, cosLat: c0, otherCosLat: c1)
    }
    body(
      Destination(
        school: j0, section: p.role.isCadre ? -1 : sectionOf[i], isStay: true,
        wishRank: nil, km: km(j0), wishCost: 0))
    for j in scopeOf[j0] {
      if past.contains(j) { continue }
      if rules.wishesOnly && gaveWishes && rank[j] == nil { continue }
      let km = km(j)
      if let limit = rules.maxCommuteKm, let d = km, d > limit { continue }
      let wishCost = rank[j].map { Double($0 - 1) } ?? (gaveWishes ? wishMiss : 0)
      if p.role.isCadre {
        if cadreCurrent[j * 2 + (p.role == .principal ? 0 : 1)] <= 0 { continue }
        body(Destination(school: j, section: -1, isStay: false, wishRank: rank[j], km: km, wishCost: wishCost))
      } else {
        guard let g0 = p.stage, p.subject != nil else { continue }
        if p.isKey && rules.keyToSameOrWeaker && schools[j].tier < schools[j0].tier { continue }
        let cert = p.certifiedStage ?? g0
        for g in Stage.allCases {
          if g > cert { continue }
          if rules.sameStage && g != g0 { continue }
          let k = sectionAt[j][g.rawValue]
          if k < 0 { continue }
          if teacherCap[k * nS + subject] <= 0 { continue }
          body(Destination(school: j, section: k, isStay: false, wishRank: rank[j], km: km, wishCost: wishCost))
        }
      }
    }
  }

  /// An upper bound on the destinations of movable person i without enumerating them: staying,
  /// plus every section of every school in scope.
  func countAtMost(_ i: Int) -> Int {
    1 + scopeOf[schoolOf[i]].count * (staff[i].role.isCadre ? 1 : Stage.allCases.count)
  }
}
