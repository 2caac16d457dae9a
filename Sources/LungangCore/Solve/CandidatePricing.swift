import Foundation

/// The bound of a part of a restricted instance (`RotationInstance.candidateMoves`) over every
/// allowed destination, not only the candidates that are columns.
///
/// The candidates' model has the rows of the whole one: its balance counts reach as far as
/// every allowed destination would take them, and its posts without a cap row give the flow
/// room for everyone (`FlowBound`'s `forPricing`). A destination left out would be one
/// more arc from its person into its post (or the receiver), with entries in the count rows
/// of the indicators the person holds there. Pricing it at the flow's multipliers and node
/// potentials, each person's least reduced cost over all their destinations gives the
/// Lagrangian bound of the whole model (`FlowBound.extendedBound`).
/// - Entries in avoid rows are left out. That only lowers a reduced cost (their multipliers
///   are ≤ 0), so the bound stays valid.
/// - A post whose shortage the candidates' model charges in its constant (no column entered
///   it) is forgiven in full once a left-out destination enters it.
/// - Each left-out destination's scaled cost is rounded down one unit more than the flow's,
///   so that rounding never lifts the bound.
enum CandidatePricing {
  /// The part's bound over every allowed destination at the best evaluation of `flow`
  /// (multipliers `y`, its `bestMultipliers`); nil when a left-out destination would enter a row of another part
  /// (then no bound is claimed). `slices`: how many slices of the people are priced at once
  /// (on as many threads; the bound is the same).
  static func bound(
    _ flow: FlowBound, y: [Double], part: Decomposition.Part, groups: [Int32], form: Formulation,
    inst: RotationInstance, slices: Int = 1
  ) -> Double? {
    let sectionCount = inst.sections.count
    var partRow = Array(repeating: Int32(-1), count: form.model.rowCount)
    for (n, r) in part.rows.enumerated() { partRow[r] = Int32(n) }
    var relaxed = Array(repeating: Int32(-1), count: part.rows.count)
    for (k, r) in flow.relaxedRows.enumerated() { relaxed[r] = Int32(k) }
    // A global row's part row: -1 when absent, nil when in another part.
    func local(_ r: Int) -> Int? {
      guard r >= 0 else { return -1 }
      let n = Int(partRow[r])
      return n >= 0 ? n : nil
    }
    // The head potential of each post (teacher posts, then cadre posts), nil when the post's
    // rows are in another part.
    func potential(_ rows: Formulation.PostRows) -> Int64? {
      guard let cap = local(rows.cap), let short = local(rows.shortage),
        let node = flow.postNode(cap: cap, shortage: short)
      else { return nil }
      return flow.potential(node)
    }
    let teacherHead = form.teacherPostRows.map(potential)
    let cadreHead = form.cadrePostRows.map(potential)
    // Per indicator and section: the multiplier of its count row (0 without one), nil when
    // the row is in another part.
    let countY: [Double?] = form.countRowAt.map { r in
      guard let n = local(r) else { return nil }
      guard n >= 0 else { return 0 }
      let k = Int(relaxed[n])
      return k >= 0 ? y[k] : nil
    }
    // Each person once (a group's people share its node), then slices of them priced in
    // parallel, merged in order (the least per node, the forgiven posts' union).
    var seen = Array(repeating: false, count: inst.staff.count)
    var priced: [(person: Int, node: Int)] = []
    for (c, g) in part.columns.enumerated() where g < form.assignCount {
      let i = Int(form.assignPerson[g])
      guard !seen[i], let node = flow.personNode(ofGroup: groups[c]) else { continue }
      seen[i] = true
      priced.append((i, node))
    }
    let people = priced
    /// One slice's prices: the least per person of the slice, the posts it forgives, and
    /// whether a destination entered another part's row.
    struct Slice {
      var least: [(node: Int, value: Int64)] = []
      var forgivenTeacher: [Bool]
      var forgivenCadre: [Bool]
      var failed = false
    }
    @Sendable func price(_ range: Range<Int>) -> Slice {
      var slice = Slice(
        forgivenTeacher: Array(repeating: false, count: form.teacherPostRows.count),
        forgivenCadre: Array(repeating: false, count: form.cadrePostRows.count))
      for (i, node) in people[range] {
        let p = inst.staff[i]
        let sub = p.subject.map { RotationInstance.ordinal($0) } ?? -1
        let holds = Indicator.heldPerStage(by: p)
        var best = Int64.max
        var failed = false
        inst.allowedDestinations.forEach(i) { d in
          guard !d.isStay, !failed else { return }
          var cost = inst.cost(d)
          let head: Int64?
          if d.section >= 0 {
            let t = LocalSearch.teacherPost(inst, section: d.section, subjectOrdinal: sub)
            guard t >= 0 else { return }
            head = teacherHead[t]
            for m in holds[inst.sections[d.section].stage.rawValue] {
              guard let ym = countY[m * sectionCount + d.section] else {
                failed = true
                return
              }
              cost += ym  // the count row's entry is −1
            }
            slice.forgivenTeacher[t] = slice.forgivenTeacher[t] || form.teacherPostRows[t].charged > 0
          } else {
            let k = LocalSearch.cadrePost(school: d.school, principal: p.role == .principal)
            head = cadreHead[k]
            slice.forgivenCadre[k] = slice.forgivenCadre[k] || form.cadrePostRows[k].charged > 0
          }
          let v = (cost * FlowBound.scale).rounded(.down) - 1
          guard let head, abs(v) < FlowBound.costLimit else {
            failed = true
            return
          }
          best = min(best, Int64(v) - head)
        }
        if failed {
          slice.failed = true
          return slice
        }
        slice.least.append((node, best))
      }
      return slice
    }
    let sliceCount = max(1, slices)
    let bounds = (0...sliceCount).map { people.count * $0 / sliceCount }
    var least = Array(repeating: Int64.max, count: flow.personCount)
    var forgivenTeacher = Array(repeating: false, count: form.teacherPostRows.count)
    var forgivenCadre = Array(repeating: false, count: form.cadrePostRows.count)
    var failed = false
    for slice in concurrentMap(sliceCount, { k in price(bounds[k]..<bounds[k + 1]) }) {
      failed = failed || slice.failed
      for (node, value) in slice.least { least[node] = min(least[node], value) }
      for t in forgivenTeacher.indices where slice.forgivenTeacher[t] { forgivenTeacher[t] = true }
      for k in forgivenCadre.indices where slice.forgivenCadre[k] { forgivenCadre[k] = true }
    }
    if failed { return nil }
    var forgiven = 0.0
    for (t, f) in forgivenTeacher.enumerated() where f { forgiven += Double(form.teacherPostRows[t].charged) }
    for (k, f) in forgivenCadre.enumerated() where f { forgiven += Double(form.cadrePostRows[k].charged) }
    return flow.extendedBound(personLeast: least) - inst.weights.shortage * forgiven
  }
}
