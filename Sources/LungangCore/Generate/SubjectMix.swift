/// How a section's teachers divide among subjects, per stage (weights of a Beijing timetable).
public enum SubjectMix {
  /// Relative headcount per subject in a primary section (小学): 语文 and 数学 dominate, 科学
  /// replaces the junior sciences, 道德与法治 and 信息科技 are small.
  public static let primary: [(Subject, Double)] = [
    (.chinese, 27), (.math, 21), (.english, 10), (.science, 6), (.pe, 9), (.music, 6),
    (.art, 6), (.politics, 4), (.it, 3), (.psychology, 2), (.labor, 2), (.other, 2),
  ]
  /// Relative headcount per subject in a junior section (初中): the three core subjects, the
  /// sciences, humanities and arts.
  public static let junior: [(Subject, Double)] = [
    (.chinese, 14), (.math, 14), (.english, 13), (.physics, 7), (.chemistry, 5), (.biology, 6),
    (.politics, 7), (.history, 6), (.geography, 5), (.pe, 8), (.music, 3), (.art, 3), (.it, 4),
    (.psychology, 2), (.labor, 1), (.other, 2),
  ]

  /// The mix of a stage.
  public static func weights(_ stage: Stage) -> [(Subject, Double)] {
    stage == .primary ? primary : junior
  }

  /// Teachers per subject for a section of `teachers` teachers (largest remainder, table order).
  public static func split(_ teachers: Int, stage: Stage) -> [(Subject, Int)] {
    let w = weights(stage)
    let counts = Apportion.largestRemainder(teachers, weights: w.map(\.1))
    return zip(w, counts).compactMap { $1 > 0 ? ($0.0, $1) : nil }
  }
}
