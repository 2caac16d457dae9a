import Foundation

/// A construction heuristic: starts from a feasible plan and improves it by single moves,
/// pairwise exchanges and chains of moves into short posts, evaluating each change
/// incrementally under model.md's objective.
/// Its plan is handed to GLPK as the first incumbent.
public struct LocalSearch: Sendable {
  let inst: RotationInstance
  let form: Formulation
  let terms: [BalanceTerm]
  let w: Weights
  let keyShare: Double
  /// Current column per person with variables (-1 otherwise).
  var col: [Int]
  var postCount: [Int]
  var cadreCount: [Int]
  var movedFrom: [Int]
  var movedKeyFrom: [Int]
  var hasMovableTeacher: [Bool]
  var cadreMoved: Int
  /// Per balance term t and section k, at t · sections + k: current count (only terms with
  /// μ > 0).
  var count: [Int]
  /// Per person i and stage g (primary 0, junior 1), the positions
  /// `propStart[2i + g]..<propStart[2i + g + 1]` of `propList`: the balance terms whose
  /// property i has when teaching at stage g, ascending.
  let propStart: [Int32]
  let propList: [Int32]
  /// Per balance term: μ and P_g (`BalanceTerm.mean`, `.pupils`).
  let termMean: [Double]
  let termPupils: [Double]
  /// Per section: its stage's raw value and its pupils.
  let sectionStage: [Int]
  let sectionPupils: [Int]
  /// Per person i, `partnerList[partnerStart[i]..<partnerStart[i + 1]]`: the people i avoids.
  let partnerStart: [Int32]
  let partnerList: [Int32]
  /// Per assignment column: the section it ends in (−1 for a cadre), its school, whether it
  /// is its person's stay, its own cost (`RotationInstance.cost`) and its post (the teacher
  /// post of the person's subject there, −1 without one; for a cadre the cadre post). Read
  /// in every trial move, so kept in flat arrays: `inst.destinations[person][k]` costs two
  /// dependent loads, and on the 50,000-staff district scope those cache misses were most
  /// of `moveChange`'s time (perf, stop 16).
  let colSection: [Int32]
  let colSchool: [Int32]
  let colStay: [Bool]
  let colCost: [Double]
  let colPost: [Int32]
  /// Per teacher post t, `columnsIntoPost[intoPostStart[t]..<intoPostStart[t + 1]]`: the
  /// columns that end there, ascending (for the chains, `fillShortagesByChains`; built once
  /// instead of a dictionary per pass).
  let intoPostStart: [Int32]
  let columnsIntoPost: [Int32]
  /// People ending at each teacher post / cadre post (persons with variables only).
  var occupants: [[Int]]
  var cadreOccupants: [[Int]]
  var violations = 0
  /// The longest chain of moves used to fill a short post (`fillShortagesByChains`; 0: none).
  public var chainLength = LocalSearch.defaultChainLength
  /// Whether a chain skips a stayer of a school already at its outflow limit
  /// (`fillShortagesByChains`); off by default. Measured both ways (chains of 32): the
  /// 200,000-staff rung's largest part starts from 948,612 with it against 954,362 without,
  /// but the 50,000-staff district scope's heuristic plan is 406,391 with it against 392,763
  /// without (its time-boxed passes), and its plan after 180 s 413,847 against 391,201.
  /// Stop 15, with faster passes: the district scope 1.81 % against 1.91 % at 180 s, but the
  /// 200,000-staff rung 1.04 % at 180 s against 0.87 % in 68 s (docs/decisions.md).
  /// LUNGANG_CHAIN_OUTFLOW=1 turns it on.
  public var chainsRespectOutflow = Tuning.environmentSwitch("LUNGANG_CHAIN_OUTFLOW") ?? false
  /// Chains found but not kept (made and undone) so far.
  var chainsUndone = 0
  /// Per person: subject ordinal (−1 without a subject), cadre, principal, key teacher.
  /// Read in every trial move, so kept apart from the staff records (copying one costs
  /// reference counting on its strings).
  let subjectOrdinal: [Int]
  let isCadre: [Bool]
  let isPrincipal: [Bool]
  let isKey: [Bool]
  /// Per person i, over the positions `form.columnsOf[i]`: i's columns sorted by where they
  /// end (section for a teacher, school for a cadre), for `column(of:into:)`.
  let columnsByPlace: [Int32]
  /// Where each column of `columnsByPlace` ends (section or school; the sort key).
  let placeOfSorted: [Int32]

