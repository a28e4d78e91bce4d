// swift-tools-version:6.0
//
// Caspian corridor planner: a typed Swift layer over GLPK (LinearProgramming),
// a corridor model format and loader (CorridorModel), the allocation
// formulation (CorridorPlanning), report rendering (PlanReports) and the
// `corridor` command-line tool. Dependencies point one way:
//   CGLPK → LinearProgramming → CorridorPlanning → PlanReports → corridor
//   CorridorPlanning → CorridorSweep (sweeps, SQLite) → corridor
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
    .library(name: "CorridorSweep", targets: ["CorridorSweep"]),
    .executable(name: "corridor", targets: ["corridor"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    // SQLite for sweep results (issue #13): transactions, WAL and schema handling done well.
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
    // Scenario sweeps: cases, parallel warm runs, results in SQLite, shards and Slurm scripts.
    .target(name: "CorridorSweep", dependencies: ["CorridorPlanning", "CorridorModel", .product(name: "GRDB", package: "GRDB.swift")]),
    .executableTarget(
      name: "corridor",
      dependencies: [
        "LinearProgramming", "CorridorModel", "CorridorPlanning", "PlanReports", "CorridorSweep",
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
    .testTarget(name: "CorridorSweepTests", dependencies: ["CorridorSweep", "CorridorPlanning", "CorridorModel", "LinearProgramming", "CorridorTestSupport"]),
    .testTarget(name: "CorridorEndToEndTests", dependencies: ["corridor", "CorridorTestSupport", "CorridorSweep"]),
  ]
)
