// swift-tools-version: 6.0
import PackageDescription

// The actor benchmarks: a package of their own, apart from `Benchmarks/Package.swift`,
// because that one depends on WasmKit, whose `ComponentModel` target has the same name as
// ours, and SwiftPM rejects two same-named targets in one package graph. This package
// depends on the main package only, by path.
let package = Package(
    name: "ActorBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Theater", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "actor-bench",
            dependencies: [
                .product(name: "ActorSystem", package: "Theater"),
                .product(name: "Supervision", package: "Theater"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