  /// Prepares the search from the all-stay plan (stay replaced by the first allowed
  /// destination where avoidance forbids staying).
  public init(_ inst: RotationInstance, _ form: Formulation) {
    self.inst = inst
    self.form = form
    self.terms = inst.balanceTerms()
    self.w = inst.weights
    self.keyShare = inst.rules.keyShare
    let n = inst.staff.count
    subjectOrdinal = inst.staff.map { p in p.subject.map { RotationInstance.ordinal($0) } ?? -1 }
    isCadre = inst.staff.map { $0.role.isCadre }
    isPrincipal = inst.staff.map { $0.role == .principal }
    isKey = inst.staff.map { $0.isKey }
    var byPlace = Array(repeating: Int32(0), count: form.assignCount)
    var placeSorted = byPlace
    for i in 0..<n {
      let cols = form.columnsOf[i]
      guard !cols.isEmpty else { continue }
      let cadre = isCadre[i]
      func place(_ c: Int) -> Int {
        let d = inst.destinations[i][Int(form.assignDestination[c])]
        return cadre ? d.school : d.section
      }
      let sorted = cols.map { (place($0), $0) }.sorted { $0 < $1 }
      for (k, (pl, c)) in sorted.enumerated() {
        byPlace[cols.lowerBound + k] = Int32(c)
        placeSorted[cols.lowerBound + k] = Int32(pl)
      }
    }
    columnsByPlace = byPlace
    placeOfSorted = placeSorted
    col = Array(repeating: -1, count: n)
    postCount = Array(repeating: 0, count: inst.teacherPosts.count)
    cadreCount = Array(repeating: 0, count: inst.cadrePosts.count)
    movedFrom = Array(repeating: 0, count: inst.schools.count)
    movedKeyFrom = movedFrom
    hasMovableTeacher = Array(repeating: false, count: inst.schools.count)
    cadreMoved = 0
    count = Array(repeating: 0, count: terms.count * inst.sections.count)
    termMean = terms.map(\.mean)
    termPupils = terms.map(\.pupils)
    sectionStage = inst.sections.map(\.stage.rawValue)
    sectionPupils = inst.sections.map(\.pupils)
    occupants = Array(repeating: [], count: inst.teacherPosts.count)
    cadreOccupants = Array(repeating: [], count: inst.cadrePosts.count)
    var partners: [[Int]] = Array(repeating: [], count: n)
    for (a, b) in inst.avoidPairs {
      partners[a].append(b)
      partners[b].append(a)
    }
    var pStart: [Int32] = [0]
    var pList: [Int32] = []
    for list in partners {
      pList += list.map { Int32($0) }
      pStart.append(Int32(pList.count))
    }
    partnerStart = pStart
    partnerList = pList
    var tStart: [Int32] = [0]
    var tList: [Int32] = []
    tStart.reserveCapacity(2 * n + 1)
    for i in 0..<n {
      let p = inst.staff[i]
      for g in 0..<2 {
        if p.role == .teacher {
          for (t, term) in terms.enumerated() where term.before > 0 && term.stage.rawValue == g {
            if term.indicator.holds(for: p, in: term.stage) { tList.append(Int32(t)) }
          }
        }
        tStart.append(Int32(tList.count))
      }
    }
    propStart = tStart
    propList = tList
    var cSection = Array(repeating: Int32(-1), count: form.assignCount)
    var cSchool = cSection
    var cPost = cSection
    var cStay = Array(repeating: false, count: form.assignCount)
    var cCost = Array(repeating: 0.0, count: form.assignCount)
    for c in 0..<form.assignCount {
      let i = Int(form.assignPerson[c])
      let d = inst.destinations[i][Int(form.assignDestination[c])]
      cSection[c] = Int32(d.section)
      cSchool[c] = Int32(d.school)
      cStay[c] = d.isStay
      cCost[c] = inst.cost(d)
      cPost[c] = Int32(
        isCadre[i]
          ? Self.cadrePost(school: d.school, principal: isPrincipal[i])
          : Self.teacherPost(inst, section: d.section, subjectOrdinal: subjectOrdinal[i]))
    }
    colSection = cSection
    colSchool = cSchool
    colStay = cStay
    colCost = cCost
    colPost = cPost
    var intoStart = Array(repeating: Int32(0), count: inst.teacherPosts.count + 1)
    for c in 0..<form.assignCount where !isCadre[Int(form.assignPerson[c])] && cPost[c] >= 0 {
      intoStart[Int(cPost[c]) + 1] += 1
    }
    for t in 0..<inst.teacherPosts.count { intoStart[t + 1] += intoStart[t] }
    var fill = intoStart
    var into = Array(repeating: Int32(0), count: Int(intoStart[inst.teacherPosts.count]))
    for c in 0..<form.assignCount where !isCadre[Int(form.assignPerson[c])] && cPost[c] >= 0 {
      let t = Int(cPost[c])
      into[Int(fill[t])] = Int32(c)
      fill[t] += 1
    }
    intoPostStart = intoStart
    columnsIntoPost = into
    // Start: everyone at stay (or first allowed column).
    for i in 0..<n {
      let cols = form.columnsOf[i]
      if cols.isEmpty {
        place(i, section: inst.sectionOf[i], school: inst.schoolOf[i], moving: false, sign: 1)
        continue
      }
      let c = cols.first { colStay[$0] } ?? cols.lowerBound
      col[i] = c
      if inst.staff[i].role == .teacher { hasMovableTeacher[inst.schoolOf[i]] = true }
      let d = dest(c)
      place(i, section: d.section, school: d.school, moving: !d.isStay, sign: 1)
      addOccupant(i, c)
    }
    violations = countViolations()
  }

