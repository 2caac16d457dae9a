import CGLPK

/// How GLPK picks the next subproblem (`bt_tech`).
public enum Backtracking: Equatable, Sendable {
  /// Depth-first search (`GLP_BT_DFS`).
  case depthFirst
  /// Breadth-first search (`GLP_BT_BFS`).
  case breadthFirst
  /// The best local bound (`GLP_BT_BLB`), GLPK's default.
  case bestLocalBound
  /// The best projection heuristic (`GLP_BT_BPH`).
  case bestProjection

  /// GLPK's `bt_tech` code.
  var glpk: Int32 {
    switch self {
    case .depthFirst: return GLP_BT_DFS
    case .breadthFirst: return GLP_BT_BFS
    case .bestLocalBound: return GLP_BT_BLB
    case .bestProjection: return GLP_BT_BPH
    }
  }
}
