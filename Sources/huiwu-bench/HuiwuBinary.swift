import Foundation

/// The `huiwu` binary built with the same configuration as the bench (release for real
/// figures), built first when missing or older than the bench itself.
enum HuiwuBinary {
    static func locate() throws -> String {
        let benchPath = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let dir = benchPath.deletingLastPathComponent()
        let binary = dir.appendingPathComponent("huiwu").path
        let fm = FileManager.default
        func modified(_ p: String) -> Date? { (try? fm.attributesOfItem(atPath: p))?[.modificationDate] as? Date }
        if let b = modified(binary), let own = modified(benchPath.path), b >= own { return binary }
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
