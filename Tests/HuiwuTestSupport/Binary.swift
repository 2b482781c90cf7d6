import Foundation

/// Runs the real `huiwu` binary built next to the tests, as scripts and users do.
public struct Binary: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// True when the process ended by a signal (a crash), not by exit.
        public var crashed: Bool
    }

    /// The built executable: `HUIWU_BIN`, else `huiwu` in the test bundle's build folder.
    public static var path: String {
        if let env = ProcessInfo.processInfo.environment["HUIWU_BIN"] { return env }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("huiwu").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return TestOffice.packageRoot + "/.build/debug/huiwu"
    }

    public let database: String
    public var now: String
    public var extraEnvironment: [String: String] = [:]

    public init(database: String, now: String = "2026-03-02T09:00") {
        self.database = database
        self.now = now
    }

    public var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HUIWU_DB"] = database
        env["HUIWU_NOW"] = now
        env["HUIWU_DATA"] = TestOffice.packageRoot + "/Data"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LANGUAGE")
        env.removeValue(forKey: "LC_ALL")
        for (k, v) in extraEnvironment { env[k] = v }
        return env
    }

    /// Runs `huiwu args…`, feeding `stdin` if given, and waits for it.
    @discardableResult
    public func run(_ args: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = args
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self),
                      crashed: process.terminationReason == .uncaughtSignal)
    }

    /// Runs with `--json` and decodes standard output as JSON.
    public func json(_ args: [String]) throws -> Any {
        let result = try run(args + ["--json"])
        guard result.status == 0 else { throw BinaryError.failed(args, result.status, result.stderr) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
    }

    public enum BinaryError: Error, CustomStringConvertible {
        case failed([String], Int32, String)
        public var description: String {
            if case .failed(let args, let status, let err) = self { return "huiwu \(args.joined(separator: " ")) exited \(status): \(err)" }
            return ""
        }
    }
}
