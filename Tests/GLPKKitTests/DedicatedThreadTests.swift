import Foundation
import GLPKKit
import XCTest

final class DedicatedThreadTests: XCTestCase {
  private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: SolveResult] = [:]

    subscript(i: Int) -> SolveResult? {
      get { lock.withLock { values[i] } }
      set { lock.withLock { values[i] = newValue } }
    }
  }

  func testTwoConcurrentSolvesOnDedicatedThreads() throws {
    let expected = try XCTUnwrap(
      TestModels.knapsack(items: 40, constraints: 3).solveMIP().objective)
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      results[i] = GLPK.runOnDedicatedThread {
        do {
          let p = try TestModels.knapsack(items: 40, constraints: 3)
          var reports = 0
          return p.solveMIP(
            MIPOptions(cuts: i == 0 ? .all : .none, progressInterval: 0),
            onProgress: { _ in reports += 1 })
        } catch {
          XCTFail("\(error)")
          return nil
        }
      }
    }
    for i in 0..<2 {
      let r = try XCTUnwrap(results[i])
      XCTAssertEqual(r.termination, .optimal, "thread \(i): \(r.raw)")
      XCTAssertEqual(try XCTUnwrap(r.objective), expected, accuracy: 1e-9)
    }
  }

  func testBodyRunsOnAnotherThreadAndReturnsItsValue() {
    let caller = Thread.current
    let (sameThread, value) = GLPK.runOnDedicatedThread(stackSize: 8 << 20) {
      (Thread.current == caller, 42)
    }
    XCTAssertFalse(sameThread)
    XCTAssertEqual(value, 42)
  }

  func testErrorsAreRethrownWithTheirType() {
    do {
      try GLPK.runOnDedicatedThread { () throws(GLPKError) in
        let p = GLPKProblem()
        try p.addRows(-2)
      }
      XCTFail("expected an error")
    } catch {
      XCTAssertEqual(error, .negativeCount(-2))
    }
  }

  func testProblemEscapingItsThreadIsUnusableButSafe() throws {
    let escaped = GLPK.runOnDedicatedThread { () -> GLPKProblem? in
      try? TestModels.tinyMIP()
    }
    let p = try XCTUnwrap(escaped)
    XCTAssertThrowsError(try p.addRows(1)) { error in
      XCTAssertEqual(error as? GLPKError, .environmentReleased)
    }
    XCTAssertEqual(p.rows, 0)
    let r = p.solveMIP()
    XCTAssertEqual(r.termination, .invalidModel)
    XCTAssertTrue(r.raw.contains("freed"), r.raw)
    // Dropping `p` here must not touch the freed GLPK memory.
  }

  func testProblemUsedFromAnotherThreadThrows() throws {
    let p = try TestModels.tinyLP()
    let error = GLPK.runOnDedicatedThread { () -> GLPKError? in
      do {
        try p.setObjective(1, 1)
        return nil
      } catch let error as GLPKError {
        return error
      } catch {
        return nil
      }
    }
    XCTAssertEqual(error, .wrongThread)
    XCTAssertEqual(p.solveLP().termination, .optimal)
  }
}
