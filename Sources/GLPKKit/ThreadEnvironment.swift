import CGLPK
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The per-thread GLPK environment and the hooks installed into it.
///
/// GLPK keeps its environment (memory blocks, hooks, terminal settings) in
/// thread-local storage, so every problem belongs to the thread that created
/// it. This object stands for one such environment: problems keep a
/// reference to it, refuse to run on other threads, and skip
/// `glp_delete_prob` once `glp_free_env` has released their memory.
final class ThreadEnvironment: @unchecked Sendable {
  /// The thread whose environment this is.
  let thread: pthread_t
  /// Guards `released`, which another thread may read in a `deinit`.
  private let lock = NSLock()
  private var released = false
  /// Captured terminal text while `capture` is active on this thread.
  var captured: [UInt8]? = nil

  private init() {
    thread = pthread_self()
  }

  /// Whether GLPK's memory for this environment is gone (or the thread ended).
  var isReleased: Bool {
    lock.lock()
    defer { lock.unlock() }
    return released
  }

  /// Whether the calling thread owns this environment.
  var isCurrentThread: Bool {
    pthread_equal(thread, pthread_self()) != 0
  }

  /// Throws unless the calling thread may use problems of this environment.
  func checkUsable() throws(GLPKError) {
    guard !isReleased else { throw .environmentReleased }
    guard isCurrentThread else { throw .wrongThread }
  }

  private func markReleased() {
    lock.lock()
    released = true
    lock.unlock()
  }

  /// The thread-local slot holding the current thread's environment object.
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
      // The thread is ending: its GLPK memory is unreachable from now on.
      guard let raw else { return }
      let env = Unmanaged<ThreadEnvironment>.fromOpaque(raw)
      env.takeUnretainedValue().markReleased()
      env.release()
    }
    precondition(status == 0, "pthread_key_create failed: \(status)")
    return key
  }()

  /// The calling thread's environment, with GLPKKit's hooks (re)installed.
  static var current: ThreadEnvironment {
    let env: ThreadEnvironment
    if let raw = pthread_getspecific(key) {
      env = Unmanaged<ThreadEnvironment>.fromOpaque(raw)
        .takeUnretainedValue()
    } else {
      env = ThreadEnvironment()
      pthread_setspecific(key, Unmanaged.passRetained(env).toOpaque())
    }
    env.installHooks()
    return env
  }

  /// Installs the terminal and error hooks into this thread's GLPK
  /// environment (cheap; repeated on every entry point).
  private func installHooks() {
    let info = Unmanaged.passUnretained(self).toOpaque()
    glp_term_hook(terminalHook, info)
    glp_error_hook(errorHook, nil)
  }

  /// Frees the calling thread's GLPK environment with `glp_free_env`.
  ///
  /// All problems created on this thread become unusable; their `deinit`
  /// no longer touches GLPK.
  static func releaseCurrent() {
    if let raw = pthread_getspecific(key) {
      let env = Unmanaged<ThreadEnvironment>.fromOpaque(raw)
      env.takeUnretainedValue().markReleased()
      pthread_setspecific(key, nil)
      env.release()
    }
    glp_free_env()
  }

  /// Runs `body` while collecting all GLPK terminal text of this thread.
  func capture<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (
    T, String
  ) {
    let outer = captured
    captured = []
    defer {
      if let outer, let inner = captured {
        captured = outer + inner
      } else {
        captured = outer
      }
    }
    let value = try body()
    let text = String(decoding: captured ?? [], as: UTF8.self)
    return (value, text)
  }
}

/// Receives every line GLPK prints and routes it away from stdout.
private let terminalHook:
  @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = {
    info, text in
    guard let text else { return 1 }
    let length = strlen(text)
    if let info {
      let env = Unmanaged<ThreadEnvironment>.fromOpaque(info)
        .takeUnretainedValue()
      if env.captured != nil {
        text.withMemoryRebound(to: UInt8.self, capacity: length) {
          env.captured?.append(contentsOf: UnsafeBufferPointer(
            start: $0, count: length))
        }
      }
    }
    if glp_at_error() != 0 || GLPK.terminalOutput == .standardError {
      writeToStandardError(UnsafeRawPointer(text), length)
    }
    return 1  // non-zero: GLPK must not write the text itself
  }

/// Last resort after a GLPK `xerror`: report and exit(70) (EX_SOFTWARE).
///
/// GLPK would call `abort()` once this hook returns; Swift cannot
/// `longjmp` out, and inputs are validated beforehand, so reaching this is
/// a bug in GLPKKit or GLPK.
private let errorHook: @convention(c) (UnsafeMutableRawPointer?) -> Void = {
  _ in
  let message =
    "glpkkit: internal solver error: glpk failed (message above); "
    + "exiting with status 70\n"
  message.utf8CString.withUnsafeBufferPointer {
    if let base = $0.baseAddress {
      writeToStandardError(UnsafeRawPointer(base), $0.count - 1)
    }
  }
  exit(70)
}

/// Writes raw bytes to stderr with `write(2)`, retrying short writes.
func writeToStandardError(_ bytes: UnsafeRawPointer, _ count: Int) {
  var offset = 0
  while offset < count {
    let n = write(STDERR_FILENO, bytes + offset, count - offset)
    if n > 0 {
      offset += n
    } else if n < 0 && errno == EINTR {
      continue
    } else {
      return
    }
  }
}
