import Foundation

/// Finding and running the helper programs documents use (LibreOffice, fontconfig, lp).
public enum Executable {
    /// The program `name` on `PATH` (or the given search path), if there is one.
    public static func find(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        let directories = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Where a program's standard output and error go.
    public enum Output: Sendable {
        /// Both into this file, created readable by the user only.
        case file(String)
        /// Nowhere (/dev/null).
        case discarded
        /// The user's terminal, standard input too: a program the user works in (an editor).
        case terminal
    }

    /// Runs `program` with `arguments` to its end and returns the exit status (nonzero when a
    /// signal ended it); standard input is /dev/null except for `.terminal`. Throws when it
    /// cannot start, or takes longer than `timeout` seconds (it is then killed). The one way
    /// Huiwu runs a child process (the benchmarks' `Spawn` aside: it times one).
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                           output: Output, timeout: TimeInterval? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let environment { process.environment = environment }
        var log: FileHandle?
        defer { try? log?.close() }
        switch output {
        case .file(let path):
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            log = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = log
            process.standardError = log
        case .discarded:
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        case .terminal:
            break
        }
        try process.run()
        guard let timeout else {
            process.waitUntilExit()
            return process.terminationStatus
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                usleep(500_000)
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                throw ExecutableError.timedOut(program, timeout)
            }
            usleep(20_000)
        }
        return process.terminationStatus
    }

    public enum ExecutableError: Error, CustomStringConvertible {
        case timedOut(String, TimeInterval)
        public var description: String {
            if case .timedOut(let program, let seconds) = self { return "\(program) did not finish in \(Int(seconds)) s" }
            return ""
        }
    }
}
