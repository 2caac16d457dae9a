/// Draws the people of each school: cadres first, then teachers by section and subject.
///
/// Each person's attributes (gender, age, years at the school, title, key level, degree,
/// certificate, exemption, volunteering, home) follow the shares in `docs/generator.md`.
extension DistrictGenerator {
  /// Share of primary teachers who hold a junior certificate (初中教师资格).
  static let juniorCertShareInPrimary = 0.06
  /// Key-teacher (骨干) rate by school tier before the age factor.
  static let keyRateByTier: [Double] = [0, 0.27, 0.17, 0.11]
  /// Master's-or-better rate by school tier before the age factor.
  static let masterRateByTier: [Double] = [0, 0.32, 0.18, 0.10]
  /// Share of staff exempt (暂缓) this year.
  static let exemptShare = 0.02
  /// Share of the non-exempt who volunteer (自愿交流).
  static let volunteerShare = 0.03
  /// Share with an unknown home location.
  static let missingHomeShare = 0.02

  func makeStaff(_ plans: [SchoolPlan], _ rng: inout SplitMix64) -> [StaffMember] {
    let n = options.staff
    let width = max(5, String(n).count)
    let geo = DistrictGeometry(schools: options.schools, zones: options.zoneCount)
    var staff: [StaffMember] = []
    staff.reserveCapacity(n)
    func add(_ member: StaffMember) {
      var s = member
      s.id = "E" + DistrictGenerator.pad(staff.count + 1, width)
      s.line = staff.count + 2
      staff.append(s)
    }
    for (j, plan) in plans.enumerated() {
      let start = staff.count
      let school = plan.school
      add(person(role: .principal, stage: nil, subject: nil, school: school, geo, &rng))
      for _ in 0..<plan.vicePrincipals {
        add(person(role: .vicePrincipal, stage: nil, subject: nil, school: school, geo, &rng))
      }
      for (stage, count) in [(Stage.primary, plan.teachersPrimary), (.junior, plan.teachersJunior)]
      where count > 0 {
        for (subject, k) in SubjectMix.split(count, stage: stage) {
          for _ in 0..<k {
            add(person(role: .teacher, stage: stage, subject: subject, school: school, geo, &rng))
          }
        }
      }
      _ = j
      precondition(staff.count - start == 1 + plan.vicePrincipals + plan.teachersPrimary
        + plan.teachersJunior)
    }
    return staff
  }

  /// One person with every attribute but id, line and the relations (wishes, past, avoid).
  func person(
    role: Role, stage: Stage?, subject: Subject?, school: School, _ geo: DistrictGeometry,
    _ rng: inout SplitMix64
  ) -> StaffMember {
    let female: Bool
    switch (role, stage, subject) {
    case (.teacher, _, .pe?): female = rng.chance(0.40)
    case (.teacher, .primary?, _): female = rng.chance(0.82)
    case (.teacher, _, _): female = rng.chance(0.70)
    default: female = rng.chance(0.50)
    }
    let maxAge = female ? 54 : 59  // in post: under the retirement age (55 / 60)
    let age: Int
    switch role {
    case .principal: age = rng.int(in: 40...maxAge)
    case .vicePrincipal: age = rng.int(in: 34...maxAge)
    case .teacher:
      let x = rng.chance(0.5) ? rng.uniform() : (rng.uniform() + rng.uniform()) / 2
      age = min(maxAge, 23 + Int(x * Double(maxAge - 23 + 1)))
    }
    let cap = max(0, age - 22)
    let years: Int
    if role.isCadre {
      years = rng.int(in: 0...min(10, cap))
    } else if cap >= 6 && rng.chance(0.40) {
      years = rng.int(in: 6...min(cap, 30))
    } else {
      years = rng.int(in: 0...min(5, cap))
    }
    let tier = school.tier
    // Key teachers: more in strong schools, few under 28.
    var key = KeyLevel.none
    let ageFactor = age < 28 ? 0.15 : age < 35 ? 0.8 : 1.2
    if role == .teacher, rng.chance(DistrictGenerator.keyRateByTier[tier] * ageFactor) {
      let r = rng.uniform()
      key = r < 0.70 ? .district : r < 0.90 ? .municipal : r < 0.98 || age < 40 ? .leader : .special
    }
    // Titles climb with age; cadres are mostly senior.
    let title: Title
    let t = rng.uniform()
    if role.isCadre {
      title = t < 0.05 ? .fullSenior : t < 0.65 ? .senior : .first
    } else if age < 25 {
      title = t < 0.5 ? .none : t < 0.6 ? .third : .second
    } else if age < 32 {
      title = t < 0.7 ? .second : .first
    } else if age < 38 {
      title = t < 0.3 ? .second : .first
    } else if age < 45 {
      title = t < 0.1 ? .second : t < (key == .none ? 0.8 : 0.55) ? .first : .senior
    } else {
      let full = key >= .leader ? 0.15 : 0.01
      title = t < full ? .fullSenior : t < (key == .none ? 0.5 : 0.8) ? .senior : .first
    }
    // Degrees: more masters in strong schools and among the young; older staff some 大专/中专.
    var degree = Degree.bachelor
    let masterRate = DistrictGenerator.masterRateByTier[tier]
      * (age < 35 ? 1.5 : age < 50 ? 0.8 : 0.3) * (role.isCadre ? 1.2 : 1)
    let d = rng.uniform()
    if d < masterRate {
      degree = rng.chance(0.03) ? .doctor : .master
    } else if age >= 45, rng.chance(stage == .junior ? 0.06 : 0.18) {
      degree = age >= 50 && stage == .primary && rng.chance(0.2) ? .secondary : .associate
    } else if age < 45, stage == .primary, rng.chance(0.03) {
      degree = .associate
    }
    var cert = stage
    if stage == .primary, rng.chance(DistrictGenerator.juniorCertShareInPrimary) {
      cert = .junior
    }
    var exempt: String? = nil
    if rng.chance(DistrictGenerator.exemptShare) {
      exempt = female && age < 42
        ? rng.pick(["孕期", "哺乳期", "孕期", "重大疾病治疗"])
        : rng.pick(["重大疾病治疗", "援派支教", "挂职锻炼", "病休"])
    }
    let volunteer = exempt == nil && rng.chance(DistrictGenerator.volunteerShare)
    let home: GeoPoint? =
      rng.chance(DistrictGenerator.missingHomeShare) ? nil : geo.home(near: school.location!, &rng)
    return StaffMember(
      id: "", name: NamePools.personName(female: female, &rng), gender: female ? .female : .male,
      birthYear: options.year - age, role: role, school: school.id, stage: stage,
      subject: subject, cert: cert, title: title, key: key, degree: degree, years: years,
      exemptReason: exempt, volunteer: volunteer, home: home)
  }
}
