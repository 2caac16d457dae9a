import Foundation
import Yams

/// Loads a scenario YAML file (model.md), following `extends`, with every problem reported.
///
/// Choices where model.md is silent:
/// - `name` is not inherited through `extends`: it is the loaded file's own `name`, else its
///   base name without extension, so a variant never shows up under its baseline's name.
/// - `year` must lie in 1900–2200; `retirement_age` values and all year counts in 0–200;
///   `time_limit_s` ≥ 0, `mip_gap` ≥ 0, `threads` ≥ 0, every weight in 0–1e9.
/// - Every number must be finite: YAML's `.inf` and `.nan`, and `1e309`, are errors; so are
///   YAML 1.1 base-60 numbers (`1:30`).
/// - Anchors are allowed but aliases (`*name`) are errors, found before any is followed; a
///   scenario file may have at most 1 MiB, and a chain of `extends` at most 64 files.
/// - `quota_tiers` and `indicators` may be empty; repeated items are kept once.
/// - Numbers must be plain YAML scalars (a quoted `"0.1"` is a type error); whole numbers may
///   be written `6.0`; booleans accept YAML's `true/false/yes/no/on/off`.
/// - A diagnostic names the file as the user wrote it (relative paths stay relative) and,
///   for `extends`, the extended file's path joined to the extending file's folder.
public enum ScenarioLoader {
  static let topKeys: Set<String> = ["name", "district", "year", "extends", "rules", "weights", "solver"]
  static let ruleKeys: Set<String> = [
    "teacher_min_years", "cadre_min_years", "retirement_age", "retirement_buffer", "scope",
    "same_stage", "max_commute_km", "key_to_same_or_weaker", "wishes_only", "teacher_quota",
    "quota_tiers", "key_share", "cadre_quota", "max_outflow", "indicators",
  ]
  static let weightKeys: Set<String> = [
    "shortage", "quota", "key_share", "cadre_quota", "balance", "wish", "wish_miss", "commute",
    "move",
  ]
  static let solverKeys: Set<String> = ["time_limit_s", "mip_gap", "threads"]
  /// Longest chain of files extending one another (each is a recursive call; 5,000 overflowed
  /// the stack).
  static let maxExtendsDepth = 64
  /// Largest scenario file read: real ones have a few dozen lines.
  static let maxFileBytes = 1 << 20
  /// Range of every count of years (`*_min_years`, `retirement_age`, `retirement_buffer`):
  /// longer than any life, and small enough that age arithmetic cannot overflow.
  static let yearSpan = 0...200
  /// Largest weight: far above the defaults (at most 1000), small enough that the objective
  /// stays finite and within GLPK's tolerances.
  static let maxWeight = 1e9

  /// Loads the scenario in `file` and everything it extends.
  ///
  /// - Throws: `InputError` with every problem found, by file and line.
  public static func load(file: URL) throws -> Scenario {
    let state = State()
    let label = file.relativePath
    state.apply(file: file, label: label, chain: [], top: true)
    let sink = state.sink
    // A key that is given but invalid, or a file that could not be read, was reported already.
    if !state.unreadable {
      for key in ["district", "year"] where !state.given.contains(key) {
        sink.error(label, nil, key, "missing required key")
      }
    }
    let sorted = sink.items.enumerated().sorted { a, b in
      let fa = state.fileOrder[a.element.file] ?? Int.max
      let fb = state.fileOrder[b.element.file] ?? Int.max
      if fa != fb { return fa < fb }
      if (a.element.line ?? 0) != (b.element.line ?? 0) { return (a.element.line ?? 0) < (b.element.line ?? 0) }
      return a.offset < b.offset
    }.map(\.element)
    guard !sink.hasErrors, let district = state.district, let year = state.year else {
      throw InputError(sorted)
    }
    let name = state.name ?? file.deletingPathExtension().lastPathComponent
    var scenario = Scenario(name: name, file: file, district: district, year: year)
    scenario.rules = state.rules
    scenario.weights = state.weights
    scenario.solver = state.solver
    scenario.inputHashes = state.hashes
    return scenario
  }

  /// The merged settings while the `extends` chain is applied, base first.
  final class State {
    let sink = DiagnosticSink()
    var name: String?
    var district: URL?
    var year: Int?
    var rules = Rules()
    var weights = Weights()
    var solver = SolverSettings()
    var hashes: [String: String] = [:]
    /// Top-level keys given by some file of the chain.
    var given: Set<String> = []
    /// Some file of the chain could not be read or parsed.
    var unreadable = false
    /// Order in which files were opened (the loaded file first), for sorting diagnostics.
    var fileOrder: [String: Int] = [:]

