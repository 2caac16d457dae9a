/// Throws unless `value` is finite.
func requireFinite(_ value: Double, _ what: @autoclosure () -> String)
  throws(GLPKError)
{
  guard value.isFinite else {
    throw .nonFiniteValue(what: what(), value: value)
  }
}

/// Throws unless `name` is 1–255 UTF-8 bytes without control characters.
///
/// GLPK measures names in bytes, so an all-CJK name holds about 85
/// characters. Both ASCII controls (which GLPK rejects through `iscntrl`)
/// and Unicode C1 controls are refused.
func validateName(_ name: String) throws(GLPKError) {
  let bytes = name.utf8.count
  guard bytes >= 1 else {
    throw .invalidName(name, reason: "name is empty")
  }
  guard bytes <= 255 else {
    throw .invalidName(
      name, reason: "name is \(bytes) utf-8 bytes, at most 255 allowed")
  }
  for scalar in name.unicodeScalars
  where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
    throw .invalidName(
      name,
      reason: "name contains control character U+"
        + String(scalar.value, radix: 16, uppercase: true))
  }
}
