import Foundation

/// A section: one stage of one school with pupils (model.md "Sections").
public struct Section: Sendable, Hashable {
  /// Index into `RotationInstance.schools`.
  public var school: Int
  public var stage: Stage
  /// P_k: pupils of the section's stage.
  public var pupils: Int
}

/// Teaching posts of one (section, subject).
public struct TeacherPost: Sendable, Hashable {
  /// Index into `RotationInstance.sections`.
  public var section: Int
  public var subject: Subject
  /// posts(k,s): from posts.csv, else the current headcount.
  public var posts: Int
  /// current(k,s): teachers there before rotation.
  public var current: Int
  /// cap(k,s) = max(posts, current).
  public var cap: Int { max(posts, current) }
}

/// Cadre posts of one (school, role): posts = cap = the current count.
public struct CadrePost: Sendable, Hashable {
  public var school: Int
  public var role: Role
  public var current: Int
}

/// One place a movable person may end: staying, or an allowed destination.
public struct Destination: Sendable, Hashable {
  /// Index of the school.
  public var school: Int
  /// Index of the section for teachers; -1 for cadres.
  public var section: Int
  /// True for the person's current place.
  public var isStay: Bool
  /// 1-based rank in the wish list (first occurrence), nil if not wished.
  public var wishRank: Int?
  /// Home-to-school great-circle km where both are known.
  public var km: Double?
  /// Unweighted wish cost: r − 1, wish_miss, or 0 (0 for staying).
  public var wishCost: Double
}

/// Everything model.md derives from a district and a scenario before any optimization:
/// sections, posts, eligibility, movability and each movable person's allowed destinations.
public struct RotationInstance: Sendable {
  public let district: District
  public let scenario: Scenario
  public var rules: Rules { scenario.rules }
  public var weights: Weights { scenario.weights }

  public let schools: [School]
  public let schoolIndex: [String: Int]
  public let staff: [StaffMember]
  public let staffIndex: [String: Int]
  /// Each staff member's current school index.
  public let schoolOf: [Int]
  /// Each teacher's current section index (-1 for cadres).
  public let sectionOf: [Int]
  public let sections: [Section]
  /// Section index by school index and stage raw value; -1 if none.
  public let sectionAt: [[Int]]
  /// Teacher posts, sorted by section then subject.
  public let teacherPosts: [TeacherPost]
  /// Index into teacherPosts by section * Subject.count + subject index; -1 if none.
  public let teacherPostAt: [Int]
  /// Cadre posts by school * 2 + (role == principal ? 0 : 1); current may be 0.
  public let cadrePosts: [CadrePost]

  public let eligible: [Bool]
  public let movable: [Bool]
  /// Allowed destinations for each movable person, stay first (empty for the others); with
  /// `candidateMoves`, the candidates among them. A movable person with only the stay
  /// destination cannot move.
  public let destinations: [[Destination]]
  /// Destinations in `destinations` (staying included); when over
  /// `RotationInstance.maxDestinations` the model is too large for this machine and
  /// `destinations` is left empty (`isTooLarge`).
  public let destinationCount: Int
  /// True when the assignment columns would not fit in memory: nothing can be solved.
  public var isTooLarge: Bool { destinationCount > RotationInstance.maxDestinations }
  /// Allowed destinations by the rules, staying included (at least `destinationCount`; an
  /// upper estimate when no person's list is restricted and they are many).
  public let allowedDestinationCount: Int
  /// When every allowed destination would not fit in memory: each person's list keeps
  /// staying and at most this many moves, the cheapest (`restrictToCandidates`); nil when
  /// every allowed destination is in `destinations`. Plans stay within the rules; the
  /// solver's bound prices the destinations left out (`CandidatePricing`).
  public let candidateMoves: Int?
  /// Seconds the choice of candidates took (every allowed destination enumerated once, as
  /// pricing them does at the end of the solve); 0 without candidates.
  public let candidateSeconds: Double
  /// True when some person's `destinations` leave out allowed destinations.
  public var isRestricted: Bool { candidateMoves != nil }
  /// The rules that give each person's allowed destinations.
  let allowedDestinations: AllowedDestinations
  /// With candidates only: per indicator ordinal (`Indicator.allCases`) · sections + section,
  /// the movable teachers allowed to end in the section (staying or moving in, not only as
  /// candidates) who hold the indicator there; the balance term's reachable ranges use it.
  /// Empty otherwise.
  let allowedHolders: [Int]
  /// At most this many assignment columns are built: about one per kilobyte of physical
  /// memory (a model takes about 0.9 KB per column with GLPK's copy; 5.2 million columns
  /// peaked at 4.7 GB).
  /// `LUNGANG_MAX_COLUMNS` in the environment overrides it.
  public static let maxDestinations: Int = {
    if let v = ProcessInfo.processInfo.environment["LUNGANG_MAX_COLUMNS"], let n = Int(v), n > 0 { return n }
    return max(1_000_000, Int(ProcessInfo.processInfo.physicalMemory / 1024))
  }()

