import GLPKKit
import XCTest

/// Every misuse must throw; none may reach GLPK (which would abort).
final class ValidationTests: XCTestCase {
  private func assertThrows(
    _ expected: (GLPKError) -> Bool, file: StaticString = #filePath,
    line: UInt = #line, _ body: () throws -> Void
  ) {
    do {
      try body()
      XCTFail("expected an error", file: file, line: line)
    } catch let error as GLPKError {
      XCTAssertTrue(expected(error), "\(error)", file: file, line: line)
      let first = String(error.description.prefix(1))
      XCTAssertEqual(first, first.lowercased(), file: file, line: line)
    } catch {
      XCTFail("unexpected \(error)", file: file, line: line)
    }
  }

  func testAddingZeroRowsOrColumnsIsANoOp() throws {
    let p = GLPKProblem()
    XCTAssertEqual(try p.addRows(0), 1)
    XCTAssertEqual(try p.addColumns(0), 1)
    XCTAssertEqual(try p.addRows(3), 1)
    XCTAssertEqual(try p.addRows(0), 4)
    XCTAssertEqual(try p.addColumns(2), 1)
    XCTAssertEqual(try p.addColumns(5), 3)
    XCTAssertEqual(p.rows, 3)
    XCTAssertEqual(p.columns, 7)
  }

  func testCountsAreChecked() {
    let p = GLPKProblem()
    assertThrows({ $0 == .negativeCount(-1) }) { try p.addRows(-1) }
    assertThrows({ if case .tooMany = $0 { true } else { false } }) {
      try p.addColumns(200_000_000)
    }
  }

  func testBadIndicesThrow() throws {
    let p = try TestModels.tinyLP()
    assertThrows({ $0 == .rowIndexOutOfRange(0, rows: 2) }) {
      try p.setRowBounds(0, .free)
    }
    assertThrows({ $0 == .rowIndexOutOfRange(3, rows: 2) }) {
      try p.setRowName(3, "r")
    }
    assertThrows({ $0 == .columnIndexOutOfRange(3, columns: 2) }) {
      try p.setColumnBounds(3, .free)
    }
    assertThrows({ $0 == .columnIndexOutOfRange(-1, columns: 2) }) {
      try p.setObjective(-1, 1)
    }
    assertThrows({ $0 == .columnIndexOutOfRange(0, columns: 2) }) {
      try p.setColumnKind(0, .binary)
    }
    assertThrows({ $0 == .columnIndexOutOfRange(9, columns: 2) }) {
      try p.setColumnName(9, "x")
    }
  }

  func testNonFiniteAndInvertedBoundsThrow() throws {
    let p = try TestModels.tinyLP()
    assertThrows({ $0 == .invalidBounds(lower: 2, upper: 1) }) {
      try p.setColumnBounds(1, .double(2, 1))
    }
    assertThrows({ $0 == .invalidBounds(lower: 5, upper: -5) }) {
      try p.setRowBounds(1, .double(5, -5))
    }
    assertThrows({ if case .nonFiniteValue = $0 { true } else { false } }) {
      try p.setColumnBounds(1, .lower(.nan))
    }
    assertThrows({ if case .nonFiniteValue = $0 { true } else { false } }) {
      try p.setRowBounds(1, .upper(.infinity))
    }
    assertThrows({ if case .nonFiniteValue = $0 { true } else { false } }) {
      try p.setObjective(1, .nan)
    }
    assertThrows({ if case .nonFiniteValue = $0 { true } else { false } }) {
      try p.setObjectiveConstant(-.infinity)
    }
    // The model is unchanged by the rejected calls.
    XCTAssertEqual(try p.columnBounds(1), .double(0, 3))
  }

  func testIntegerBoundsAreRoundedInward() throws {
    let p = GLPKProblem()
    try p.addColumns(3)
    try p.setColumnBounds(1, .double(0.5, 3.7))
    try p.setColumnKind(1, .integer)
    XCTAssertEqual(try p.columnBounds(1), .double(1, 3))
    try p.setColumnKind(2, .integer)
    try p.setColumnBounds(2, .double(-2.0000000001, 2.9999999999))
    XCTAssertEqual(try p.columnBounds(2), .double(-2, 3))
    try p.setColumnKind(3, .binary)
    XCTAssertEqual(try p.columnKind(3), .binary)
    XCTAssertEqual(try p.columnBounds(3), .double(0, 1))
    XCTAssertEqual(p.integerColumns, 3)
    XCTAssertEqual(p.binaryColumns, 1)
    assertThrows({ if case .emptyIntegerRange = $0 { true } else { false } }) {
      try p.setColumnBounds(1, .double(0.2, 0.8))
    }
    assertThrows({ if case .emptyIntegerRange = $0 { true } else { false } }) {
      try p.setColumnBounds(1, .fixed(0.5))
    }
    try p.setColumnKind(1, .continuous)
    try p.setColumnBounds(1, .fixed(0.5))
    XCTAssertEqual(try p.columnBounds(1), .fixed(0.5))
  }

