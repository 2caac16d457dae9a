import CGLPK

extension GLPKProblem {
  /// Appends `n` rows and returns the 1-based index of the first one.
  ///
  /// New rows are free (unbounded) with no matrix entries. `n == 0` does
  /// not call GLPK (which would abort) and returns ``rows + 1`.
  @discardableResult
  public func addRows(_ n: Int) throws(GLPKError) -> Int {
    try checkThread()
    let existing = m
    try checkAddCount(n, existing: existing, kind: "rows")
    if n == 0 { return existing + 1 }
    return Int(glp_add_rows(pointer, Int32(n)))
  }

  /// Appends `n` columns and returns the 1-based index of the first one.
  ///
  /// New columns are continuous and fixed at zero (GLPK's default), so set
  /// their bounds. `n == 0` does not call GLPK and returns `columns + 1`.
  @discardableResult
  public func addColumns(_ n: Int) throws(GLPKError) -> Int {
    try checkThread()
    let existing = self.n
    try checkAddCount(n, existing: existing, kind: "columns")
    if n == 0 { return existing + 1 }
    return Int(glp_add_cols(pointer, Int32(n)))
  }

  private func checkAddCount(_ n: Int, existing: Int, kind: String)
    throws(GLPKError)
  {
    guard n >= 0 else { throw .negativeCount(n) }
    guard n <= Self.maximumCount - existing else {
      throw .tooMany(kind: kind, existing: existing, adding: n)
    }
  }

  /// Names the problem (1–255 UTF-8 bytes, no control characters).
  public func setName(_ name: String) throws(GLPKError) {
    try checkThread()
    try validateName(name)
    glp_set_prob_name(pointer, name)
  }

  /// Names row `i` (1–255 UTF-8 bytes, no control characters).
  public func setRowName(_ i: Int, _ name: String) throws(GLPKError) {
    try checkThread()
    try checkRow(i)
    try validateName(name)
    glp_set_row_name(pointer, Int32(i), name)
  }

  /// Names column `j` (1–255 UTF-8 bytes, no control characters).
  public func setColumnName(_ j: Int, _ name: String) throws(GLPKError) {
    try checkThread()
    try checkColumn(j)
    try validateName(name)
    glp_set_col_name(pointer, Int32(j), name)
  }

  /// The name of row `i`, or nil if it has none.
  public func rowName(_ i: Int) throws(GLPKError) -> String? {
    try checkThread()
    try checkRow(i)
    return glp_get_row_name(pointer, Int32(i)).map { String(cString: $0) }
  }

  /// The name of column `j`, or nil if it has none.
  public func columnName(_ j: Int) throws(GLPKError) -> String? {
    try checkThread()
    try checkColumn(j)
    return glp_get_col_name(pointer, Int32(j)).map { String(cString: $0) }
  }

  /// The index of the row named `name`, or nil if there is none.
  public func rowIndex(named name: String) throws(GLPKError) -> Int? {
    try checkThread()
    ensureNameIndex()
    let i = Int(glp_find_row(pointer, name))
    return i == 0 ? nil : i
  }

  /// The index of the column named `name`, or nil if there is none.
  public func columnIndex(named name: String) throws(GLPKError) -> Int? {
    try checkThread()
    ensureNameIndex()
    let j = Int(glp_find_col(pointer, name))
    return j == 0 ? nil : j
  }

  private func ensureNameIndex() {
    if !hasNameIndex {
      glp_create_index(pointer)
      hasNameIndex = true
    }
  }

  /// Sets the bounds of row `i` (values finite, lb ≤ ub).
  public func setRowBounds(_ i: Int, _ bounds: Bounds) throws(GLPKError) {
    try checkThread()
    try checkRow(i)
    try bounds.validate()
    let b = bounds.glpk
    glp_set_row_bnds(pointer, Int32(i), b.type, b.lower, b.upper)
  }

