import Foundation

/// Builds a deterministic synthetic district (schools, staff, posts) from `GeneratorOptions`.
///
/// Every draw comes from `SplitMix64` streams split off the seed in a fixed order, and nothing
/// iterates a `Set` or `Dictionary`, so equal options give an equal `District` on any machine.
/// The distributions are documented in `docs/generator.md`.
public struct DistrictGenerator: Sendable {
  /// The sizes, seed and year asked for.
  public var options: GeneratorOptions

  public init(_ options: GeneratorOptions) { self.options = options }

  /// Generates the district; `folder` is recorded as its folder.
  /// - Throws: `GeneratorError` when the options cannot make a valid district.
  public func generate(folder: URL = URL(fileURLWithPath: ".")) throws -> District {
    let problems = options.problems()
    guard problems.isEmpty else { throw GeneratorError(problems) }
    var root = SplitMix64(seed: options.seed)
    var layoutRng = root.split()
    var staffRng = root.split()
    var relationRng = root.split()
    var postRng = root.split()

    var plans = planSchools(&layoutRng)
    allocateStaff(&plans, &layoutRng)
    let schools = plans.map(\.school)
    var staff = makeStaff(plans, &staffRng)
    addRelations(&staff, plans: plans, &relationRng)
    let posts = makePosts(staff: staff, plans: plans, &postRng)
    return District(folder: folder, schools: schools, staff: staff, posts: posts)
  }
}

/// Options that cannot make a district.
public struct GeneratorError: Error, Sendable, CustomStringConvertible {
  /// What is wrong, one line each.
  public var problems: [String]
  public init(_ problems: [String]) { self.problems = problems }
  public var description: String { problems.joined(separator: "\n") }
}

/// A school being planned: the row plus what staffing needs.
struct SchoolPlan: Sendable {
  /// Kind of school by its sections.
  enum Kind: Sendable { case primary, junior, nineYear }
  var school: School
  var kind: Kind
  /// Zone index.
  var zone: Int
  /// Group index, when in one.
  var group: Int?
  /// Teacher demand of each section (pupils ÷ base ratio); 0 where there is no section.
  var demandPrimary: Double
  var demandJunior: Double
  /// Pupils per teacher of each section.
  var ratioPrimary: Double
  var ratioJunior: Double
  /// Vice principals.
  var vicePrincipals = 1
  /// Teachers of each section.
  var teachersPrimary = 0
  var teachersJunior = 0
  /// Index range of the school's staff in the staff array.
  var staffRange: Range<Int> = 0..<0

  var sections: Int { (demandPrimary > 0 ? 1 : 0) + (demandJunior > 0 ? 1 : 0) }
}

extension DistrictGenerator {
  /// Base pupils per teacher: Beijing runs about 1:14 in primary and 1:10 in junior sections.
  static let basePupilsPerTeacher: [Stage: Double] = [.primary: 14, .junior: 10]

  /// Zones, kinds, tiers, locations, names and groups of the schools.
  func planSchools(_ rng: inout SplitMix64) -> [SchoolPlan] {
    let m = options.schools
    let z = options.zoneCount
    let geo = DistrictGeometry(schools: m, zones: z)
    let width = max(3, String(m).count)

    var zonePerm = Array(0..<m)
    rng.shuffle(&zonePerm)
    var kindPerm = Array(0..<m)
    rng.shuffle(&kindPerm)
    var tierPerm = Array(0..<m)
    rng.shuffle(&tierPerm)
    var placePerm = Array(0..<m)
    rng.shuffle(&placePerm)
    let nPrimary = Int((Double(m) * 0.60).rounded())
    let nJunior = min(m - nPrimary, Int((Double(m) * 0.25).rounded()))
    let nTier1 = Int((Double(m) * 0.25).rounded())
    let nTier3 = min(m - nTier1, Int((Double(m) * 0.25).rounded()))

    var kinds = [SchoolPlan.Kind](repeating: .nineYear, count: m)
    var tiers = [Int](repeating: 2, count: m)
    for (rank, i) in kindPerm.enumerated() {
      kinds[i] = rank < nPrimary ? .primary : rank < nPrimary + nJunior ? .junior : .nineYear
    }
    for (rank, i) in tierPerm.enumerated() {
      tiers[i] = rank < nTier1 ? 1 : rank < nTier1 + nTier3 ? 3 : 2
    }

    var plans: [SchoolPlan] = []
    plans.reserveCapacity(m)
    for i in 0..<m {
      let zone = zonePerm[i] % z
      let kind = kinds[i]
      let tier = tiers[i]
      let loc = geo.point(inZone: zone, &rng)
      let name = schoolName(place: placePerm[i], kind: kind)
      // Pupil draws set each section's teacher demand; final pupil counts follow the staffing.
      let size: Double = tier == 1 ? rng.uniform(1.3, 2.4) : tier == 2 ? rng.uniform(0.7, 1.5)
        : rng.uniform(0.3, 0.9)
      var dp = 0.0
      var dj = 0.0
      switch kind {
      case .primary: dp = 1000 * size / 14
      case .junior: dj = 700 * size / 10
      case .nineYear:
        dp = 650 * size / 14
        dj = 400 * size / 10
      }
      let tierFactor = tier == 1 ? 1.05 : tier == 2 ? 1.0 : 0.88
      let rp = 14 * tierFactor * rng.uniform(0.85, 1.15)
      let rj = 10 * tierFactor * rng.uniform(0.85, 1.15)
      let school = School(
        id: "S" + DistrictGenerator.pad(i + 1, width), name: name,
        zone: DistrictGenerator.zoneName(zone, of: z), tier: tier, studentsPrimary: 0,
        studentsJunior: 0, location: loc, line: i + 2)
      plans.append(
        SchoolPlan(
          school: school, kind: kind, zone: zone, demandPrimary: dp, demandJunior: dj,
          ratioPrimary: rp, ratioJunior: rj))
    }
    assignGroups(&plans, &rng)
    return plans
  }

