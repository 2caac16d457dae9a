import Foundation

/// The rule of model.md "Allowed destinations" that keeps a school from being a person's
/// destination.
public enum ExclusionRule: String, CaseIterable, Sendable, Hashable {
  /// Outside `scope` (zone, group, zone_or_group).
  case scope
  /// One of the person's `past_schools`.
  case pastSchools = "past_schools"
  /// `wishes_only` and not on the person's wish list.
  case wishesOnly = "wishes_only"
  /// Farther from home than `max_commute_km`.
  case commute = "max_commute_km"
  /// A key teacher and a stronger school (`key_to_same_or_weaker`).
  case keyToSameOrWeaker = "key_to_same_or_weaker"
  /// Only sections of a stage above the teacher's certificate (`cert`).
  case cert
  /// Only sections of another stage (`same_stage`).
  case sameStage = "same_stage"
  /// A section they could teach in, but no post of their subject there (cap 0).
  case noSubjectPost = "no_subject_post"
  /// No post of the cadre's role at the school.
  case noCadrePost = "no_cadre_post"
  /// Allowed by the rules, but someone they avoid ends there and cannot move.
  case avoidance

  /// The rule in words.
  public var words: String {
    switch self {
    case .scope: return "out of scope"
    case .pastSchools: return "past school (past_schools)"
    case .wishesOnly: return "not wished (wishes_only)"
    case .commute: return "beyond max_commute_km"
    case .keyToSameOrWeaker: return "stronger tier (key_to_same_or_weaker)"
    case .cert: return "above their certificate (cert)"
    case .sameStage: return "no section of their stage (same_stage)"
    case .noSubjectPost: return "no post of their subject"
    case .noCadrePost: return "no post of their role"
    case .avoidance: return "someone they avoid stays there (avoidance)"
    }
  }
}

/// Why each school is or is not among a movable person's allowed destinations: the rules of
/// `RotationInstance`'s destination builder applied one by one, in its order, so that the
/// first rule that excludes a school is named. Avoidance (applied by the model, not the
/// instance) removes destinations at the school of an avoided person who cannot move.
public struct DestinationRules: Sendable {
  /// Schools (other than the person's own) with the rule that excludes each, by school index.
  public var excluded: [Int: ExclusionRule] = [:]
  /// Indices into `inst.destinations[i]` removed by avoidance, with the avoided person.
  public var avoidanceRemoved: [Int: Int] = [:]
  /// Avoided people who cannot move (stay where they are), by staff index.
  public var avoidedFixed: [Int] = []

  /// Classifies every school for person `i` (empty for a person who is not movable).
  public init(_ inst: RotationInstance, person i: Int) {
    guard inst.movable[i] else { return }
    let p = inst.staff[i]
    let rules = inst.rules
    let j0 = inst.schoolOf[i]
    let home = inst.schools[j0]
    let wished = Set(p.wishes.compactMap { inst.schoolIndex[$0] })
    let past = Set(p.pastSchools.compactMap { inst.schoolIndex[$0] })
    for (j, s) in inst.schools.enumerated() where j != j0 {
      if !rules.scope.admits(from: home, to: s) { excluded[j] = .scope; continue }
      if past.contains(j) { excluded[j] = .pastSchools; continue }
      if rules.wishesOnly && !p.wishes.isEmpty && !wished.contains(j) { excluded[j] = .wishesOnly; continue }
      if let limit = rules.maxCommuteKm, let km = RotationInstance.km(p.home, s.location), km > limit {
        excluded[j] = .commute
        continue
      }
      if p.role.isCadre {
        let c = inst.cadrePosts[j * 2 + (p.role == .principal ? 0 : 1)]
        if c.current <= 0 { excluded[j] = .noCadrePost }
        continue
      }
      guard let g0 = p.stage, let sub = p.subject else { excluded[j] = .sameStage; continue }
      if p.isKey && rules.keyToSameOrWeaker && s.tier < home.tier { excluded[j] = .keyToSameOrWeaker; continue }
      let cert = p.certifiedStage ?? g0
      // The closest miss over the school's sections: allowed > no post > stage > cert.
      var bestRank = -1
      var best: ExclusionRule? = .sameStage
      for g in Stage.allCases {
        let k = inst.sectionAt[j][g.rawValue]
        if k < 0 { continue }
        let why: ExclusionRule?
        let r: Int
        if g > cert {
          (why, r) = (.cert, 1)
        } else if rules.sameStage && g != g0 {
          (why, r) = (.sameStage, 2)
        } else {
          let tp = inst.teacherPostAt[k * RotationInstance.subjectCount + RotationInstance.ordinal(sub)]
          (why, r) = tp < 0 || inst.teacherPosts[tp].cap <= 0 ? (.noSubjectPost, 3) : (nil, 4)
        }
        if r > bestRank { (best, bestRank) = (why, r) }
      }
      if let b = best { excluded[j] = b }
    }
    // Avoidance: destinations at the school of an avoided person who cannot move.
    guard inst.destinations[i].count > 1 else { return }
    for (a, b) in inst.avoidPairs where a == i || b == i {
      let o = a == i ? b : a
      let oCanMove = inst.movable[o] && inst.destinations[o].count > 1
      if oCanMove { continue }
      avoidedFixed.append(o)
      for (c, d) in inst.destinations[i].enumerated() where d.school == inst.schoolOf[o] {
        avoidanceRemoved[c] = o
      }
    }
  }

  /// Schools excluded by each rule, rules in `ExclusionRule` order, schools in index order.
  public func byRule() -> [(ExclusionRule, [Int])] {
    ExclusionRule.allCases.compactMap { r in
      let js = excluded.filter { $0.value == r }.map(\.key).sorted()
      return js.isEmpty ? nil : (r, js)
    }
  }
}
