import Foundation

/// `body(0) … body(count − 1)` on up to `count` threads at once, the results in index order.
///
/// Each index is computed once, by one thread, and written to its own slot, so the result
/// is the one a sequential map gives whatever the timing.
func concurrentMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  guard count > 1 else { return (0..<count).map(body) }
  let slots = ConcurrentSlots<T>(count)
  DispatchQueue.concurrentPerform(iterations: count) { k in slots.set(k, body(k)) }
  return slots.values
}

/// How many slices `concurrentMap` gets for `items` independent items on `threads` threads
/// (0: every core): one per thread (at most 8) from 20,000 items, else one (threads would
/// cost more than they save).
func concurrentSlices(_ items: Int, threads: Int) -> Int {
  let n = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
  return items >= 20_000 ? max(1, min(n, 8)) : 1
}

/// One slot per index, each written by one thread (`concurrentMap`).
private final class ConcurrentSlots<T>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<T?>
  private let count: Int

  init(_ n: Int) {
    base = .allocate(capacity: n)
    base.initialize(repeating: nil, count: n)
    count = n
  }

  /// Slot k's value; each k is set by one thread only.
  func set(_ k: Int, _ v: T) { base[k] = v }

  /// Every slot's value, once all are set.
  var values: [T] { (0..<count).map { base[$0]! } }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }
}
