/// Splits a model into independent parts: columns linked by a row belong together.
/// The objective is a sum over columns, so the parts can be solved separately and exactly.
public struct Decomposition: Sendable {
  /// One independent part: its columns and rows in the full model, ascending.
  public struct Part: Sendable {
    public var columns: [Int]
    public var rows: [Int]
  }
  public var parts: [Part]

  /// Finds the connected components of the column–row graph of `m`.
  public init(_ m: SparseModel) {
    var parent = Array(0..<m.columnCount)
    func find(_ x: Int) -> Int {
      var r = x
      while parent[r] != r { r = parent[r] }
      var y = x
      while parent[y] != r {
        let next = parent[y]
        parent[y] = r
        y = next
      }
      return r
    }
    var firstInRow = Array(repeating: -1, count: m.rowCount)
    for e in 0..<m.entryValue.count {
      let r = Int(m.entryRow[e])
      let c = Int(m.entryColumn[e])
      if firstInRow[r] < 0 {
        firstInRow[r] = c
      } else {
        let a = find(firstInRow[r])
        let b = find(c)
        if a != b { parent[max(a, b)] = min(a, b) }
      }
    }
    var partOf = Array(repeating: -1, count: m.columnCount)
    var parts: [Part] = []
    for c in 0..<m.columnCount {
      let r = find(c)
      if partOf[r] < 0 {
        partOf[r] = parts.count
        parts.append(Part(columns: [], rows: []))
      }
      partOf[c] = partOf[r]
      parts[partOf[c]].columns.append(c)
    }
    for r in 0..<m.rowCount where firstInRow[r] >= 0 {
      parts[partOf[firstInRow[r]]].rows.append(r)
    }
    self.parts = parts
  }

  /// The sub-models of all parts (no objective constant), built in one pass over the entries.
  public func subModels(_ m: SparseModel) -> [SparseModel] {
    var local = Array(repeating: 0, count: m.columnCount)
    var partOfColumn = Array(repeating: 0, count: m.columnCount)
    var localRow = Array(repeating: -1, count: m.rowCount)
    var subs: [SparseModel] = []
    for (p, part) in parts.enumerated() {
      var s = SparseModel()
      for c in part.columns {
        local[c] = s.columnCount
        partOfColumn[c] = p
        s.addColumn(
          m.columnNames[c], lower: m.columnLower[c], upper: m.columnUpper[c],
          integer: m.columnIsInteger[c], cost: m.objective[c])
      }
      for r in part.rows {
        localRow[r] = s.rowCount
        s.rowNames.append(m.rowNames[r])
        s.rowLower.append(m.rowLower[r])
        s.rowUpper.append(m.rowUpper[r])
      }
      subs.append(s)
    }
    for e in 0..<m.entryValue.count {
      let c = Int(m.entryColumn[e])
      let p = partOfColumn[c]
      subs[p].entryRow.append(Int32(localRow[Int(m.entryRow[e])]))
      subs[p].entryColumn.append(Int32(local[c]))
      subs[p].entryValue.append(m.entryValue[e])
    }
    return subs
  }
}
