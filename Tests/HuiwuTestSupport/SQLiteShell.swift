import Foundation

/// The `sqlite3` command-line shell, run as a separate process on a database file: how an
/// administrator (or an attacker) would alter rows behind Huiwu's back.
public enum SQLiteShell {
    public static let path = "/usr/bin/sqlite3"

    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `sql` on `database` and returns what the shell printed.
    @discardableResult
    public static func run(_ database: String, _ sql: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-batch", database, sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A file's bytes and modification time, to prove that something left a file untouched.
public struct FileFingerprint: Equatable, Sendable {
    public let bytes: Data
    public let modified: Date?
    public let permissions: Int?

    public init(_ path: String) throws {
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        modified = attributes[.modificationDate] as? Date
        permissions = attributes[.posixPermissions] as? Int
    }

    /// Whether SQLite left a write-ahead log or shared-memory file next to `path`.
    public static func sidecars(of path: String) -> [String] {
        ["-wal", "-shm", "-journal"].map { path + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }
}
