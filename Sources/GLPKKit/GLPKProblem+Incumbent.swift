import CGLPK

extension GLPKProblem {
  /// Tolerance for bounds, rows and integrality when checking a start.
  static let incumbentTolerance = 1e-6

  /// Checks a candidate incumbent and returns it ready for
  /// `glp_ios_heur_sol`, or the reason it cannot be injected.
  ///
  /// `values` is either a plain array of `columns` values (element k is
  /// column k + 1) or uses the `columnValues` layout (`columns + 1`
  /// values, index 0 ignored); the length tells which. Every value must be finite and within its column's bounds,
  /// integer columns integral, and every row's activity within its bounds,
  /// each up to 1e-6 × max(1, |bound|); GLPK itself checks only
  /// integrality. Integer values are snapped to exact integers.
  func prepareIncumbent(_ values: [Double]) -> Result<[Double], Rejection> {
    let tol = Self.incumbentTolerance
    func within(_ x: Double, _ bounds: (Double, Double)) -> Bool {
      x >= bounds.0 - tol * max(1, abs(bounds.0))
        && x <= bounds.1 + tol * max(1, abs(bounds.1))
    }
    func limits(_ type: Int32, _ lb: Double, _ ub: Double) -> (Double, Double)
    {
      switch type {
      case GLP_FR: return (-.infinity, .infinity)
      case GLP_LO: return (lb, .infinity)
      case GLP_UP: return (-.infinity, ub)
      default: return (lb, ub)
      }
    }
    let columnCount = n
    var x: [Double]
    if values.count == columnCount {
      x = OneBasedArray.make(values)
    } else if values.count == columnCount + 1 {
      x = values
      x[0] = 0
    } else {
      return .failure(Rejection(
        "incumbent has \(values.count) entries, expected \(columnCount) "
          + "(plain) or \(columnCount + 1) (index 0 unused)"))
    }
    for j in stride(from: 1, through: columnCount, by: 1) {
      let j32 = Int32(j)
      guard x[j].isFinite else {
        return .failure(Rejection("column \(j) value \(x[j]) is not finite"))
      }
      if glp_get_col_kind(pointer, j32) != GLP_CV {
        let r = x[j].rounded()
        guard abs(x[j] - r) <= tol else {
          return .failure(Rejection(
            "integer column \(j) has fractional value \(x[j])"))
        }
        x[j] = r
      }
      let b = limits(
        glp_get_col_type(pointer, j32), glp_get_col_lb(pointer, j32),
        glp_get_col_ub(pointer, j32))
      guard within(x[j], b) else {
        return .failure(Rejection(
          "column \(j) value \(x[j]) outside bounds [\(b.0), \(b.1)]"))
      }
    }
    var index = [Int32](repeating: 0, count: columnCount + 1)
    var value = [Double](repeating: 0, count: columnCount + 1)
    for i in stride(from: 1, through: m, by: 1) {
      let i32 = Int32(i)
      let type = glp_get_row_type(pointer, i32)
      if type == GLP_FR { continue }
      let length = Int(glp_get_mat_row(pointer, i32, &index, &value))
      var activity = 0.0
      for k in stride(from: 1, through: length, by: 1) {
        activity += value[k] * x[Int(index[k])]
      }
      let b = limits(
        type, glp_get_row_lb(pointer, i32), glp_get_row_ub(pointer, i32))
      guard within(activity, b) else {
        return .failure(Rejection(
          "row \(i) activity \(activity) outside bounds [\(b.0), \(b.1)]"))
      }
    }
    return .success(x)
  }

  /// Why an incumbent was not injected.
  struct Rejection: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
  }
}
