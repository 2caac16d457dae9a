import Foundation

/// Checks the hard rules of model.md on a plan straight from the district's rows and the
/// scenario's rules: a second, deliberately plain reading of the spec that shares no code with
/// `RotationInstance` or the formulation, so that a bug there cannot hide here.
public struct RuleCheck {
  /// Where a person ends: a school id and, for teachers, a stage.
  public struct Place: Hashable, Sendable {
    public var school: String
    public var stage: Stage?
    public init(school: String, stage: Stage?) {
      self.school = school
      self.stage = stage
    }
  }

  let district: District
  let scenario: Scenario
  var rules: Rules { scenario.rules }
  var schoolByID: [String: School] = [:]
  var personByID: [String: StaffMember] = [:]
  struct PostAt: Hashable { var school: String; var stage: Stage; var subject: Subject }
  struct CadreAt: Hashable { var school: String; var role: Role }
  var currentTeachers: [PostAt: Int] = [:]
  var currentCadres: [CadreAt: Int] = [:]

  /// Reads the district's rows once.
  public init(district: District, scenario: Scenario) {
    self.district = district
    self.scenario = scenario
    for s in district.schools { schoolByID[s.id] = s }
    for p in district.staff { personByID[p.id] = p }
    // Current teachers per (school, stage, subject) and cadres per (school, role).
    for p in district.staff {
      if p.role == .teacher, let g = p.stage, let s = p.subject {
        currentTeachers[PostAt(school: p.school, stage: g, subject: s), default: 0] += 1
      } else if p.role != .teacher {
        currentCadres[CadreAt(school: p.school, role: p.role), default: 0] += 1
      }
    }
  }

  /// Problems of the plan `moves` (staff id → new place; everyone else stays), in words.
  public static func problems(district: District, scenario: Scenario, moves: [String: Place]) -> [String] {
    RuleCheck(district: district, scenario: scenario).problems(moves: moves)
  }

  /// Eligible (应交流), from model.md "Derived facts".
  public func isEligible(_ p: StaffMember) -> Bool {
    let minYears = p.role == .teacher ? rules.teacherMinYears : rules.cadreMinYears
    let age = scenario.year - p.birthYear
    let retirementAge = p.gender == .male ? rules.retirementAgeMale : rules.retirementAgeFemale
    return p.years >= minYears && p.exemptReason == nil && retirementAge - age > rules.retirementBuffer
  }

  /// Movable: eligible, or a volunteer who is not exempt.
  public func isMovable(_ p: StaffMember) -> Bool { isEligible(p) || (p.volunteer && p.exemptReason == nil) }

  func cap(_ k: PostAt) -> Int {
    let current = currentTeachers[k] ?? 0
    let posts = district.posts[PostKey(school: k.school, stage: k.stage, subject: k.subject)] ?? current
    return max(posts, current)
  }

  /// Why `p` may not go to `place`, or nil when it is an allowed destination (model.md
  /// "Allowed destinations"; post caps and avoidance are checked on the whole plan).
  public func whyNot(_ p: StaffMember, _ place: Place) -> String? {
    guard let from = schoolByID[p.school], let to = schoolByID[place.school] else { return "unknown school" }
    if place.school == p.school { return "it is their own school" }
    if !rules.scope.admits(from: from, to: to) { return "\(to.id) is outside the \(rules.scope.rawValue) scope of \(from.id)" }
    if p.pastSchools.contains(to.id) { return "they served at \(to.id) before" }
    if let limit = rules.maxCommuteKm, let h = p.home, let l = to.location, h.distanceKm(to: l) > limit {
      return "the commute of \(String(format: "%.2f", h.distanceKm(to: l))) km is over \(limit) km"
    }
    if rules.wishesOnly && !p.wishes.isEmpty && !p.wishes.contains(to.id) {
      return "\(to.id) is not among their wishes (wishes_only)"
    }
    if p.role != .teacher {
      if (currentCadres[CadreAt(school: to.id, role: p.role)] ?? 0) == 0 {
        return "\(to.id) has no \(p.role.code) post"
      }
      return nil
    }
    guard let g = place.stage, let stage = p.stage, let subject = p.subject else { return "no stage given" }
    if to.pupils(g) <= 0 { return "\(to.id) has no \(g.code) section" }
    if g > (p.cert ?? stage) { return "they are not certified for \(g.code)" }
    if rules.sameStage && g != stage { return "same_stage keeps them in \(stage.code)" }
    if cap(PostAt(school: to.id, stage: g, subject: subject)) <= 0 {
      return "\(to.id) \(g.code) has no \(subject.rawValue) post"
    }
    if p.isKey && rules.keyToSameOrWeaker && to.tier < from.tier {
      return "a key teacher may not go to the stronger tier \(to.tier) from tier \(from.tier)"
    }
    return nil
  }

