import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the binary with arguments given as raw bytes, which `Process` cannot do (it takes
/// `String`s, always valid Unicode): how a terminal in another encoding, or a hostile script,
/// really calls `huiwu`. Uses `posix_spawn` with a clean signal mask (see ``Subprocess``);
/// output goes through temporary files.
extension Binary {
    /// Runs `huiwu` with `args` exactly as given, `stdin` on standard input, and waits.
    /// `crashed` is true when the process ended by a signal.
    public func run(bytes args: [[UInt8]], stdin: Data = Data(), environment extra: [String: String] = [:]) throws -> Result {
        try start(bytes: args, stdin: stdin, environment: extra).wait()
    }

    /// Starts `huiwu` with `args` and returns at once: the caller may kill it, then waits.
    public func start(bytes args: [[UInt8]], stdin: Data = Data(), environment extra: [String: String] = [:]) throws -> Running {
        let base = NSTemporaryDirectory() + "huiwu-raw-" + UUID().uuidString
        let (input, output, error) = (base + ".in", base + ".out", base + ".err")
        _ = FileManager.default.createFile(atPath: input, contents: stdin)

        var env = environment
        for (k, v) in extra { env[k] = v }
        do {
            let pid = try Subprocess.spawn(Binary.path, arguments: args, environment: env,
                                           stdin: input, stdout: output, stderr: error)
            return Running(pid: pid, input: input, output: output, error: error)
        } catch let failure {
            for path in [input, output, error] { unlink(path) }
            throw failure
        }
    }

    /// A started `huiwu` process.
    public final class Running: @unchecked Sendable {
        public let pid: pid_t
        let input: String, output: String, error: String

        init(pid: pid_t, input: String, output: String, error: String) {
            self.pid = pid
            self.input = input
            self.output = output
            self.error = error
        }

        /// Sends `signal` (SIGKILL by default: no handler runs, as on a power cut of the process).
        public func kill(_ signal: Int32 = SIGKILL) { _ = Glibc.kill(pid, signal) }

        /// Waits for the process to end and returns what it did; removes its temporary files.
        public func wait() -> Result {
            let end = Subprocess.wait(pid)
            defer { removeFiles() }
            return Result(status: end.status, stdout: Subprocess.contents(of: output),
                          stderr: Subprocess.contents(of: error), crashed: end.signaled)
        }

        func removeFiles() { for path in [input, output, error] { unlink(path) } }
    }

    /// ``run(bytes:stdin:environment:)`` with `String` arguments (valid UTF-8).
    public func run(spawning args: [String], stdin: Data = Data(), environment extra: [String: String] = [:]) throws -> Result {
        try run(bytes: args.map { Array($0.utf8) }, stdin: stdin, environment: extra)
    }
}
