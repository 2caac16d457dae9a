/// A seeded SplitMix64 pseudo-random generator: the only source of randomness of the generator.
///
/// SplitMix64 (Steele, Lea & Flood 2014) uses only 64-bit integer arithmetic, so a seed gives the
/// same stream on every machine and Swift version. The helpers below use only integer arithmetic
/// and IEEE basic operations (no `log`, `sin`, …), so derived values are bit-identical too. The
/// system RNG and `Int.random(in:)` are never used: their algorithms are not part of any contract.
public struct SplitMix64: Sendable {
  /// The current state; the next output is a function of it alone.
  public private(set) var state: UInt64

  /// A generator whose stream is fixed by `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// An independent child stream, seeded from this one (advances this stream by one step).
  public mutating func split() -> SplitMix64 {
    SplitMix64(seed: next() ^ 0x6A09_E667_F3BC_C909)
  }

  /// A uniform double in [0, 1) with 53 random bits.
  public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A uniform double in [a, b).
  public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * uniform() }

  /// A uniform integer in 0..<n (n > 0), unbiased (Lemire's multiply-and-reject).
  public mutating func int(below n: Int) -> Int {
    precondition(n > 0, "int(below:) needs a positive bound")
    let bound = UInt64(n)
    var m = next().multipliedFullWidth(by: bound)
    if m.low < bound {
      let threshold = (0 &- bound) % bound
      while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
    }
    return Int(m.high)
  }

  /// A uniform integer in a closed range.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
  }

  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool { uniform() < p }

  /// An approximately standard normal value: the Irwin–Hall sum of 12 uniforms minus 6
  /// (range ±6, no transcendental functions).
  public mutating func normal() -> Double {
    var s = 0.0
    for _ in 0..<12 { s += uniform() }
    return s - 6
  }

  /// A uniformly chosen element of a non-empty array.
  public mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }

  /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
  public mutating func weightedIndex(_ weights: [Double]) -> Int {
    var total = 0.0
    for w in weights { total += w }
    var r = uniform() * total
    for (i, w) in weights.enumerated() {
      if r < w { return i }
      r -= w
    }
    return weights.lastIndex(where: { $0 > 0 }) ?? 0
  }

  /// Fisher–Yates shuffle in place.
  public mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      let j = int(below: i + 1)
      if i != j { items.swapAt(i, j) }
    }
  }
}
