import Foundation

/// Writes the GNU MathProg data section for `Models/rotation.mod`, the independent
/// second implementation of model.md that cross-checks the Swift model builder.
///
/// Only raw data goes out: schools, staff, posts.csv and the scenario's rules and weights.
/// Everything the rules derive (eligibility, destinations, caps, quotas, distances, the
/// balance epigraph) is computed by the `.mod` itself, so the two implementations share no
/// derived facts. Schools and staff are named by their position (`S1`, `P17`, 1-based, in
/// file order); zones and groups by codes in order of first appearance (group 0 = none).
/// Ids appear only in comments, escaped to ASCII. The output is deterministic.
public enum GMPLDataWriter {
  /// The `.dat` text for `glpsol -m Models/rotation.mod -d FILE.dat`.
  public static func data(district: District, scenario: Scenario) -> String {
    var out: [String] = []
    let rules = scenario.rules
    let w = scenario.weights
    let schools = district.schools
    let staff = district.staff

    var schoolSym: [String: String] = [:]
    for (n, s) in schools.enumerated() where schoolSym[s.id] == nil { schoolSym[s.id] = "S\(n + 1)" }
    var personSym: [String: String] = [:]
    for (n, p) in staff.enumerated() where personSym[p.id] == nil { personSym[p.id] = "P\(n + 1)" }
    var zoneCode: [String: Int] = [:]
    var groupCode: [String: Int] = [:]
    for s in schools {
      if zoneCode[s.zone] == nil { zoneCode[s.zone] = zoneCode.count + 1 }
      if let g = s.group, !g.isEmpty, groupCode[g] == nil { groupCode[g] = groupCode.count + 1 }
    }

    out.append("# Lungang data for Models/rotation.mod (GMPLDataWriter, format 1)")
    out.append("# scenario: \(comment(scenario.name))")
    out.append("# symbols: schools S<n> and staff P<n> by row order; ids below for reference")
    for (n, s) in schools.enumerated() { out.append("#   S\(n + 1) = \(comment(s.id))") }
    for (n, p) in staff.enumerated() { out.append("#   P\(n + 1) = \(comment(p.id))") }
    out.append("data;")
    out.append("")

    // Schools.
    out.append("set SCHOOLS :=" + schools.indices.map { " S\($0 + 1)" }.joined() + ";")
    out.append("param : zone grp tier :=")
    for (n, s) in schools.enumerated() {
      let g = (s.group.flatMap { groupCode[$0] }) ?? 0
      out.append("S\(n + 1) \(zoneCode[s.zone]!) \(g) \(s.tier)")
    }
    out.append(";")
    out.append("param pupils : primary junior :=")
    for (n, s) in schools.enumerated() {
      out.append("S\(n + 1) \(s.studentsPrimary) \(s.studentsJunior)")
    }
    out.append(";")
    out.append("param : LOC : lat lon :=")
    for (n, s) in schools.enumerated() {
      if let l = s.location { out.append("S\(n + 1) \(num(l.lat)) \(num(l.lon))") }
    }
    out.append(";")
    out.append("")

    // Staff.
    out.append("set PERSONS :=" + staff.indices.map { " P\($0 + 1)" }.joined() + ";")
    out.append(
      "param : role gender birth school years degree title key exempt volunteer gave_wishes :=")
    for (n, p) in staff.enumerated() {
      let fields: [String] = [
        "P\(n + 1)", p.role.code, p.gender.code, "\(p.birthYear)", schoolSym[p.school] ?? "?",
        "\(p.years)", p.degree.code, p.title.code, p.key.code,
        p.exemptReason == nil ? "0" : "1", p.volunteer ? "1" : "0",
        p.wishes.isEmpty ? "0" : "1",
      ]
      out.append(fields.joined(separator: " "))
    }
    out.append(";")
    out.append("param : stage subject cert :=")
    for (n, p) in staff.enumerated() where p.role == .teacher {
      guard let stage = p.stage, let subject = p.subject else { continue }
      out.append("P\(n + 1) \(stage.code) \(subject.rawValue) \((p.certifiedStage ?? stage).code)")
    }
    out.append(";")
    out.append("param : HOME : hlat hlon :=")
    for (n, p) in staff.enumerated() {
      if let h = p.home { out.append("P\(n + 1) \(num(h.lat)) \(num(h.lon))") }
    }
    out.append(";")
    out.append("param wrank :=")
    for (n, p) in staff.enumerated() {
      var seen = Set<String>()
      var items: [String] = []
      for (r, id) in p.wishes.enumerated() {
        guard let s = schoolSym[id], seen.insert(id).inserted else { continue }
        items.append("P\(n + 1) \(s) \(r + 1)")
      }
      if !items.isEmpty { out.append(items.joined(separator: "  ")) }
    }
    out.append(";")
    out.append("set PAST :=")
    for (n, p) in staff.enumerated() {
      var seen = Set<String>()
      let items = p.pastSchools.compactMap { id -> String? in
        guard let s = schoolSym[id], seen.insert(id).inserted else { return nil }
        return "(P\(n + 1),\(s))"
      }
      if !items.isEmpty { out.append(items.joined(separator: " ")) }
    }
    out.append(";")
    out.append("set AVOIDL :=")
    for (n, p) in staff.enumerated() {
      var seen = Set<String>()
      let items = p.avoid.compactMap { id -> String? in
        guard let q = personSym[id], seen.insert(id).inserted else { return nil }
        return "(P\(n + 1),\(q))"
      }
      if !items.isEmpty { out.append(items.joined(separator: " ")) }
    }
    out.append(";")
    out.append("")

    // Posts given in posts.csv (sections the school has only).
    let schoolIndex = Dictionary(
      schools.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let postRows = district.posts.compactMap { (key, value) -> (Int, Int, Int, String)? in
      guard let j = schoolIndex[key.school], schools[j].pupils(key.stage) > 0 else { return nil }
      let subj = Subject.allCases.firstIndex(of: key.subject)!
      return (j, key.stage.rawValue, subj, "S\(j + 1) \(key.stage.code) \(key.subject.rawValue) \(value)")
    }.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
    out.append("param : POSTK : posts_given :=")
    for r in postRows { out.append(r.3) }
    out.append(";")
    out.append("")

    // Scenario.
    out.append("param year := \(scenario.year);")
    out.append("param teacher_min_years := \(rules.teacherMinYears);")
    out.append("param cadre_min_years := \(rules.cadreMinYears);")
    out.append("param ret_age := M \(rules.retirementAgeMale) F \(rules.retirementAgeFemale);")
    out.append("param ret_buffer := \(rules.retirementBuffer);")
    out.append("param scope := \(rules.scope.rawValue);")
    out.append("param same_stage := \(rules.sameStage ? 1 : 0);")
    out.append("param commute_limit := \(rules.maxCommuteKm == nil ? 0 : 1);")
    out.append("param max_commute_km := \(num(rules.maxCommuteKm ?? 0));")
    out.append("param key_to_same_or_weaker := \(rules.keyToSameOrWeaker ? 1 : 0);")
    out.append("param wishes_only := \(rules.wishesOnly ? 1 : 0);")
    out.append("param teacher_quota := \(num(rules.teacherQuota));")
    let tiers = Array(Set(rules.quotaTiers.filter { (1...3).contains($0) })).sorted()
    out.append("set QUOTA_TIERS :=" + tiers.map { " \($0)" }.joined() + ";")
    out.append("param key_share := \(num(rules.keyShare));")
    out.append("param cadre_quota_share := \(num(rules.cadreQuota));")
    out.append("param max_outflow := \(num(rules.maxOutflow));")
    var inds: [String] = []
    for m in rules.indicators where !inds.contains(m.rawValue) { inds.append(m.rawValue) }
    out.append("set IND :=" + inds.map { " \($0)" }.joined() + ";")
    out.append("param W_shortage := \(num(w.shortage));")
    out.append("param W_quota := \(num(w.quota));")
    out.append("param W_key_share := \(num(w.keyShare));")
    out.append("param W_cadre_quota := \(num(w.cadreQuota));")
    out.append("param W_balance := \(num(w.balance));")
    out.append("param W_wish := \(num(w.wish));")
    out.append("param wish_miss := \(num(w.wishMiss));")
    out.append("param W_commute := \(num(w.commute));")
    out.append("param W_move := \(num(w.move));")
    out.append("")
    out.append("end;")
    return out.joined(separator: "\n") + "\n"
  }

  /// A number as MathProg reads it: the shortest round-trip decimal form.
  static func num(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  /// Text safe inside a `#` comment: printable ASCII kept, everything else as `\u{…}`.
  static func comment(_ s: String) -> String {
    var r = ""
    for u in s.unicodeScalars {
      if u.value >= 0x20 && u.value < 0x7F && u != "\\" {
        r.unicodeScalars.append(u)
      } else {
        r += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
      }
    }
    return r
  }
}