  /// Zone label: a Dongcheng street name + 学区 while they last, else 第N学区.
  static func zoneName(_ k: Int, of count: Int) -> String {
    count <= NamePools.zoneNames.count ? NamePools.zoneNames[k] + "学区" : "第\(k + 1)学区"
  }

  /// A school name from a place index: 史家胡同小学, 东四中学, 景山学校, 史家胡同第二小学, ….
  func schoolName(place p: Int, kind: SchoolPlan.Kind) -> String {
    let places = NamePools.places
    let place = places[p % places.count]
    let cycle = p / places.count
    let suffix = kind == .primary ? "小学" : kind == .junior ? "中学" : "学校"
    guard cycle > 0 else { return place + suffix }
    let n = cycle + 1
    return place + "第" + (n <= 10 ? NamePools.numerals[n - 1] : String(n)) + suffix
  }

  /// Groups (集团): each led by a strong school, filled with the nearest free schools, which
  /// may lie in a neighbouring zone; about 70 % of schools end in a group.
  func assignGroups(_ plans: inout [SchoolPlan], _ rng: inout SplitMix64) {
    let g = options.groupCount
    let m = plans.count
    guard g > 0 else { return }
    var order = Array(0..<m)
    rng.shuffle(&order)
    let leaders = Array(
      order.enumerated().sorted {
        let (ta, tb) = (plans[$0.element].school.tier, plans[$1.element].school.tier)
        return ta != tb ? ta < tb : $0.offset < $1.offset
      }.prefix(g).map(\.element))
    let members = min(m, max(2 * g, Int((Double(m) * 0.70).rounded())))
    let sizes = Apportion.largestRemainder(
      members, weights: Array(repeating: 1, count: g), minimum: Array(repeating: 2, count: g))
    var free = [Bool](repeating: true, count: m)
    var count = [Int](repeating: 1, count: g)
    for (k, l) in leaders.enumerated() {
      free[l] = false
      plans[l].group = k
    }
    var progress = true
    while progress {
      progress = false
      for (k, l) in leaders.enumerated() where count[k] < sizes[k] {
        var best = -1
        var bestD = Double.infinity
        let here = plans[l].school.location!
        for j in 0..<m where free[j] {
          let d = DistrictGeometry.km2(here, plans[j].school.location!)
          if d < bestD { (best, bestD) = (j, d) }
        }
        guard best >= 0 else { break }
        free[best] = false
        plans[best].group = k
        count[k] += 1
        progress = true
      }
    }
    for i in 0..<m {
      if let k = plans[i].group {
        plans[i].school.group = plans[leaders[k]].school.name + "教育集团"
      }
    }
  }

  /// Cadres and teachers per school and section, then pupil counts from the teacher ratios.
  func allocateStaff(_ plans: inout [SchoolPlan], _ rng: inout SplitMix64) {
    let n = options.staff
    let demand = plans.map { $0.demandPrimary + $0.demandJunior }
    let total = demand.reduce(0, +)
    let roomy = n >= 8 * plans.count
    for i in plans.indices {
      let planned = Double(n) * demand[i] / total
      var vp = planned < 45 ? 1 : planned < 110 ? 2 : 3
      if vp < 3, planned >= 30, rng.chance(0.25) { vp += 1 }
      plans[i].vicePrincipals = roomy ? vp : 1
    }
    let cadres = plans.reduce(0) { $0 + 1 + $1.vicePrincipals }
    let teachers = Apportion.largestRemainder(
      n - cadres, weights: demand, minimum: plans.map(\.sections))
    for i in plans.indices {
      let t = teachers[i]
      let p = plans[i]
      var tp = 0
      if p.demandPrimary > 0 && p.demandJunior > 0 {
        tp = Int((Double(t) * p.demandPrimary / (p.demandPrimary + p.demandJunior)).rounded())
        tp = min(max(tp, 1), t - 1)
      } else if p.demandPrimary > 0 {
        tp = t
      }
      plans[i].teachersPrimary = tp
      plans[i].teachersJunior = t - tp
      plans[i].school.studentsPrimary =
        tp > 0 ? max(1, Int((Double(tp) * p.ratioPrimary).rounded())) : 0
      plans[i].school.studentsJunior =
        t - tp > 0 ? max(1, Int((Double(t - tp) * p.ratioJunior).rounded())) : 0
    }
  }

  /// `n` left-padded with zeros to `width` digits.
  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }
}
