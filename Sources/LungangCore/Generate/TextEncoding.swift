import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The byte encoding of written CSV files.
public enum CSVFileEncoding: String, Sendable, CaseIterable {
  /// UTF-8 with a byte-order mark, which Excel needs to open Chinese UTF-8 CSV correctly.
  case utf8 = "utf8"
  /// GB18030 (what Excel on a Chinese Windows saves as "CSV"), converted with iconv.
  case gb18030 = "gb18030"

  /// The bytes of `text` in this encoding.
  /// - Throws: `GeneratorError` when the conversion fails.
  public func encode(_ text: String) throws -> Data {
    switch self {
    case .utf8:
      var d = Data([0xEF, 0xBB, 0xBF])
      d.append(contentsOf: Array(text.utf8))
      return d
    case .gb18030:
      return try CSVFileEncoding.iconv(text, to: "GB18030")
    }
  }

  /// Converts UTF-8 text to `charset` with the C library's iconv.
  static func iconv(_ text: String, to charset: String) throws -> Data {
    Data(
      try convert(
        Array(text.utf8), from: "UTF-8", to: charset,
        cannotOpen: "this system's iconv cannot convert to \(charset)",
        cannotConvert: "cannot convert the text to \(charset)"))
  }

  /// Converts bytes in `charset` back to a string with iconv (used to check written files).
  static func iconvDecode(_ data: Data, from charset: String) throws -> String {
    String(
      decoding: try convert(
        [UInt8](data), from: charset, to: "UTF-8",
        cannotOpen: "this system's iconv cannot convert from \(charset)",
        cannotConvert: "cannot decode \(charset)"),
      as: UTF8.self)
  }

  /// One iconv conversion of a whole buffer; the messages name what failed.
  private static func convert(
    _ bytes: [UInt8], from source: String, to target: String, cannotOpen: String,
    cannotConvert: String
  ) throws -> [UInt8] {
    let cd = iconv_open(target, source)
    guard cd != iconv_t(bitPattern: -1) else { throw GeneratorError([cannotOpen]) }
    defer { iconv_close(cd) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 2 + 16)
    let produced: Int = try input.withUnsafeMutableBufferPointer { inBuf in
      try output.withUnsafeMutableBufferPointer { outBuf in
        var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
        var inLeft = inBuf.count
        var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
        var outLeft = outBuf.count
        let r = Glibc_iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
        if r == -1 || inLeft != 0 { throw GeneratorError([cannotConvert]) }
        return outBuf.count - outLeft
      }
    }
    return output[0..<produced].map { UInt8(bitPattern: $0) }
  }
}

/// The C `iconv` call (named apart from the static method above).
private func Glibc_iconv(
  _ cd: iconv_t?, _ inbuf: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
  _ inLeft: UnsafeMutablePointer<Int>, _ outbuf: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
  _ outLeft: UnsafeMutablePointer<Int>
) -> Int {
  iconv(cd, inbuf, inLeft, outbuf, outLeft)
}
