import Foundation

/// Turns a file URL into a path GLPK can open, or throws.
enum FilePath {
  /// The POSIX path of `url`; throws for non-file URLs and NUL bytes.
  static func of(_ url: URL) throws(GLPKError) -> String {
    guard url.isFileURL else { throw .invalidPath(url.absoluteString) }
    let path = url.path
    guard !path.isEmpty, !path.utf8.contains(0) else {
      throw .invalidPath(path)
    }
    return path
  }
}

/// Trims GLPK's captured terminal text for an error message.
func summarize(_ output: String) -> String {
  let lines = output.split(whereSeparator: \.isNewline)
    .map { $0.trimmingCharacters(in: .whitespaces) }
    .filter { !$0.isEmpty }
  return lines.isEmpty ? "glpk reported no details" : lines.joined(separator: "; ")
}
