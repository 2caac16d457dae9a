/// A rotation plan: where every movable person ends.
public struct Plan: Sendable, Hashable {
  /// Per staff index: the index into `RotationInstance.destinations[i]`, or -1 for a person
  /// who is not movable (stays where they are).
  public var choice: [Int]

  /// The plan where everyone stays.
  public static func allStay(_ inst: RotationInstance) -> Plan {
    Plan(choice: inst.staff.indices.map { inst.movable[$0] ? 0 : -1 })
  }
  public init(choice: [Int]) { self.choice = choice }

  /// True if person i leaves their school or section.
  public func moves(_ i: Int, in inst: RotationInstance) -> Bool {
    let c = choice[i]
    return c >= 0 && !inst.destinations[i][c].isStay
  }
  /// School where person i ends.
  public func endSchool(_ i: Int, in inst: RotationInstance) -> Int {
    let c = choice[i]
    return c >= 0 ? inst.destinations[i][c].school : inst.schoolOf[i]
  }
  /// Section where teacher i ends (-1 for cadres).
  public func endSection(_ i: Int, in inst: RotationInstance) -> Int {
    let c = choice[i]
    return c >= 0 ? inst.destinations[i][c].section : inst.sectionOf[i]
  }
}

/// The weighted objective terms of model.md; they add up to `total`.
public struct ObjectiveTerms: Sendable, Hashable {
  public var shortage = 0.0
  public var quota = 0.0
  public var keyShare = 0.0
  public var cadreQuota = 0.0
  public var balance = 0.0
  public var wish = 0.0
  public var commute = 0.0
  public var move = 0.0
  public var total: Double {
    shortage + quota + keyShare + cadreQuota + balance + wish + commute + move
  }
  /// (name, value) pairs in the order of the output contract.
  public var named: [(String, Double)] {
    [
      ("shortage", shortage), ("quota", quota), ("key_share", keyShare),
      ("cadre_quota", cadreQuota), ("balance", balance), ("wish", wish),
      ("commute", commute), ("move", move),
    ]
  }
}

/// A plan measured against the rules, computed directly from who ends where
/// (no optimization model involved): terms, counts, hard-rule violations and indicators.
public struct PlanEvaluation: Sendable {
  public var terms = ObjectiveTerms()
  /// Σ short in heads over teacher and cadre posts.
  public var shortageHeads = 0
  /// Σ u_j in heads (teacher quota).
  public var quotaMissing = 0
  public var moved = 0
  public var movedKey = 0
  public var movedCadres = 0
  /// Teachers leaving each school (moved_j).
  public var movedFrom: [Int] = []
  /// Key teachers leaving each school.
  public var movedKeyFrom: [Int] = []
  /// A(k,s) per teacher post, aligned with `RotationInstance.teacherPosts`.
  public var teacherPostsAfter: [Int] = []
  /// Cadres per (school, role) after, aligned with `cadrePosts`.
  public var cadrePostsAfter: [Int] = []
  /// Per balance term (aligned with `balanceTerms()`): counts per section before and after.
  public var indicatorBefore: [[Int]] = []
  public var indicatorAfter: [[Int]] = []
  /// Hard-rule violations in words; empty for a feasible plan.
  public var violations: [String] = []

