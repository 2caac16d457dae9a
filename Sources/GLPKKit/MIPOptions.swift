import CGLPK

/// Settings for GLPK's branch-and-cut (`glp_iocp`) and its root LP.
public struct MIPOptions: Equatable, Sendable {
  /// The overall time limit in seconds, root LP included; nil means none.
  public var timeLimit: Double? = nil
  /// The relative gap at which the search stops (`mip_gap`, default 0).
  public var mipGap: Double = 0
  /// Whether GLPK's MIP presolver runs (default off).
  ///
  /// With presolve on, `glp_intopt` solves the root LP itself, callbacks
  /// see the presolved problem, and an injected incumbent is refused.
  public var presolve: Bool = false
  /// The cut families to generate (default none).
  public var cuts: Cuts = .none
  /// The feasibility pump heuristic (binary variables only; default off).
  public var fpHeur: Bool = false
  /// The proximity search heuristic (default off).
  public var psHeur: Bool = false
  /// The proximity search time limit in seconds (GLPK's default 60).
  public var psTimeLimit: Double = 60
  /// The branching rule (default Driebeck–Tomlin).
  public var branching: Branching = .driebeckTomlin
  /// The backtracking rule (default best local bound).
  public var backtracking: Backtracking = .bestLocalBound
  /// How much GLPK prints (default: errors only).
  public var messageLevel: MessageLevel = .errorsOnly
  /// Settings for the root LP solved with `glp_simplex` when presolve is
  /// off (method, LP presolve, and an extra time cap).
  public var rootLP: LPOptions = LPOptions()
  /// Seconds between progress reports without a new incumbent.
  public var progressInterval: Double = 1
  /// An objective value good enough to stop at (default none): the search
  /// ends with `.objectiveLimit` once its incumbent is at most this value
  /// (at least, when maximizing). For a caller that knows a bound GLPK does
  /// not, e.g. of a larger problem this one is restricted from.
  public var objectiveTarget: Double? = nil

  /// Creates options; every argument defaults to GLPK's default, except
  /// the message level (errors only).
  public init(
    timeLimit: Double? = nil, mipGap: Double = 0, presolve: Bool = false,
    cuts: Cuts = .none, fpHeur: Bool = false, psHeur: Bool = false,
    psTimeLimit: Double = 60, branching: Branching = .driebeckTomlin,
    backtracking: Backtracking = .bestLocalBound,
    messageLevel: MessageLevel = .errorsOnly,
    rootLP: LPOptions = LPOptions(), progressInterval: Double = 1
  ) {
    self.timeLimit = timeLimit
    self.mipGap = mipGap
    self.presolve = presolve
    self.cuts = cuts
    self.fpHeur = fpHeur
    self.psHeur = psHeur
    self.psTimeLimit = psTimeLimit
    self.branching = branching
    self.backtracking = backtracking
    self.messageLevel = messageLevel
    self.rootLP = rootLP
    self.progressInterval = progressInterval
  }

  /// Throws unless the numeric settings are usable.
  func validate() throws(GLPKError) {
    try TimeLimit.validate(timeLimit, "time limit")
    try TimeLimit.validate(rootLP.timeLimit, "root lp time limit")
    if let t = objectiveTarget, !t.isFinite {
      throw GLPKError.nonFiniteValue(what: "objective target", value: t)
    }
    try TimeLimit.validate(psTimeLimit, "proximity search time limit")
    guard mipGap.isFinite && mipGap >= 0 else {
      throw .nonFiniteValue(what: "mip gap (non-negative)", value: mipGap)
    }
    guard !progressInterval.isNaN && progressInterval >= 0 else {
      throw .nonFiniteValue(
        what: "progress interval (non-negative seconds)",
        value: progressInterval)
    }
  }

  /// GLPK's control parameters, with the time left for the search.
  func parameters(remainingTime seconds: Double?) -> glp_iocp {
    var parm = glp_iocp()
    glp_init_iocp(&parm)
    parm.msg_lev = messageLevel.glpk
    parm.br_tech = branching.glpk
    parm.bt_tech = backtracking.glpk
    parm.tm_lim = TimeLimit.milliseconds(seconds)
    parm.mip_gap = mipGap
    parm.gmi_cuts = cuts.gomory ? GLP_ON : GLP_OFF
    parm.mir_cuts = cuts.mir ? GLP_ON : GLP_OFF
    parm.cov_cuts = cuts.cover ? GLP_ON : GLP_OFF
    parm.clq_cuts = cuts.clique ? GLP_ON : GLP_OFF
    parm.presolve = presolve ? GLP_ON : GLP_OFF
    parm.fp_heur = fpHeur ? GLP_ON : GLP_OFF
    parm.ps_heur = psHeur ? GLP_ON : GLP_OFF
    parm.ps_tm_lim = TimeLimit.milliseconds(psTimeLimit)
    return parm
  }
}