  /// A restricted instance keeps about this many columns (candidates included), at most
  /// `maxDestinations`. `LUNGANG_CANDIDATE_COLUMNS` in the environment overrides it.
  public static let candidateColumns: Int = {
    if let v = ProcessInfo.processInfo.environment["LUNGANG_CANDIDATE_COLUMNS"], let n = Int(v), n > 0 { return n }
    return 3_000_000
  }()

  /// E_j: eligible teachers per school.
  public let eligibleTeachers: [Int]
  /// req_j per school (0 outside quota_tiers).
  public let quotaRequired: [Int]
  /// T_j: teachers per school.
  public let teacherCount: [Int]
  /// Outflow limit per school: max(⌊max_outflow·T_j⌋, req_j).
  public let outflowLimit: [Int]
  /// E_c: eligible cadres district-wide.
  public let eligibleCadres: Int
  /// ⌈cadre_quota · E_c⌉.
  public let cadreQuotaRequired: Int
  /// Avoid pairs (i < j) formed when either side lists the other.
  public let avoidPairs: [(Int, Int)]

  /// Subject count, used for flat indexing.
  public static let subjectCount = Subject.allCases.count
  static let subjectOrdinal: [Subject: Int] = Dictionary(
    uniqueKeysWithValues: Subject.allCases.enumerated().map { ($1, $0) })

  /// Ordinal of a subject in `Subject.allCases`.
  public static func ordinal(_ s: Subject) -> Int { subjectOrdinal[s] ?? 0 }

