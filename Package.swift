// swift-tools-version: 6.0
import PackageDescription

// Release builds let LLVM copy the interpreter loop's dispatch (load the next instruction, look
// up its case, jump) into every case of `Execution.interpret`, so each case ends in its own
// indirect jump, as in a direct-threaded interpreter. LLVM's defaults refuse: the dispatch block
// has hundreds of predecessors and successors, and before register allocation it holds
// hundreds of copies. With one shared dispatch the loop's speed depended on where that block
// fell relative to 64-byte lines (up to 30%, see Documentation/Interpreter.md).
//
// SwiftPM refuses unsafe flags in a dependency required by version (root, local-path and
// branch/revision dependencies are fine): set THEATER_PORTABLE_MANIFEST=1 while resolving
// and building to leave them out, at the cost of that speed.
let threadedDispatch: [SwiftSetting] =
    Context.environment["THEATER_PORTABLE_MANIFEST"] != nil
    ? []
    : [
        .unsafeFlags(
            [
                "-Xllvm", "-tail-dup-indirect-size=1000", "-Xllvm", "-tail-dup-pred-size=100000",
                "-Xllvm", "-tail-dup-succ-size=100000",
            ],
            .when(configuration: .release)),
    ]

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
        .target(name: "WasmInterp", swiftSettings: threadedDispatch),
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
