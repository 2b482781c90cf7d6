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

    /// Runs `path` with `arguments` and the current environment; returns its exit status
    /// (128 + n when killed by signal n) and what it wrote on standard output.
    public static func run(_ path: String, _ arguments: [String]) throws -> Result {
        let output = NSTemporaryDirectory() + "huiwu-spawn-" + UUID().uuidString
        defer { unlink(output) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD, SIGUSR1, SIGUSR2, SIGWINCH, SIGALRM] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw Failure.spawn(path, code) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let data = FileManager.default.contents(atPath: output) ?? Data()
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift cannot import as macros.
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exitStatus, stdout: String(decoding: data, as: UTF8.self))
    }
}
