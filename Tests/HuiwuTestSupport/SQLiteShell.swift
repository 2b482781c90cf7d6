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
