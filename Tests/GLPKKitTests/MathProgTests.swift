import Foundation
import GLPKKit
import XCTest

final class MathProgTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("glpkkit-mpl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try FileManager.default.removeItem(at: directory)
  }

  private func file(_ name: String, _ text: String) throws -> URL {
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  /// The tiny MIP of `TestModels.tinyMIP` in MathProg, data separate.
  private let model = """
    set J;
    param v{J}; param w{J}; param a{J};
    var x{J} >= 0, integer;
    maximize value: sum{j in J} v[j] * x[j];
    s.t. capacity: sum{j in J} w[j] * x[j] <= 24;
    s.t. mix: sum{j in J} a[j] * x[j] <= 6;
    solve;
    printf "chosen %g\\n", sum{j in J} x[j];
    data;
    set J := p q r;
    param v := p 1 q 1 r 1;
    param w := p 1 q 1 r 1;
    param a := p 1 q 1 r 1;
    end;
    """

  private let data = """
    data;
    set J := x y;
    param v := x 5 y 4;
    param w := x 6 y 4;
    param a := x 1 y 2;
    end;
    """

  func testSolveTinyModelWithSeparateData() throws {
    let (r, problem) = try MathProg.solve(
      model: file("tiny.mod", model), data: file("tiny.dat", data),
      options: MIPOptions())
    XCTAssertEqual(r.termination, .optimal)
    XCTAssertEqual(try XCTUnwrap(r.objective), 20, accuracy: 1e-9)
    XCTAssertEqual(problem.columns, 2)
    XCTAssertEqual(problem.rows, 3)  // the objective is row 1 in MathProg
    let x = try XCTUnwrap(problem.columnIndex(named: "x[x]"))
    let y = try XCTUnwrap(problem.columnIndex(named: "x[y]"))
    XCTAssertEqual(r.columnValues[x], 4)
    XCTAssertEqual(r.columnValues[y], 0)
  }

  func testModelDataSectionIsUsedWithoutDataFile() throws {
    let (r, problem) = try MathProg.solve(
      model: file("tiny.mod", model), data: nil, options: MIPOptions())
    XCTAssertEqual(problem.columns, 3)
    XCTAssertEqual(try XCTUnwrap(r.objective), 6, accuracy: 1e-9)
  }

  func testPostsolveOutputReachesTheTerminalHook() throws {
    let modelURL = try file("tiny.mod", model)
    let dataURL = try file("tiny.dat", data)
    let (_, output) = try GLPK.capturingOutput { () throws(GLPKError) in
      _ = try MathProg.solve(model: modelURL, data: dataURL)
    }
    XCTAssertTrue(output.contains("chosen 4"), output)
  }

  func testBuildOnlyTranslates() throws {
    let problem = try MathProg.build(
      model: file("tiny.mod", model), data: file("tiny.dat", data))
    XCTAssertEqual(problem.integerColumns, 2)
    XCTAssertEqual(try problem.direction(), .maximize)
  }

  func testSyntaxErrorThrowsWithGLPKMessage() throws {
    let bad = try file("bad.mod", "var x >= 0;\nmaximize z: x +;\nend;\n")
    XCTAssertThrowsError(try MathProg.solve(model: bad, data: nil)) { error in
      guard case .mathProgFailed(let stage, let message) = error as? GLPKError
      else { return XCTFail("\(error)") }
      XCTAssertEqual(stage, "model")
      XCTAssertTrue(message.contains("bad.mod:2"), message)
    }
  }

  func testDataErrorsAndGenerationErrorsThrow() throws {
    let modelURL = try file("tiny.mod", model)
    let badData = try file("bad.dat", "data;\nfoo bar;\nend;\n")
    XCTAssertThrowsError(try MathProg.solve(model: modelURL, data: badData)) {
      error in
      guard case .mathProgFailed(let stage, _) = error as? GLPKError else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual(stage, "data")
    }
    let missing = try file(
      "missing.dat", "data;\nset J := x y;\nparam v := x 5 y 4;\nend;\n")
    XCTAssertThrowsError(try MathProg.solve(model: modelURL, data: missing)) {
      error in
      guard case .mathProgFailed(let stage, let message) = error as? GLPKError
      else { return XCTFail("\(error)") }
      XCTAssertEqual(stage, "generate")
      XCTAssertTrue(message.contains("no value"), message)
    }
    let nowhere = directory.appendingPathComponent("nowhere.mod")
    XCTAssertThrowsError(try MathProg.build(model: nowhere)) { error in
      guard case .mathProgFailed("model", _) = error as? GLPKError else {
        return XCTFail("\(error)")
      }
    }
  }
}
