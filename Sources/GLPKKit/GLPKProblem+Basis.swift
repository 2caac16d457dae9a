import CGLPK

/// The status of a row's or column's variable in a simplex basis.
public enum BasisStatus: Int32, Sendable, Hashable {
  case basic = 1  // GLP_BS
  case atLower = 2  // GLP_NL
  case atUpper = 3  // GLP_NU
  case free = 4  // GLP_NF
  case fixed = 5  // GLP_NS
}

/// A simplex basis: the status of every row (auxiliary variable) and column, in order.
///
/// Saved after an LP and restored later, it lets the simplex start again from that LP's
/// optimum after other solves (sub-MIPs with columns fixed) have moved the basis. Columns
/// added after the restore are non-basic, so the restored basis stays a basis.
public struct Basis: Sendable, Hashable {
  /// Statuses of rows 1…m, at offsets 0…m−1.
  public var rows: [BasisStatus]
  /// Statuses of columns 1…n, at offsets 0…n−1.
  public var columns: [BasisStatus]
  public init(rows: [BasisStatus], columns: [BasisStatus]) {
    self.rows = rows
    self.columns = columns
  }
}

extension GLPKProblem {
  /// The current basis (`glp_get_row_stat`, `glp_get_col_stat`).
  public func basis() throws(GLPKError) -> Basis {
    try checkThread()
    let m = self.m
    let n = self.n
    var rows: [BasisStatus] = []
    rows.reserveCapacity(m)
    for i in stride(from: 1, through: m, by: 1) {
      rows.append(BasisStatus(rawValue: glp_get_row_stat(pointer, Int32(i))) ?? .basic)
    }
    var columns: [BasisStatus] = []
    columns.reserveCapacity(n)
    for j in stride(from: 1, through: n, by: 1) {
      columns.append(BasisStatus(rawValue: glp_get_col_stat(pointer, Int32(j))) ?? .atLower)
    }
    return Basis(rows: rows, columns: columns)
  }

  /// Replaces the basis (`glp_set_row_stat`, `glp_set_col_stat`); the sizes must match.
  ///
  /// GLPK corrects a non-basic status that does not fit the bounds (at its lower bound for a
  /// free row, say) to the one that does. A set of basic variables that is not a basis (the
  /// wrong count, or singular) is not checked here: the next simplex solve reports it.
  public func setBasis(_ b: Basis) throws(GLPKError) {
    try checkThread()
    let m = self.m
    let n = self.n
    guard b.rows.count == m && b.columns.count == n else {
      throw .basisSizeMismatch(basisRows: b.rows.count, basisColumns: b.columns.count, rows: m, columns: n)
    }
    for (k, s) in b.rows.enumerated() { glp_set_row_stat(pointer, Int32(k + 1), s.rawValue) }
    for (k, s) in b.columns.enumerated() { glp_set_col_stat(pointer, Int32(k + 1), s.rawValue) }
  }
}
