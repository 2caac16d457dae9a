import Foundation

/// A shared best solution for solves of the same problem racing on several threads.
///
/// Each solve offers every new incumbent it finds and, at GLPK's heuristic callback, takes
/// a better one found by another solve (`glp_ios_heur_sol`), so all racers prune with the
/// best known objective. Values are 1-based column values (index 0 unused).
public final class IncumbentExchange: @unchecked Sendable {
  private let lock = NSLock()
  private var bestObjective = Double.infinity
  private var bestValues: [Double] = []
  private var version = 0

  public init() {}

  /// Records `values` if `objective` is better than the best so far (minimization).
  public func offer(objective: Double, values: [Double]) {
    lock.lock()
    defer { lock.unlock() }
    if objective < bestObjective - 1e-9 {
      bestObjective = objective
      bestValues = values
      version += 1
    }
  }

  /// The best solution if it is newer than `seen` and better than `than`.
  func take(newerThan seen: Int, betterThan than: Double) -> (Int, Double, [Double])? {
    lock.lock()
    defer { lock.unlock() }
    guard version > seen, bestObjective < than - 1e-9 else { return nil }
    return (version, bestObjective, bestValues)
  }

  /// The best objective offered so far (infinity when none).
  public var objective: Double {
    lock.lock()
    defer { lock.unlock() }
    return bestObjective
  }
}
