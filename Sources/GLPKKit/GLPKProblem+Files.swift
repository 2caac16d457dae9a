import CGLPK
import Foundation

extension GLPKProblem {
  /// Writes the problem in CPLEX LP format.
  ///
  /// GLPK's "Writing problem data to..." goes through the terminal hook to
  /// stderr (or nowhere), never to stdout. Invalid names are replaced by
  /// GLPK's generic ones in the file.
  public func writeLP(to url: URL) throws(GLPKError) {
    try checkThread()
    let path = try FilePath.of(url)
    let (code, output) = ThreadEnvironment.current.capture {
      glp_write_lp(pointer, nil, path)
    }
    guard code == 0 else {
      throw .fileWriteFailed(path: path, message: summarize(output))
    }
  }

  /// Writes the problem in free (modern) MPS format.
  ///
  /// MPS carries no objective direction: `readMPS` gives a minimization
  /// problem, so set the direction again after reading a maximization.
  public func writeMPS(to url: URL) throws(GLPKError) {
    try checkThread()
    let path = try FilePath.of(url)
    let (code, output) = ThreadEnvironment.current.capture {
      glp_write_mps(pointer, GLP_MPS_FILE, nil, path)
    }
    guard code == 0 else {
      throw .fileWriteFailed(path: path, message: summarize(output))
    }
  }

  /// Reads a problem from a free-format MPS file on the calling thread.
  ///
  /// Parse errors are thrown as `fileReadFailed` with GLPK's message.
  public static func readMPS(from url: URL) throws(GLPKError) -> GLPKProblem {
    let path = try FilePath.of(url)
    let problem = GLPKProblem()
    let (code, output) = problem.environment.capture {
      glp_read_mps(problem.pointer, GLP_MPS_FILE, nil, path)
    }
    guard code == 0 else {
      throw .fileReadFailed(path: path, message: summarize(output))
    }
    return problem
  }

  /// Reads a problem from a CPLEX LP file on the calling thread.
  ///
  /// Parse errors are thrown as `fileReadFailed` with GLPK's message.
  public static func readLP(from url: URL) throws(GLPKError) -> GLPKProblem {
    let path = try FilePath.of(url)
    let problem = GLPKProblem()
    let (code, output) = problem.environment.capture {
      glp_read_lp(problem.pointer, nil, path)
    }
    guard code == 0 else {
      throw .fileReadFailed(path: path, message: summarize(output))
    }
    return problem
  }
}