    /// Applies `file` on top of the current state, after the file it extends.
    func apply(file: URL, label: String, chain: [URL], top: Bool) {
      if fileOrder[label] == nil { fileOrder[label] = fileOrder.count }
      let data: Data
      switch InputFile.read(file, maxBytes: ScenarioLoader.maxFileBytes) {
      case .success(let d): data = d
      case .failure(let problem):
        sink.error(label, nil, nil, problem.message)
        unreadable = true
        return
      }
      let hashKey = hashes[file.lastPathComponent] == nil ? file.lastPathComponent : label
      hashes[hashKey] = SHA256.hex(data)
      let text: String
      do {
        text = String(decoding: try TextDecoding.utf8Bytes(of: data, file: label).bytes, as: UTF8.self)
      } catch let error as InputError {
        sink.append(contentsOf: error.diagnostics)
        unreadable = true
        return
      } catch {
        return
      }
      let root: Node?
      do {
        root = try ScenarioLoader.composeWithoutAliases(text)
      } catch let error as AliasFound {
        sink.error(label, error.line, nil, "aliases (*name) are not supported; write the value out")
        unreadable = true
        return
      } catch let error as YamlError {
        // libyaml ends the stream on a line of its own: an error at the end of a file without
        // a final line end would point one line past it.
        let lines = 1 + text.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
        sink.error(label, ScenarioLoader.line(of: error).map { min($0, lines) }, nil, ScenarioLoader.message(of: error))
        unreadable = true
        return
      } catch {
        sink.error(label, nil, nil, "not valid yaml: \(error)")
        unreadable = true
        return
      }
      guard let root, root.null == nil else { return }  // an empty file sets nothing
      guard case .mapping(let mapping) = root else {
        sink.error(label, root.mark?.line, nil, "the scenario must be a mapping of keys to values")
        unreadable = true
        return
      }
      let ctx = Context(file: label, sink: sink)

      // The file extended comes first: this file's keys override it.
      if let pair = mapping.first(where: { $0.key.string == "extends" }) {
        if let path = ctx.string(pair.value, "extends") {
          let base = URL(fileURLWithPath: path, relativeTo: file.deletingLastPathComponent())
            .standardizedFileURL
          let baseLabel = path.hasPrefix("/")
            ? path : (label as NSString).deletingLastPathComponent.isEmpty
              ? path : ((label as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
          let here = file.standardizedFileURL.resolvingSymlinksInPath()
          let chainHere = chain + [here]
          let resolved = base.resolvingSymlinksInPath()
          if chainHere.count >= ScenarioLoader.maxExtendsDepth {
            sink.error(
              label, pair.value.mark?.line, "extends",
              "more than \(ScenarioLoader.maxExtendsDepth) files extend one another")
            unreadable = true
          } else if chainHere.contains(resolved) {
            let names = (chainHere + [resolved]).map(\.lastPathComponent).joined(separator: " → ")
            sink.error(label, pair.key.mark?.line, "extends", "extends cycle: \(names)")
            unreadable = true
          } else if !FileManager.default.fileExists(atPath: base.path) {
            sink.error(label, pair.value.mark?.line, "extends", "no such file \(Diagnostic.quoted(path))")
            unreadable = true
          } else {
            apply(file: base, label: baseLabel, chain: chainHere, top: false)
          }
        }
      }

      for (keyNode, value) in mapping {
        guard let key = keyNode.string else {
          sink.error(label, keyNode.mark?.line, nil, "a key must be text")
          continue
        }
        given.insert(key)
        switch key {
        case "extends":
          break
        case "name":
          if let s = ctx.string(value, key), top { name = s }
        case "district":
          if let s = ctx.string(value, key) {
            district = URL(fileURLWithPath: s, relativeTo: file.deletingLastPathComponent())
              .standardizedFileURL
          }
        case "year":
          if let y = ctx.int(value, key, 1900...2200) { year = y }
        case "rules":
          ctx.mapping(value, key, allowed: ScenarioLoader.ruleKeys) { k, v in applyRule(k, v, ctx) }
        case "weights":
          ctx.mapping(value, key, allowed: ScenarioLoader.weightKeys) { k, v in
            guard let x = ctx.number(v, "weights." + k, 0...ScenarioLoader.maxWeight) else { return }
            switch k {
            case "shortage": weights.shortage = x
            case "quota": weights.quota = x
            case "key_share": weights.keyShare = x
            case "cadre_quota": weights.cadreQuota = x
            case "balance": weights.balance = x
            case "wish": weights.wish = x
            case "wish_miss": weights.wishMiss = x
            case "commute": weights.commute = x
            default: weights.move = x
            }
          }
        case "solver":
          ctx.mapping(value, key, allowed: ScenarioLoader.solverKeys) { k, v in
            let path = "solver." + k
            switch k {
            case "time_limit_s":
              if let x = ctx.number(v, path, 0...Double.infinity) { solver.timeLimitS = x }
            case "mip_gap":
              if let x = ctx.number(v, path, 0...Double.infinity) { solver.mipGap = x }
            default:
              if let x = ctx.int(v, path, 0...Int.max) { solver.threads = x }
            }
          }
        default:
          sink.error(label, keyNode.mark?.line, key, "unknown key \(Diagnostic.quoted(key))")
        }
      }
    }

    private func applyRule(_ k: String, _ v: Node, _ ctx: Context) {
      let path = "rules." + k
      let share = 0.0...1.0
      switch k {
      case "teacher_min_years":
        if let x = ctx.int(v, path, ScenarioLoader.yearSpan) { rules.teacherMinYears = x }
      case "cadre_min_years":
        if let x = ctx.int(v, path, ScenarioLoader.yearSpan) { rules.cadreMinYears = x }
      case "retirement_buffer":
        if let x = ctx.int(v, path, ScenarioLoader.yearSpan) { rules.retirementBuffer = x }
      case "retirement_age":
        ctx.mapping(v, path, allowed: ["M", "F"]) { g, a in
          guard let x = ctx.int(a, path + "." + g, ScenarioLoader.yearSpan) else { return }
          if g == "M" { rules.retirementAgeMale = x } else { rules.retirementAgeFemale = x }
        }
      case "scope":
        if let s = ctx.string(v, path) {
          if let scope = Scope(rawValue: s) {
            rules.scope = scope
          } else {
            ctx.error(v, path, "\(Diagnostic.quoted(s)) is not a scope (zone, group, zone_or_group, district)")
          }
        }
      case "same_stage":
        if let b = ctx.bool(v, path) { rules.sameStage = b }
      case "key_to_same_or_weaker":
        if let b = ctx.bool(v, path) { rules.keyToSameOrWeaker = b }
      case "wishes_only":
        if let b = ctx.bool(v, path) { rules.wishesOnly = b }
      case "max_commute_km":
        if v.null != nil {
          rules.maxCommuteKm = nil
        } else if let x = ctx.number(v, path, 0...Double.infinity) {
          rules.maxCommuteKm = x
        }
      case "teacher_quota":
        if let x = ctx.number(v, path, share) { rules.teacherQuota = x }
      case "key_share":
        if let x = ctx.number(v, path, share) { rules.keyShare = x }
      case "cadre_quota":
        if let x = ctx.number(v, path, share) { rules.cadreQuota = x }
      case "max_outflow":
        if let x = ctx.number(v, path, share) { rules.maxOutflow = x }
      case "quota_tiers":
        if let items = ctx.sequence(v, path) {
          var tiers: [Int] = []
          var ok = true
          for item in items {
            if let t = ctx.int(item, path, 1...3) {
              if !tiers.contains(t) { tiers.append(t) }
            } else {
              ok = false
            }
          }
          if ok { rules.quotaTiers = tiers }
        }
      default:  // indicators
        if let items = ctx.sequence(v, path) {
          var list: [Indicator] = []
          var ok = true
          for item in items {
            guard let s = ctx.string(item, path) else {
              ok = false
              continue
            }
            if let m = Indicator(rawValue: s) {
              if !list.contains(m) { list.append(m) }
            } else {
              ok = false
              ctx.error(
                item, path,
                "\(Diagnostic.quoted(s)) is not an indicator (higher_degree, key, pe_arts, senior_title)")
            }
          }
          if ok { rules.indicators = list }
        }
      }
    }
  }

  /// Typed reads of YAML nodes, each reporting a wrong type or range at the node's line.
  struct Context {
    let file: String
    let sink: DiagnosticSink

    func error(_ node: Node, _ key: String, _ message: String) {
      sink.error(file, node.mark?.line, key, message)
    }

    /// How a node is shown in a message.
    func shown(_ node: Node) -> String {
      switch node {
      case .scalar(let s): return Diagnostic.quoted(s.string)
      case .mapping: return "a mapping"
      case .sequence: return "a list"
      case .alias: return "an alias"
      }
    }

    func string(_ node: Node, _ key: String) -> String? {
      guard case .scalar(let s) = node, node.null == nil else {
        error(node, key, "expected text, got \(node.null != nil ? "null" : shown(node))")
        return nil
      }
      return s.string
    }

    func bool(_ node: Node, _ key: String) -> Bool? {
      if let b = node.bool { return b }
      error(node, key, "expected true or false, got \(shown(node))")
      return nil
    }

    /// Whether a node is a scalar that YAML 1.1 reads as base 60 (`1:30`); Yams computes
    /// those with trapping arithmetic, so they must not reach `Node.int`.
    private func isSexagesimal(_ node: Node) -> Bool {
      if case .scalar(let s) = node { return s.string.contains(":") }
      return false
    }

    func int(_ node: Node, _ key: String, _ range: ClosedRange<Int>) -> Int? {
      let sexagesimal = isSexagesimal(node)
      var value = sexagesimal ? nil : node.int
      if value == nil, !sexagesimal, let x = node.float, x.isFinite, x == x.rounded(), abs(x) < 1e15 {
        value = Int(x)
      }
      guard let value else {
        error(node, key, "expected a whole number, got \(shown(node))")
        return nil
      }
      guard range.contains(value) else {
        if value < 0, range.lowerBound == 0 {
          error(node, key, "\(value) is negative")
        } else {
          let hi = range.upperBound == Int.max ? "" : "\(range.upperBound)"
          error(node, key, "\(value) is outside \(range.lowerBound)–\(hi)")
        }
        return nil
      }
      return value
    }

    func number(_ node: Node, _ key: String, _ range: ClosedRange<Double>) -> Double? {
      guard !isSexagesimal(node), let x = node.float ?? node.int.map(Double.init), !x.isNaN else {
        error(node, key, "expected a number, got \(shown(node))")
        return nil
      }
      guard x.isFinite else {
        error(node, key, "expected a finite number, got \(shown(node))")
        return nil
      }
      guard range.contains(x) else {
        if x < 0, range.lowerBound == 0 {
          error(node, key, "\(numberText(node, x)) is negative")
        } else {
          error(node, key, "\(numberText(node, x)) is outside \(range.lowerBound.formatted)–\(range.upperBound.formatted)")
        }
        return nil
      }
      return x
    }

    private func numberText(_ node: Node, _ x: Double) -> String {
      if case .scalar(let s) = node { return Diagnostic.excerpt(s.string) }
      return "\(x)"
    }

    func sequence(_ node: Node, _ key: String) -> [Node]? {
      guard case .sequence(let seq) = node else {
        error(node, key, "expected a list, got \(shown(node))")
        return nil
      }
      return Array(seq)
    }

    /// Calls `body` for each key of a mapping; unknown keys and non-mappings are errors.
    func mapping(_ node: Node, _ key: String, allowed: Set<String>, _ body: (String, Node) -> Void) {
      guard case .mapping(let m) = node else {
        error(node, key, "expected a mapping, got \(node.null != nil ? "null" : shown(node))")
        return
      }
      for (k, v) in m {
        guard let name = k.string, allowed.contains(name) else {
          error(k, key + "." + (k.string ?? "?"), "unknown key \(k.string.map(Diagnostic.quoted) ?? shown(k)) in \(key)")
          continue
        }
        body(name, v)
      }
    }
  }

  /// An alias in a scenario file, at a 1-based line.
  struct AliasFound: Error {
    let line: Int
  }

  /// Parses `text` as YAML, refusing aliases before any is followed.
  ///
  /// Yams follows an alias by sharing the anchored node, and hashes every mapping key to find
  /// duplicates; a key built of nested aliases ("billion laughs") takes exponential time. So
  /// the text is first parsed with every `&` byte made a `!`: anchors turn into tags of the
  /// same length (lines and columns stay put) and no alias can resolve, so an alias fails as
  /// undefined and is thrown as `AliasFound` at its line. Only a text without aliases is then
  /// composed as written. When that first pass fails otherwise (a node with both a tag and an
  /// anchor), the text is composed as written only if it has no `*` at all, else the first
  /// pass's error is thrown.
  static func composeWithoutAliases(_ text: String) throws -> Node? {
    let probe = String(decoding: text.utf8.map { $0 == UInt8(ascii: "&") ? UInt8(ascii: "!") : $0 }, as: UTF8.self)
    do {
      _ = try Yams.compose(yaml: probe)
    } catch let error as YamlError {
      if case .composer(_, let problem, let mark, _) = error, problem == "found undefined alias" {
        throw AliasFound(line: mark.line)
      }
      if text.utf8.contains(UInt8(ascii: "*")) { throw error }
    }
    return try Yams.compose(yaml: text)
  }

  static func line(of error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    case .duplicatedKeysInMapping(_, let context):
      return context.mark.line
    case .reader(_, let offset, _, let yaml):
      // `offset` counts characters of `yaml`.
      guard let offset, let end = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex)
      else { return nil }
      return 1 + yaml[..<end].reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
    default:
      return nil
    }
  }

  static func message(of error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
      return "not valid yaml: \(problem)"
    case .reader(let problem, _, _, _):
      return "not valid yaml: \(problem)"
    case .duplicatedKeysInMapping(let duplicates, _):
      return "key given twice: \(duplicates.map(Diagnostic.excerpt).joined(separator: ", "))"
    default:
      return "not valid yaml: \(error)"
    }
  }
}

extension Double {
  /// Short text of a bound for messages: `1` rather than `1.0`, `∞` for infinity.
  fileprivate var formatted: String {
    if self == .infinity { return "∞" }
    return self == rounded() ? String(Int(self)) : String(self)
  }
}
