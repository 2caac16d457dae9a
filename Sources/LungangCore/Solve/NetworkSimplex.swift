import Foundation

/// A minimum-cost flow problem with integer data, solved by the primal network simplex.
///
/// Nodes 0..<nodeCount with supplies (positive: sends, negative: receives; they add up to 0),
/// arcs with capacities in 0... and integer costs. The basis is a spanning tree rooted at an
/// artificial node, kept as parent pointers, a preorder thread and subtree sizes; the entering
/// arc is chosen by block search. Costs can be changed and the problem solved again from the
/// last tree (the flow stays feasible, only the potentials are recomputed): that is what makes
/// repeated solves with new costs cheap (`FlowBound`).
///
/// GLPK has no network simplex (its `glp_mincost_relax4` is disabled in Debian's build and
/// aborts; its out-of-kilter method took more than 5 minutes on the 200,000-staff rung's
/// network of 101,477 nodes and 647,113 arcs), so this is Lungang's own.
struct NetworkSimplex {
  /// Why a solve ended.
  enum Outcome: Equatable {
    /// The flow is optimal.
    case optimal
    /// No flow meets every supply within the capacities.
    case infeasible
    /// The pivot limit was reached first (the flow is feasible or not, and not optimal).
    case pivotLimit
  }

  /// Nodes and arcs of the problem (the artificial root and arcs not counted).
  let nodeCount: Int
  let arcCount: Int
  // Arcs 0..<arcCount are the problem's; arcCount + u is node u's artificial arc to the root.
  private var source: [Int32]
  private var target: [Int32]
  private var capacity: [Int64]
  private var cost: [Int64]
  private(set) var flowOnArc: [Int64]
  // +1 at lower bound, −1 at upper bound, 0 in the tree.
  private var state: [Int8]
  // Tree, per node (the root is node `nodeCount`).
  private var parent: [Int32]
  private var pred: [Int32]
  private var predUp: [Bool]
  private var thread: [Int32]
  private var revThread: [Int32]
  private var subtreeSize: [Int32]
  private(set) var potential: [Int64]
  /// Each node's supply.
  private let supply: [Int64]
  private var nextArc = 0
  private let blockSize: Int
  // Scratch for re-rooting a subtree.
  private var localIndex: [Int32]
  private var nodes: [Int32] = []
  private var childStart: [Int32] = []
  private var children: [Int32] = []
  private var order: [Int32] = []
  private var stack: [Int32] = []

  /// A problem with the given arcs and supplies; every arc's flow starts at 0 and the
  /// artificial arcs carry the supplies.
  init(nodeCount n: Int, tails: [Int32], heads: [Int32], capacities: [Int64], supplies: [Int64]) {
    precondition(tails.count == heads.count && heads.count == capacities.count && supplies.count == n)
    nodeCount = n
    arcCount = tails.count
    let m = arcCount
    let root = Int32(n)
    source = tails + Array(repeating: 0, count: n)
    target = heads + Array(repeating: 0, count: n)
    capacity = capacities + Array(repeating: Int64.max / 4, count: n)
    cost = Array(repeating: 0, count: m + n)
    flowOnArc = Array(repeating: 0, count: m + n)
    state = Array(repeating: 1, count: m + n)
    parent = Array(repeating: root, count: n + 1)
    pred = Array(repeating: -1, count: n + 1)
    predUp = Array(repeating: true, count: n + 1)
    thread = Array(repeating: 0, count: n + 1)
    revThread = Array(repeating: 0, count: n + 1)
    subtreeSize = Array(repeating: 1, count: n + 1)
    potential = Array(repeating: 0, count: n + 1)
    localIndex = Array(repeating: -1, count: n + 1)
    parent[n] = -1
    subtreeSize[n] = Int32(n + 1)
    // Thread: root, 0, 1, …, n − 1, back to the root.
    thread[n] = n > 0 ? 0 : root
    revThread[0] = root
    for u in 0..<n {
      let e = m + u
      pred[u] = Int32(e)
      state[e] = 0
      thread[u] = u + 1 < n ? Int32(u + 1) : root
      revThread[u + 1 < n ? u + 1 : n] = Int32(u)
      if supplies[u] >= 0 {
        source[e] = Int32(u)
        target[e] = root
        predUp[u] = true
        flowOnArc[e] = supplies[u]
      } else {
        source[e] = root
        target[e] = Int32(u)
        predUp[u] = false
        flowOnArc[e] = -supplies[u]
      }
    }
    blockSize = max(10, Int(Double(m).squareRoot()))
    supply = supplies
  }

