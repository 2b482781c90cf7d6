// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Huiwu",
    // Linux only, so no `platforms`: the server knows its callers by SO_PEERCRED and the
    // terminal is ncursesw (docs/architecture.md). The one product is the program itself.
    products: [
        .executable(name: "huiwu", targets: ["huiwu"]),
    ],
    dependencies: [
        // Exact pins: the local package mirror holds only these versions.
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // HMAC-SHA256 of the keyed audit chain (docs/architecture.md, "The audit chain").
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // The zip container of .docx files (docs/architecture.md, "Official documents").
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // The PostgreSQL engine of the store (docs/architecture.md, "The database port").
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "MeetingKit"),
        // Text as the terminal draws it (display width, wrapping by the Chinese line-breaking
        // rule): shared by the screens and the CLI's tables, so the CLI needs no MeetingTUI.
        .target(name: "TextLayout", dependencies: ["CNcursesw"]),
        // The file formats around the rules: config.toml, org-chart CSV and JSON, iCalendar,
        // the report's CSV. They read and write MeetingKit's values and decide nothing.
        .target(name: "MeetingFormats", dependencies: ["MeetingKit"]),
        .target(
            name: "MeetingStore",
            dependencies: [
                "MeetingKit", "MeetingFormats", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The use cases as named, value-typed calls, and their two transports: in-process
        // (embedded mode) and a Unix socket to `huiwu serve` (server mode).
        .target(
            name: "MeetingService",
            dependencies: ["MeetingKit", "MeetingStore"]
        ),
        // Official documents (GB/T 9704) rendered from use-case values in the user's own process:
        // DOCX, PDF through LibreOffice, text and HTML. Never the store (docs/architecture.md).
        .target(
            name: "MeetingDocuments",
            dependencies: ["MeetingKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "MeetingTUI",
            dependencies: ["MeetingKit", "MeetingFormats", "MeetingStore", "MeetingService", "MeetingDocuments", "TextLayout", "CNcursesw"]
        ),
        .executableTarget(
            name: "huiwu",
            dependencies: [
                "MeetingKit", "MeetingFormats", "MeetingStore", "MeetingService", "MeetingTUI", "MeetingDocuments", "TextLayout",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks against calcurse (docs/performance.md): swift run -c release huiwu-bench
        .executableTarget(
            name: "huiwu-bench",
            dependencies: ["MeetingKit", "MeetingStore", "MeetingService", "MeetingTUI", "TextLayout", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Helpers shared by the test targets: temporary offices, snapshots, the binary, tmux.
        .target(
            name: "HuiwuTestSupport",
            dependencies: ["MeetingKit", "MeetingStore", "MeetingService", "MeetingTUI", "TextLayout"],
            path: "Tests/HuiwuTestSupport"
        ),
        .testTarget(name: "MeetingKitTests", dependencies: ["MeetingKit", "MeetingFormats"]),
        .testTarget(name: "MeetingFormatsTests", dependencies: ["MeetingKit", "MeetingFormats"]),
        // Documents converted by the real LibreOffice and checked with poppler's tools.
        .testTarget(name: "MeetingDocumentsTests", dependencies: ["MeetingKit", "MeetingStore", "MeetingDocuments", "HuiwuTestSupport",
                                                                  .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "MeetingStoreTests", dependencies: ["MeetingKit", "MeetingFormats", "MeetingStore", "HuiwuTestSupport"]),
        // Snapshots and the hostile-input corpus are read from the source tree by path.
        .testTarget(name: "MeetingTUITests", dependencies: ["MeetingKit", "MeetingFormats", "TextLayout", "MeetingStore", "MeetingService", "MeetingTUI", "HuiwuTestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "EndToEndTests", dependencies: ["huiwu", "huiwu-bench", "MeetingKit", "MeetingFormats", "TextLayout", "MeetingStore", "MeetingService", "HuiwuTestSupport"],
                    exclude: ["__Snapshots__", "Corpus"]),
    ]
)