  func dest(_ c: Int) -> Destination {
    inst.destinations[Int(form.assignPerson[c])][Int(form.assignDestination[c])]
  }

  func postIndex(_ i: Int, section: Int) -> Int {
    Self.teacherPost(inst, section: section, subjectOrdinal: subjectOrdinal[i])
  }
  func cadreIndex(_ i: Int, school: Int) -> Int {
    Self.cadrePost(school: school, principal: isPrincipal[i])
  }
  /// The teacher post of a subject (by ordinal; −1 without a subject) in section k, −1 when
  /// there is none.
  static func teacherPost(_ inst: RotationInstance, section k: Int, subjectOrdinal o: Int) -> Int {
    guard o >= 0, k >= 0 else { return -1 }
    return inst.teacherPostAt[k * RotationInstance.subjectCount + o]
  }
  /// The cadre post of school j's principals (or vice principals).
  static func cadrePost(school j: Int, principal: Bool) -> Int { j * 2 + (principal ? 0 : 1) }

  mutating func addOccupant(_ i: Int, _ c: Int) {
    let post = Int(colPost[c])
    if isCadre[i] {
      cadreOccupants[post].append(i)
    } else if post >= 0 {
      occupants[post].append(i)
    }
  }
  mutating func removeOccupant(_ i: Int, _ c: Int) {
    let post = Int(colPost[c])
    if isCadre[i] {
      if let at = cadreOccupants[post].firstIndex(of: i) { cadreOccupants[post].remove(at: at) }
    } else if post >= 0, let at = occupants[post].firstIndex(of: i) {
      occupants[post].remove(at: at)
    }
  }

  /// Person i's balance terms at stage `stage` (positions into `propList`).
  func propRange(_ i: Int, stage: Int) -> Range<Int> {
    Int(propStart[2 * i + stage])..<Int(propStart[2 * i + stage + 1])
  }

  /// f_k(c) of balance term t (`BalanceTerm.value`).
  func termValue(_ t: Int, count c: Int, pupils pk: Int) -> Double {
    BalanceTerm.value(count: c, pupils: pk, mean: termMean[t], stagePupils: termPupils[t])
  }

