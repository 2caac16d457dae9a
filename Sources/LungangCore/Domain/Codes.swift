import Foundation

/// A compulsory-education stage; a school has a section per stage with pupils.
public enum Stage: Int, Comparable, CaseIterable, Sendable, Hashable {
  /// Primary school (小学).
  case primary = 0
  /// Junior secondary school (初中).
  case junior = 1

  /// The English code used in files and output.
  public var code: String { self == .primary ? "primary" : "junior" }
  /// The Chinese label.
  public var label: String { self == .primary ? "小学" : "初中" }

  public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }
}

/// A staff member's post: teacher, or one of the two cadre roles.
public enum Role: Int, CaseIterable, Sendable, Hashable {
  /// A teacher (教师).
  case teacher = 0
  /// A principal (校长).
  case principal = 1
  /// A vice principal (副校长).
  case vicePrincipal = 2

  /// The English code.
  public var code: String {
    switch self {
    case .teacher: return "teacher"
    case .principal: return "principal"
    case .vicePrincipal: return "vice_principal"
    }
  }
  /// True for principals and vice principals (干部).
  public var isCadre: Bool { self != .teacher }
}

/// Gender, which sets the retirement age.
public enum Gender: Int, CaseIterable, Sendable, Hashable {
  /// Male (男).
  case male = 0
  /// Female (女).
  case female = 1
  /// The code used in files and scenario keys: `M` or `F`.
  public var code: String { self == .male ? "M" : "F" }
}

/// A teaching subject code.
public enum Subject: String, CaseIterable, Sendable, Hashable {
  case chinese, math, english, physics, chemistry, biology, politics, history, geography
  case science, pe, music, art, it, psychology, labor, other

  /// True for the PE and arts teachers of the balance indicators (体育、艺术专任教师).
  public var isPEArts: Bool { self == .pe || self == .music || self == .art }
}

/// Professional title (职称), ordered.
public enum Title: Int, Comparable, CaseIterable, Sendable, Hashable {
  case none = 0, third, second, first, senior, fullSenior
  public static func < (a: Title, b: Title) -> Bool { a.rawValue < b.rawValue }
  /// The English code.
  public var code: String {
    ["none", "third", "second", "first", "senior", "full_senior"][rawValue]
  }
}

/// Key-teacher level (骨干级别); anything but none is a key teacher.
public enum KeyLevel: Int, Comparable, CaseIterable, Sendable, Hashable {
  case none = 0, district, municipal, leader, special
  public static func < (a: KeyLevel, b: KeyLevel) -> Bool { a.rawValue < b.rawValue }
  /// The English code.
  public var code: String { ["none", "district", "municipal", "leader", "special"][rawValue] }
}

/// Highest degree (学历), ordered.
public enum Degree: Int, Comparable, CaseIterable, Sendable, Hashable {
  case secondary = 0, associate, bachelor, master, doctor
  public static func < (a: Degree, b: Degree) -> Bool { a.rawValue < b.rawValue }
  /// The English code.
  public var code: String { ["secondary", "associate", "bachelor", "master", "doctor"][rawValue] }
}

/// A point on the earth in decimal degrees.
public struct GeoPoint: Sendable, Hashable {
  public var lat: Double
  public var lon: Double
  public init(lat: Double, lon: Double) {
    self.lat = lat
    self.lon = lon
  }

  /// Mean earth radius in km used for every distance (IUGG mean radius, rounded).
  public static let earthRadiusKm = 6371.0

  /// Great-circle distance in km by the haversine formula on a sphere of `earthRadiusKm`.
  public func distanceKm(to other: GeoPoint) -> Double {
    distanceKm(to: other, cosLat: GeoPoint.cosLat(self), otherCosLat: GeoPoint.cosLat(other))
  }

  /// `distanceKm(to:)` with both latitudes' cosines given (`cosLat`), the same to the bit.
  func distanceKm(to other: GeoPoint, cosLat c0: Double, otherCosLat c1: Double) -> Double {
    let rad = Double.pi / 180
    let dLat = (other.lat - lat) * rad
    let dLon = (other.lon - lon) * rad
    let sLat = sin(dLat / 2)
    let sLon = sin(dLon / 2)
    let a = sLat * sLat + c0 * c1 * sLon * sLon
    return 2 * GeoPoint.earthRadiusKm * asin(min(1, a.squareRoot()))
  }

  /// The cosine of a point's latitude.
  static func cosLat(_ p: GeoPoint) -> Double { cos(p.lat * (Double.pi / 180)) }
}
