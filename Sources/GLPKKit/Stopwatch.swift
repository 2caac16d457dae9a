#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Measures elapsed wall-clock seconds on the monotonic clock.
struct Stopwatch {
  private let start: Double

  /// Starts measuring now.
  init() { start = Self.now() }

  /// Seconds since `init`.
  var elapsed: Double { Self.now() - start }

  private static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }
}