  /// Adds (sign 1) or removes (sign −1) person i's contribution at a place.
  mutating func place(_ i: Int, section: Int, school: Int, moving: Bool, sign: Int) {
    if isCadre[i] {
      cadreCount[cadreIndex(i, school: school)] += sign
      if moving { cadreMoved += sign }
    } else {
      let tp = postIndex(i, section: section)
      if tp >= 0 { postCount[tp] += sign }
      if moving {
        movedFrom[inst.schoolOf[i]] += sign
        if isKey[i] { movedKeyFrom[inst.schoolOf[i]] += sign }
      }
      if section >= 0 {
        let nSec = sectionStage.count
        for k in propRange(i, stage: sectionStage[section]) { count[Int(propList[k]) * nSec + section] += sign }
      }
    }
  }

  func countViolations() -> Int {
    var v = 0
    for (t, post) in inst.teacherPosts.enumerated() where postCount[t] > post.cap { v += postCount[t] - post.cap }
    for (c, post) in inst.cadrePosts.enumerated() where cadreCount[c] > post.current { v += cadreCount[c] - post.current }
    for j in 0..<inst.schools.count where movedFrom[j] > inst.outflowLimit[j] { v += movedFrom[j] - inst.outflowLimit[j] }
    for (a, b) in inst.avoidPairs where col[a] >= 0 || col[b] >= 0 {
      if endSchool(a) == endSchool(b) { v += 1 }
    }
    return v
  }

  func endSchool(_ i: Int) -> Int { col[i] >= 0 ? Int(colSchool[col[i]]) : inst.schoolOf[i] }

  /// Objective pieces that depend on one school's leavers.
  func schoolCost(_ j: Int, moved: Int, key: Int) -> Double {
    var c = w.quota * Double(max(0, inst.quotaRequired[j] - moved))
    if hasMovableTeacher[j] { c += w.keyShare * max(0, keyShare * Double(moved) - Double(key)) }
    return c
  }
  func postCost(_ tp: Int, _ a: Int) -> Double {
    w.shortage * Double(max(0, inst.teacherPosts[tp].posts - a))
  }

  /// Moves person i to column c; returns (objective change, violation change).
  mutating func apply(_ i: Int, to c: Int) -> (Double, Int) {
    let old = col[i]
    let change = moveChange(i, to: c)
    removeOccupant(i, old)
    place(i, section: Int(colSection[old]), school: Int(colSchool[old]), moving: !colStay[old], sign: -1)
    col[i] = c
    place(i, section: Int(colSection[c]), school: Int(colSchool[c]), moving: !colStay[c], sign: 1)
    addOccupant(i, c)
    violations += change.1
    return change
  }