  /// The node arc `e` leaves, the node it points to, and its capacity.
  func tail(_ e: Int) -> Int32 { source[e] }
  func head(_ e: Int) -> Int32 { target[e] }
  func arcCapacity(_ e: Int) -> Int64 { capacity[e] }

  /// The flow on each of the problem's arcs.
  var flow: ArraySlice<Int64> { flowOnArc[0..<arcCount] }

  /// The flow's cost at the costs of the last solve.
  var totalCost: Int64 {
    var s: Int64 = 0
    for e in 0..<arcCount where flowOnArc[e] != 0 { s += flowOnArc[e] * cost[e] }
    return s
  }

  /// Starts from a feasible flow instead of the artificial tree: `flow` per arc, and per node
  /// its arc toward the root of the tree (−1: its artificial arc, carrying nothing). Arcs out
  /// of the tree must be at a bound. Returns false, and changes nothing, when the flow or the
  /// tree is not valid.
  mutating func start(flow f: [Int64], treeArc: [Int32]) -> Bool {
    let n = nodeCount
    let m = arcCount
    guard f.count == m, treeArc.count == n else { return false }
    var balance = Array(repeating: Int64(0), count: n + 1)
    var inTree = Array(repeating: false, count: m)
    for e in 0..<m {
      guard f[e] >= 0, f[e] <= capacity[e] else { return false }
      balance[Int(source[e])] += f[e]
      balance[Int(target[e])] -= f[e]
    }
    var newParent = Array(repeating: Int32(-1), count: n + 1)
    var newPred = Array(repeating: Int32(-1), count: n + 1)
    var newUp = Array(repeating: true, count: n + 1)
    for u in 0..<n {
      let art = m + u
      guard balance[u] == supply[u] else { return false }
      let e = Int(treeArc[u])
      if e < 0 {
        newParent[u] = Int32(n)
        newPred[u] = Int32(art)
        newUp[u] = source[art] == Int32(u)
      } else {
        guard e < m, !inTree[e], source[e] == Int32(u) || target[e] == Int32(u) else { return false }
        inTree[e] = true
        newUp[u] = source[e] == Int32(u)
        newParent[u] = newUp[u] ? target[e] : source[e]
        newPred[u] = Int32(e)
      }
    }
    for e in 0..<m where !inTree[e] && f[e] != 0 && f[e] != capacity[e] { return false }
    // A preorder from the root; a cycle leaves nodes unreached.
    makePreorder(of: (0...n).map { Int32($0) }, from: n, parentOf: newParent)
    guard order.count == n + 1 else { return false }
    parent = newParent
    pred = newPred
    predUp = newUp
    for k in 0..<(n + 1) {
      let v = Int(order[k])
      let next = order[(k + 1) % (n + 1)]
      thread[v] = next
      revThread[Int(next)] = Int32(v)
    }
    setSubtreeSizes()
    for e in 0..<m {
      flowOnArc[e] = f[e]
      state[e] = inTree[e] ? 0 : (f[e] == 0 ? 1 : -1)
    }
    for u in 0..<n {
      flowOnArc[m + u] = 0
      state[m + u] = pred[u] == Int32(m + u) ? 0 : 1
    }
    return true
  }

  /// Solves with these arc costs, from the last tree; `pivotLimit` bounds the pivots and
  /// `deadline` the time (checked every 1,000 pivots); both end with `.pivotLimit`.
  mutating func solve(costs: [Int64], pivotLimit: Int = Int.max, deadline: Date? = nil) -> Outcome {
    precondition(costs.count == arcCount)
    var largest: Int64 = 0
    for c in costs { largest = max(largest, c == .min ? .max : abs(c)) }
    // An artificial arc costs more than any path of real arcs, so flow leaves them when it can.
    // (Callers keep costs far below Int64's range, `FlowBound.costLimit`; a saturated
    // product only weakens that guarantee, it does not trap.)
    let (product, overflow) = largest.addingReportingOverflow(1).partialValue.multipliedReportingOverflow(
      by: Int64(nodeCount + 1))
    let artificial = overflow ? Int64.max / 4 : product
    for e in 0..<arcCount { cost[e] = costs[e] }
    // Senders reach the root for free, receivers are reached from it at the artificial cost.
    for u in 0..<nodeCount { cost[arcCount + u] = source[arcCount + u] == Int32(nodeCount) ? artificial : 0 }
    computePotentials()
    var pivots = 0
    while let entering = findEnteringArc() {
      if pivots >= pivotLimit { return .pivotLimit }
      if let deadline, pivots % 1_000 == 999, Date() >= deadline { return .pivotLimit }
      pivot(entering)
      pivots += 1
    }
    for u in 0..<nodeCount where flowOnArc[arcCount + u] != 0 { return .infeasible }
    return .optimal
  }

