import GLPKKit

/// Small models with hand-checked optima, shared by the tests.
enum TestModels {
  /// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 6,  0 ≤ x ≤ 3,  y ≥ 0.
  ///
  /// Optimum 11 at (x, y) = (3, 1).
  static func tinyLP() throws -> GLPKProblem {
    let p = GLPKProblem()
    try p.setDirection(.maximize)
    try p.addRows(2)
    try p.setRowBounds(1, .upper(4))
    try p.setRowBounds(2, .upper(6))
    try p.addColumns(2)
    try p.setColumnBounds(1, .double(0, 3))
    try p.setColumnBounds(2, .lower(0))
    try p.setObjective(1, 3)
    try p.setObjective(2, 2)
    try p.loadMatrix(
      rows: [1, 1, 2, 2], columns: [1, 2, 1, 2], values: [1, 1, 1, 3])
    return p
  }

  /// min x + 2y  s.t.  x + y ≥ 2 (row 1),  y ≤ 5 (row 2),  0 ≤ x ≤ 1,  y ≥ 0.
  ///
  /// Optimum 3 at (1, 1). Row 1 binds with dual 2 (one more unit of its bound costs one more
  /// y); row 2 is slack (dual 0). Reduced costs c − Aᵀπ: x 1 − 2 = −1 (at its upper bound),
  /// y 2 − 2 = 0 (basic).
  static func coverLP() throws -> GLPKProblem {
    let p = GLPKProblem()
    try p.setDirection(.minimize)
    try p.addRows(2)
    try p.setRowBounds(1, .lower(2))
    try p.setRowBounds(2, .upper(5))
    try p.addColumns(2)
    try p.setColumnBounds(1, .double(0, 1))
    try p.setColumnBounds(2, .lower(0))
    try p.setObjective(1, 1)
    try p.setObjective(2, 2)
    try p.loadMatrix(rows: [1, 1, 2], columns: [1, 2, 2], values: [1, 1, 1])
    return p
  }

  /// max 5x + 4y  s.t.  6x + 4y ≤ 24,  x + 2y ≤ 6,  x, y ≥ 0 integer.
  ///
  /// LP optimum 21 at (3, 1.5); integer optimum 20 at (4, 0).
  static func tinyMIP() throws -> GLPKProblem {
    let p = GLPKProblem()
    try p.setName("tiny_mip")
    try p.setDirection(.maximize)
    try p.addRows(2)
    try p.setRowName(1, "capacity")
    try p.setRowName(2, "mix")
    try p.setRowBounds(1, .upper(24))
    try p.setRowBounds(2, .upper(6))
    try p.addColumns(2)
    try p.setColumnName(1, "x")
    try p.setColumnName(2, "y")
    for j in 1...2 {
      try p.setColumnBounds(j, .lower(0))
      try p.setColumnKind(j, .integer)
    }
    try p.setObjective(1, 5)
    try p.setObjective(2, 4)
    try p.loadMatrix(
      rows: [1, 1, 2, 2], columns: [1, 2, 1, 2], values: [6, 4, 1, 2])
    return p
  }

  /// x + y = 1.5 with x, y integer in [0, 2]: LP-feasible, no integer point.
  static func integerInfeasible() throws -> GLPKProblem {
    let p = GLPKProblem()
    try p.addRows(1)
    try p.setRowBounds(1, .fixed(1.5))
    try p.addColumns(2)
    for j in 1...2 {
      try p.setColumnBounds(j, .double(0, 2))
      try p.setColumnKind(j, .integer)
      try p.setObjective(j, 1)
    }
    try p.loadMatrix(rows: [1, 1], columns: [1, 2], values: [1, 1])
    return p
  }

  /// A random multi-dimensional 0-1 knapsack, slow for GLPK to prove.
  ///
  /// Maximizes Σ v_j x_j subject to `constraints` rows Σ w_ij x_j ≤ half the
  /// row's total weight. Fixed seed, so every run builds the same model.
  static func knapsack(items: Int = 300, constraints: Int = 10) throws
    -> GLPKProblem
  {
    var rng = LCG(seed: 12345)
    let p = GLPKProblem()
    try p.setDirection(.maximize)
    try p.addRows(constraints)
    try p.addColumns(items)
    var rows: [Int32] = []
    var columns: [Int32] = []
    var values: [Double] = []
    var totals = [Double](repeating: 0, count: constraints + 1)
    for j in 1...items {
      try p.setColumnKind(j, .binary)
      try p.setObjective(j, Double(rng.next(in: 10...100)))
      for i in 1...constraints {
        let w = Double(rng.next(in: 5...60))
        rows.append(Int32(i))
        columns.append(Int32(j))
        values.append(w)
        totals[i] += w
      }
    }
    for i in 1...constraints {
      try p.setRowBounds(i, .upper((totals[i] / 2).rounded(.down)))
    }
    try p.loadMatrix(rows: rows, columns: columns, values: values)
    return p
  }

  /// A greedy feasible point for `knapsack` (columnValues layout).
  static func greedyKnapsackPoint(items: Int = 300, constraints: Int = 10)
    -> [Double]
  {
    var rng = LCG(seed: 12345)
    var weights: [[Double]] = []
    var totals = [Double](repeating: 0, count: constraints)
    for _ in 0..<items {
      _ = rng.next(in: 10...100)
      var column: [Double] = []
      for i in 0..<constraints {
        let w = Double(rng.next(in: 5...60))
        column.append(w)
        totals[i] += w
      }
      weights.append(column)
    }
    let capacity = totals.map { ($0 / 2).rounded(.down) }
    var used = [Double](repeating: 0, count: constraints)
    var x = [Double](repeating: 0, count: items + 1)
    for j in 0..<items {
      let fits = (0..<constraints).allSatisfy {
        used[$0] + weights[j][$0] <= capacity[$0]
      }
      if fits {
        for i in 0..<constraints { used[i] += weights[j][i] }
        x[j + 1] = 1
      }
    }
    return x
  }
}

/// A tiny deterministic random number generator for reproducible models.
struct LCG {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next(in range: ClosedRange<Int>) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    let span = UInt64(range.upperBound - range.lowerBound + 1)
    return range.lowerBound + Int((state >> 33) % span)
  }
}
