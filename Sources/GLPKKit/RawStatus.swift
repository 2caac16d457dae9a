import CGLPK

/// GLPK's codes as the names in `glpk.h`, for `SolveResult.raw`.
enum RawStatus {
  /// The name of a `glp_simplex`/`glp_intopt` return code.
  static func returnCode(_ code: Int32) -> String {
    switch code {
    case 0: return "0"
    case GLP_EBADB: return "GLP_EBADB"
    case GLP_ESING: return "GLP_ESING"
    case GLP_ECOND: return "GLP_ECOND"
    case GLP_EBOUND: return "GLP_EBOUND"
    case GLP_EFAIL: return "GLP_EFAIL"
    case GLP_EOBJLL: return "GLP_EOBJLL"
    case GLP_EOBJUL: return "GLP_EOBJUL"
    case GLP_EITLIM: return "GLP_EITLIM"
    case GLP_ETMLIM: return "GLP_ETMLIM"
    case GLP_ENOPFS: return "GLP_ENOPFS"
    case GLP_ENODFS: return "GLP_ENODFS"
    case GLP_EROOT: return "GLP_EROOT"
    case GLP_ESTOP: return "GLP_ESTOP"
    case GLP_EMIPGAP: return "GLP_EMIPGAP"
    default: return "code \(code)"
    }
  }

  /// The name of a solution status (`glp_get_status`, `glp_mip_status`).
  static func status(_ status: Int32) -> String {
    switch status {
    case GLP_UNDEF: return "GLP_UNDEF"
    case GLP_FEAS: return "GLP_FEAS"
    case GLP_INFEAS: return "GLP_INFEAS"
    case GLP_NOFEAS: return "GLP_NOFEAS"
    case GLP_OPT: return "GLP_OPT"
    case GLP_UNBND: return "GLP_UNBND"
    default: return "status \(status)"
    }
  }
}
