import Foundation

/// Stable pseudonyms for people's names (`--redact`), so plans can be shared with planners.
///
/// A person's pseudonym is `P-` and the first 10 hex digits of SHA-256("lungang-redact:" +
/// staff id): the same person gets the same pseudonym in every run, scenario and output, and
/// it does not depend on how the name is spelled. Staff ids, schools and every figure are
/// kept. (Ids are in the plan anyway, so a pseudonym hides the name, not the person from
/// whoever holds the roster.)
public enum Redaction {
  /// The pseudonym of the person with this staff id.
  public static func pseudonym(staffID: String) -> String {
    "P-" + String(SHA256.hex(SHA256.digest(Array(("lungang-redact:" + staffID).utf8))).prefix(10))
  }
}

extension District {
  /// The district with every staff name replaced by its pseudonym.
  public func redacted() -> District {
    var d = self
    for i in d.staff.indices { d.staff[i].name = Redaction.pseudonym(staffID: d.staff[i].id) }
    return d
  }
}