  /// Potentials that make every tree arc's reduced cost zero, root first along the thread.
  private mutating func computePotentials() {
    let root = nodeCount
    potential[root] = 0
    var u = Int(thread[root])
    while u != root {
      let e = Int(pred[u])
      let p = Int(parent[u])
      // Reduced cost c + π(source) − π(target) = 0 on the tree arc.
      potential[u] = predUp[u] ? potential[p] - cost[e] : potential[p] + cost[e]
      u = Int(thread[u])
    }
  }

  private func reducedCost(_ e: Int) -> Int64 {
    cost[e] + potential[Int(source[e])] - potential[Int(target[e])]
  }

  /// Block search: the most violating arc of the first block that has one.
  private mutating func findEnteringArc() -> Int? {
    let m = arcCount
    guard m > 0 else { return nil }
    var best = -1
    var least: Int64 = 0
    var left = blockSize
    var e = nextArc
    for _ in 0..<m {
      let s = state[e]
      if s != 0 {
        let v = Int64(s) * reducedCost(e)
        if v < least {
          least = v
          best = e
        }
      }
      e += 1
      if e == m { e = 0 }
      left -= 1
      if left == 0 {
        if best >= 0 { break }
        left = blockSize
      }
    }
    nextArc = e
    return best >= 0 ? best : nil
  }

  /// One pivot on the entering arc `entering`.
  private mutating func pivot(_ entering: Int) {
    let s = Int(source[entering])
    let t = Int(target[entering])
    // The join: the first common ancestor of the arc's ends.
    var a = s
    var b = t
    while a != b {
      if subtreeSize[a] < subtreeSize[b] { a = Int(parent[a]) } else { b = Int(parent[b]) }
    }
    let join = a
    // Flow is pushed along the cycle in the arc's direction when it is at its lower bound
    // (from `first` through the arc to `second`, then up to the join and down to `first`).
    let up = state[entering] == 1
    let first = up ? s : t
    let second = up ? t : s
    var delta = capacity[entering]
    var leavingNode = -1
    var leavingOnFirst = false
    // On first's path flow goes down the tree (parent to child): an arc pointing up loses flow.
    var u = first
    while u != join {
      let e = Int(pred[u])
      let room = predUp[u] ? flowOnArc[e] : capacity[e] - flowOnArc[e]
      if room < delta {
        delta = room
        leavingNode = u
        leavingOnFirst = true
      }
      u = Int(parent[u])
    }
    // On second's path flow goes up: an arc pointing up gains flow. Ties go to the arc met
    // last along the cycle (strongly feasible trees, no cycling).
    u = second
    while u != join {
      let e = Int(pred[u])
      let room = predUp[u] ? capacity[e] - flowOnArc[e] : flowOnArc[e]
      if room <= delta {
        delta = room
        leavingNode = u
        leavingOnFirst = false
      }
      u = Int(parent[u])
    }
    if delta > 0 {
      let signed = up ? delta : -delta
      flowOnArc[entering] += signed
      // Along source's path the flow of +signed on the arc comes back down toward source.
      u = s
      while u != join {
        let e = Int(pred[u])
        flowOnArc[e] += predUp[u] ? -signed : signed
        u = Int(parent[u])
      }
      u = t
      while u != join {
        let e = Int(pred[u])
        flowOnArc[e] += predUp[u] ? signed : -signed
        u = Int(parent[u])
      }
    }
    guard leavingNode >= 0 else {
      // The entering arc itself is blocking: it moves to its other bound.
      state[entering] = -state[entering]
      return
    }
    let leaving = Int(pred[leavingNode])
    state[entering] = 0
    state[leaving] = flowOnArc[leaving] == 0 ? 1 : -1
    // The subtree under the leaving arc hangs from the entering arc's end on its side.
    let inner = leavingOnFirst ? first : second
    let outer = leavingOnFirst ? second : first
    reattach(subtree: leavingNode, at: inner, under: outer, by: entering)
  }

