// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "thidua",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "thidua", targets: ["thidua"]),
        .library(name: "ThiDuaKit", targets: ["ThiDuaKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // Fixed-argument wrappers of libvips' variadic calls, which Swift cannot make.
        .target(name: "CVipsShim", dependencies: ["CVips"]),
        .target(
            name: "ThiDuaKit",
            dependencies: [
                "CCmark",
                "CVipsShim",
                .product(name: "Yams", package: "Yams"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            resources: [.copy("DefaultTheme")]
        ),
        .executableTarget(
            name: "thidua",
            dependencies: [
                "ThiDuaKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ThiDuaKitTests",
            // swift-mustache is the reference thidua's own template renderer must match,
            // byte for byte (TemplateSpecTests, TemplateDifferentialTests).
            dependencies: ["ThiDuaKit", .product(name: "Mustache", package: "swift-mustache")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
