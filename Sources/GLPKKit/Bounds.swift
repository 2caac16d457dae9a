import CGLPK

/// The bounds of a row or column, mirroring GLPK's bound types.
public enum Bounds: Equatable, Sendable {
  /// No bounds: −∞ < x < +∞ (`GLP_FR`).
  case free
  /// A lower bound only: lb ≤ x < +∞ (`GLP_LO`).
  case lower(Double)
  /// An upper bound only: −∞ < x ≤ ub (`GLP_UP`).
  case upper(Double)
  /// Both bounds: lb ≤ x ≤ ub (`GLP_DB`, or `GLP_FX` when lb == ub).
  case double(Double, Double)
  /// A fixed value: x = v (`GLP_FX`).
  case fixed(Double)

  /// The lower bound, or −∞ when there is none.
  public var lowerBound: Double {
    switch self {
    case .free, .upper: return -.infinity
    case .lower(let l), .double(let l, _), .fixed(let l): return l
    }
  }

  /// The upper bound, or +∞ when there is none.
  public var upperBound: Double {
    switch self {
    case .free, .lower: return .infinity
    case .upper(let u), .double(_, let u), .fixed(let u): return u
    }
  }

  /// Checks that every bound is finite and that lb ≤ ub.
  func validate() throws(GLPKError) {
    switch self {
    case .free:
      break
    case .lower(let l):
      try requireFinite(l, "lower bound")
    case .upper(let u):
      try requireFinite(u, "upper bound")
    case .fixed(let v):
      try requireFinite(v, "fixed value")
    case .double(let l, let u):
      try requireFinite(l, "lower bound")
      try requireFinite(u, "upper bound")
      guard l <= u else { throw .invalidBounds(lower: l, upper: u) }
    }
  }

  /// Rounds the bounds inward to integers, like GLPK.jl does for integer
  /// columns (GLPK rejects fractional bounds on them).
  ///
  /// A bound within 1e-9 of an integer snaps to it, so 2.0000000001 stays 2.
  func roundedToIntegers(column: Int) throws(GLPKError) -> Bounds {
    func up(_ x: Double) -> Double {
      let r = x.rounded()
      return abs(x - r) <= 1e-9 ? r : x.rounded(.up)
    }
    func down(_ x: Double) -> Double {
      let r = x.rounded()
      return abs(x - r) <= 1e-9 ? r : x.rounded(.down)
    }
    switch self {
    case .free:
      return .free
    case .lower(let l):
      return .lower(up(l))
    case .upper(let u):
      return .upper(down(u))
    case .fixed(let v):
      let r = up(v)
      guard r == down(v) else {
        throw .emptyIntegerRange(column: column, lower: v, upper: v)
      }
      return .fixed(r)
    case .double(let l, let u):
      let rl = up(l)
      let ru = down(u)
      guard rl <= ru else {
        throw .emptyIntegerRange(column: column, lower: l, upper: u)
      }
      return .double(rl, ru)
    }
  }

  /// GLPK's type code and bound values for this case.
  var glpk: (type: Int32, lower: Double, upper: Double) {
    switch self {
    case .free: return (GLP_FR, 0, 0)
    case .lower(let l): return (GLP_LO, l, 0)
    case .upper(let u): return (GLP_UP, 0, u)
    case .double(let l, let u) where l == u: return (GLP_FX, l, l)
    case .double(let l, let u): return (GLP_DB, l, u)
    case .fixed(let v): return (GLP_FX, v, v)
    }
  }

  /// Builds bounds from GLPK's type code and values.
  init(glpkType type: Int32, lower: Double, upper: Double) {
    switch type {
    case GLP_LO: self = .lower(lower)
    case GLP_UP: self = .upper(upper)
    case GLP_DB: self = .double(lower, upper)
    case GLP_FX: self = .fixed(lower)
    default: self = .free
    }
  }
}
