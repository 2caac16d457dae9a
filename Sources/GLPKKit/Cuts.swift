/// Which cutting-plane families GLPK's branch-and-cut generates.
public struct Cuts: Equatable, Sendable {
  /// Gomory's mixed-integer cuts (`gmi_cuts`).
  public var gomory: Bool
  /// Mixed-integer rounding cuts (`mir_cuts`).
  public var mir: Bool
  /// Mixed cover cuts (`cov_cuts`).
  public var cover: Bool
  /// Clique cuts (`clq_cuts`).
  public var clique: Bool

  /// Creates a selection; every family is off by default, as in GLPK.
  public init(
    gomory: Bool = false, mir: Bool = false, cover: Bool = false,
    clique: Bool = false
  ) {
    self.gomory = gomory
    self.mir = mir
    self.cover = cover
    self.clique = clique
  }

  /// No cuts (GLPK's default).
  public static let none = Cuts()
  /// All four families, like glpsol's `--cuts`.
  public static let all = Cuts(gomory: true, mir: true, cover: true, clique: true)
}
