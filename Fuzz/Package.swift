// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for thidua's parsers (`make fuzz`, see README.md here). A package of its
// own so that `swift build` of thidua never meets executables whose `main` libFuzzer
// provides. Built in debug, where SwiftPM compiles ThiDuaKit with testable imports, so the
// targets reach the parsers without making them public API.
let package = Package(
    name: "thidua-fuzz",
    dependencies: [.package(name: "thidua", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["CFuzzDriver", .product(name: "ThiDuaKit", package: "thidua")]),
        .executableTarget(name: "FuzzDocument", dependencies: ["CFuzzDriver", .product(name: "ThiDuaKit", package: "thidua")]),
        .executableTarget(name: "FuzzDataFiles", dependencies: ["CFuzzDriver", .product(name: "ThiDuaKit", package: "thidua")]),
        .executableTarget(name: "FuzzTemplates", dependencies: ["CFuzzDriver", .product(name: "ThiDuaKit", package: "thidua")]),
    ],
    swiftLanguageModes: [.v6]
)