  /// What moving person i to column c would change: (objective change, violation change),
  /// without moving them. Trying a move this way instead of moving there and back halves a
  /// pass (no occupant lists edited).
  func moveChange(_ i: Int, to c: Int) -> (Double, Int) {
    let old = col[i]
    let school0 = Int(colSchool[old])
    let school1 = Int(colSchool[c])
    var delta = colCost[c] - colCost[old]
    var dv = 0
    if isCadre[i] {
      let k0 = Int(colPost[old])
      let k1 = Int(colPost[c])
      if k0 != k1 {
        let cap0 = inst.cadrePosts[k0].current
        let cap1 = inst.cadrePosts[k1].current
        dv -= max(0, cadreCount[k0] - cap0) - max(0, cadreCount[k0] - 1 - cap0)
        dv += max(0, cadreCount[k1] + 1 - cap1) - max(0, cadreCount[k1] - cap1)
        delta += w.shortage * Double(max(0, cap0 - (cadreCount[k0] - 1)) - max(0, cap0 - cadreCount[k0]))
        delta += w.shortage * Double(max(0, cap1 - (cadreCount[k1] + 1)) - max(0, cap1 - cadreCount[k1]))
      }
      let m0 = colStay[old] ? 0 : 1
      let m1 = colStay[c] ? 0 : 1
      if m0 != m1 {
        let req = inst.cadreQuotaRequired
        delta += w.cadreQuota * Double(max(0, req - (cadreMoved - m0 + m1)) - max(0, req - cadreMoved))
      }
    } else {
      let tp0 = Int(colPost[old])
      let tp1 = Int(colPost[c])
      if tp0 != tp1 {
        if tp0 >= 0 {
          let cap = inst.teacherPosts[tp0].cap
          dv -= max(0, postCount[tp0] - cap) - max(0, postCount[tp0] - 1 - cap)
          delta += postCost(tp0, postCount[tp0] - 1) - postCost(tp0, postCount[tp0])
        }
        if tp1 >= 0 {
          let cap = inst.teacherPosts[tp1].cap
          dv += max(0, postCount[tp1] + 1 - cap) - max(0, postCount[tp1] - cap)
          delta += postCost(tp1, postCount[tp1] + 1) - postCost(tp1, postCount[tp1])
        }
      }
      let m0 = colStay[old] ? 0 : 1
      let m1 = colStay[c] ? 0 : 1
      if m0 != m1 {
        let j = inst.schoolOf[i]
        let mv = movedFrom[j]
        let kv = movedKeyFrom[j]
        let dm = m1 - m0
        let dk = isKey[i] ? dm : 0
        delta += schoolCost(j, moved: mv + dm, key: kv + dk) - schoolCost(j, moved: mv, key: kv)
        let lim = inst.outflowLimit[j]
        dv += max(0, mv + dm - lim) - max(0, mv - lim)
      }
      let section0 = Int(colSection[old])
      let section1 = Int(colSection[c])
      if section0 != section1 {
        let nSec = sectionStage.count
        let pk0 = sectionPupils[section0]
        for k in propRange(i, stage: sectionStage[section0]) {
          let t = Int(propList[k])
          let n0 = count[t * nSec + section0]
          delta += w.balance * (termValue(t, count: n0 - 1, pupils: pk0) - termValue(t, count: n0, pupils: pk0))
        }
        let pk1 = sectionPupils[section1]
        for k in propRange(i, stage: sectionStage[section1]) {
          let t = Int(propList[k])
          let n0 = count[t * nSec + section1]
          delta += w.balance * (termValue(t, count: n0 + 1, pupils: pk1) - termValue(t, count: n0, pupils: pk1))
        }
      }
    }
    if school0 != school1 {
      for k in Int(partnerStart[i])..<Int(partnerStart[i + 1]) {
        let e = endSchool(Int(partnerList[k]))
        if e == school0 { dv -= 1 }
        if e == school1 { dv += 1 }
      }
    }
    return (delta, dv)
  }

  /// Runs improvement passes until none improves or the deadline passes; returns the plan.
  public mutating func run(deadline: Date, maxPasses: Int = 50, shouldStop: (() -> Bool)? = nil) -> Plan {
    let movers = self.movers
    // First make the start feasible (avoidance can make staying infeasible).
    repair(movers, shouldStop: shouldStop)
    improve(movers, deadline: deadline, maxPasses: maxPasses, shouldStop: shouldStop)
    var plan = Plan.allStay(inst)
    for i in movers { plan.choice[i] = Int(form.assignDestination[col[i]]) }
    return plan
  }

  /// The people with variables (at least one column), ascending.
  public var movers: [Int] { (0..<inst.staff.count).filter { !form.columnsOf[$0].isEmpty } }

  /// Improvement passes over `movers` (ascending) until none improves, `maxPasses` are made,
  /// `maxWork` is spent or the deadline passes. The work is the columns of the people tried
  /// (counted before each person; the exchanges' and chains' own work is not counted, and
  /// the chains are skipped once it is spent), a budget that does not depend on the
  /// machine's speed: the same input gives the same plan unless the deadline or
  /// `shouldStop` cuts the passes first. Returns false when they did. A move changes only
  /// the rows of its person's part (`Decomposition`), so passes over each part's people on
  /// copies of one search give the same plan as passes over everyone, part by part in any
  /// order or at once, when no budget is reached.
  @discardableResult
  public mutating func improve(
    _ movers: [Int], deadline: Date, maxPasses: Int, maxWork: Int = .max, shouldStop: (() -> Bool)? = nil
  ) -> Bool {
    func over() -> Bool { Date() >= deadline || (shouldStop?() ?? false) }
    var improved = true
    var passes = 0
    var work = 0
    while improved && !over() && passes < maxPasses && work < maxWork {
      improved = false
      passes += 1
      for i in movers {
        if over() || work >= maxWork { break }
        work += form.columnsOf[i].count
        if tryImprove(i, over: over) { improved = true }
      }
      if chainLength > 0 && work < maxWork && fillShortagesByChains(movers, over: over) { improved = true }
    }
    return !over()
  }

