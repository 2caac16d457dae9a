import Foundation

/// Writes files so that readers see either the old file or the whole new one, never a part.
public enum AtomicFile {
  /// Writes `data` to a temporary file beside `url`, flushes it, then renames it over `url`.
  public static func write(_ data: Data, to url: URL) throws {
    let dir = url.deletingLastPathComponent()
    let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
    guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: tmp.path])
    }
    let fd = open(tmp.path, O_RDONLY)
    if fd >= 0 {
      fsync(fd)
      close(fd)
    }
    if rename(tmp.path, url.path) != 0 {
      let e = errno
      unlink(tmp.path)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, "errno": e])
    }
  }

  /// Writes UTF-8 text atomically.
  public static func write(_ text: String, to url: URL) throws {
    try write(Data(text.utf8), to: url)
  }
}
