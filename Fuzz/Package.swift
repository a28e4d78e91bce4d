// swift-tools-version:6.0
//
// libFuzzer targets for the corridor planner's input readers (issue #8 item 17).
// A package of its own, depending on the root package by path, so that the main
// manifest stays free of sanitizer-only products. Build and run them with
// `scripts/fuzz.sh` (see docs/fuzzing.md); they only link with
// `-sanitize=fuzzer,address`, which supplies `main`.
import PackageDescription

let package = Package(
  name: "corridor-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "corridor", path: "..")],
  targets: [
    // Scratch files in /dev/shm and a finiteness check over loaded values.
    .target(name: "FuzzSupport", dependencies: ["FuzzDriver"]),
    // Calls libFuzzer's LLVMFuzzerRunDriver from each target's `@main`.
    .target(name: "FuzzDriver"),
    .executableTarget(
      name: "FuzzModelLoader",
      dependencies: ["FuzzSupport", .product(name: "CorridorModel", package: "corridor")]),
    .executableTarget(
      name: "FuzzExpression",
      dependencies: ["FuzzSupport", .product(name: "CorridorModel", package: "corridor")]),
    .executableTarget(
      name: "FuzzCSV",
      dependencies: ["FuzzSupport", .product(name: "CorridorModel", package: "corridor")]),
    .executableTarget(
      name: "FuzzMPS",
      dependencies: ["FuzzSupport", .product(name: "LinearProgramming", package: "corridor")]),
    .executableTarget(
      name: "FuzzCPLEXLP",
      dependencies: ["FuzzSupport", .product(name: "LinearProgramming", package: "corridor")]),
    .executableTarget(
      name: "FuzzMathProg",
      dependencies: ["FuzzSupport", .product(name: "LinearProgramming", package: "corridor")]),
  ]
)
