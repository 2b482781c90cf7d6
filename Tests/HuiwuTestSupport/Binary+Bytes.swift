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
        let running = Running(input: base + ".in", output: base + ".out", error: base + ".err")
        _ = FileManager.default.createFile(atPath: running.input, contents: stdin)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, running.input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, running.output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, running.error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar> {
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, byte) in bytes.enumerated() { pointer[i] = CChar(bitPattern: byte) }
            pointer[bytes.count] = 0
            return pointer
        }
        var env = environment
        for (k, v) in extra { env[k] = v }
        let argv: [UnsafeMutablePointer<CChar>?] = ([Array(Binary.path.utf8)] + args).map(cString) + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { cString(Array("\($0.key)=\($0.value)".utf8)) } + [nil]
        defer {
            for pointer in argv { pointer?.deallocate() }
            for pointer in envp { pointer?.deallocate() }
        }
        let code = posix_spawn(&running.pid, Binary.path, &actions, &attributes, argv, envp)
        guard code == 0 else {
            running.removeFiles()
            throw Subprocess.Failure.spawn(Binary.path, code)
        }
        return running
    }

    /// A started `huiwu` process.
    public final class Running: @unchecked Sendable {
        public fileprivate(set) var pid = pid_t()
        let input: String, output: String, error: String

        init(input: String, output: String, error: String) {
            self.input = input
            self.output = output
            self.error = error
        }

        /// Sends `signal` (SIGKILL by default: no handler runs, as on a power cut of the process).
        public func kill(_ signal: Int32 = SIGKILL) { _ = Glibc.kill(pid, signal) }

        /// Waits for the process to end and returns what it did; removes its temporary files.
        public func wait() -> Result {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            defer { removeFiles() }
            let signaled = status & 0x7F != 0 && status & 0x7F != 0x7F
            return Result(status: signaled ? 128 + (status & 0x7F) : (status >> 8) & 0xFF,
                          stdout: String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self),
                          stderr: String(decoding: FileManager.default.contents(atPath: error) ?? Data(), as: UTF8.self),
                          crashed: signaled)
        }

        func removeFiles() { for path in [input, output, error] { unlink(path) } }
    }

    /// ``run(bytes:stdin:environment:)`` with `String` arguments (valid UTF-8).
    public func run(spawning args: [String], stdin: Data = Data(), environment extra: [String: String] = [:]) throws -> Result {
        try run(bytes: args.map { Array($0.utf8) }, stdin: stdin, environment: extra)
    }
}
