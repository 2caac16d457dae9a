import Foundation
import GLPKKit
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// GLPK prints to stdout by default; GLPKKit must keep stdout clean.
final class TerminalOutputTests: XCTestCase {
  /// Runs `body` with file descriptor `fd` redirected into a temporary
  /// file and returns what was written there.
  private func redirecting(_ fd: Int32, _ body: () throws -> Void) throws
    -> String
  {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("glpkkit-fd\(fd)-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    fflush(nil)
    let saved = dup(fd)
    let sink = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    XCTAssertGreaterThanOrEqual(sink, 0)
    dup2(sink, fd)
    close(sink)
    defer {
      fflush(nil)
      dup2(saved, fd)
      close(saved)
    }
    try body()
    fflush(nil)
    return try String(contentsOf: url, encoding: .utf8)
  }

  private func noisyWork(in directory: URL) throws {
    let p = try TestModels.tinyMIP()
    _ = p.solveMIP(MIPOptions(cuts: .all, messageLevel: .all))
    _ = p.solveLP(LPOptions(messageLevel: .all))
    try p.writeLP(to: directory.appendingPathComponent("t.lp"))
    try p.writeMPS(to: directory.appendingPathComponent("t.mps"))
    _ = try GLPKProblem.readMPS(from: directory.appendingPathComponent("t.mps"))
  }

  private func makeDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("glpkkit-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true)
    return url
  }

  func testStdoutStaysEmptyAndTextGoesToStderr() throws {
    let saved = GLPK.terminalOutput
    GLPK.terminalOutput = .standardError
    defer { GLPK.terminalOutput = saved }
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var stderrText = ""
    let stdoutText = try redirecting(STDOUT_FILENO) {
      stderrText = try redirecting(STDERR_FILENO) {
        try noisyWork(in: directory)
      }
    }
    XCTAssertEqual(stdoutText, "")
    XCTAssertTrue(stderrText.contains("Writing problem data"), stderrText)
    XCTAssertTrue(stderrText.contains("INTEGER OPTIMAL SOLUTION FOUND"))
  }

  func testCapturedTextReachesTheHook() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, output) = try GLPK.capturingOutput {
      try noisyWork(in: directory)
    }
    XCTAssertTrue(output.contains("Writing problem data"), output)
    XCTAssertTrue(output.contains("Reading problem data"), output)
    XCTAssertTrue(output.contains("OPTIMAL"), output)
  }

  func testSuppressedOutputWritesNothingButIsStillCaptured() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    GLPK.terminalOutput = .suppressed
    defer { GLPK.terminalOutput = .standardError }
    var captured = ""
    var stderrText = ""
    let stdoutText = try redirecting(STDOUT_FILENO) {
      stderrText = try redirecting(STDERR_FILENO) {
        captured = try GLPK.capturingOutput { try noisyWork(in: directory) }
          .output
      }
    }
    XCTAssertEqual(stdoutText, "")
    XCTAssertEqual(stderrText, "")
    XCTAssertTrue(captured.contains("Writing problem data"), captured)
  }
}
