import CGLPK

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Work handed to a dedicated pthread: runs the body, then frees GLPK's
/// environment of that thread.
///
/// The body is not `Sendable`; this is safe because the starting thread
/// blocks in `pthread_join` until the body has finished, so the two
/// threads never run at the same time.
final class DedicatedThreadJob<T, E: Error>: @unchecked Sendable {
  private let body: () throws(E) -> T
  private var outcome: Result<T, E>?
  private var thread: pthread_t?

  init(_ body: @escaping () throws(E) -> T) {
    self.body = body
  }

  /// Starts the thread; returns false if the thread could not be created.
  func start(stackSize: Int) -> Bool {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    let page = max(sysconf(Int32(_SC_PAGESIZE)), 4096)
    let minimum = 1 << 20
    let size = (max(stackSize, minimum) + page - 1) / page * page
    pthread_attr_setstacksize(&attributes, size)
    let context = Unmanaged.passRetained(self as AnyObject).toOpaque()
    var handle = pthread_t()
    let status = pthread_create(
      &handle, &attributes,
      { raw in
        guard let raw else { return nil }
        let object = Unmanaged<AnyObject>.fromOpaque(raw).takeRetainedValue()
        (object as? any DedicatedThreadRunnable)?.runOnThisThread()
        return nil
      }, context)
    guard status == 0 else {
      Unmanaged<AnyObject>.fromOpaque(context).release()
      return false
    }
    thread = handle
    return true
  }

  /// Waits for the thread and returns the body's outcome.
  func result() -> Result<T, E> {
    if let thread {
      pthread_join(thread, nil)
    }
    guard let outcome else {
      preconditionFailure("dedicated thread ended without a result")
    }
    return outcome
  }
}

/// The non-generic entry point the C thread function can call.
protocol DedicatedThreadRunnable: AnyObject {
  /// Runs the job on the calling (dedicated) thread.
  func runOnThisThread()
}

extension DedicatedThreadJob: DedicatedThreadRunnable {
  func runOnThisThread() {
    outcome = Result { () throws(E) -> T in try body() }
    ThreadEnvironment.releaseCurrent()
  }
}
