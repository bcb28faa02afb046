// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Theater",
    products: [
        .library(name: "WasmInterp", targets: ["WasmInterp"]),
        .library(name: "ComponentModel", targets: ["ComponentModel"]),
        .library(name: "ActorSystem", targets: ["ActorSystem"]),
        .library(name: "Supervision", targets: ["Supervision"]),
        .executable(name: "theater", targets: ["theater"]),
    ],
    targets: [
        .target(name: "WasmInterp"),
        .target(name: "ComponentModel", dependencies: ["WasmInterp"]),
        .target(name: "ActorSystem", dependencies: ["ComponentModel", "WasmInterp"]),
        .target(name: "Supervision", dependencies: ["ActorSystem"]),
        .target(name: "WasmSpecTest", dependencies: ["WasmInterp"]),
        .target(
            name: "TheaterCLI", dependencies: ["WasmInterp", "WasmSpecTest", "ComponentModel", "ActorSystem", "Supervision"]),
        .executableTarget(
            name: "theater",
            dependencies: ["TheaterCLI", "WasmInterp", "WasmSpecTest", "ComponentModel", "ActorSystem", "Supervision"]),
        .testTarget(
            name: "WasmInterpTests", dependencies: ["WasmInterp", "WasmSpecTest"],
            exclude: ["SpecKnownFailures.txt"]),
        .testTarget(name: "TheaterCLITests", dependencies: ["TheaterCLI", "WasmInterp"]),
        .testTarget(name: "ComponentModelTests", dependencies: ["ComponentModel", "WasmInterp"]),
        .testTarget(name: "ActorSystemTests", dependencies: ["ActorSystem"]),
        .testTarget(name: "SupervisionTests", dependencies: ["Supervision"]),
    ],
    swiftLanguageModes: [.v6]
)
