import GLPKKit

/// GLPK's version string, e.g. "5.0".
public func glpkVersion() -> String { GLPK.version }
