import Foundation

/// The proximal bundle method's state: the cuts (each a linearization f_i + g_i·(y − y_i)
/// of the bound, kept as a_i = f_i − g_i·y_i and g_i), the stability center and its value,
/// and the proximity weight u.
///
/// A cut's slope is the subgradient `FlowBound.subgradient` gives, valid over the
/// multipliers' bounds; the bound itself only ever comes from evaluations, so the cuts guide
/// the steps and never decide a bound.
struct BundleState {
  /// Per cut: a_i, g_i, and the steps since its weight was last positive.
  var intercepts: [Double] = []
  var slopes: [[Double]] = []
  var ages: [Int] = []
  /// The stability center and the bound there.
  var center: [Double] = []
  var centerValue = -Double.infinity
  /// The proximity weight u, and its first value (steps as long as the volume algorithm's
  /// first).
  var weight = 0.0
  var firstWeight = 0.0
  /// Serious steps in a row (three halve u).
  var serious = 0
  /// Proximal points in a row that predicted no rise (the third is evaluated anyway).
  var flat = 0
  /// Failed evaluations in a row, and whether five ended the ascent.
  var failures = 0
  var converged = false
  /// Seconds spent finding the steps (not the flow solves).
  var qpSeconds = 0.0
}

extension FlowBound {
  /// How `ascend` moves the multipliers.
  enum Ascent: Sendable {
    /// The volume algorithm: subgradient steps of Polyak type.
    case volume
    /// The proximal bundle method: every evaluation's cut kept (`ascendBundle`).
    case bundle
  }

  /// Adds the cut of an evaluation at y (its value and the relaxed rows' activity), and
  /// moves the stability center there when the value is higher.
  mutating func addCut(at y: [Double], value: Double, activity: [Double]) {
    let g = subgradient(activity, at: y)
    var a = value
    for k in g.indices { a -= g[k] * y[k] }
    bundle.intercepts.append(a)
    bundle.slopes.append(g)
    bundle.ages.append(0)
    if value > bundle.centerValue {
      bundle.centerValue = value
      bundle.center = y
    }
  }

  /// The proximal bundle method (a Lagrangian dual's ascent that keeps every evaluation's
  /// cut): each step maximizes the cuts' minimum less (u/2)‖y − center‖² over the
  /// multipliers' bounds, by its dual over the simplex of cut weights (for fixed weights
  /// the best y is the clamped step, so the dual is smooth), then evaluates there. The
  /// center moves when the bound rises by a tenth of what the cuts predicted (a serious
  /// step); u halves after a good serious step and grows after a null step.
  mutating func ascendBundle(
    target: Double, deadline: Date, maxSolves: Int, shouldStop: (() -> Bool)?
  ) -> Bool {
    guard best.isFinite, !bundle.slopes.isEmpty, !bundle.converged else { return false }
    let before = best
    var made = 0
    if bundle.weight <= 0 {
      // The first step as long as the volume algorithm's first: (target − best)/‖g‖² · 0.1.
      let g = bundle.slopes.last!
      let norm = g.reduce(0) { $0 + $1 * $1 }
      bundle.weight = max(1e-12, norm / max(1e-9, 0.1 * (target - best)))
      bundle.firstWeight = bundle.weight
    }
    while made < maxSolves, Date() < deadline, !(shouldStop?() ?? false) {
      made += 1
      let tq = Date()
      let (y, predicted) = proximalPoint()
      bundle.qpSeconds += Date().timeIntervalSince(tq)
      let rise = predicted - bundle.centerValue
      if rise <= 1e-7 * max(1, abs(bundle.centerValue)) && bundle.flat < 2 {
        // No rise predicted: longer steps (a smaller u), back to the first length once
        // they are very long (there the step's dual is solved least exactly). The third
        // such prediction in a row is evaluated anyway: its cut corrects the cuts' model
        // (the 200,000-staff district scope's bound went on rising after such points; an
        // ascent that ended there stopped 14 s before the time limit).
        bundle.flat += 1
        bundle.weight /= 10
        if bundle.weight < bundle.firstWeight * 1e-3 { bundle.weight = bundle.firstWeight }
        made -= 1
        continue
      }
      bundle.flat = 0
      solves += 1
      guard let (value, activity) = evaluate(y, deadline: deadline) else {
        // Costs out of range (a step too long) or the deadline: shorter steps next; five
        // failures in a row end the ascent (no step is repeated until the time limit).
        bundle.failures += 1
        bundle.weight *= 10
        if bundle.failures >= 5 {
          bundle.converged = true
          break
        }
        continue
      }
      bundle.failures = 0
      _ = keepIfBest(value, at: y)
      let old = bundle.centerValue
      addCut(at: y, value: value, activity: activity)
      if value >= old + 0.1 * rise {
        bundle.serious += 1
        if value >= old + 0.5 * rise || bundle.serious >= 3 {
          bundle.weight /= 2
          bundle.serious = 0
        }
      } else {
        // A null step: the center stays (addCut moved it only if the value rose).
        bundle.weight *= 1.5
        bundle.serious = 0
      }
      // u within a thousandth and a thousand times its first value: much smaller, and the
      // step's dual (gradient steps of length ∝ u) is not solved in its 150 steps, so the
      // prediction is wrong; much larger, and the steps stop moving.
      bundle.weight = min(max(bundle.weight, bundle.firstWeight * 1e-3), bundle.firstWeight * 1e3)
      pruneCuts()
    }
    return best > before
  }