  /// Problems of the plan `moves` (staff id → new place; everyone else stays), in words.
  public func problems(moves: [String: Place]) -> [String] {
    var problems: [String] = []
    // 1. Each mover is movable and goes to an allowed destination.
    for id in moves.keys.sorted() {
      guard let p = personByID[id], let place = moves[id] else {
        problems.append("\(id): no such person")
        continue
      }
      if !isMovable(p) { problems.append("\(id) moves but is not movable") }
      if let why = whyNot(p, place) { problems.append("\(id) may not go to \(place.school): \(why)") }
    }

    // Where everyone ends.
    func end(_ p: StaffMember) -> Place { moves[p.id] ?? Place(school: p.school, stage: p.stage) }

    // 2. Post caps, teachers per (section, subject) and cadres per (school, role).
    var after: [PostAt: Int] = [:]
    var cadresAfter: [CadreAt: Int] = [:]
    for p in district.staff {
      let e = end(p)
      if p.role == .teacher, let g = e.stage, let s = p.subject {
        after[PostAt(school: e.school, stage: g, subject: s), default: 0] += 1
      } else if p.role != .teacher {
        cadresAfter[CadreAt(school: e.school, role: p.role), default: 0] += 1
      }
    }
    for k in after.keys.sorted(by: { ($0.school, $0.stage.rawValue, $0.subject.rawValue) < ($1.school, $1.stage.rawValue, $1.subject.rawValue) })
    where after[k]! > cap(k) {
      problems.append("post cap: \(k.school) \(k.stage.code) \(k.subject.rawValue) ends with \(after[k]!) teachers, cap \(cap(k))")
    }
    for k in cadresAfter.keys.sorted(by: { ($0.school, $0.role.rawValue) < ($1.school, $1.role.rawValue) })
    where cadresAfter[k]! > (currentCadres[k] ?? 0) {
      problems.append("cadre post cap: \(k.school) ends with \(cadresAfter[k]!) \(k.role.code)s, cap \(currentCadres[k] ?? 0)")
    }

    // 5. Outflow: teachers leaving a school ≤ max(⌊max_outflow·T_j⌋, req_j).
    var teachersAt: [String: [StaffMember]] = [:]
    for p in district.staff where p.role == .teacher { teachersAt[p.school, default: []].append(p) }
    for s in district.schools {
      let teachers = teachersAt[s.id] ?? []
      let eligibleCount = teachers.filter(isEligible).count
      let required = rules.quotaTiers.contains(s.tier)
        ? Int((rules.teacherQuota * Double(eligibleCount) - 1e-9).rounded(.up)) : 0
      let limit = max(Int((rules.maxOutflow * Double(teachers.count) + 1e-9).rounded(.down)), required)
      let leaving = teachers.filter { moves[$0.id] != nil }.count
      if leaving > limit {
        problems.append("outflow: \(leaving) teachers leave \(s.id), over its limit of \(limit)")
      }
    }

    // 7. Avoidance: a pair never ends in one school, unless neither side can move at all.
    func canMove(_ p: StaffMember) -> Bool {
      guard isMovable(p) else { return false }
      for s in district.schools where s.id != p.school {
        let stages: [Stage?] = p.role == .teacher ? Stage.allCases.map { $0 } : [nil]
        for g in stages where whyNot(p, Place(school: s.id, stage: g)) == nil { return true }
      }
      return false
    }
    var pairs = Set<[String]>()
    for p in district.staff {
      for o in p.avoid where o != p.id && personByID[o] != nil { pairs.insert([p.id, o].sorted()) }
    }
    for pair in pairs.sorted(by: { $0.joined(separator: "\u{1}") < $1.joined(separator: "\u{1}") }) {
      guard let a = personByID[pair[0]], let b = personByID[pair[1]] else { continue }
      if end(a).school != end(b).school { continue }
      if end(a).school == a.school && end(b).school == b.school && !canMove(a) && !canMove(b) { continue }
      problems.append("avoidance: \(a.id) and \(b.id) both end at \(end(a).school)")
    }
    return problems
  }
}
