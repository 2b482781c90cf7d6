import Foundation

/// Finding and running the helper programs documents use (LibreOffice, fontconfig, lp).
public enum Executable {
    /// The program `name` on `PATH` (or the given search path), if there is one.
    public static func find(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        let directories = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `program` with `arguments`, standard input from /dev/null and both outputs into
    /// the file `output`; returns the exit status, or throws when it cannot start or takes
    /// longer than `timeout` seconds (it is then killed).
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                           output: String, timeout: TimeInterval) throws -> Int32 {
        FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: 0o600])
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        defer { try? log.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
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