  /// The maximizer of min_i cut_i(y) − (u/2)‖y − center‖² over the bounds, and the cuts'
  /// minimum there: the dual over cut weights λ in the simplex is minimized by accelerated
  /// projected gradient steps.
  mutating func proximalPoint() -> (y: [Double], model: Double) {
    let k = bundle.slopes.count
    let n = yLower.count
    let u = bundle.weight
    let c = bundle.center
    func point(_ lambda: [Double]) -> [Double] {
      var y = c
      for i in 0..<k where lambda[i] != 0 {
        let w = lambda[i] / u
        let g = bundle.slopes[i]
        for j in 0..<n { y[j] += w * g[j] }
      }
      for j in 0..<n { y[j] = min(max(y[j], yLower[j]), yUpper[j]) }
      return y
    }
    func cuts(_ y: [Double]) -> [Double] {
      (0..<k).map { i in
        var v = bundle.intercepts[i]
        let g = bundle.slopes[i]
        for j in 0..<n { v += g[j] * y[j] }
        return v
      }
    }
    // Lipschitz constant of the dual's gradient: at most the largest eigenvalue of the cuts'
    // Gram matrix over u (clamping only flattens the dual), by power iteration from the
    // ones vector (an estimate from below, so 1.1 times it; Σ‖g_i‖²/u, the trace, caps it).
    var gram = Array(repeating: 0.0, count: k * k)
    for i in 0..<k {
      for j in i..<k {
        var d = 0.0
        let gi = bundle.slopes[i]
        let gj = bundle.slopes[j]
        for t in 0..<n { d += gi[t] * gj[t] }
        gram[i * k + j] = d
        gram[j * k + i] = d
      }
    }
    var trace = 0.0
    for i in 0..<k { trace += gram[i * k + i] }
    var v = Array(repeating: 1.0 / Double(k).squareRoot(), count: k)
    var top = 0.0
    for _ in 0..<30 {
      var w = Array(repeating: 0.0, count: k)
      for i in 0..<k { for j in 0..<k { w[i] += gram[i * k + j] * v[j] } }
      let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
      guard norm > 0 else { break }
      top = norm
      v = w.map { $0 / norm }
    }
    let lip = max(min(1.1 * top, trace) / u, 1e-12)
    var lambda = Array(repeating: 0.0, count: k)
    // Start at the most violated (lowest) cut at the center.
    let atCenter = cuts(c)
    lambda[atCenter.indices.min { atCenter[$0] < atCenter[$1] }!] = 1
    var z = lambda
    var t = 1.0
    for _ in 0..<Self.bundleIterations {
      let y = point(z)
      let grad = cuts(y)
      var next = z
      for i in 0..<k { next[i] -= grad[i] / lip }
      next = Self.projectOnSimplex(next)
      let t2 = (1 + (1 + 4 * t * t).squareRoot()) / 2
      for i in 0..<k { z[i] = next[i] + (t - 1) / t2 * (next[i] - lambda[i]) }
      z = Self.projectOnSimplex(z)
      lambda = next
      t = t2
    }
    let y = point(lambda)
    for i in 0..<k { bundle.ages[i] = lambda[i] > 1e-9 ? 0 : bundle.ages[i] + 1 }
    return (y, cuts(y).min() ?? -.infinity)
  }

  /// Keeps at most 40 cuts: drops the cuts unused longest.
  mutating func pruneCuts() {
    while bundle.slopes.count > Self.bundleCuts {
      let i = bundle.ages.indices.max { bundle.ages[$0] < bundle.ages[$1] }!
      bundle.intercepts.remove(at: i)
      bundle.slopes.remove(at: i)
      bundle.ages.remove(at: i)
    }
  }

  /// Cuts kept (LUNGANG_BUNDLE_CUTS) and accelerated gradient steps per proximal point
  /// (LUNGANG_BUNDLE_ITERATIONS). On the 50,000-staff district scope at 180 s, 100 and 300
  /// gave 1.14 % against 1.17 % with these, and spent 33 s in the steps instead of a few.
  static let bundleCuts = ProcessInfo.processInfo.environment["LUNGANG_BUNDLE_CUTS"].flatMap { Int($0) } ?? 40
  static let bundleIterations = ProcessInfo.processInfo.environment["LUNGANG_BUNDLE_ITERATIONS"].flatMap { Int($0) } ?? 150

  /// Euclidean projection onto the unit simplex.
  static func projectOnSimplex(_ v: [Double]) -> [Double] {
    let s = v.sorted(by: >)
    var sum = 0.0
    var theta = 0.0
    for (i, x) in s.enumerated() {
      sum += x
      let t = (sum - 1) / Double(i + 1)
      if x - t > 0 { theta = t }
    }
    return v.map { max(0, $0 - theta) }
  }
}
