import CGLPK
import Foundation
import XCTest

@testable import GLPKKit

#if canImport(Glibc)
  import Glibc
#endif

/// The last-resort error hook turns GLPK's abort into exit(70).
final class ErrorHookTests: XCTestCase {
  func testGLPKErrorExitsWith70AndReportsOnStderr() throws {
    let p = GLPKProblem()  // installs the hooks on this thread
    var pipeEnds: [Int32] = [0, 0]
    XCTAssertEqual(pipe(&pipeEnds), 0)
    fflush(nil)
    let child = fork()
    XCTAssertGreaterThanOrEqual(child, 0)
    if child == 0 {
      // Child: stderr into the pipe, then misuse GLPK on purpose.
      dup2(pipeEnds[1], STDERR_FILENO)
      close(pipeEnds[0])
      glp_add_rows(p.pointer, 0)  // GLPK: "nrs = 0; invalid number of rows"
      _exit(99)  // not reached: the hook exits with 70
    }
    close(pipeEnds[1])
    var output = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = read(pipeEnds[0], &buffer, buffer.count)
      if n <= 0 { break }
      output += buffer[0..<n]
    }
    close(pipeEnds[0])
    var status: Int32 = 0
    waitpid(child, &status, 0)
    let exited = (status & 0x7f) == 0
    XCTAssertTrue(exited, "child was killed by signal \(status & 0x7f)")
    XCTAssertEqual((status >> 8) & 0xff, 70)
    let text = String(decoding: output, as: UTF8.self)
    XCTAssertTrue(text.contains("glp_add_rows"), text)
    XCTAssertTrue(text.contains("internal solver error"), text)
  }
}