  /// `chainLength`'s default, 32: on the 50,000-staff rung's largest part the start plan is
  /// 174,951 (0.35 % above the LP bound) with chains of up to 8 moves, 183,680 with 4, 205,479
  /// with 2 and 230,406 without; 12 and 20 gave the same as 8 (stop 11). On the 200,000-staff
  /// rung's largest part 973,906 with 8, 955,166 with 16 and 954,362 with 32 (with
  /// `chainsRespectOutflow` 971,955, 949,429 and 948,612, and 948,612 with 64); on the
  /// 50,000-staff district scope 394,764 with 8 against 392,763 with 32 (stop 13).
  /// LUNGANG_HEURISTIC_CHAINS=N overrides it.
  static let defaultChainLength =
    ProcessInfo.processInfo.environment["LUNGANG_HEURISTIC_CHAINS"].flatMap { Int($0) } ?? 32

  /// Fills short teacher posts by chains of moves: someone moves into the short post, someone
  /// else into the post they left, and so on (up to `chainLength` moves), ending at a post with more
  /// teachers than posts. Each chain found (breadth-first, the shortest) is kept if it
  /// lowers the objective without adding a violation. Single moves and exchanges cannot do
  /// this when posts are full: a move into a short post leaves another short. Returns true
  /// if a chain was kept.
  ///
  /// `movers` must be ascending, as `improve` passes them: the columns into a post are then
  /// looked at in the order of the old per-pass index (movers ascending, each one's columns
  /// ascending), which decides which chain is found first.
  ///
  /// A chain stays within one part (`Decomposition`): a post it passes through holds fewer
  /// teachers than posts after the move out, so it has a shortage row linking every column
  /// into it. Acceptance looks at the chain's own violation change only, so a violation left
  /// elsewhere does not change which chains are kept.
  mutating func fillShortagesByChains(_ movers: [Int], over: () -> Bool) -> Bool {
    let length = max(0, chainLength)
    // The columns of these movers that end at teacher post t (`into(t)` filtered by
    // `isMover`), and the posts that have one: found from the movers' own columns, so that
    // a part's call does not look at the other parts' posts.
    var isMover = Array(repeating: false, count: inst.staff.count)
    var reached = Array(repeating: false, count: inst.teacherPosts.count)
    for i in movers where !isCadre[i] {
      isMover[i] = true
      for c in form.columnsOf[i] where colPost[c] >= 0 { reached[Int(colPost[c])] = true }
    }
    func into(_ t: Int) -> ArraySlice<Int32> { columnsIntoPost[Int(intoPostStart[t])..<Int(intoPostStart[t + 1])] }
    var kept = false
    for short in 0..<inst.teacherPosts.count where reached[short] && postCount[short] < inst.teacherPosts[short].posts {
      if over() { break }
      // parent[post] = (the post a person moves into from it, the column they take).
      var parent: [Int: (Int, Int)] = [short: (-1, -1)]
      var frontier = [short]
      var end: Int? = nil
      for _ in 0..<length where end == nil {
        var next: [Int] = []
        for t in frontier where end == nil {
          for c32 in into(t) where isMover[Int(form.assignPerson[Int(c32)])] {
            let c = Int(c32)
            let b = Int(form.assignPerson[c])
            let cur = col[b]
            if cur == c { continue }
            let u = Int(colPost[cur])
            if u < 0 || parent[u] != nil { continue }
            // A stayer of a school at its outflow limit cannot leave: the chain would be
            // undone for the violation, and a longer one through another post may work.
            if chainsRespectOutflow && colStay[cur] && !colStay[c] {
              let school = inst.schoolOf[b]
              if movedFrom[school] >= inst.outflowLimit[school] { continue }
            }
            parent[u] = (t, c)
            if postCount[u] > inst.teacherPosts[u].posts {
              end = u
              break
            }
            next.append(u)
          }
        }
        frontier = next
      }
      guard let last = end else { continue }
      // The moves, from the surplus end to the short post.
      let v0 = violations
      var made: [(person: Int, from: Int)] = []
      var delta = 0.0
      var u = last
      while let (t, c) = parent[u], t >= 0 {
        let b = Int(form.assignPerson[c])
        made.append((b, col[b]))
        delta += apply(b, to: c).0
        u = t
      }
      if delta < -1e-9 && violations <= v0 {
        kept = true
      } else {
        for (b, from) in made.reversed() { _ = apply(b, to: from) }
        chainsUndone += 1
      }
    }
    return kept
  }

