import Foundation
import GLPKKit
import XCTest

@testable import LungangCore

/// The network simplex finds the minimum-cost flow that GLPK's LP finds, from scratch and
/// again from its last tree after the costs change, and says when no flow exists.
final class NetworkSimplexTests: XCTestCase {
  /// A random transportation-like network: senders → middle nodes → one receiver, with
  /// capacities, some negative costs, and a few arcs between middle nodes.
  struct Network {
    var nodes: Int
    var tails: [Int32] = []
    var heads: [Int32] = []
    var capacities: [Int64] = []
    var costs: [Int64] = []
    var supplies: [Int64]
  }

  func network(seed: UInt64, senders: Int, middles: Int) -> Network {
    var g = SplitMix64(seed: seed)
    let sink = senders + middles
    var net = Network(nodes: sink + 1, supplies: Array(repeating: 0, count: sink + 1))
    for i in 0..<senders {
      net.supplies[i] = Int64(1 + g.next() % 3)
      for _ in 0..<(1 + Int(g.next() % 4)) {
        net.tails.append(Int32(i))
        net.heads.append(Int32(senders + Int(g.next() % UInt64(middles))))
        net.capacities.append(Int64(1 + g.next() % 3))
        net.costs.append(Int64(g.next() % 20) - 5)
      }
      // Every sender can always reach the receiver (at a high cost).
      net.tails.append(Int32(i))
      net.heads.append(Int32(sink))
      net.capacities.append(10)
      net.costs.append(50)
    }
    for k in 0..<middles {
      net.tails.append(Int32(senders + k))
      net.heads.append(Int32(sink))
      net.capacities.append(Int64(g.next() % 4))
      net.costs.append(-Int64(g.next() % 30))
      net.tails.append(Int32(senders + k))
      // To another middle node (no loops).
      net.heads.append(Int32(senders + (k + 1 + Int(g.next() % UInt64(middles - 1))) % middles))
      net.capacities.append(Int64(g.next() % 3))
      net.costs.append(Int64(g.next() % 7))
    }
    net.supplies[sink] = -net.supplies.reduce(0, +)
    return net
  }

  /// The same problem as an LP, solved by GLPK.
  func lpOptimum(_ net: Network) throws -> Double? {
    var m = SparseModel()
    for (e, c) in net.costs.enumerated() {
      _ = m.addColumn("", lower: 0, upper: Double(net.capacities[e]), integer: false, cost: Double(c))
    }
    for v in 0..<net.nodes {
      var terms: [(Int, Double)] = []
      for e in net.tails.indices {
        if net.tails[e] == Int32(v) { terms.append((e, 1)) }
        if net.heads[e] == Int32(v) { terms.append((e, -1)) }
      }
      _ = m.addRow("", terms, lower: Double(net.supplies[v]), upper: Double(net.supplies[v]))
    }
    let r = try RotationSolver.load(m).solveLP(LPOptions(method: .dualPrimal))
    if r.termination.isInfeasible { return nil }
    XCTAssertEqual(r.termination, .optimal)
    return r.objective
  }

  func checkFlow(_ ns: NetworkSimplex, _ net: Network) {
    var balance = net.supplies
    for e in net.tails.indices {
      let f = ns.flow[e]
      XCTAssertGreaterThanOrEqual(f, 0)
      XCTAssertLessThanOrEqual(f, net.capacities[e])
      balance[Int(net.tails[e])] -= f
      balance[Int(net.heads[e])] += f
    }
    XCTAssertEqual(balance, Array(repeating: 0, count: net.nodes))
  }

  func testOptimaMatchGLPKsLP() throws {
    for seed in 1...40 as ClosedRange<UInt64> {
      let net = network(seed: seed, senders: 5 + Int(seed % 20), middles: 3 + Int(seed % 9))
      var ns = NetworkSimplex(
        nodeCount: net.nodes, tails: net.tails, heads: net.heads, capacities: net.capacities,
        supplies: net.supplies)
      XCTAssertEqual(ns.solve(costs: net.costs), .optimal, "seed \(seed)")
      checkFlow(ns, net)
      let z = try XCTUnwrap(try lpOptimum(net))
      XCTAssertEqual(Double(ns.totalCost), z, accuracy: 1e-6, "seed \(seed)")
      // New costs, solved from the last tree: the same optimum as from scratch.
      var moved = net
      var g = SplitMix64(seed: seed + 1000)
      moved.costs = net.costs.map { $0 + Int64(g.next() % 11) - 5 }
      XCTAssertEqual(ns.solve(costs: moved.costs), .optimal)
      checkFlow(ns, moved)
      var cold = NetworkSimplex(
        nodeCount: net.nodes, tails: net.tails, heads: net.heads, capacities: net.capacities,
        supplies: net.supplies)
      XCTAssertEqual(cold.solve(costs: moved.costs), .optimal)
      XCTAssertEqual(ns.totalCost, cold.totalCost, "seed \(seed)")
      XCTAssertEqual(Double(ns.totalCost), try XCTUnwrap(try lpOptimum(moved)), accuracy: 1e-6)
    }
  }