  /// Measures `plan`.
  public init(_ plan: Plan, _ inst: RotationInstance, terms bal: [BalanceTerm]? = nil) {
    let w = inst.weights
    let rules = inst.rules
    let nS = RotationInstance.subjectCount
    let n = inst.staff.count
    movedFrom = Array(repeating: 0, count: inst.schools.count)
    movedKeyFrom = movedFrom
    var hasMovableTeacher = Array(repeating: false, count: inst.schools.count)
    teacherPostsAfter = Array(repeating: 0, count: inst.teacherPosts.count)
    cadrePostsAfter = Array(repeating: 0, count: inst.cadrePosts.count)
    var cadreMoved = 0
    for i in 0..<n {
      let p = inst.staff[i]
      let mv = plan.moves(i, in: inst)
      let endJ = plan.endSchool(i, in: inst)
      if p.role.isCadre {
        cadrePostsAfter[endJ * 2 + (p.role == .principal ? 0 : 1)] += 1
        if mv { cadreMoved += 1 }
      } else {
        let k = plan.endSection(i, in: inst)
        if let sub = p.subject, k >= 0 {
          let tp = inst.teacherPostAt[k * nS + RotationInstance.ordinal(sub)]
          if tp >= 0 {
            teacherPostsAfter[tp] += 1
          } else {
            violations.append("\(p.id) ends in a section without a \(sub.rawValue) post")
          }
        }
        if inst.movable[i] { hasMovableTeacher[inst.schoolOf[i]] = true }
        if mv {
          movedFrom[inst.schoolOf[i]] += 1
          if p.isKey { movedKeyFrom[inst.schoolOf[i]] += 1 }
        }
      }
      if mv {
        moved += 1
        if p.isKey && !p.role.isCadre { movedKey += 1 }
        let d = inst.destinations[i][plan.choice[i]]
        terms.wish += w.wish * d.wishCost
        terms.commute += w.commute * (d.km ?? 0)
        terms.move += w.move
      }
    }
    movedCadres = cadreMoved
    // Posts.
    var shortHeads = 0
    for (t, post) in inst.teacherPosts.enumerated() {
      let a = teacherPostsAfter[t]
      if a > post.cap {
        violations.append(
          "section \(inst.schools[inst.sections[post.section].school].id)/"
            + "\(inst.sections[post.section].stage.code) \(post.subject.rawValue): "
            + "\(a) teachers over cap \(post.cap)")
      }
      shortHeads += max(0, post.posts - a)
    }
    for (c, post) in inst.cadrePosts.enumerated() {
      let a = cadrePostsAfter[c]
      if a > post.current {
        violations.append(
          "school \(inst.schools[post.school].id) \(post.role.code): \(a) over cap \(post.current)")
      }
      shortHeads += max(0, post.current - a)
    }
    shortageHeads = shortHeads
    terms.shortage = w.shortage * Double(shortHeads)
    // Quota, key share, outflow.
    var u = 0
    var v = 0.0
    for j in 0..<inst.schools.count {
      u += max(0, inst.quotaRequired[j] - movedFrom[j])
      if hasMovableTeacher[j] {
        v += max(0, rules.keyShare * Double(movedFrom[j]) - Double(movedKeyFrom[j]))
      }
      if movedFrom[j] > inst.outflowLimit[j] {
        violations.append(
          "school \(inst.schools[j].id): \(movedFrom[j]) teachers leave, over the outflow "
            + "limit \(inst.outflowLimit[j])")
      }
    }
    quotaMissing = u
    terms.quota = w.quota * Double(u)
    terms.keyShare = w.keyShare * v
    terms.cadreQuota = w.cadreQuota * Double(max(0, inst.cadreQuotaRequired - cadreMoved))
    // Avoidance.
    for (a, b) in inst.avoidPairs {
      if plan.endSchool(a, in: inst) == plan.endSchool(b, in: inst) {
        let bothFixed = !plan.canMove(a, inst) && !plan.canMove(b, inst)
        if !bothFixed {
          violations.append(
            "\(inst.staff[a].id) and \(inst.staff[b].id) avoid each other but both end in "
              + "\(inst.schools[plan.endSchool(a, in: inst)].id)")
        }
      }
    }
    // Balance.
    let balance = bal ?? inst.balanceTerms()
    var b = 0.0
    for term in balance {
      var pos = Array(repeating: -1, count: inst.sections.count)
      for (n, k) in term.sections.enumerated() { pos[k] = n }
      var before = Array(repeating: 0, count: term.sections.count)
      var after = before
      for i in 0..<n where inst.staff[i].role == .teacher {
        let p = inst.staff[i]
        let k0 = inst.sectionOf[i]
        if k0 >= 0 && pos[k0] >= 0 && term.indicator.holds(for: p, in: inst.sections[k0].stage) {
          before[pos[k0]] += 1
        }
        let k1 = plan.endSection(i, in: inst)
        if k1 >= 0 && pos[k1] >= 0 && term.indicator.holds(for: p, in: inst.sections[k1].stage) {
          after[pos[k1]] += 1
        }
      }
      indicatorBefore.append(before)
      indicatorAfter.append(after)
      if term.before > 0 {
        for (n, k) in term.sections.enumerated() {
          b += term.value(count: after[n], pupils: inst.sections[k].pupils)
        }
      }
    }
    terms.balance = w.balance * b
  }
}

extension Plan {
  /// True if person i has an allowed destination other than staying.
  public func canMove(_ i: Int, _ inst: RotationInstance) -> Bool {
    inst.movable[i] && inst.destinations[i].count > 1
  }
}