  /// Person b's first column (by index) that ends at `place` (a section for a teacher, a
  /// school for a cadre), by binary search over `columnsByPlace`; nil when none does.
  func column(of b: Int, into place: Int) -> Int? {
    let cols = form.columnsOf[b]
    var lo = cols.lowerBound
    var hi = cols.upperBound
    while lo < hi {
      let mid = (lo + hi) / 2
      if Int(placeOfSorted[mid]) < place { lo = mid + 1 } else { hi = mid }
    }
    return lo < cols.upperBound && Int(placeOfSorted[lo]) == place ? Int(columnsByPlace[lo]) : nil
  }

  /// Person i's current column (−1 for people without variables).
  public func column(of i: Int) -> Int { col[i] }

  /// Removes hard-rule violations by single moves, each time the one that removes the most
  /// violations at the least cost. Not bound by the heuristic's deadline (a feasible start
  /// matters more than the time): each round looks only at the people in a violation.
  public mutating func repair(_ movers: [Int], shouldStop: (() -> Bool)? = nil) {
    var rounds = 0
    while violations > 0 && rounds < 10_000 && !(shouldStop?() ?? false) {
      rounds += 1
      var best: (dv: Int, delta: Double, i: Int, c: Int)? = nil
      // Only moving someone out of a violation can remove it: the occupants of posts over
      // their cap, the movers of schools over their outflow limit, avoid pairs together.
      var candidates = violators()
      if candidates.isEmpty { candidates = movers }
      for i in candidates {
        let cur = col[i]
        for c in form.columnsOf[i] where c != cur {
          let (d, dv) = moveChange(i, to: c)
          if dv < 0, best == nil || (dv, d) < (best!.dv, best!.delta) { best = (dv, d, i, c) }
        }
      }
      if let b = best {
        _ = apply(b.i, to: b.c)
      } else if !repairByChain() {
        return
      }
    }
  }

  /// People with variables whose move could remove a violation, sorted.
  func violators() -> [Int] {
    var set = Set<Int>()
    for (t, post) in inst.teacherPosts.enumerated() where postCount[t] > post.cap { set.formUnion(occupants[t]) }
    for (c, post) in inst.cadrePosts.enumerated() where cadreCount[c] > post.current {
      set.formUnion(cadreOccupants[c])
    }
    var overSchool = Set<Int>()
    for j in 0..<inst.schools.count where movedFrom[j] > inst.outflowLimit[j] { overSchool.insert(j) }
    if !overSchool.isEmpty {
      for i in 0..<col.count where col[i] >= 0 && overSchool.contains(inst.schoolOf[i]) && !colStay[col[i]] {
        set.insert(i)
      }
    }
    for (a, b) in inst.avoidPairs where (col[a] >= 0 || col[b] >= 0) && endSchool(a) == endSchool(b) {
      if col[a] >= 0 { set.insert(a) }
      if col[b] >= 0 { set.insert(b) }
    }
    return set.sorted()
  }