  /// A hand-checked case: two people, two posts of one seat each; the cheaper assignment
  /// crosses (1 + 2 = 3 against 4 + 4 = 8 straight).
  func testTwoPeopleTwoSeats() {
    // Nodes: people 0, 1; seats 2, 3; receiver 4.
    var ns = NetworkSimplex(
      nodeCount: 5, tails: [0, 0, 1, 1, 2, 3], heads: [2, 3, 2, 3, 4, 4], capacities: [1, 1, 1, 1, 1, 1],
      supplies: [1, 1, 0, 0, -2])
    XCTAssertEqual(ns.solve(costs: [4, 1, 2, 4, 0, 0]), .optimal)
    XCTAssertEqual(Array(ns.flow), [0, 1, 1, 0, 1, 1])
    XCTAssertEqual(ns.totalCost, 3)
  }

  /// Started from a feasible flow (the straight assignment, 8) it pivots to the same optimum
  /// (3); a flow that breaks a node's balance, or a tree with a cycle, is refused.
  func testStartFromAFeasibleFlow() {
    func make() -> NetworkSimplex {
      NetworkSimplex(
        nodeCount: 5, tails: [0, 0, 1, 1, 2, 3], heads: [2, 3, 2, 3, 4, 4], capacities: [1, 1, 1, 1, 1, 1],
        supplies: [1, 1, 0, 0, -2])
    }
    var ns = make()
    XCTAssertTrue(ns.start(flow: [1, 0, 0, 1, 1, 1], treeArc: [0, 3, 4, 5, -1]))
    XCTAssertEqual(ns.solve(costs: [0, 0, 0, 0, 0, 0], pivotLimit: 0), .optimal, "the start is optimal at zero costs")
    XCTAssertEqual(Array(ns.flow), [1, 0, 0, 1, 1, 1])
    XCTAssertEqual(ns.solve(costs: [4, 1, 2, 4, 0, 0]), .optimal)
    XCTAssertEqual(Array(ns.flow), [0, 1, 1, 0, 1, 1])
    var bad = make()
    XCTAssertFalse(bad.start(flow: [1, 0, 1, 1, 1, 1], treeArc: [0, 3, 4, 5, -1]), "node 1 sends 2")
    XCTAssertFalse(bad.start(flow: [1, 0, 0, 1, 1, 1], treeArc: [0, 3, 0, 5, -1]), "arc 0 twice")
    XCTAssertFalse(
      bad.start(flow: [1, 0, 0, 1, 1, 1], treeArc: [0, 3, 2, 1, -1]), "a cycle 0 → 2 → 1 → 3 → 0, no arc twice")
    var interior = NetworkSimplex(
      nodeCount: 5, tails: [0, 0, 1, 1, 2, 3], heads: [2, 3, 2, 3, 4, 4], capacities: [1, 1, 1, 1, 2, 1],
      supplies: [1, 1, 0, 0, -2])
    XCTAssertFalse(
      interior.start(flow: [1, 0, 0, 1, 1, 1], treeArc: [0, 3, -1, 5, -1]), "arc 4 out of the tree at 1 of 2")
    XCTAssertTrue(interior.start(flow: [1, 0, 0, 1, 1, 1], treeArc: [0, 3, 4, 5, -1]))
    XCTAssertEqual(bad.solve(costs: [4, 1, 2, 4, 0, 0]), .optimal, "unchanged by the refusals")
    XCTAssertEqual(bad.totalCost, 3)
  }

  /// More supply than the arcs can carry: infeasible, as GLPK's LP says.
  func testNoFlowIsInfeasible() throws {
    let net = Network(
      nodes: 3, tails: [0, 1], heads: [2, 2], capacities: [1, 1], costs: [1, 1], supplies: [2, 1, -3])
    var ns = NetworkSimplex(
      nodeCount: 3, tails: net.tails, heads: net.heads, capacities: net.capacities, supplies: net.supplies)
    XCTAssertEqual(ns.solve(costs: net.costs), .infeasible)
    XCTAssertNil(try lpOptimum(net))
  }
}

