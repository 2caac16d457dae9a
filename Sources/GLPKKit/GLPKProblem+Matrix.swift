import CGLPK

extension GLPKProblem {
  /// Replaces the whole constraint matrix with the given entries in one
  /// `glp_load_matrix` call.
  ///
  /// The three arrays are plain Swift arrays of equal length (no dummy
  /// element); entry `k` is a(rows[k], columns[k]) = values[k], with 1-based
  /// row and column indices. Before GLPK sees them, indices are checked
  /// against the current size, values for finiteness, and (row, column)
  /// pairs for duplicates, which GLPK would abort on; errors name the
  /// 0-based position `k`. Explicit zeros are allowed (GLPK drops them).
  /// The duplicate check buckets entries by column and costs
  /// O(entries + rows + columns) time and 4 bytes per entry, row and column.
  public func loadMatrix(rows: [Int32], columns: [Int32], values: [Double])
    throws(GLPKError)
  {
    try checkThread()
    guard rows.count == columns.count && rows.count == values.count else {
      throw .mismatchedLengths(
        rows: rows.count, columns: columns.count, values: values.count)
    }
    guard rows.count <= Int(Int32.max) - 1 else {
      throw .tooMany(kind: "matrix entries", existing: 0, adding: rows.count)
    }
    try Self.validateEntries(
      rows: rows, columns: columns, values: values, m: m, n: n)
    let ia = OneBasedArray.make(rows)
    let ja = OneBasedArray.make(columns)
    let ar = OneBasedArray.make(values)
    ia.withUnsafeBufferPointer { i in
      ja.withUnsafeBufferPointer { j in
        ar.withUnsafeBufferPointer { a in
          glp_load_matrix(
            pointer, Int32(rows.count), i.baseAddress, j.baseAddress,
            a.baseAddress)
        }
      }
    }
  }

  /// Checks ranges, finiteness and duplicates of matrix entries.
  static func validateEntries(
    rows: [Int32], columns: [Int32], values: [Double], m: Int, n: Int
  ) throws(GLPKError) {
    let count = rows.count
    // Ranges, finiteness, and entries per column.
    var start = [Int32](repeating: 0, count: n + 2)
    for k in 0..<count {
      let i = rows[k]
      let j = columns[k]
      guard i >= 1 && Int(i) <= m else {
        throw .matrixRowOutOfRange(position: k, row: i, rows: m)
      }
      guard j >= 1 && Int(j) <= n else {
        throw .matrixColumnOutOfRange(position: k, column: j, columns: n)
      }
      guard values[k].isFinite else {
        throw .nonFiniteMatrixValue(position: k, value: values[k])
      }
      start[Int(j) + 1] += 1
    }
    guard count > 1 else { return }
    // Bucket positions by column (counting sort, stable).
    for j in 1...n { start[j + 1] += start[j] }
    var next = start
    var order = [Int32](repeating: 0, count: count)
    for k in 0..<count {
      let j = Int(columns[k])
      order[Int(next[j])] = Int32(k)
      next[j] += 1
    }
    // Within a column, a row seen twice is a duplicate.
    var lastColumn = [Int32](repeating: 0, count: m + 1)
    var lastPosition = [Int32](repeating: 0, count: m + 1)
    for j in 1...n {
      for slot in Int(start[j])..<Int(start[j + 1]) {
        let k = Int(order[slot])
        let i = Int(rows[k])
        if lastColumn[i] == Int32(j) {
          throw .duplicateMatrixEntry(
            row: i, column: j, firstPosition: Int(lastPosition[i]),
            secondPosition: k)
        }
        lastColumn[i] = Int32(j)
        lastPosition[i] = Int32(k)
      }
    }
  }
}
