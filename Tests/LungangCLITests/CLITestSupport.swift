import Foundation
import XCTest

// Support for the end-to-end tests: locating the built `lungang` binary, running it with
// `Process` (in the style of swift-argument-parser's `AssertExecuteCommand`), temp folders,
// and a small CSV reader that is independent of LungangCore.
//
// How the binary is found. The test target depends only on LungangCore (Package.swift is
// not ours to change), so nothing in the package graph says "build lungang before these
// tests". In practice `swift test` builds every target of the package, executables
// included (it uses the same build subset as `swift build --build-tests`), so the binary
// sits next to the test bundle in the products directory, e.g. `.build/debug/lungang`.
// `$LUNGANG_BINARY` (an explicit path) wins; else we take the products directory of the
// running test bundle and insist on the binary there (never a stale one of another scratch
// path); only when that directory cannot be told, `.build/debug/lungang` upwards from this
// file. If no binary is found, every test fails saying to run `swift build` first with the
// same --scratch-path (`swift build && swift test`, the README's command, always works).

/// A failure to set up a test, shown as the test's error.
struct CLITestError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// The result of one run of a program.
struct RunResult {
  var status: Int32
  var stdout: Data
  var stderr: Data
  var out: String { String(decoding: stdout, as: UTF8.self) }
  var err: String { String(decoding: stderr, as: UTF8.self) }
  /// stderr split into non-empty lines.
  var errLines: [String] { err.split(separator: "\n").map(String.init) }
}

enum CLI {
  /// The package root: the folder holding Package.swift, found upwards from this file.
  static let packageRoot: URL = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while dir.path != "/" {
      if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
        return dir
      }
      dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }()

  /// The products directory of this build (`.build/debug`, or `<scratch>/debug`): where
  /// the running test bundle lies. On Linux the bundle is an executable in it and
  /// `Bundle.main.bundleURL` is that directory; on macOS the .xctest bundle lies in it.
  static func productsDirectory() -> URL? {
    let fm = FileManager.default
    var dirs: [URL] = []
    for b in Bundle.allBundles where b.bundlePath.hasSuffix(".xctest") {
      dirs.append(b.bundleURL.deletingLastPathComponent())
    }
    let anchor = Bundle(for: BundleAnchor.self).bundleURL
    if anchor.pathExtension == "xctest" { dirs.append(anchor.deletingLastPathComponent()) }
    if let arg0 = ProcessInfo.processInfo.arguments.first, arg0.hasSuffix(".xctest") {
      dirs.append(URL(fileURLWithPath: arg0).deletingLastPathComponent())
    }
    dirs.append(Bundle.main.bundleURL)
    for d in dirs {
      let items = (try? fm.contentsOfDirectory(atPath: d.path)) ?? []
      if items.contains(where: { $0.hasSuffix(".xctest") }) { return d }
    }
    return nil
  }

  /// Where the binary may be, most specific first. `$LUNGANG_BINARY` wins; then the products
  /// directory of this build, and only that one when it is known, so that a stale binary of
  /// another scratch path is never tested by mistake; else `.build/debug/lungang` upwards
  /// from this file.
  static func candidates() -> [URL] {
    var c: [URL] = []
    if let env = ProcessInfo.processInfo.environment["LUNGANG_BINARY"], !env.isEmpty {
      c.append(URL(fileURLWithPath: env))
    }
    if let products = productsDirectory() {
      c.append(products.appendingPathComponent("lungang"))
      return c
    }
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while dir.path != "/" {
      c.append(dir.appendingPathComponent(".build/debug/lungang"))
      dir = dir.deletingLastPathComponent()
    }
    return c
  }

  /// The `lungang` executable, or an error telling how to build it.
  static func binary() throws -> URL {
    let fm = FileManager.default
    for u in candidates() {
      var isDir: ObjCBool = false
      if fm.fileExists(atPath: u.path, isDirectory: &isDir), !isDir.boolValue,
        fm.isExecutableFile(atPath: u.path)
      {
        return u
      }
    }
    throw CLITestError(
      "the lungang executable was not built: looked in "
        + candidates().map(\.path).joined(separator: ", ")
        + ". Run `swift build` (with the same --scratch-path as `swift test`) before `swift test`, "
        + "or set LUNGANG_BINARY to the executable.")
  }

  /// `glpsol`, which the CI installs (glpk-utils); an error when it is missing.
  static func glpsol() throws -> URL {
    var dirs = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
    dirs += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
    for d in dirs {
      let u = URL(fileURLWithPath: d).appendingPathComponent("glpsol")
      if FileManager.default.isExecutableFile(atPath: u.path) { return u }
    }
    throw CLITestError("glpsol not found (looked in /usr/bin and PATH): install glpk-utils")
  }

  /// Runs `lungang verify RESULT_DIR` (the scenario read from summary.json) and fails the
  /// test unless it accepts the folder: every solve in these tests is checked this way.
  static func assertVerified(_ dir: URL, file: StaticString = #filePath, line: UInt = #line) {
    do {
      let v = try lungang(["verify", dir.path])
      XCTAssertEqual(v.status, 0, "verify \(dir.path): \(v.err)", file: file, line: line)
    } catch {
      XCTFail("verify \(dir.path): \(error)", file: file, line: line)
    }
  }

  /// Runs `lungang` with `args` in `cwd` (default: the package root).
  static func lungang(_ args: [String], cwd: URL? = nil, timeout: TimeInterval = 120) throws -> RunResult {
    try run(binary(), args, cwd: cwd ?? packageRoot, timeout: timeout)
  }

  /// Runs a program, capturing stdout and stderr into files (no pipe can fill up).
  static func run(
    _ exe: URL, _ args: [String], cwd: URL, timeout: TimeInterval = 120,
    interruptAfter: TimeInterval? = nil, environment: [String: String] = [:]
  ) throws -> RunResult {
    let fm = FileManager.default
    let cap = fm.temporaryDirectory.appendingPathComponent("lungang-cli-cap-\(UUID().uuidString)")
    try fm.createDirectory(at: cap, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: cap) }
    let outURL = cap.appendingPathComponent("stdout")
    let errURL = cap.appendingPathComponent("stderr")
    fm.createFile(atPath: outURL.path, contents: nil)
    fm.createFile(atPath: errURL.path, contents: nil)
    let outH = try FileHandle(forWritingTo: outURL)
    let errH = try FileHandle(forWritingTo: errURL)
    let p = Process()
    p.executableURL = exe
    p.arguments = args
    if !environment.isEmpty {
      p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    p.currentDirectoryURL = cwd
    p.standardOutput = outH
    p.standardError = errH
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let start = Date()
    var interrupted = false
    while p.isRunning {
      if let after = interruptAfter, !interrupted, Date().timeIntervalSince(start) > after {
        p.interrupt()
        interrupted = true
      }
      if Date().timeIntervalSince(start) > timeout {
        p.terminate()
        p.waitUntilExit()
        try? outH.close()
        try? errH.close()
        throw CLITestError("\(exe.lastPathComponent) \(args.joined(separator: " ")) ran over \(Int(timeout)) s")
      }
      usleep(2000)
    }
    p.waitUntilExit()
    try outH.close()
    try errH.close()
    return RunResult(
      status: p.terminationStatus, stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL))
  }

  /// A fresh, empty temp folder, removed when the test ends.
  static func tempDir(_ test: XCTestCase) throws -> URL {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("lungang-cli-\(UUID().uuidString)")
    try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    // Resolve symlinks (macOS /var → /private/var) so that paths compare as the binary sees them.
    let real = dir.resolvingSymlinksInPath()
    test.addTeardownBlock { try? FileManager.default.removeItem(at: real) }
    return real
  }

  /// The file's text, or an error naming it.
  static func read(_ url: URL) throws -> String {
    guard let d = fm.contents(atPath: url.path) else { throw CLITestError("cannot read \(url.path)") }
    return String(decoding: d, as: UTF8.self)
  }
  private static var fm: FileManager { FileManager.default }

  /// Parses one JSON object document; fails when the text is anything else.
  static func jsonObject(_ data: Data, _ what: String) throws -> [String: Any] {
    let v: Any
    do {
      v = try JSONSerialization.jsonObject(with: data, options: [])
    } catch {
      throw CLITestError("\(what) is not one JSON document: \(error)\n---\n\(String(decoding: data, as: UTF8.self))")
    }
    guard let o = v as? [String: Any] else { throw CLITestError("\(what) is not a JSON object") }
    return o
  }
}

