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

extension SQLiteShell {
    /// Starts a `sqlite3` shell that holds the write lock of `database` (`BEGIN IMMEDIATE`) for
    /// `seconds`, then commits: another user's transaction left open. Wait for the returned
    /// process to end before the test does.
    public static func holdWriteLock(_ database: String, seconds: Int) throws -> Process {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "(echo 'BEGIN IMMEDIATE;'; sleep \(seconds); echo 'COMMIT;') | \(path) -batch '\(database)'"]
        try holder.run()
        Thread.sleep(forTimeInterval: 0.5)  // until the shell holds the lock
        return holder
    }
}