  /// Derives all facts; the district must already be valid. `candidatesPerPerson` keeps at
  /// most that many moves per person even when every allowed destination would fit (tests).
  /// The instance of `scenario` on `district`. `threads` (default: the scenario's
  /// solver.threads, 0 every core) choose the candidates of a district too large for every
  /// allowed destination; `candidatesPerPerson` forces candidates (tests).
  public init(district: District, scenario: Scenario, threads: Int? = nil, candidatesPerPerson: Int? = nil) {
    self.district = district
    self.scenario = scenario
    let rules = scenario.rules
    let weights = scenario.weights
    schools = district.schools
    staff = district.staff
    var si: [String: Int] = [:]
    for (i, s) in schools.enumerated() { si[s.id] = i }
    schoolIndex = si
    var pi: [String: Int] = [:]
    for (i, p) in staff.enumerated() { pi[p.id] = i }
    staffIndex = pi

    // Sections.
    var secs: [Section] = []
    var secAt = Array(repeating: [-1, -1], count: schools.count)
    for (j, s) in schools.enumerated() {
      for g in s.stages {
        secAt[j][g.rawValue] = secs.count
        secs.append(Section(school: j, stage: g, pupils: s.pupils(g)))
      }
    }
    sections = secs
    sectionAt = secAt

    let nS = RotationInstance.subjectCount
    var schoolOf = Array(repeating: -1, count: staff.count)
    var sectionOf = Array(repeating: -1, count: staff.count)
    var current = Array(repeating: 0, count: secs.count * nS)
    var cadreCurrent = Array(repeating: 0, count: schools.count * 2)
    var teacherCount = Array(repeating: 0, count: schools.count)
    for (i, p) in staff.enumerated() {
      let j = si[p.school] ?? 0
      schoolOf[i] = j
      if p.role == .teacher, let g = p.stage, let sub = p.subject {
        let k = secAt[j][g.rawValue]
        sectionOf[i] = k
        if k >= 0 { current[k * nS + RotationInstance.ordinal(sub)] += 1 }
        teacherCount[j] += 1
      } else if p.role.isCadre {
        cadreCurrent[j * 2 + (p.role == .principal ? 0 : 1)] += 1
      }
    }
    self.schoolOf = schoolOf
    self.sectionOf = sectionOf
    self.teacherCount = teacherCount

    // Teacher posts: every (section, subject) with a current teacher or a posts.csv row.
    var postsFlat = Array(repeating: -1, count: secs.count * nS)
    for (key, n) in district.posts {
      guard let j = si[key.school] else { continue }
      let k = secAt[j][key.stage.rawValue]
      if k >= 0 { postsFlat[k * nS + RotationInstance.ordinal(key.subject)] = n }
    }
    var tposts: [TeacherPost] = []
    var tpAt = Array(repeating: -1, count: secs.count * nS)
    for k in 0..<secs.count {
      for (o, sub) in Subject.allCases.enumerated() {
        let cur = current[k * nS + o]
        let given = postsFlat[k * nS + o]
        if cur == 0 && given < 0 { continue }
        tpAt[k * nS + o] = tposts.count
        tposts.append(
          TeacherPost(section: k, subject: sub, posts: given >= 0 ? given : cur, current: cur))
      }
    }
    teacherPosts = tposts
    teacherPostAt = tpAt
    var cposts: [CadrePost] = []
    for j in 0..<schools.count {
      cposts.append(CadrePost(school: j, role: .principal, current: cadreCurrent[j * 2]))
      cposts.append(CadrePost(school: j, role: .vicePrincipal, current: cadreCurrent[j * 2 + 1]))
    }
    cadrePosts = cposts

    // Eligibility and movability.
    var eligible = Array(repeating: false, count: staff.count)
    var movable = Array(repeating: false, count: staff.count)
    var eT = Array(repeating: 0, count: schools.count)
    var eC = 0
    for (i, p) in staff.enumerated() {
      let minYears = p.role.isCadre ? rules.cadreMinYears : rules.teacherMinYears
      let age = scenario.year - p.birthYear
      let toRetirement = rules.retirementAge(p.gender) - age
      let e = p.years >= minYears && p.exemptReason == nil && toRetirement > rules.retirementBuffer
      eligible[i] = e
      movable[i] = e || (p.volunteer && p.exemptReason == nil)
      if e {
        if p.role.isCadre { eC += 1 } else { eT[schoolOf[i]] += 1 }
      }
    }
    self.eligible = eligible
    self.movable = movable
    eligibleTeachers = eT
    eligibleCadres = eC
    cadreQuotaRequired = ceilTol(rules.cadreQuota * Double(eC))
    let tiers = Set(rules.quotaTiers)
    var req = Array(repeating: 0, count: schools.count)
    var limit = Array(repeating: 0, count: schools.count)
    for j in 0..<schools.count {
      req[j] = tiers.contains(schools[j].tier) ? ceilTol(rules.teacherQuota * Double(eT[j])) : 0
      limit[j] = max(floorTol(rules.maxOutflow * Double(teacherCount[j])), req[j])
    }
    quotaRequired = req
    outflowLimit = limit

    // Scope neighbours: schools a person at school j may go to (j excluded).
    var byZone: [String: [Int]] = [:]
    var byGroup: [String: [Int]] = [:]
    for (j, s) in schools.enumerated() {
      byZone[s.zone, default: []].append(j)
      if let g = s.group, !g.isEmpty { byGroup[g, default: []].append(j) }
    }
    var scopeOf: [[Int]] = []
    scopeOf.reserveCapacity(schools.count)
    for (j, s) in schools.enumerated() {
      var set: [Int]
      switch rules.scope {
      case .district: set = Array(0..<schools.count)
      case .zone: set = byZone[s.zone] ?? []
      case .group: set = s.group.flatMap { byGroup[$0] } ?? []
      case .zoneOrGroup:
        set = byZone[s.zone] ?? []
        if let g = s.group, let members = byGroup[g] { set = Array(Set(set).union(members)).sorted() }
      }
      scopeOf.append(set.filter { $0 != j })
    }

    // Avoid pairs from either side.
    var pairs = Set<Int64>()
    for (i, p) in staff.enumerated() {
      for other in p.avoid {
        guard let o = pi[other], o != i else { continue }
        let a = min(i, o)
        let b = max(i, o)
        pairs.insert(Int64(a) << 32 | Int64(b))
      }
    }
    avoidPairs = pairs.sorted().map { (Int($0 >> 32), Int($0 & 0xffff_ffff)) }
    // Allowed destinations: every one, or, when they would not fit in memory (or
    // `candidatesPerPerson` asks), each person's cheapest candidates (`restrictToCandidates`).
    var teacherCap = Array(repeating: 0, count: secs.count * nS)
    for (k, t) in tpAt.enumerated() where t >= 0 { teacherCap[k] = tposts[t].cap }
    let rulesOfDestinations = AllowedDestinations(
      rules: rules, wishMiss: weights.wishMiss, staff: staff, schools: schools, schoolIndex: si,
      schoolOf: schoolOf, sectionOf: sectionOf, sectionAt: secAt, teacherCap: teacherCap,
      cadreCurrent: cadreCurrent, scopeOf: scopeOf)
    allowedDestinations = rulesOfDestinations
    // Candidates when an upper estimate of the count is over the limit; all of them when
    // the exact count, found on the way, is not.
    let movers = staff.indices.filter { movable[$0] }
    var dests = Array(repeating: [Destination](), count: staff.count)
    var restricted: (moves: Int, holders: [Int])?
    var choiceSeconds = 0.0
    var allowedTotal = movers.reduce(0) { $0 + rulesOfDestinations.countAtMost($1) }
    if allowedTotal > RotationInstance.maxDestinations || candidatesPerPerson != nil {
      let moves =
        candidatesPerPerson
        ?? max(
          1, (min(RotationInstance.candidateColumns, RotationInstance.maxDestinations) - movers.count)
            / max(1, movers.count))
      // Schools the model will take from a mover (an avoided person who cannot move is
      // there): no candidate there, so that the model's pruning leaves the candidates.
      // "Cannot move" as the model reads it: not movable, or no allowed move.
      func canMove(_ i: Int) -> Bool {
        guard movable[i] else { return false }
        var any = false
        rulesOfDestinations.forEach(i) { d in any = any || !d.isStay }
        return any
      }
      var avoided: [Int: Set<Int>] = [:]
      for (a, b) in avoidPairs {
        let (moveA, moveB) = (canMove(a), canMove(b))
        if moveA && !moveB { avoided[a, default: []].insert(schoolOf[b]) }
        if moveB && !moveA { avoided[b, default: []].insert(schoolOf[a]) }
      }
      let tc = Date()
      let chosen = RotationInstance.restrictToCandidates(
        movers, rulesOfDestinations, moves: moves, weights: weights, sections: secs, avoided: avoided,
        slices: concurrentSlices(movers.count, threads: threads ?? scenario.solver.threads))
      choiceSeconds = Date().timeIntervalSince(tc)
      allowedTotal = chosen.allowed
      if candidatesPerPerson != nil || allowedTotal > RotationInstance.maxDestinations {
        dests = chosen.destinations
        restricted = (moves, chosen.holders)
      }
    }
    if restricted == nil {
      for i in movers {
        var list: [Destination] = []
        rulesOfDestinations.forEach(i) { list.append($0) }
        dests[i] = list
      }
    }
    allowedDestinationCount = allowedTotal
    candidateMoves = restricted?.moves
    candidateSeconds = restricted == nil ? 0 : choiceSeconds
    allowedHolders = restricted?.holders ?? []
    let built = dests.reduce(0) { $0 + $1.count }
    destinationCount = built
    destinations = built > RotationInstance.maxDestinations ? Array(repeating: [], count: staff.count) : dests
  }

