// swift-tools-version: 6.0
import PackageDescription

// A separate package so that the main package keeps no dependencies: the benchmarks compare
// WasmInterp with WasmKit, which only this package depends on.
//
// `Sources/WasmInterp` is a symbolic link to the main package's `Sources/WasmInterp`, built here
// as a target of its own, rather than a `.package(path: "..")` dependency: the main package and
// WasmKit both declare a target named `ComponentModel`, and SwiftPM rejects two same-named
// targets in one package graph even when neither is used
// (https://github.com/swiftlang/swift-package-manager/issues/8482). Module aliases cannot help:
// neither `ComponentModel` is a dependency of the products used here.
let package = Package(
    name: "TheaterBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/swiftwasm/WasmKit", exact: "0.4.2"),
    ],
    targets: [
        // The same flags as the main package's WasmInterp target (see there).
        .target(
            name: "WasmInterp",
            swiftSettings: [
                .unsafeFlags(
                    ["-Xllvm", "-tail-dup-indirect-size=1000", "-Xllvm", "-tail-dup-pred-size=100000", "-Xllvm", "-tail-dup-succ-size=100000"],
                    .when(configuration: .release)),
            ]),
        .executableTarget(
            name: "bench",
            dependencies: [
                "WasmInterp",
                .product(name: "WasmKit", package: "WasmKit"),
            ]),
        .executableTarget(name: "entrycost", dependencies: ["WasmInterp"]),
    ],
    swiftLanguageModes: [.v6]
)