/// A class of this module, for `Bundle(for:)`.
final class BundleAnchor {}

/// RFC 4180 CSV: quoted fields, doubled quotes, LF or CRLF. Written here on purpose rather
/// than using LungangCore's reader, so the tests check the files independently.
func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
  chars.append("\n")
  var i = 0
  while i < chars.count {
    let c = chars[i]
    if quoted {
      if c == "\"" {
        if i + 1 < chars.count && chars[i + 1] == "\"" {
          field.append("\"")
          i += 1
        } else {
          quoted = false
        }
      } else {
        field.append(c)
      }
    } else if c == "\"" {
      quoted = true
    } else if c == "," {
      row.append(field)
      field = ""
    } else if c == "\n" || c == "\r\n" || c == "\r" {
      row.append(field)
      field = ""
      if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
      row = []
    } else {
      field.append(c)
    }
    i += 1
  }
  return rows
}

/// CSV rows as dictionaries keyed by the header.
func csvRecords(_ text: String) -> (header: [String], records: [[String: String]]) {
  let rows = parseCSV(text)
  guard let header = rows.first else { return ([], []) }
  let recs = rows.dropFirst().map { r in
    Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.element, $0.offset < r.count ? r[$0.offset] : "") })
  }
  return (header, recs)
}

/// A number from a JSON value (NSNumber on every platform).
func num(_ v: Any?) -> Double? {
  if let n = v as? NSNumber { return n.doubleValue }
  if let d = v as? Double { return d }
  if let i = v as? Int { return Double(i) }
  return nil
}
