/// Largest-remainder apportionment of a whole number in proportion to weights.
///
/// Deterministic: remainders tie-break by index. Each share gets at least its minimum.
public enum Apportion {
  /// Splits `total` into `weights.count` whole shares proportional to `weights`, each at least
  /// `minimum[i]` (when given); needs `total ≥ Σ minimum`.
  public static func largestRemainder(
    _ total: Int, weights: [Double], minimum: [Int]? = nil
  ) -> [Int] {
    let n = weights.count
    guard n > 0 else { return [] }
    var shares = minimum ?? Array(repeating: 0, count: n)
    let rest = total - shares.reduce(0, +)
    guard rest > 0 else { return shares }
    var sum = 0.0
    for w in weights { sum += w }
    if sum <= 0 {
      for k in 0..<rest { shares[k % n] += 1 }
      return shares
    }
    var remainders: [(Double, Int)] = []
    remainders.reserveCapacity(n)
    var given = 0
    for i in 0..<n {
      let q = Double(rest) * weights[i] / sum
      let f = q.rounded(.down)
      shares[i] += Int(f)
      given += Int(f)
      remainders.append((q - f, i))
    }
    remainders.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
    var k = 0
    while given < rest {
      shares[remainders[k % n].1] += 1
      given += 1
      k += 1
    }
    return shares
  }
}
