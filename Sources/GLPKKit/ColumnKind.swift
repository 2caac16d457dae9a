/// The kind of a column (structural variable).
public enum ColumnKind: Equatable, Sendable {
  /// A continuous variable (`GLP_CV`).
  case continuous
  /// A general integer variable (`GLP_IV`); its bounds are rounded inward.
  case integer
  /// A binary variable (`GLP_BV`): integer with bounds [0, 1].
  case binary
}