  /// Cuts the subtree of `top` off the tree, re-roots it at `inner` (one of its nodes) and
  /// hangs it under `outer` by arc `arc`; updates thread, sizes and potentials.
  private mutating func reattach(subtree top: Int, at inner: Int, under outer: Int, by arc: Int) {
    let size = Int(subtreeSize[top])
    // The subtree's nodes in thread order.
    nodes.removeAll(keepingCapacity: true)
    var u = top
    for _ in 0..<size {
      nodes.append(Int32(u))
      u = Int(thread[u])
    }
    let after = u
    let before = Int(revThread[top])
    thread[before] = Int32(after)
    revThread[after] = Int32(before)
    var w = Int(parent[top])
    while w >= 0 {
      subtreeSize[w] -= Int32(size)
      w = Int(parent[w])
    }
    if inner == top {
      parent[inner] = Int32(outer)
      pred[inner] = Int32(arc)
      predUp[inner] = Int(source[arc]) == inner
    } else {
      // Reverse the stem from inner up to top.
      var previous = outer
      var previousArc = arc
      var previousUp = Int(source[arc]) == inner
      var x = inner
      while true {
        let nextX = Int(parent[x])
        let savedArc = Int(pred[x])
        let savedUp = predUp[x]
        parent[x] = Int32(previous)
        pred[x] = Int32(previousArc)
        predUp[x] = previousUp
        if x == top { break }
        previous = x
        previousArc = savedArc
        previousUp = !savedUp
        x = nextX
      }
      // A new preorder of the subtree from inner.
      makePreorder(of: nodes, from: inner, parentOf: parent)
      setSubtreeSizes()
      swap(&nodes, &order)
    }
    // Thread the subtree (in `nodes` order) right after outer.
    for k in 0..<(size - 1) {
      thread[Int(nodes[k])] = nodes[k + 1]
      revThread[Int(nodes[k + 1])] = nodes[k]
    }
    let next = Int(thread[outer])
    thread[outer] = nodes[0]
    revThread[Int(nodes[0])] = Int32(outer)
    thread[Int(nodes[size - 1])] = Int32(next)
    revThread[next] = nodes[size - 1]
    w = outer
    while w >= 0 {
      subtreeSize[w] += Int32(size)
      w = Int(parent[w])
    }
    // Potentials: the entering arc's reduced cost becomes zero.
    let rc = reducedCost(arc)
    let shift = Int(source[arc]) == inner ? -rc : rc
    for v in nodes { potential[Int(v)] += shift }
  }

  /// Puts `nodes` (`root` among them) into `order` in a preorder from `root`, by their parents
  /// in `parentOf`; `order` has fewer nodes when some do not reach `root` (a cycle).
  private mutating func makePreorder(of nodes: [Int32], from root: Int, parentOf: [Int32]) {
    let size = nodes.count
    for (k, v) in nodes.enumerated() { localIndex[Int(v)] = Int32(k) }
    childStart = Array(repeating: 0, count: size + 1)
    for v in nodes where Int(v) != root { childStart[Int(localIndex[Int(parentOf[Int(v)])]) + 1] += 1 }
    for k in 0..<size { childStart[k + 1] += childStart[k] }
    children = Array(repeating: 0, count: max(0, size - 1))
    var fill = childStart
    for v in nodes where Int(v) != root {
      let p = Int(localIndex[Int(parentOf[Int(v)])])
      children[Int(fill[p])] = v
      fill[p] += 1
    }
    order.removeAll(keepingCapacity: true)
    stack.removeAll(keepingCapacity: true)
    stack.append(Int32(root))
    while let v = stack.popLast() {
      order.append(v)
      let k = Int(localIndex[Int(v)])
      var c = Int(childStart[k + 1])
      while c > Int(childStart[k]) {
        c -= 1
        stack.append(children[c])
      }
    }
    for v in nodes { localIndex[Int(v)] = -1 }
  }

  /// Subtree sizes of the nodes in `order` (a preorder from its first node) from `parent`.
  private mutating func setSubtreeSizes() {
    for v in order { subtreeSize[Int(v)] = 1 }
    for v in order.dropFirst().reversed() { subtreeSize[Int(parent[Int(v)])] += subtreeSize[Int(v)] }
  }
}
