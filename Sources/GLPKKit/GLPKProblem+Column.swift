import CGLPK

extension GLPKProblem {
  /// Replaces the entries of column `j` with a(rows[k], j) = values[k] (`glp_set_mat_col`).
  ///
  /// Rows are 1-based; they are checked for range and duplicates, values for finiteness,
  /// before GLPK sees them (GLPK aborts on either). Used to add columns to a problem that is
  /// already loaded, for example by column generation: a new column is non-basic, so a
  /// valid basis stays valid.
  public func setMatrixColumn(_ j: Int, rows: [Int32], values: [Double]) throws(GLPKError) {
    try checkThread()
    try checkColumn(j)
    guard rows.count == values.count else {
      throw .mismatchedLengths(rows: rows.count, columns: rows.count, values: values.count)
    }
    let m = self.m
    var seen = Set<Int32>()
    for k in rows.indices {
      guard rows[k] >= 1 && Int(rows[k]) <= m else {
        throw .matrixRowOutOfRange(position: k, row: rows[k], rows: m)
      }
      guard values[k].isFinite else { throw .nonFiniteMatrixValue(position: k, value: values[k]) }
      guard seen.insert(rows[k]).inserted else {
        let first = rows.firstIndex(of: rows[k]) ?? 0
        throw .duplicateMatrixEntry(row: Int(rows[k]), column: j, firstPosition: first, secondPosition: k)
      }
    }
    let ind = OneBasedArray.make(rows)
    let val = OneBasedArray.make(values)
    ind.withUnsafeBufferPointer { i in
      val.withUnsafeBufferPointer { v in
        glp_set_mat_col(pointer, Int32(j), Int32(rows.count), i.baseAddress, v.baseAddress)
      }
    }
  }

  /// The dual values of rows 1…m after the last simplex solve (index 0 unused).
  ///
  /// GLPK's convention, for a minimization: the reduced cost of column j is
  /// c_j − Σ_i a(i,j)·dual_i.
  public func rowDuals() throws(GLPKError) -> [Double] {
    try checkThread()
    let m = self.m
    var y = [Double](repeating: 0, count: m + 1)
    for i in stride(from: 1, through: m, by: 1) { y[i] = glp_get_row_dual(pointer, Int32(i)) }
    return y
  }

  /// The reduced costs of columns 1…n after the last simplex solve (index 0 unused).
  public func columnDuals() throws(GLPKError) -> [Double] {
    try checkThread()
    return oneBasedColumnValues(glp_get_col_dual)
  }

  /// The values of columns 1…n in the last simplex solution (index 0 unused).
  public func columnPrimals() throws(GLPKError) -> [Double] {
    try checkThread()
    return oneBasedColumnValues(glp_get_col_prim)
  }
}

extension GLPKProblem {
  /// Replaces the basis with GLPK's advanced (crash) basis, `glp_adv_basis`: a triangular
  /// basis of the constraint matrix that keeps as few auxiliary variables basic as it can.
  public func useAdvancedBasis() throws(GLPKError) {
    try checkThread()
    glp_adv_basis(pointer, 0)
  }
}
