import Foundation

/// Turns the bytes of an input file into UTF-8 text: UTF-8 (with or without BOM) or GB18030.
///
/// Strict UTF-8 validation comes first; a GB18030/GBK file (what Excel on a Chinese Windows
/// saves as "CSV") is almost never valid UTF-8, so the order is safe. Bytes that are neither
/// (UTF-16, Latin-1 with stray high bytes, binary files) are an error naming the file.
public enum TextDecoding {
  /// The encoding a file turned out to be in.
  public enum Encoding: String, Sendable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
  }

  /// GB18030 as Foundation on Linux knows it (kCFStringEncodingGB_18030_2000 as NSStringEncoding).
  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  /// The UTF-8 bytes of `data` without BOM, and the encoding detected.
  ///
  /// - Parameter file: the file name used in the error.
  /// - Throws: `InputError` when the bytes are neither UTF-8 nor GB18030.
  public static func utf8Bytes(of data: Data, file: String) throws -> (bytes: [UInt8], encoding: Encoding) {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw InputError([
        Diagnostic(.error, file: file, "the file is utf-16 text; save it as utf-8 or gb18030 (gbk) csv")
      ])
    }
    if bytes.contains(0) {
      throw InputError([
        Diagnostic(.error, file: file, "the file contains nul bytes: not utf-8 or gb18030 (gbk) text")
      ])
    }
    if isValidUTF8(bytes) { return (bytes, .utf8) }
    if let text = String(data: Data(bytes), encoding: gb18030) {
      return (Array(text.utf8), .gb18030)
    }
    throw InputError([
      Diagnostic(.error, file: file, "the file is neither utf-8 nor gb18030 (gbk) text")
    ])
  }

  /// True when `bytes` are well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
  public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { p in
      let n = p.count
      var i = 0
      while i < n {
        let b0 = p[i]
        if b0 < 0x80 {
          i += 1
          continue
        }
        var need = 0
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return false
        }
        if i + need >= n { return false }
        let b1 = p[i + 1]
        if b1 < lo || b1 > hi { return false }
        var j = 2
        while j <= need {
          if p[i + j] & 0xC0 != 0x80 { return false }
          j += 1
        }
        i += need + 1
      }
      return true
    }
  }
}
