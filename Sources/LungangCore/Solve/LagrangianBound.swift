/// The Lagrangian (Farley) bound of a part at any row duals, and the reduced costs behind it.
///
/// With duals y (sign-corrected) and reduced costs d_j = c_j − Σ_r a_rj·y_r, every plan of the
/// part costs at least Σ_r y_r·(the row bound y_r binds) + Σ over the continuous columns of
/// d_j·(the column bound) + Σ over people of min_d d[i,d], from the convexity rows
/// Σ_d x[i,d] = 1. It holds for any y, so duals of a restricted LP (some columns left out, or
/// the part cut by zone) give a valid bound of the whole part.
struct LagrangianBound {
  /// The whole part.
  let model: SparseModel
  /// Per part column: its person (≥ 0), or a negative value for columns outside convexity rows.
  let group: [Int32]
  // Column-major entries and the columns of each person.
  let start: [Int]
  let rowOf: [Int32]
  let valueOf: [Double]
  let groupStart: [Int]
  let groupColumns: [Int32]

  init(_ m: SparseModel, group: [Int32]) {
    model = m
    self.group = group
    let n = m.columnCount
    let (start, rowOf, valueOf) = m.columnMajorEntries()
    self.start = start
    self.rowOf = rowOf
    self.valueOf = valueOf
    let groups = (group.max().map { Int($0) } ?? -1) + 1
    var gs = Array(repeating: 0, count: groups + 1)
    for g in group where g >= 0 { gs[Int(g) + 1] += 1 }
    for g in 0..<max(0, groups) { gs[g + 1] += gs[g] }
    var gnext = gs
    var gc = Array(repeating: Int32(0), count: gs[max(0, groups)])
    for j in 0..<n where group[j] >= 0 {
      gc[gnext[Int(group[j])]] = Int32(j)
      gnext[Int(group[j])] += 1
    }
    groupStart = gs
    groupColumns = gc
  }

  /// Number of people (convexity rows).
  var groupCount: Int { groupStart.count - 1 }

  /// The bound and every column's reduced cost at duals `dual` (1-based like GLPK's, one per
  /// row); duals of the wrong sign on one-sided rows are zeroed first (numerical noise).
  func evaluate(_ dual: [Double]) -> (bound: Double, reducedCost: [Double]) {
    let m = model
    var y = dual
    var rowTerm = 0.0
    for r in 0..<m.rowCount {
      let lo = m.rowLower[r]
      let up = m.rowUpper[r]
      var v = y[r + 1]
      if !lo.isFinite && v > 0 { v = 0 }
      if !up.isFinite && v < 0 { v = 0 }
      y[r + 1] = v
      if v > 0 { rowTerm += v * lo } else if v < 0 { rowTerm += v * up }
    }
    var d = Array(repeating: 0.0, count: m.columnCount)
    for j in 0..<m.columnCount {
      var s = m.objective[j]
      for e in start[j]..<start[j + 1] { s -= valueOf[e] * y[Int(rowOf[e]) + 1] }
      d[j] = s
    }
    var columnTerm = 0.0
    for j in 0..<m.columnCount where group[j] < 0 {
      let v = d[j]
      if abs(v) <= 1e-6 { continue }
      let b = v > 0 ? m.columnLower[j] : m.columnUpper[j]
      columnTerm += b.isFinite ? v * b : -.infinity
    }
    for g in 0..<groupCount where groupStart[g] < groupStart[g + 1] {
      var least = Double.infinity
      for k in groupStart[g]..<groupStart[g + 1] { least = min(least, d[Int(groupColumns[k])]) }
      columnTerm += least
    }
    return (m.objectiveConstant + rowTerm + columnTerm, d)
  }
}
