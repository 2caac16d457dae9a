import CGLPK

/// An LP/MIP problem owned by GLPK, built and solved through validated calls.
///
/// The class owns a `glp_prob *` and deletes it in `deinit`; the pointer
/// never leaves GLPKKit. GLPK's environment is thread-local, so a problem
/// belongs to the thread that created it: every call from another thread
/// throws `GLPKError.wrongThread`, and a problem dropped on another thread is
/// leaked rather than freed into the wrong environment. Every call checks
/// its arguments first and throws `GLPKError` instead of letting GLPK abort.
public final class GLPKProblem {
  /// The GLPK problem object; internal to the module.
  let pointer: OpaquePointer
  /// The thread environment that allocated `pointer`.
  let environment: ThreadEnvironment
  /// Whether `glp_create_index` has run (needed by name look-ups).
  var hasNameIndex = false

  /// GLPK's limit on the number of rows and of columns.
  static let maximumCount = 100_000_000

  /// Creates an empty problem in the calling thread's GLPK environment.
  public init() {
    environment = ThreadEnvironment.current
    pointer = glp_create_prob()
  }

  /// Wraps a problem created by GLPKKit (file readers, MathProg).
  init(pointer: OpaquePointer, environment: ThreadEnvironment) {
    self.pointer = pointer
    self.environment = environment
  }

  deinit {
    // Free only in the owning, still-live environment; elsewhere GLPK's
    // allocator would corrupt another thread's bookkeeping.
    if environment.isCurrentThread && !environment.isReleased {
      glp_delete_prob(pointer)
    }
  }

  /// The number of rows (constraints); 0 once the environment is freed.
  public var rows: Int { isAlive ? m : 0 }

  /// The number of columns (variables); 0 once the environment is freed.
  public var columns: Int { isAlive ? n : 0 }

  /// The number of stored constraint-matrix entries.
  public var nonzeros: Int { isAlive ? Int(glp_get_num_nz(pointer)) : 0 }

  /// The number of integer columns, binary ones included.
  public var integerColumns: Int {
    isAlive ? Int(glp_get_num_int(pointer)) : 0
  }

  /// The number of binary columns.
  public var binaryColumns: Int {
    isAlive ? Int(glp_get_num_bin(pointer)) : 0
  }

  /// Whether GLPK's memory for this problem still exists.
  var isAlive: Bool { !environment.isReleased }

  /// The row count, read without checks (after `checkThread`).
  var m: Int { Int(glp_get_num_rows(pointer)) }

  /// The column count, read without checks (after `checkThread`).
  var n: Int { Int(glp_get_num_cols(pointer)) }

  /// Throws unless this problem may be used on the calling thread.
  func checkThread() throws(GLPKError) {
    try environment.checkUsable()
  }

  /// Throws unless `i` is a valid 1-based row index.
  func checkRow(_ i: Int) throws(GLPKError) {
    let count = m
    guard i >= 1 && i <= count else {
      throw .rowIndexOutOfRange(i, rows: count)
    }
  }

  /// Throws unless `j` is a valid 1-based column index.
  func checkColumn(_ j: Int) throws(GLPKError) {
    let count = n
    guard j >= 1 && j <= count else {
      throw .columnIndexOutOfRange(j, columns: count)
    }
  }
}

/// A problem is tied to its thread's GLPK environment and must not be sent
/// to another concurrency domain.
@available(*, unavailable)
extension GLPKProblem: Sendable {}