  /// Sets the bounds of column `j` (values finite, lb ≤ ub).
  ///
  /// On an integer column the bounds are rounded inward to integers, and
  /// throw `emptyIntegerRange` if no integer remains.
  public func setColumnBounds(_ j: Int, _ bounds: Bounds) throws(GLPKError) {
    try checkThread()
    try checkColumn(j)
    try bounds.validate()
    var effective = bounds
    if glp_get_col_kind(pointer, Int32(j)) != GLP_CV {
      effective = try bounds.roundedToIntegers(column: j)
    }
    let b = effective.glpk
    glp_set_col_bnds(pointer, Int32(j), b.type, b.lower, b.upper)
  }

  /// The bounds of row `i`.
  public func rowBounds(_ i: Int) throws(GLPKError) -> Bounds {
    try checkThread()
    try checkRow(i)
    let i32 = Int32(i)
    return Bounds(
      glpkType: glp_get_row_type(pointer, i32),
      lower: glp_get_row_lb(pointer, i32), upper: glp_get_row_ub(pointer, i32))
  }

  /// The bounds of column `j`.
  public func columnBounds(_ j: Int) throws(GLPKError) -> Bounds {
    try checkThread()
    try checkColumn(j)
    let j32 = Int32(j)
    return Bounds(
      glpkType: glp_get_col_type(pointer, j32),
      lower: glp_get_col_lb(pointer, j32), upper: glp_get_col_ub(pointer, j32))
  }

  /// Sets the kind of column `j`.
  ///
  /// `.integer` rounds the current bounds inward, like GLPK.jl, because
  /// GLPK rejects fractional bounds on integer columns; `.binary` sets the
  /// bounds to [0, 1].
  public func setColumnKind(_ j: Int, _ kind: ColumnKind) throws(GLPKError) {
    try checkThread()
    try checkColumn(j)
    let j32 = Int32(j)
    switch kind {
    case .continuous:
      glp_set_col_kind(pointer, j32, GLP_CV)
    case .binary:
      glp_set_col_kind(pointer, j32, GLP_BV)
    case .integer:
      let current = Bounds(
        glpkType: glp_get_col_type(pointer, j32),
        lower: glp_get_col_lb(pointer, j32),
        upper: glp_get_col_ub(pointer, j32))
      let b = try current.roundedToIntegers(column: j).glpk
      glp_set_col_kind(pointer, j32, GLP_IV)
      glp_set_col_bnds(pointer, j32, b.type, b.lower, b.upper)
    }
  }

  /// The kind of column `j` (`.binary` for an integer column with
  /// bounds [0, 1]).
  public func columnKind(_ j: Int) throws(GLPKError) -> ColumnKind {
    try checkThread()
    try checkColumn(j)
    switch glp_get_col_kind(pointer, Int32(j)) {
    case GLP_BV: return .binary
    case GLP_IV: return .integer
    default: return .continuous
    }
  }

  /// Sets the objective coefficient of column `j` (finite).
  public func setObjective(_ j: Int, _ coefficient: Double) throws(GLPKError) {
    try checkThread()
    try checkColumn(j)
    try requireFinite(coefficient, "objective coefficient of column \(j)")
    glp_set_obj_coef(pointer, Int32(j), coefficient)
  }

  /// The objective coefficient of column `j`.
  public func objectiveCoefficient(_ j: Int) throws(GLPKError) -> Double {
    try checkThread()
    try checkColumn(j)
    return glp_get_obj_coef(pointer, Int32(j))
  }

  /// Sets the constant term of the objective (finite).
  public func setObjectiveConstant(_ constant: Double) throws(GLPKError) {
    try checkThread()
    try requireFinite(constant, "objective constant")
    glp_set_obj_coef(pointer, 0, constant)
  }

  /// Sets whether the objective is minimized or maximized.
  public func setDirection(_ direction: Direction) throws(GLPKError) {
    try checkThread()
    glp_set_obj_dir(
      pointer, direction == .minimize ? GLP_MIN : GLP_MAX)
  }

  /// The optimization direction.
  public func direction() throws(GLPKError) -> Direction {
    try checkThread()
    return glp_get_obj_dir(pointer) == GLP_MAX ? .maximize : .minimize
  }
}
