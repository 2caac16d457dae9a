/// Converts seconds to GLPK's millisecond time limits (the one place).
enum TimeLimit {
  /// GLPK's `tm_lim` for a limit in seconds; nil or +∞ mean no limit.
  ///
  /// Rounds up to whole milliseconds and caps at `Int32.max`, GLPK's
  /// "no limit" value.
  static func milliseconds(_ seconds: Double?) -> Int32 {
    guard let seconds, seconds.isFinite else { return Int32.max }
    let ms = (max(seconds, 0) * 1000).rounded(.up)
    return ms >= Double(Int32.max) ? Int32.max : Int32(ms)
  }

  /// Throws unless `seconds` is nil or a non-negative number (not NaN).
  static func validate(_ seconds: Double?, _ what: String) throws(GLPKError) {
    if let seconds, seconds.isNaN || seconds < 0 {
      throw .nonFiniteValue(what: "\(what) (non-negative seconds)",
        value: seconds)
    }
  }
}
