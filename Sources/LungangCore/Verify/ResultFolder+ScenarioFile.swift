import Foundation

extension ResultFolder {
  /// The scenario file a result folder was solved from (summary.json `scenario_file`), or a
  /// message saying why it cannot be told.
  public static func scenarioFile(of dir: URL) -> Result<String, InputError> {
    let url = dir.appendingPathComponent("summary.json")
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return .failure(InputError([Diagnostic(.error, file: url.path, "cannot read (is this a result folder of `lungang solve`?)")]))
    }
    guard let doc = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
      return .failure(InputError([Diagnostic(.error, file: url.path, "not a JSON object")]))
    }
    guard let file = doc["scenario_file"] as? String, !file.isEmpty else {
      return .failure(InputError([Diagnostic(.error, file: url.path, "has no scenario_file; give the scenario file too")]))
    }
    return .success(file)
  }
}