  /// Each mover's destinations restricted to staying and the `moves` cheapest moves (ties in
  /// list order, none at the `avoided` schools), kept in list order. Then every post that some mover may enter but no
  /// candidate does gets its cheapest one back (the first mover's on ties): a post's shortage
  /// row, which pricing needs, exists only with a column into it. Also counts, per indicator
  /// and section, the allowed (not only candidate) holders that may enter.
  static func restrictToCandidates(
    _ movers: [Int], _ allowed: AllowedDestinations, moves: Int, weights: Weights, sections: [Section],
    avoided: [Int: Set<Int>] = [:], slices: Int = 1
  ) -> (destinations: [[Destination]], holders: [Int], allowed: Int) {
    let nS = subjectCount
    let indicators = Indicator.allCases
    // Posts by section · nS + subject ordinal, then cadre posts by school · 2 + slot.
    let cadreBase = sections.count * nS
    let postCount = cadreBase + allowed.schools.count * 2
    typealias LeftOut = (cost: Double, person: Int, destination: Destination?)
    let sectionStage = sections.map(\.stage.rawValue)
    /// One slice of the movers' choice: their candidates, and the slice's holder counts,
    /// covered posts and cheapest left-out move per post.
    struct Slice {
      var destinations: [(person: Int, kept: [Destination])] = []
      var holders: [Int]
      var covered: [Bool]
      var bestLeftOut: [LeftOut]
      var allowed = 0
    }
    @Sendable func choose(_ range: Range<Int>) -> Slice {
      var slice = Slice(
        holders: Array(repeating: 0, count: indicators.count * sections.count),
        covered: Array(repeating: false, count: postCount),
        bestLeftOut: Array(repeating: (Double.infinity, -1, nil), count: postCount))
      var list: [Destination] = []
      var costs: [Double] = []
      var scratch: [Double] = []
      for i in movers[range] {
        let p = allowed.staff[i]
        let sub = p.subject.map { RotationInstance.ordinal($0) } ?? 0
        let slot = p.role == .principal ? 0 : 1
        func post(_ d: Destination) -> Int { d.section >= 0 ? d.section * nS + sub : cadreBase + d.school * 2 + slot }
        // The indicators held per stage, flat (no inner array to retain per destination).
        let holds = Indicator.heldPerStage(by: p)
        let heldStart = holds.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let held = holds.flatMap { $0 }
        list.removeAll(keepingCapacity: true)
        costs.removeAll(keepingCapacity: true)
        allowed.forEach(i) { d in
          list.append(d)
          costs.append(d.isStay ? -Double.infinity : RotationInstance.cost(d, weights: weights))
        }
        slice.allowed += list.count
        // The model's count columns: staying included.
        for d in list where d.section >= 0 {
          let g = sectionStage[d.section]
          for q in heldStart[g]..<heldStart[g + 1] { slice.holders[held[q] * sections.count + d.section] += 1 }
        }
        // Moves the model drops for avoidance are no candidates, unless they are all the moves
        // (then the model finds the person's contradiction as it would over every destination).
        if let schools = avoided[i], list.dropFirst().contains(where: { !schools.contains($0.school) }) {
          for c in list.indices.reversed() where c > 0 && schools.contains(list[c].school) {
            list.remove(at: c)
            costs.remove(at: c)
          }
        }
        var keep = Array(repeating: true, count: list.count)
        if list.count - 1 > moves {
          scratch = costs
          let threshold = nthSmallest(&scratch, moves)  // the stay's −∞ is the smallest
          var atThreshold = moves - costs.lazy.filter { $0 < threshold }.count + 1
          for c in list.indices {
            if costs[c] < threshold { continue }
            if costs[c] == threshold && atThreshold > 0 {
              atThreshold -= 1
              continue
            }
            keep[c] = false
          }
        }
        var kept: [Destination] = []
        for (c, d) in list.enumerated() {
          if keep[c] {
            kept.append(d)
            if !d.isStay { slice.covered[post(d)] = true }
          } else if costs[c] < slice.bestLeftOut[post(d)].cost {
            slice.bestLeftOut[post(d)] = (costs[c], i, d)
          }
        }
        slice.destinations.append((i, kept))
      }
      return slice
    }
    // Slices in parallel (each person's choice is their own), merged in mover order: the
    // same result as one pass, ties in left-out moves going to the first mover.
    let sliceCount = max(1, slices)
    let bounds = (0...sliceCount).map { movers.count * $0 / sliceCount }
    let chosen = concurrentMap(sliceCount) { k in choose(bounds[k]..<bounds[k + 1]) }
    var dests = Array(repeating: [Destination](), count: allowed.staff.count)
    var holders = Array(repeating: 0, count: indicators.count * sections.count)
    var covered = Array(repeating: false, count: postCount)
    var bestLeftOut = Array(repeating: LeftOut(Double.infinity, -1, nil), count: postCount)
    var allowedTotal = 0
    for slice in chosen {
      for (i, kept) in slice.destinations { dests[i] = kept }
      for h in holders.indices { holders[h] += slice.holders[h] }
      for c in 0..<postCount {
        covered[c] = covered[c] || slice.covered[c]
        if slice.bestLeftOut[c].cost < bestLeftOut[c].cost { bestLeftOut[c] = slice.bestLeftOut[c] }
      }
      allowedTotal += slice.allowed
    }
    for k in 0..<postCount where !covered[k] {
      guard let d = bestLeftOut[k].destination else { continue }
      let i = bestLeftOut[k].person
      dests[i].append(d)
      dests[i][1...].sort { ($0.school, $0.section) < ($1.school, $1.section) }
    }
    return (dests, holders, allowedTotal)
  }

