import Foundation
import MeetingKit
import MeetingStore

/// A fresh office in a temporary SQLite file, seeded from `Data/`, with a fixed clock.
public struct TestOffice: Sendable {
    package let store: Store
    public let directory: String
    public let clock: Clock

    /// The package root, found from this file's path.
    public static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    public static var dataDirectory: DataDirectory { DataDirectory(path: packageRoot + "/Data") }

    /// A new temporary directory for one test.
    public static func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "huiwu-tests/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Creates the office; `admin` is the OS login that ran init (an administrator).
    public init(now: String = "2026-03-02T09:00", seeded: Bool = true, admin: String = "root") throws {
        try self.init(.sqlite, now: now, seeded: seeded, admin: admin)
    }

    /// The same office on `engine`: a temporary file, or a new database of the test cluster
    /// (``PostgresCluster``) whose audit key and anchor are in this test's directory.
    package init(_ engine: StoreEngine, now: String = "2026-03-02T09:00", seeded: Bool = true, admin: String = "root") throws {
        directory = TestOffice.temporaryDirectory()
        clock = .fixed(LocalDateTime(iso: now)!)
        switch engine {
        case .sqlite:
            store = try Store.open(at: directory + "/huiwu.sqlite", create: true)
        case .postgresql:
            store = try Store.open(url: PostgresURL(try PostgresCluster.shared().database(), osUser: "root"),
                                   stateDirectory: directory, create: true)
        }
        let data = TestOffice.dataDirectory
        _ = try Setup.initialize(store: store, seed: seeded ? try data.office() : nil, holidays: try data.holidayYears(),
                                 osUser: admin, clock: clock)
    }

    public var path: String { store.path }

    /// A session acting as `login` (resolved as if the admin used `--as`), optionally for a leader.
    package func session(_ login: String = "root", onBehalfOf: String? = nil, now: String? = nil) throws -> Session {
        let clock = now.map { Clock.fixed(LocalDateTime(iso: $0)!) } ?? self.clock
        return try Session.open(store: store, osUser: "root", asLogin: login, onBehalfOf: onBehalfOf, clock: clock)
    }

    /// The number of audit events: tests use it to prove a refused action wrote nothing.
    public func auditCount() throws -> Int { try store.snapshot { try AuditLog.count($0) } }
}
