/// A mixed-integer linear program in plain arrays, independent of any solver.
/// Indices are 0-based; infinite bounds mean a free side.
public struct SparseModel: Sendable {
  public var columnNames: [String] = []
  public var columnLower: [Double] = []
  public var columnUpper: [Double] = []
  public var columnIsInteger: [Bool] = []
  public var objective: [Double] = []
  public var rowNames: [String] = []
  public var rowLower: [Double] = []
  public var rowUpper: [Double] = []
  /// Nonzeros as (row, column, value) triplets.
  public var entryRow: [Int32] = []
  public var entryColumn: [Int32] = []
  public var entryValue: [Double] = []
  /// Constant added to the objective.
  public var objectiveConstant = 0.0

  public init() {}

  public var columnCount: Int { columnNames.count }
  public var rowCount: Int { rowNames.count }
  public var nonzeroCount: Int { entryValue.count }
  public var integerColumnCount: Int { columnIsInteger.lazy.filter { $0 }.count }

  /// Adds a column and returns its index.
  @discardableResult
  public mutating func addColumn(
    _ name: String, lower: Double, upper: Double, integer: Bool, cost: Double
  ) -> Int {
    columnNames.append(name)
    columnLower.append(lower)
    columnUpper.append(upper)
    columnIsInteger.append(integer)
    objective.append(cost)
    return columnNames.count - 1
  }

  /// Adds a row Σ coef·x within [lower, upper] and returns its index.
  @discardableResult
  public mutating func addRow(
    _ name: String, _ terms: [(Int, Double)], lower: Double = -.infinity,
    upper: Double = .infinity
  ) -> Int {
    let r = rowNames.count
    rowNames.append(name)
    rowLower.append(lower)
    rowUpper.append(upper)
    for (c, v) in terms where v != 0 {
      entryRow.append(Int32(r))
      entryColumn.append(Int32(c))
      entryValue.append(v)
    }
    return r
  }

  /// Objective value of a point (constant included).
  public func objectiveValue(_ x: [Double]) -> Double {
    var s = objectiveConstant
    for (j, c) in objective.enumerated() where c != 0 { s += c * x[j] }
    return s
  }

  /// Largest violation of rows and bounds by a point.
  public func maxViolation(_ x: [Double]) -> Double {
    var act = Array(repeating: 0.0, count: rowCount)
    for e in 0..<entryValue.count { act[Int(entryRow[e])] += entryValue[e] * x[Int(entryColumn[e])] }
    var worst = 0.0
    for r in 0..<rowCount {
      worst = max(worst, rowLower[r] - act[r], act[r] - rowUpper[r])
    }
    for j in 0..<columnCount {
      worst = max(worst, columnLower[j] - x[j], x[j] - columnUpper[j])
    }
    return worst
  }
}

extension SparseModel {
  /// The entries column by column: column j's are `start[j]..<start[j + 1]`, with their rows
  /// and values (in entry order within a column).
  func columnMajorEntries() -> (start: [Int], row: [Int32], value: [Double]) {
    let n = columnCount
    var start = Array(repeating: 0, count: n + 1)
    for e in 0..<entryValue.count { start[Int(entryColumn[e]) + 1] += 1 }
    for j in 0..<n { start[j + 1] += start[j] }
    var next = start
    var row = Array(repeating: Int32(0), count: entryValue.count)
    var value = Array(repeating: 0.0, count: entryValue.count)
    for e in 0..<entryValue.count {
      let j = Int(entryColumn[e])
      row[next[j]] = entryRow[e]
      value[next[j]] = entryValue[e]
      next[j] += 1
    }
    return (start, row, value)
  }
}
