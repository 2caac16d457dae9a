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
  /// Per school: its location and tier, read without copying the school (the loops over
  /// every allowed destination, 85 million on the 200,000-staff district scope).
  private let schoolLocation: [GeoPoint?]
  private let schoolTier: [Int]
  /// `sectionAt` flat: by school · stage count + stage raw value (no inner array to retain).
  private let sectionAtFlat: [Int]

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
    schoolLocation = schools.map(\.location)
    schoolTier = schools.map(\.tier)
    sectionAtFlat = sectionAt.flatMap { row in Stage.allCases.map { row[$0.rawValue] } }
  }

  /// Every allowed destination of movable person i, staying first, then by school and
  /// section ascending (the order of `RotationInstance.destinations`).
  func forEach(_ i: Int, _ body: (Destination) -> Void) {
    let p = staff[i]
    let j0 = schoolOf[i]
    // Wished schools with their rank (the first wish of a school counts) and past schools:
    // a few each, searched in order (cheaper than hashing, once per school in scope).
    var wished: [(school: Int, rank: Int)] = []
    for (r, w) in p.wishes.enumerated() {
      if let wj = schoolIndex[w], !wished.contains(where: { $0.school == wj }) { wished.append((wj, r + 1)) }
    }
    let gaveWishes = !p.wishes.isEmpty
    let past = p.pastSchools.compactMap { schoolIndex[$0] }
    let nS = RotationInstance.subjectCount
    let subject = p.subject.map { RotationInstance.ordinal($0) } ?? 0
    let home = p.home
    let homeCosLat = home.map { GeoPoint.cosLat($0) }
    let isCadre = p.role.isCadre
    let cadreSlot = p.role == .principal ? 0 : 1
    let stage = p.subject != nil ? p.stage : nil
    let cert = p.certifiedStage ?? stage
    let keyStaysUp = p.isKey && rules.keyToSameOrWeaker
    let tier0 = schoolTier[j0]
    let wishesOnly = rules.wishesOnly && gaveWishes
    let maxKm = rules.maxCommuteKm
    // RotationInstance.km, with the cosines computed once.
    func km(_ j: Int) -> Double? {
      guard let home, let to = schoolLocation[j], let c0 = homeCosLat, let c1 = schoolCosLat[j] else {
        return nil
      }
      return home.distanceKm(to: to, cosLat: c0, otherCosLat: c1)
    }
    body(
      Destination(
        school: j0, section: isCadre ? -1 : sectionOf[i], isStay: true,
        wishRank: nil, km: km(j0), wishCost: 0))
    for j in scopeOf[j0] {
      if !past.isEmpty && past.contains(j) { continue }
      var r: Int?
      for w in wished where w.school == j {
        r = w.rank
        break
      }
      if wishesOnly && r == nil { continue }
      if isCadre {
        if cadreCurrent[j * 2 + cadreSlot] <= 0 { continue }
      } else {
        guard stage != nil else { continue }
        if keyStaysUp && schoolTier[j] < tier0 { continue }
      }
      let km = km(j)
      if let limit = maxKm, let d = km, d > limit { continue }
      let wishCost = r.map { Double($0 - 1) } ?? (gaveWishes ? wishMiss : 0)
      if isCadre {
        body(Destination(school: j, section: -1, isStay: false, wishRank: r, km: km, wishCost: wishCost))
      } else if let g0 = stage, let cert {
        for g in Stage.allCases {
          if g > cert { continue }
          if rules.sameStage && g != g0 { continue }
          let k = sectionAtFlat[j * Stage.allCases.count + g.rawValue]
          if k < 0 { continue }
          if teacherCap[k * nS + subject] <= 0 { continue }
          body(Destination(school: j, section: k, isStay: false, wishRank: r, km: km, wishCost: wishCost))
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
