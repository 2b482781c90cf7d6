import Foundation

/// The `huiwu` binary to measure: `--huiwu PATH`, else the one `make install` would install.
/// A release bench measures the release build `make build` makes (linked with
/// `--static-swift-stdlib`, with the compiler flags of the installed binary), kept in its own
/// build folder (`.build/static`) so that switching between `swift run -c release huiwu-bench`
/// and this build never recompiles either.
/// The bench never builds from inside `swift test` (the smoke test passes `--huiwu`).
enum HuiwuBinary {
    static func locate(explicit: String?, rebuild: Bool) throws -> String {
        let fm = FileManager.default
        if let explicit {
            guard fm.isExecutableFile(atPath: explicit) else { throw BenchError("--huiwu \(explicit) is not an executable") }
            return explicit
        }
        let benchDir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        let release = benchDir.contains("/release")
        // A release is built by the Makefile, which holds the flags of the installed binary.
        let arguments = release ? ["make", "build"] : ["swift", "build", "-c", "debug", "--product", "huiwu"]
        let binary = release ? BenchOptions.packageRoot + "/.build/static/release/huiwu" : benchDir + "/huiwu"
        if !rebuild {
            guard fm.isExecutableFile(atPath: binary) else { throw BenchError("--no-build: no huiwu at \(binary)") }
            return binary
        }
        FileHandle.standardError.write(Data("building huiwu: \(arguments.joined(separator: " ")) …\n".utf8))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: BenchOptions.packageRoot)
        p.standardOutput = FileHandle.standardError
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0, fm.isExecutableFile(atPath: binary) else {
            throw BenchError("could not build huiwu; run: \(arguments.joined(separator: " "))")
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
