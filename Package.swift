// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Quire",
    products: [
        .executable(name: "quire", targets: ["quire"]),
        .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
        .library(name: "ControlModel", targets: ["ControlModel"]),
        .library(name: "Exchange", targets: ["Exchange"]),
        .library(name: "Questionnaire", targets: ["Questionnaire"]),
        .library(name: "Answering", targets: ["Answering"]),
        .library(name: "Reports", targets: ["Reports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "Spreadsheet", dependencies: ["CZlib", "CLibXML2"]),
        .target(name: "ControlModel"),
        .target(
            name: "Exchange",
            dependencies: ["Spreadsheet", "ControlModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Questionnaire",
            dependencies: ["Spreadsheet", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Answering", dependencies: ["ControlModel", "Questionnaire"]),
        .target(name: "Reports", dependencies: ["Spreadsheet", "ControlModel", "Questionnaire", "Answering"]),
        .target(
            name: "Pipeline",
            dependencies: [
                "Spreadsheet", "ControlModel", "Exchange", "Questionnaire", "Answering", "Reports",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Regenerates Sources/ControlModel/BuiltInLibraryData.swift from Catalogs/ (`make catalog`).
        .executableTarget(name: "generate-builtin-library", dependencies: ["ControlModel", "Exchange"]),
        // libFuzzer targets over every reader (`make fuzz` builds it with -sanitize=fuzzer,address and
        // -D QUIRE_FUZZ); a plain build replays kept inputs through the same code (regression tests).
        .executableTarget(
            name: "quire-fuzz",
            dependencies: ["Spreadsheet", "Questionnaire", "ControlModel", "Exchange"]
        ),
        .executableTarget(
            name: "quire",
            dependencies: ["Pipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet"]),
        .testTarget(name: "ControlModelTests", dependencies: ["ControlModel"]),
        .testTarget(name: "ExchangeTests", dependencies: ["Exchange", "ControlModel"]),
        .testTarget(
            name: "QuestionnaireTests",
            dependencies: ["Questionnaire", "Spreadsheet", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "AnsweringTests",
            dependencies: ["Answering", "ControlModel", "Questionnaire", "Spreadsheet"]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Spreadsheet", "ControlModel", "Questionnaire", "Answering"]
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "Spreadsheet", "ControlModel", "Exchange", "Questionnaire", "Reports"]
        ),
        .testTarget(name: "quireTests", dependencies: ["quire"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.treatWarning("ExplicitSendable", as: .warning))
    if target.type == .test {
        // Test code is neither shipped nor measured: in a release build (CI's one build) optimising
        // the eight test targets cost about 120 s of compiler time for nothing.
        settings.append(.unsafeFlags(["-Onone"], .when(configuration: .release)))
    }
    target.swiftSettings = settings
}
