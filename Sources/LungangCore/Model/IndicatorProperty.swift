/// Whether a teacher counts for a balance indicator in a section of a given stage.
extension Indicator {
  /// True if teacher `p` has this property when teaching in a `stage` section.
  /// Higher degree (高于规定学历): primary needs ≥ associate, junior ≥ bachelor.
  public func holds(for p: StaffMember, in stage: Stage) -> Bool {
    switch self {
    case .higherDegree: return p.degree >= (stage == .primary ? Degree.associate : .bachelor)
    case .key: return p.isKey
    case .peArts: return p.subject?.isPEArts ?? false
    case .seniorTitle: return p.title >= .senior
    }
  }

  /// The ordinals (in `Indicator.allCases`) of the indicators `p` holds, per stage raw value
  /// of the section they teach in; none for a cadre.
  static func heldPerStage(by p: StaffMember) -> [[Int]] {
    Stage.allCases.map { g in
      p.role == .teacher ? allCases.indices.filter { allCases[$0].holds(for: p, in: g) } : []
    }
  }
}

/// The balance term of one (stage, indicator): its sections and the constants of model.md.
public struct BalanceTerm: Sendable {
  public var stage: Stage
  public var indicator: Indicator
  /// Sections of the stage, in section order.
  public var sections: [Int]
  /// P_g: pupils of the stage.
  public var pupils: Double
  /// C⁰: teachers with the property before rotation.
  public var before: Int
  /// μ = 100·C⁰/P_g.
  public var mean: Double { 100 * Double(before) / pupils }

  /// f_k(c) = 10⁴·(P_k/P_g)·((100c/P_k − μ)/μ)², the section's share of B_g,m.
  public func value(count c: Int, pupils pk: Int) -> Double {
    Self.value(count: c, pupils: pk, mean: mean, stagePupils: pupils)
  }

  /// f_k(c) from the term's μ and P_g (for callers that keep them in flat arrays).
  static func value(count c: Int, pupils pk: Int, mean mu: Double, stagePupils: Double) -> Double {
    let r = (100 * Double(c) / Double(pk) - mu) / mu
    return 1e4 * (Double(pk) / stagePupils) * r * r
  }
}

extension RotationInstance {
  /// The (stage, indicator) pairs of the balance term with μ > 0, stages in order.
  public func balanceTerms() -> [BalanceTerm] {
    var out: [BalanceTerm] = []
    for g in Stage.allCases {
      let secs = sections.indices.filter { sections[$0].stage == g }
      if secs.isEmpty { continue }
      let pupils = secs.reduce(0.0) { $0 + Double(sections[$1].pupils) }
      for m in rules.indicators {
        var c0 = 0
        for (i, p) in staff.enumerated() where p.role == .teacher {
          let k = sectionOf[i]
          if k >= 0 && sections[k].stage == g && m.holds(for: p, in: g) { c0 += 1 }
        }
        out.append(BalanceTerm(stage: g, indicator: m, sections: secs, pupils: pupils, before: c0))
      }
    }
    return out
  }

  /// Official student-weighted CV of per-100-pupil counts: S / X̄ with the actual mean;
  /// nil when the mean is 0.
  public func coefficientOfVariation(counts: [Int], sections secs: [Int]) -> Double? {
    var p = 0.0
    var sx = 0.0
    for (n, k) in secs.enumerated() {
      let pk = Double(sections[k].pupils)
      p += pk
      sx += pk * (100 * Double(counts[n]) / pk)
    }
    let mean = sx / p
    if !(mean > 0) { return nil }
    var ss = 0.0
    for (n, k) in secs.enumerated() {
      let pk = Double(sections[k].pupils)
      let x = 100 * Double(counts[n]) / pk
      ss += pk * (x - mean) * (x - mean)
    }
    return (ss / p).squareRoot() / mean
  }
}
