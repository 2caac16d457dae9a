import Foundation
import GLPKKit

/// A plan found by diving on the LP relaxation: fix the most-assigned destination of a share
/// of the people the LP splits, re-solve, repeat until the LP is integral.
///
/// The assignment core is totally unimodular, so fractions come only from the side rows
/// (quota, key share, outflow, balance, avoidance) and a few rounds of fixing usually leave an
/// integral LP. A round whose LP becomes infeasible is undone and retried with a quarter of
/// the people; a single person that cannot be fixed is left for the others' fixing to settle.
enum LPDive {
  /// Share of the split people fixed in the first round.
  static let firstShare = 0.25
  /// At most this many LP solves.
  static let maxRounds = 60

  /// Dives from `start` (the LP's values, GLPK columns 0-based); `group[j]` is the person of
  /// GLPK column j (−1 for columns without one). Returns the integral point or nil. Column
  /// bounds are restored before returning.
  static func dive(
    _ p: GLPKProblem, group: [Int32], start: [Double], deadline: Date, log: Bool
  ) -> [Double]? {
    let n = group.count
    let groups = (group.max().map { Int($0) } ?? -1) + 1
    var x = start
    var fixed: [Int] = []
    defer { for j in fixed { try? p.setColumnBounds(j + 1, .double(0, 1)) } }
    var share = firstShare
    var skipped = Set<Int>()
    var rounds = 0
    let t0 = Date()
    while rounds < maxRounds {
      // Each person's most-assigned column.
      var bestColumn = Array(repeating: -1, count: groups)
      var bestValue = Array(repeating: -1.0, count: groups)
      for j in 0..<n where group[j] >= 0 {
        let g = Int(group[j])
        if x[j] > bestValue[g] + 1e-12 {
          bestValue[g] = x[j]
          bestColumn[g] = j
        }
      }
      let allSplit = (0..<groups).filter { bestColumn[$0] >= 0 && bestValue[$0] < 1 - 1e-6 }
      let split = allSplit.filter { !skipped.contains($0) }
        .sorted { (-bestValue[$0], bestColumn[$0]) < (-bestValue[$1], bestColumn[$1]) }
      if allSplit.isEmpty {
        if log {
          RotationSolver.progressLine(t0, "dive: integral after \(rounds) LP solves, \(fixed.count) people fixed")
        }
        return x.enumerated().map { j, v in group[j] >= 0 ? v.rounded() : v }
      }
      if Date() >= deadline || split.isEmpty {
        if log {
          RotationSolver.progressLine(t0, "dive: stopped after \(rounds) LP solves with \(allSplit.count) people split (\(skipped.count) could not be fixed)")
        }
        return nil
      }
      let chosen = split.prefix(max(1, Int(Double(split.count) * share)))
      let batch = chosen.map { bestColumn[$0] }
      for j in batch { try? p.setColumnBounds(j + 1, .fixed(1)) }
      var o = LPOptions(
        method: .dual, timeLimit: max(0.05, deadline.timeIntervalSinceNow), messageLevel: .off)
      o.longStep = true
      let r = p.solveLP(o)
      rounds += 1
      if r.termination == .optimal, r.columnValues.count == n + 1 {
        x = Array(r.columnValues.dropFirst())
        fixed.append(contentsOf: batch)
      } else {
        for j in batch { try? p.setColumnBounds(j + 1, .double(0, 1)) }
        if r.termination == .timeLimit { return nil }
        // A person who cannot take their most-assigned destination is left to the others.
        if batch.count == 1 { skipped.insert(chosen[chosen.startIndex]) } else { share /= 4 }
      }
    }
    return nil
  }
}
