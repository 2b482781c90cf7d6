import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Instructions a first screen costs, counted by valgrind's callgrind: the same from run to
/// run on a shared machine, where wall time is not, so each optimisation is judged by it
/// (docs/performance.md). The kernel of these virtual machines offers no hardware counter
/// (`perf stat -e instructions` answers "not supported").
enum InstructionCount {
    static let valgrind = "/usr/bin/valgrind"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: valgrind) }

    /// Millions of instructions from exec to `marker` on the screen (the program is then
    /// stopped with SIGTERM, which the TUI handles at once; callgrind writes its totals at exit).
    /// `binary` should carry no DWARF 5 debug information, which this valgrind cannot read.
    static func firstScreen(_ command: [String], marker: String, env: [String: String], work: String) throws -> Double {
        let out = work + "/callgrind.out.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(out) }
        let pty = try PseudoTerminal([valgrind, "--tool=callgrind", "--callgrind-out-file=\(out)"] + command, environment: env)
        guard pty.waitFor(marker, timeout: 600) != nil else { throw BenchError("\(command.joined(separator: " ")) under callgrind drew no '\(marker)'") }
        // Read what it writes while it exits (valgrind's summary among it): a terminal nobody
        // reads fills up, and the write that blocks would keep it from exiting.
        kill(pty.pid, SIGTERM)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(120)
        while waitpid(pty.pid, &status, WNOHANG) == 0 {
            guard Date() < deadline else {
                kill(pty.pid, SIGKILL)
                throw BenchError("\(command.joined(separator: " ")) under callgrind did not exit after SIGTERM")
            }
            pty.read(timeout: 0.1)
        }
        guard let text = try? String(contentsOfFile: out, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("summary:") || $0.hasPrefix("totals:") }),
              let count = Double(line.split(separator: " ").last ?? "") else {
            throw BenchError("callgrind wrote no totals for \(command.joined(separator: " "))")
        }
        return count / 1e6
    }

    /// A copy of `binary` stripped of everything a program does not run (symbols and debug
    /// information), as `make install` installs it: its size is the installed binary's, and
    /// callgrind can load it.
    static func strippedCopy(of binary: String, in work: String) throws -> String {
        let copy = work + "/huiwu.stripped"
        unlink(copy)
        try Spawn.run(["/usr/bin/strip", "-o", copy, binary], env: ProcessInfo.processInfo.environment)
        return copy
    }
}
