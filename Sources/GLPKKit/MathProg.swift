import CGLPK
import Foundation

/// Builds and solves GNU MathProg models with GLPK's translator.
///
/// Translator errors come back as `GLPKError.mathProgFailed` carrying
/// GLPK's message, captured through the terminal hook; they never abort.
/// Output of `display` and `printf` statements goes to stderr like all
/// GLPK text (or nowhere, per `GLPK.terminalOutput`).
public enum MathProg {
  /// Translates a model (and optional separate data file) into a problem.
  ///
  /// - Parameters:
  ///   - model: The `.mod` file.
  ///   - data: A `.dat` file; when given, the model's own data section is
  ///     skipped. When nil, the model's data section is used.
  public static func build(model: URL, data: URL? = nil) throws(GLPKError)
    -> GLPKProblem
  {
    try withTranslator(model: model, data: data) { _, problem in problem }
  }

  /// Translates, solves as a MIP, and runs the model's post-solve
  /// statements.
  ///
  /// The problem is solved with `GLPKProblem.solveMIP` (pure LPs too, as
  /// `glp_intopt` accepts them). The statements after `solve` in the model
  /// (`printf`, `display`) run with `glp_mpl_postsolve` only when a
  /// feasible point exists.
  ///
  /// - Parameters:
  ///   - model: The `.mod` file.
  ///   - data: A `.dat` file, or nil to use the model's data section.
  ///   - options: The MIP settings.
  /// - Returns: The solve result and the generated problem (rows and
  ///   columns carry MathProg's names, such as `x[1,2]`).
  public static func solve(
    model: URL, data: URL? = nil, options: MIPOptions = MIPOptions()
  ) throws(GLPKError) -> (SolveResult, GLPKProblem) {
    try withTranslator(model: model, data: data) {
      (tran, problem) throws(GLPKError) -> (SolveResult, GLPKProblem) in
      let result = problem.solveMIP(options)
      if result.primalStatus == .feasiblePoint {
        let (code, output) = problem.environment.capture {
          glp_mpl_postsolve(tran, problem.pointer, GLP_MIP)
        }
        guard code == 0 else {
          throw .mathProgFailed(stage: "postsolve", message: summarize(output))
        }
      }
      return (result, problem)
    }
  }

  /// Runs the translator up to `glp_mpl_build_prob`, then `body`, and
  /// always frees the workspace.
  private static func withTranslator<T>(
    model: URL, data: URL?,
    _ body: (OpaquePointer, GLPKProblem) throws(GLPKError) -> T
  ) throws(GLPKError) -> T {
    let modelPath = try FilePath.of(model)
    let dataPath = try data.map { (url) throws(GLPKError) in
      try FilePath.of(url)
    }
    let environment = ThreadEnvironment.current
    guard let tran = glp_mpl_alloc_wksp() else {
      throw .mathProgFailed(stage: "workspace", message: "allocation failed")
    }
    defer { glp_mpl_free_wksp(tran) }

    func step(_ stage: String, _ call: () -> Int32) throws(GLPKError) {
      let (code, output) = environment.capture(call)
      guard code == 0 else {
        throw .mathProgFailed(stage: stage, message: summarize(output))
      }
    }
    try step("model") {
      glp_mpl_read_model(tran, modelPath, dataPath == nil ? 0 : 1)
    }
    if let dataPath {
      try step("data") { glp_mpl_read_data(tran, dataPath) }
    }
    try step("generate") { glp_mpl_generate(tran, nil) }
    let problem = GLPKProblem()
    glp_mpl_build_prob(tran, problem.pointer)
    return try body(tran, problem)
  }
}
