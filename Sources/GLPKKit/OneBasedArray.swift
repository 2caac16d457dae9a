/// Builds GLPK's 1-based arrays, whose element 0 is an unused dummy.
///
/// GLPK's array arguments (`ia`, `ja`, `ar`, `ind`, `val`, `x`) are read
/// from index 1; this is the one place that adds the leading dummy.
enum OneBasedArray {
  /// Returns `[0] + values` without intermediate copies.
  static func make<T: Numeric>(_ values: [T]) -> [T] {
    var result = [T]()
    result.reserveCapacity(values.count + 1)
    result.append(0)
    result.append(contentsOf: values)
    return result
  }
}
