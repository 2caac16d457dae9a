import Foundation

/// Writes a district's schools.csv, staff.csv and posts.csv into a folder, atomically.
///
/// Each file is written to a temporary file in the same folder and renamed over its target, so
/// a reader never sees half a file. A folder that already holds files is refused unless
/// `force` is set (then the three files are replaced and other files left alone).
public struct DistrictFolderWriter: Sendable {
  public var csv: DistrictCSV
  public var encoding: CSVFileEncoding
  /// Replace files in a non-empty folder.
  public var force: Bool

  public init(csv: DistrictCSV = DistrictCSV(), encoding: CSVFileEncoding = .utf8, force: Bool = false) {
    self.csv = csv
    self.encoding = encoding
    self.force = force
  }

  /// The files written, in order.
  public static let fileNames = ["schools.csv", "staff.csv", "posts.csv"]

  /// Writes the three files into `folder` (created when missing) and returns their URLs.
  /// - Throws: `GeneratorError` for a non-empty folder without `force`, or a write failure.
  @discardableResult
  public func write(_ district: District, to folder: URL) throws -> [URL] {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    if fm.fileExists(atPath: folder.path, isDirectory: &isDir) {
      guard isDir.boolValue else { throw GeneratorError(["\(folder.path) is not a folder"]) }
      let entries = try fm.contentsOfDirectory(atPath: folder.path)
      if !entries.isEmpty && !force {
        throw GeneratorError([
          "\(folder.path) is not empty: choose another folder or pass --force to replace its CSV files"
        ])
      }
    } else {
      try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    let texts = [csv.schools(district), csv.staff(district), csv.posts(district)]
    var urls: [URL] = []
    for (name, text) in zip(DistrictFolderWriter.fileNames, texts) {
      let url = folder.appendingPathComponent(name)
      try DistrictFolderWriter.atomicWrite(try encoding.encode(text), to: url)
      urls.append(url)
    }
    return urls
  }

  /// Writes `data` to a temporary file next to `url`, then renames it over `url`.
  public static func atomicWrite(_ data: Data, to url: URL) throws {
    let dir = url.deletingLastPathComponent()
    let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
    do {
      try data.write(to: tmp)
      if rename(tmp.path, url.path) != 0 {
        throw GeneratorError(["cannot rename \(tmp.path) to \(url.path): errno \(errno)"])
      }
    } catch {
      try? FileManager.default.removeItem(at: tmp)
      if let e = error as? GeneratorError { throw e }
      throw GeneratorError(["cannot write \(url.path): \(error.localizedDescription)"])
    }
  }
}
