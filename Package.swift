// swift-tools-version:6.0
//
// Caspian corridor planner: a typed Swift layer over GLPK (LinearProgramming),
// a corridor model format and loader (CorridorModel), the allocation
// formulation (CorridorPlanning), report rendering (PlanReports) and the
// `corridor` command-line tool. Dependencies point one way:
//   CGLPK → LinearProgramming → CorridorPlanning → PlanReports → corridor
//   CorridorModel (file format, units, validation) → CorridorPlanning
import PackageDescription

let package = Package(
  name: "corridor",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
    .library(name: "CorridorModel", targets: ["CorridorModel"]),
    .library(name: "CorridorPlanning", targets: ["CorridorPlanning"]),
    .library(name: "PlanReports", targets: ["PlanReports"]),
    .executable(name: "corridor", targets: ["corridor"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // The system GLPK library (Debian: libglpk-dev). Only LinearProgramming imports it.
    .systemLibrary(
      name: "CGLPK",
      providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
    ),
    .target(name: "LinearProgramming", dependencies: ["CGLPK"]),
    .target(name: "CorridorModel", dependencies: ["TOMLKit"]),
    .target(name: "CorridorPlanning", dependencies: ["LinearProgramming", "CorridorModel"]),
    .target(name: "PlanReports", dependencies: ["CorridorPlanning", "CorridorModel"]),
    .executableTarget(
      name: "corridor",
      dependencies: [
        "LinearProgramming", "CorridorModel", "CorridorPlanning", "PlanReports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmark of the LP layer (not a test): `swift run -c release corridor-bench`.
    .executableTarget(
      name: "corridor-bench",
      dependencies: ["LinearProgramming", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // Helpers shared by the test targets (package root, seeded RNG); not shipped.
    .target(name: "CorridorTestSupport", path: "Tests/CorridorTestSupport"),
    .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "CorridorTestSupport"]),
    .testTarget(name: "CorridorModelTests", dependencies: ["CorridorModel"], exclude: ["Fixtures"]),
    .testTarget(name: "CorridorPlanningTests", dependencies: ["CorridorPlanning", "CorridorModel", "LinearProgramming", "CorridorTestSupport"],
                exclude: ["Fixtures"]),
    .testTarget(name: "PlanReportsTests", dependencies: ["PlanReports", "CorridorPlanning", "CorridorModel", "CorridorTestSupport"]),
    .testTarget(name: "CorridorEndToEndTests", dependencies: ["corridor", "CorridorTestSupport"]),
  ]
)
