import Foundation
import XCTest

@testable import LungangCore

/// Mutation tests of `DistrictLoader` on the tiny district (Scenarios/tiny plus a posts.csv):
/// every mutated folder either loads or is rejected with well-formed diagnostics, never a trap.
///
/// Seeds are fixed (the test name says which file is mutated); a failure message names the
/// seed, the case and the mutations, so `Mutator(seed:)` replays it.
final class DistrictLoaderMutationTests: XCTestCase {
  private let names = ["schools.csv", "staff.csv", "posts.csv"]

  /// Writes the three files, the one at `index` replaced by `mutated`, and checks the property.
  private func check(
    mutating index: Int, cases: Int, seed: UInt64, sourceLine: UInt = #line
  ) {
    var m = Mutator(seed: seed)
    let base = [TinyFiles.schools, TinyFiles.staff, TinyFiles.posts]
    var loaded = 0
    let f = FixtureFolder()
    let start = Date()
    for c in 0..<cases {
      var files = base
      let (bytes, what) = m.mutate(base[index])
      files[index] = bytes
      for (name, data) in zip(names, files) { f.write(name, data: Data(data)) }
      let context = "seed \(seed) case \(c): \(names[index]) \(what)"
      if assertLoadsOrReports(
        f, files: Dictionary(uniqueKeysWithValues: zip(names, files)), context, sourceLine: sourceLine
      ).loaded {
        loaded += 1
      }
    }
    // Some mutations (a duplicated blank, a swapped pair of equal fields) leave a valid file;
    // most must be caught. Both outcomes are exercised.
    XCTAssertGreaterThan(loaded, 0, line: sourceLine)
    XCTAssertLessThan(loaded, cases, line: sourceLine)
    XCTAssertLessThan(Date().timeIntervalSince(start), 60, "blow-up", line: sourceLine)
  }

  func testMutatedSchoolsFile() { check(mutating: 0, cases: 300, seed: 0x5C400) }

  func testMutatedStaffFile() { check(mutating: 1, cases: 400, seed: 0x57AFF) }

  func testMutatedPostsFile() { check(mutating: 2, cases: 200, seed: 0x9057) }

  /// Truncation at every byte offset of schools.csv and posts.csv, and at 150 seeded offsets
  /// of staff.csv.
  func testTruncationAtEveryOffset() {
    let f = FixtureFolder()
    let base = [TinyFiles.schools, TinyFiles.staff, TinyFiles.posts]
    var m = Mutator(seed: 0x7A11)
    for index in 0..<3 {
      let offsets = index == 1
        ? (0..<150).map { _ in m.int(base[1].count + 1) } : Array(0...base[index].count)
      for cut in offsets {
        var files = base
        files[index] = Array(base[index][..<cut])
        for (name, data) in zip(names, files) { f.write(name, data: Data(data)) }
        assertLoadsOrReports(
          f, files: Dictionary(uniqueKeysWithValues: zip(names, files)),
          "\(names[index]) cut at \(cut)")
      }
    }
  }
}
