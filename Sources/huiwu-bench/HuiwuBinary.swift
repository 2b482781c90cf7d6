import Foundation

/// The `huiwu` binary to measure: `--huiwu PATH`, else the one built next to the bench with
/// the same configuration (release for real figures). Only `swift run huiwu-bench` without a
/// `huiwu` beside it builds one; the bench never builds from inside `swift test`.
enum HuiwuBinary {
    static func locate(explicit: String?, rebuild: Bool) throws -> String {
        let fm = FileManager.default
        if let explicit {
            guard fm.isExecutableFile(atPath: explicit) else { throw BenchError("--huiwu \(explicit) is not an executable") }
            return explicit
        }
        let benchPath = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let dir = benchPath.deletingLastPathComponent()
        let binary = dir.appendingPathComponent("huiwu").path
        if fm.isExecutableFile(atPath: binary) && !rebuild { return binary }
        let configuration = dir.path.contains("/release") ? "release" : "debug"
        FileHandle.standardError.write(Data("building huiwu (\(configuration)) …\n".utf8))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["swift", "build", "-c", configuration, "--product", "huiwu"]
        p.currentDirectoryURL = URL(fileURLWithPath: BenchOptions.packageRoot)
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0, fm.isExecutableFile(atPath: binary) else {
            throw BenchError("could not build huiwu; run: swift build -c \(configuration) --product huiwu")
        }
        return binary
    }

    static func osUser() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "root"
    }
}

/// What the figures were measured on.
enum Machine {
    static func describe() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let memory = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
            .split(separator: "\n").first?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first
            .flatMap { Int($0) }.map { "\($0 / 1_048_576) GiB" } ?? "?"
        return "\(ProcessInfo.processInfo.activeProcessorCount) × \(cpu), \(memory)"
    }
}