  /// Post slot of a column: teacher post index, or teacherPosts.count + cadre post index.
  func slot(of c: Int) -> Int {
    let i = Int(form.assignPerson[c])
    return isCadre[i] ? inst.teacherPosts.count + Int(colPost[c]) : Int(colPost[c])
  }
  func slotCount(_ s: Int) -> (count: Int, cap: Int) {
    let nT = inst.teacherPosts.count
    if s < nT { return (postCount[s], inst.teacherPosts[s].cap) }
    return (cadreCount[s - nT], inst.cadrePosts[s - nT].current)
  }
  func slotOccupants(_ s: Int) -> [Int] {
    let nT = inst.teacherPosts.count
    return s < nT ? occupants[s] : cadreOccupants[s - nT]
  }

  /// Frees an over-full post by a chain of moves (an ejection chain found by breadth-first
  /// search over posts, up to four moves) that ends at a post with room. Returns true if
  /// it removed a violation.
  mutating func repairByChain() -> Bool {
    let nSlots = inst.teacherPosts.count + inst.cadrePosts.count
    let over = (0..<nSlots).filter { slotCount($0).count > slotCount($0).cap }
    for start in over {
      // BFS: parent[slot] = (previous slot, column used to move someone from previous slot).
      var parent = [Int: (Int, Int)]()
      var frontier = [start]
      parent[start] = (-1, -1)
      var found: Int? = nil
      for _ in 0..<4 where found == nil {
        var nextFrontier: [Int] = []
        for s in frontier where found == nil {
          for b in slotOccupants(s) where found == nil {
            for c in form.columnsOf[b] where c != col[b] {
              let t = slot(of: c)
              if t < 0 || parent[t] != nil { continue }
              parent[t] = (s, c)
              let (n, cap) = slotCount(t)
              if n < cap { found = t; break }
              nextFrontier.append(t)
            }
          }
        }
        frontier = nextFrontier
      }
      guard let end = found else { continue }
      // Apply moves from the end of the chain backwards.
      let v0 = violations
      var applied: [(Int, Int)] = []
      var t = end
      while let (prev, c) = parent[t], prev >= 0 {
        let b = Int(form.assignPerson[c])
        applied.append((b, col[b]))
        _ = apply(b, to: c)
        t = prev
      }
      if violations < v0 { return true }
      for (b, c) in applied.reversed() { _ = apply(b, to: c) }
    }
    return false
  }

  /// Tries the best single move of i, else an exchange with someone where i would go.
  /// One improving move or exchange of person `i`, if any; `over` is polled per destination.
  mutating func tryImprove(_ i: Int, over: () -> Bool = { false }) -> Bool {
    let cur = col[i]
    var best = -1e-9
    var bestCol = -1
    for c in form.columnsOf[i] where c != cur {
      let v0 = violations
      let (d, dv) = moveChange(i, to: c)
      let score = d + 1e6 * Double(dv)
      if score < best && (dv <= 0) && (v0 + dv == 0 || dv < 0) {
        best = score
        bestCol = c
      }
    }
    if bestCol >= 0 {
      _ = apply(i, to: bestCol)
      return true
    }
    // Exchanges: i goes to c; someone ending there goes to i's current place. i is moved
    // once per destination; each partner's move back is only tried (moveChange).
    let here = isCadre[i] ? Int(colSchool[cur]) : Int(colSection[cur])
    for c in form.columnsOf[i] where c != cur {
      if over() { return false }
      let post = Int(colPost[c])
      let occ: [Int]
      if isCadre[i] {
        occ = cadreOccupants[post]
      } else {
        occ = post >= 0 ? occupants[post] : []
      }
      var moved: Double? = nil
      let v0 = violations
      for b in occ where b != i {
        let bcur = col[b]
        guard let back = column(of: b, into: here), back != bcur
        else { continue }
        let d1: Double
        if let m = moved {
          d1 = m
        } else {
          d1 = apply(i, to: c).0
          moved = d1
        }
        let (d2, dv2) = moveChange(b, to: back)
        let after = violations + dv2
        if d1 + d2 < -1e-9 && after <= v0 && after == 0 {
          _ = apply(b, to: back)
          return true
        }
      }
      if moved != nil { _ = apply(i, to: cur) }
    }
    return false
  }
}
