// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Lungang",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "lungang", targets: ["lungang"]),
    .library(name: "LungangCore", targets: ["LungangCore"]),
    .library(name: "GLPKKit", targets: ["GLPKKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // GLPK's C API. Debian ships no glpk.pc, so no pkgConfig: the header and
    // library sit on the default search paths once libglpk-dev is installed.
    .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
    .target(name: "GLPKKit", dependencies: ["CGLPK"]),
    .target(
      name: "LungangCore",
      dependencies: ["GLPKKit", .product(name: "Yams", package: "Yams")]),
    .executableTarget(
      name: "lungang",
      dependencies: [
        "LungangCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "GLPKKitTests", dependencies: ["GLPKKit"]),
    .testTarget(name: "LungangCoreTests", dependencies: ["LungangCore"]),
    .testTarget(name: "LungangCLITests", dependencies: ["LungangCore"]),
  ]
)
