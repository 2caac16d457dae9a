import CGLPK
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Library-wide GLPK facts and settings: version, output, threads.
public enum GLPK {
  /// The version string of the linked GLPK, such as "5.0".
  public static var version: String {
    String(cString: glp_version())
  }

  /// Throws unless the linked GLPK is between 4.65 and 5.x.
  public static func checkVersion() throws(GLPKError) {
    let text = version
    let parts = text.split(separator: ".").compactMap { Int($0) }
    guard parts.count >= 2 else { throw .unsupportedVersion(text) }
    let (major, minor) = (parts[0], parts[1])
    guard (major == 4 && minor >= 65) || major == 5 else {
      throw .unsupportedVersion(text)
    }
  }

  /// Where GLPK's terminal output goes, for all threads (default stderr).
  ///
  /// GLPK's text never reaches stdout, whatever this says. A fatal GLPK
  /// error message is written to stderr even when output is suppressed.
  public static var terminalOutput: TerminalOutput {
    get { terminalOutputSetting.value }
    set { terminalOutputSetting.value = newValue }
  }

  private static let terminalOutputSetting = LockedValue(
    TerminalOutput.standardError)

  /// Runs `body` and returns its value with all GLPK terminal text that
  /// the calling thread printed meanwhile.
  ///
  /// The text is still routed per `terminalOutput` as well.
  public static func capturingOutput<T, E: Error>(
    _ body: () throws(E) -> T
  ) throws(E) -> (value: T, output: String) {
    let (value, text) = try ThreadEnvironment.current.capture(body)
    return (value, text)
  }

  /// The default stack size of a dedicated solving thread: 256 MiB.
  public static let defaultStackSize = 256 << 20

  /// Runs `body` on a new thread with a large stack, waits for it, and
  /// frees that thread's GLPK environment afterwards.
  ///
  /// GLPK keeps its environment in thread-local storage and recurses deeply
  /// on big models, so build, solve and read back inside `body`. Problems
  /// created in `body` must not escape it: once the thread's environment is
  /// freed they throw `GLPKError.environmentReleased`. The caller's thread
  /// blocks until `body` returns, so call this from a thread that may block
  /// (not from a Swift concurrency executor thread you depend on). Errors
  /// thrown by `body` are rethrown here.
  ///
  /// - Parameters:
  ///   - stackSize: The thread's stack size in bytes (rounded up to pages).
  ///   - body: The work to run on the dedicated thread.
  public static func runOnDedicatedThread<T, E: Error>(
    stackSize: Int = defaultStackSize,
    _ body: () throws(E) -> T
  ) throws(E) -> T {
    try withoutActuallyEscaping(body) { (escapable) throws(E) -> T in
      let job = DedicatedThreadJob<T, E>(escapable)
      if !job.start(stackSize: stackSize) {
        let message = "glpkkit: cannot start a dedicated solving thread; "
          + "running on the calling thread\n"
        message.utf8CString.withUnsafeBufferPointer {
          if let base = $0.baseAddress {
            writeToStandardError(UnsafeRawPointer(base), $0.count - 1)
          }
        }
        return try escapable()
      }
      return try job.result().get()
    }
  }
}

/// A value behind a lock, for global settings read from GLPK's hooks.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value

  init(_ value: Value) { stored = value }

  var value: Value {
    get {
      lock.lock()
      defer { lock.unlock() }
      return stored
    }
    set {
      lock.lock()
      stored = newValue
      lock.unlock()
    }
  }
}