  func testNamesAreChecked() throws {
    let p = try TestModels.tinyLP()
    try p.setRowName(1, String(repeating: "a", count: 255))
    try p.setColumnName(1, "教师_山田")
    XCTAssertEqual(try p.columnName(1), "教师_山田")
    XCTAssertEqual(try p.columnIndex(named: "教师_山田"), 1)
    XCTAssertNil(try p.columnIndex(named: "nobody"))
    assertThrows({ if case .invalidName = $0 { true } else { false } }) {
      try p.setRowName(1, String(repeating: "a", count: 256))
    }
    // 86 three-byte characters are 258 bytes.
    assertThrows({ if case .invalidName = $0 { true } else { false } }) {
      try p.setColumnName(1, String(repeating: "山", count: 86))
    }
    assertThrows({ if case .invalidName = $0 { true } else { false } }) {
      try p.setColumnName(1, "")
    }
    for bad in ["a\tb", "line\n", "nul\u{0}x", "del\u{7F}", "c1\u{85}"] {
      assertThrows({ if case .invalidName = $0 { true } else { false } }) {
        try p.setColumnName(2, bad)
      }
    }
    assertThrows({ if case .invalidName = $0 { true } else { false } }) {
      try p.setName("bad\rname")
    }
  }

  func testMatrixIsValidatedBeforeLoading() throws {
    let p = GLPKProblem()
    try p.addRows(2)
    try p.addColumns(3)
    assertThrows({ $0 == .mismatchedLengths(rows: 2, columns: 1, values: 2) }) {
      try p.loadMatrix(rows: [1, 2], columns: [1], values: [1, 2])
    }
    assertThrows({ $0 == .matrixRowOutOfRange(position: 1, row: 3, rows: 2) }) {
      try p.loadMatrix(rows: [1, 3], columns: [1, 1], values: [1, 2])
    }
    assertThrows({ $0 == .matrixRowOutOfRange(position: 0, row: 0, rows: 2) }) {
      try p.loadMatrix(rows: [0], columns: [1], values: [1])
    }
    assertThrows({
      $0 == .matrixColumnOutOfRange(position: 0, column: 4, columns: 3)
    }) {
      try p.loadMatrix(rows: [1], columns: [4], values: [1])
    }
    assertThrows({
      if case .nonFiniteMatrixValue(position: 2, _) = $0 { true } else { false }
    }) {
      try p.loadMatrix(rows: [1, 2, 2], columns: [1, 1, 2], values: [1, 2, .nan])
    }
    assertThrows({
      $0 == .duplicateMatrixEntry(
        row: 2, column: 3, firstPosition: 1, secondPosition: 4)
    }) {
      try p.loadMatrix(
        rows: [1, 2, 1, 2, 2], columns: [1, 3, 3, 1, 3],
        values: [1, 2, 3, 4, 5])
    }
    XCTAssertEqual(p.nonzeros, 0)
    try p.loadMatrix(
      rows: [1, 2, 1, 2], columns: [1, 3, 3, 1], values: [1, 2, 3, 0])
    XCTAssertEqual(p.nonzeros, 3)  // GLPK drops the explicit zero
    try p.loadMatrix(rows: [], columns: [], values: [])
    XCTAssertEqual(p.nonzeros, 0)
  }

  func testLargeMatrixLoadsAndFindsLateDuplicate() throws {
    let p = GLPKProblem()
    let m = 1_000
    let n = 20_000
    try p.addRows(m)
    try p.addColumns(n)
    var rows: [Int32] = []
    var columns: [Int32] = []
    for j in 1...n {
      for k in 0..<5 {
        rows.append(Int32((j * 7 + k * 131) % m + 1))
        columns.append(Int32(j))
      }
    }
    let values = [Double](repeating: 1, count: rows.count)
    try p.loadMatrix(rows: rows, columns: columns, values: values)
    XCTAssertEqual(p.nonzeros, 100_000)
    rows.append(rows[42])
    columns.append(columns[42])
    assertThrows({
      $0 == .duplicateMatrixEntry(
        row: Int(rows[42]), column: Int(columns[42]), firstPosition: 42,
        secondPosition: 100_000)
    }) {
      try p.loadMatrix(rows: rows, columns: columns, values: values + [1])
    }
  }

  func testSolveWithInvalidOptionValuesDoesNotReachGLPK() throws {
    let p = try TestModels.tinyMIP()
    for options in [
      MIPOptions(timeLimit: .nan), MIPOptions(mipGap: -0.1),
      MIPOptions(rootLP: LPOptions(timeLimit: -3)),
    ] {
      XCTAssertEqual(p.solveMIP(options).termination, .invalidModel)
    }
    XCTAssertEqual(
      p.solveLP(LPOptions(timeLimit: -1)).termination, .invalidModel)
  }

  func testVersionIsSupported() throws {
    XCTAssertTrue(GLPK.version.hasPrefix("5.") || GLPK.version.hasPrefix("4."))
    try GLPK.checkVersion()
  }
}
