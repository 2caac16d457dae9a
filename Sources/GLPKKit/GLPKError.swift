/// An error thrown by GLPKKit instead of letting GLPK abort the process.
///
/// Every public call validates its arguments before it reaches GLPK, whose
/// own error handling ends in `abort()`. Positions in array payloads are
/// 0-based offsets into the arrays the caller passed; row and column indices
/// are GLPK's 1-based indices.
public enum GLPKError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A row index outside `1...rows`.
  case rowIndexOutOfRange(Int, rows: Int)
  /// A column index outside `1...columns`.
  case columnIndexOutOfRange(Int, columns: Int)
  /// A negative number of rows or columns to add.
  case negativeCount(Int)
  /// Adding rows or columns would exceed GLPK's limit of 100 000 000.
  case tooMany(kind: String, existing: Int, adding: Int)
  /// A row, column or problem name GLPK would reject.
  case invalidName(String, reason: String)
  /// A NaN or infinite number where a finite one is required.
  case nonFiniteValue(what: String, value: Double)
  /// Bounds with a lower bound above the upper bound.
  case invalidBounds(lower: Double, upper: Double)
  /// An integer column whose bounds contain no integer once rounded.
  case emptyIntegerRange(column: Int, lower: Double, upper: Double)
  /// The three coordinate arrays of a matrix differ in length.
  case mismatchedLengths(rows: Int, columns: Int, values: Int)
  /// A matrix entry whose row index is outside `1...rows`.
  case matrixRowOutOfRange(position: Int, row: Int32, rows: Int)
  /// A matrix entry whose column index is outside `1...columns`.
  case matrixColumnOutOfRange(position: Int, column: Int32, columns: Int)
  /// A matrix entry that is NaN or infinite.
  case nonFiniteMatrixValue(position: Int, value: Double)
  /// Two matrix entries for the same (row, column) pair.
  case duplicateMatrixEntry(
    row: Int, column: Int, firstPosition: Int, secondPosition: Int)
  /// A problem used from a thread other than the one that created it.
  case wrongThread
  /// A problem whose GLPK environment was already freed.
  case environmentReleased
  /// A file path GLPK cannot use.
  case invalidPath(String)
  /// GLPK could not write a file; carries GLPK's message.
  case fileWriteFailed(path: String, message: String)
  /// GLPK could not read a file; carries GLPK's message.
  case fileReadFailed(path: String, message: String)
  /// The MathProg translator failed at a stage; carries GLPK's message.
  case mathProgFailed(stage: String, message: String)
  /// The linked GLPK is outside the supported range 4.65…5.x.
  case unsupportedVersion(String)
  /// A basis whose row or column count differs from the problem's.
  case basisSizeMismatch(basisRows: Int, basisColumns: Int, rows: Int, columns: Int)

  /// A lower-case, single-line description of the error.
  public var description: String {
    switch self {
    case .rowIndexOutOfRange(let i, let rows):
      return "row index \(i) out of range 1...\(rows)"
    case .columnIndexOutOfRange(let j, let columns):
      return "column index \(j) out of range 1...\(columns)"
    case .negativeCount(let n):
      return "cannot add a negative number (\(n)) of rows or columns"
    case .tooMany(let kind, let existing, let adding):
      return "cannot add \(adding) \(kind) to \(existing): "
        + "glpk allows at most 100000000"
    case .invalidName(let name, let reason):
      return "invalid name \(name.debugDescription): \(reason)"
    case .nonFiniteValue(let what, let value):
      return "\(what) must be finite, got \(value)"
    case .invalidBounds(let lower, let upper):
      return "lower bound \(lower) exceeds upper bound \(upper)"
    case .emptyIntegerRange(let column, let lower, let upper):
      return "integer column \(column) has no integer in [\(lower), \(upper)]"
    case .mismatchedLengths(let rows, let columns, let values):
      return "matrix arrays differ in length: rows \(rows), "
        + "columns \(columns), values \(values)"
    case .matrixRowOutOfRange(let position, let row, let rows):
      return "matrix entry \(position): row \(row) out of range 1...\(rows)"
    case .matrixColumnOutOfRange(let position, let column, let columns):
      return "matrix entry \(position): column \(column) "
        + "out of range 1...\(columns)"
    case .nonFiniteMatrixValue(let position, let value):
      return "matrix entry \(position): value must be finite, got \(value)"
    case .duplicateMatrixEntry(let row, let column, let first, let second):
      return "duplicate matrix entry (\(row), \(column)) "
        + "at positions \(first) and \(second)"
    case .wrongThread:
      return "glpk problem used from a thread other than the one "
        + "that created it"
    case .environmentReleased:
      return "glpk problem used after its thread's environment was freed"
    case .invalidPath(let path):
      return "invalid file path \(path.debugDescription)"
    case .fileWriteFailed(let path, let message):
      return "cannot write \(path): \(message)"
    case .fileReadFailed(let path, let message):
      return "cannot read \(path): \(message)"
    case .mathProgFailed(let stage, let message):
      return "mathprog \(stage) failed: \(message)"
    case .unsupportedVersion(let version):
      return "glpk \(version) is not supported; need 4.65 to 5.x"
    case .basisSizeMismatch(let basisRows, let basisColumns, let rows, let columns):
      return "basis of \(basisRows) rows and \(basisColumns) columns given to a problem of \(rows) rows and \(columns) columns"
    }
  }
}