  /// The n-th smallest value of `a` (0-based), by quickselect; reorders `a`.
  static func nthSmallest(_ a: inout [Double], _ n: Int) -> Double {
    var lo = 0
    var hi = a.count - 1
    while lo < hi {
      let pivot = a[(lo + hi) / 2]
      var i = lo
      var j = hi
      while i <= j {
        while a[i] < pivot { i += 1 }
        while a[j] > pivot { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if n <= j { hi = j } else if n >= i { lo = i } else { return a[n] }
    }
    return a[n]
  }

  /// Weighted cost of ending at a destination: 0 for staying, else
  /// W_wish·wishcost + W_commute·km + W_move.
  public func cost(_ d: Destination) -> Double {
    Self.cost(d, weights: weights)
  }

  /// `cost(_:)` under `weights` (for callers without an instance yet).
  static func cost(_ d: Destination, weights: Weights) -> Double {
    if d.isStay { return 0 }
    return weights.wish * d.wishCost + weights.commute * (d.km ?? 0) + weights.move
  }

  /// Distance where both points are known.
  static func km(_ a: GeoPoint?, _ b: GeoPoint?) -> Double? {
    guard let a, let b else { return nil }
    return a.distanceKm(to: b)
  }
}

/// ⌈x⌉ with the 1e-9 tolerance of model.md.
public func ceilTol(_ x: Double) -> Int { Int((x - 1e-9).rounded(.up)) }
/// ⌊x⌋ with the 1e-9 tolerance of model.md.
public func floorTol(_ x: Double) -> Int { Int((x + 1e-9).rounded(.down)) }
