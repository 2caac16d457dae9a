import Foundation

/// Reads an input file whole, refusing what is not a regular file or is larger than a bound.
///
/// A district folder or an `extends` may name a device, a pipe or a socket (`/dev/zero`, a
/// FIFO): reading one never ends, or ends in a misleading error. Those are refused by type
/// before any byte is read, and so is a file larger than the caller's bound.
enum InputFile {
  /// The bytes of `url` (symbolic links followed), or the problem in a diagnostic's words.
  static func read(_ url: URL, maxBytes: Int = Int.max) -> Result<Data, Problem> {
    let path = url.resolvingSymlinksInPath().path
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: path)
    } catch {
      return .failure(Problem("cannot read the file: \(error.localizedDescription)"))
    }
    if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
      return .failure(
        Problem(type == .typeDirectory ? "a folder, not a file" : "not a regular file (a device, pipe or socket)"))
    }
    if let size = (attributes[.size] as? NSNumber)?.int64Value, size > Int64(maxBytes) {
      return .failure(Problem("the file has \(size) bytes; at most \(maxBytes) are read"))
    }
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      // A file that grew between the check and the read.
      if data.count > maxBytes { return .failure(Problem("the file has more than \(maxBytes) bytes")) }
      return .success(data)
    } catch {
      return .failure(Problem("cannot read the file: \(error.localizedDescription)"))
    }
  }

  /// Why a file was not read.
  struct Problem: Error {
    let message: String
    init(_ message: String) { self.message = message }
  }
}
