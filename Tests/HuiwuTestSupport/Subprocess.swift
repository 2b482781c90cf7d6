import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with `posix_spawn`, a clean signal mask and default signal actions, and
/// waits for it with `waitpid`.
///
/// Foundation's `Process` hands the child the signal mask of the thread that started it, and
/// Swift Testing runs tests on threads that block most signals. A tmux server started that
/// way inherits a blocked SIGCHLD and SIGTERM: it never sees its pane's program exit and
/// ignores `kill`, and the tests waiting on it hang. Output goes through a temporary file,
/// not a pipe, so a daemon that keeps the descriptor cannot hold the reader forever.
public enum Subprocess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
    }

    public enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        public var description: String {
            if case .spawn(let path, let code) = self { return "cannot start \(path): \(String(cString: strerror(code)))" }
            return ""
        }
    }

    /// How a waited-for process ended.
    struct Termination {
        /// The exit status, or 128 + n when killed by signal n (as a shell reports it).
        var status: Int32
        /// True when a signal ended the process.
        var signaled: Bool
    }

    /// Runs `path` with `arguments` and the current environment; returns its exit status
    /// (128 + n when killed by signal n) and what it wrote on standard output.
    public static func run(_ path: String, _ arguments: [String]) throws -> Result {
        let output = NSTemporaryDirectory() + "huiwu-spawn-" + UUID().uuidString
        defer { unlink(output) }
        let pid = try spawn(path, arguments: arguments.map { Array($0.utf8) }, environment: ProcessInfo.processInfo.environment,
                            stdin: "/dev/null", stdout: output, stderr: "/dev/null")
        return Result(status: wait(pid).status, stdout: contents(of: output))
    }

    /// Starts `path` with `arguments` (raw bytes, so not necessarily UTF-8; `path` is argv[0]),
    /// exactly `environment`, standard input read from the file `stdin` and standard output and
    /// error written to the files `stdout` and `stderr` (created or truncated; "/dev/null" to
    /// discard, which Linux neither creates nor truncates); returns at once.
    static func spawn(_ path: String, arguments: [[UInt8]], environment: [String: String],
                      stdin: String, stdout: String, stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        // Every signal, not a chosen list: only signals the test process ignores survive exec,
        // and the child should start with none ignored whichever they are (a hand-picked list
        // would let e.g. an ignored SIGTTOU or SIGXFSZ through). glibc's sigfillset leaves out
        // its internal signals, and SIGKILL/SIGSTOP, which cannot be reset, are skipped harmlessly.
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
        let argv: [UnsafeMutablePointer<CChar>?] = ([Array(path.utf8)] + arguments).map(cString) + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { cString(Array("\($0.key)=\($0.value)".utf8)) } + [nil]
        defer {
            for pointer in argv { pointer?.deallocate() }
            for pointer in envp { pointer?.deallocate() }
        }
        var pid = pid_t()
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw Failure.spawn(path, code) }
        return pid
    }

    /// Waits for `pid` to end (through interrupted waits) and decodes its status.
    static func wait(_ pid: pid_t) -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFSIGNALED / WTERMSIG / WEXITSTATUS, which Swift cannot import as macros.
        let signaled = status & 0x7F != 0 && status & 0x7F != 0x7F
        return Termination(status: signaled ? 128 + (status & 0x7F) : (status >> 8) & 0xFF, signaled: signaled)
    }

    /// The file at `path` as text (empty when missing); invalid UTF-8 is replaced, not refused.
    static func contents(of path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}
