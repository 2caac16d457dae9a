/// The map of a synthetic district: a Dongcheng-like rectangle split into a grid of zones.
///
/// Dongcheng spans about lat 39.87–39.96 and lon 116.38–116.45 (≈ 10 km × 6 km, ≈ 100
/// schools). A district of M schools keeps that density: each side scales with √(M/100)
/// (at least a quarter, so tiny districts are not points). Only basic arithmetic is used, so
/// coordinates are bit-identical everywhere.
struct DistrictGeometry: Sendable {
  /// Centre of the district (Dongcheng).
  static let center = GeoPoint(lat: 39.915, lon: 116.415)
  /// Kilometres per degree of latitude (6371 km · π / 180).
  static let kmPerDegLat = 111.1949
  /// Kilometres per degree of longitude at the centre's latitude (· cos 39.915°).
  static let kmPerDegLon = 85.2862

  let south: Double
  let west: Double
  let latSpan: Double
  let lonSpan: Double
  let zones: Int
  let cols: Int
  let rows: Int

  init(schools: Int, zones: Int) {
    let scale = max(0.25, (Double(schools) / 100).squareRoot())
    latSpan = 0.09 * scale
    lonSpan = 0.07 * scale
    south = DistrictGeometry.center.lat - latSpan / 2
    west = DistrictGeometry.center.lon - lonSpan / 2
    self.zones = zones
    let aspect = (lonSpan * DistrictGeometry.kmPerDegLon) / (latSpan * DistrictGeometry.kmPerDegLat)
    cols = min(zones, max(1, Int((Double(zones) * aspect).squareRoot().rounded())))
    rows = (zones + cols - 1) / cols
  }

  /// The rectangle (south, west, height, width in degrees) of zone `k`; zone 0 is north-west,
  /// the last row shares its width among the zones it holds.
  func zoneRect(_ k: Int) -> (south: Double, west: Double, height: Double, width: Double) {
    let row = k / cols
    let col = k % cols
    let inRow = row == rows - 1 ? zones - row * cols : cols
    let h = latSpan / Double(rows)
    let w = lonSpan / Double(inRow)
    return (south + latSpan - Double(row + 1) * h, west + Double(col) * w, h, w)
  }

  /// A uniform point in zone `k`, 5 % away from its edges.
  func point(inZone k: Int, _ rng: inout SplitMix64) -> GeoPoint {
    let r = zoneRect(k)
    let lat = r.south + r.height * rng.uniform(0.05, 0.95)
    let lon = r.west + r.width * rng.uniform(0.05, 0.95)
    return GeoPoint(lat: DistrictGeometry.round(lat, 6), lon: DistrictGeometry.round(lon, 6))
  }

  /// A home location: usually within a few km of the school, else anywhere in a ring around
  /// the district (commuters from neighbouring districts).
  func home(near school: GeoPoint, _ rng: inout SplitMix64) -> GeoPoint {
    var lat: Double
    var lon: Double
    if rng.chance(0.75) {
      lat = school.lat + rng.normal() * 1.2 / DistrictGeometry.kmPerDegLat
      lon = school.lon + rng.normal() * 1.2 / DistrictGeometry.kmPerDegLon
    } else {
      lat = south - latSpan * 0.4 + latSpan * 1.8 * rng.uniform()
      lon = west - lonSpan * 0.6 + lonSpan * 2.2 * rng.uniform()
    }
    return GeoPoint(lat: DistrictGeometry.round(lat, 4), lon: DistrictGeometry.round(lon, 4))
  }

  /// Squared planar distance in km² (for nearest-school searches; no square root needed).
  static func km2(_ a: GeoPoint, _ b: GeoPoint) -> Double {
    let dy = (a.lat - b.lat) * kmPerDegLat
    let dx = (a.lon - b.lon) * kmPerDegLon
    return dx * dx + dy * dy
  }

  /// `x` rounded to `digits` decimals (half away from zero).
  static func round(_ x: Double, _ digits: Int) -> Double {
    var p = 1.0
    for _ in 0..<digits { p *= 10 }
    return (x * p).rounded() / p
  }
}
