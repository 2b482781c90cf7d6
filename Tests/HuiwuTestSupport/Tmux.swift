import Foundation

/// A real terminal for end-to-end tests: the binary runs inside a detached tmux session,
/// keys are sent with `send-keys`, the screen is read with `capture-pane`.
public final class Tmux {
    public let name: String
    private let socket: String

    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Starts `command` in a `columns`×`rows` terminal with `environment`.
    public init(command: [String], environment: [String: String], rows: Int = 24, columns: Int = 80) throws {
        name = "huiwu-" + UUID().uuidString.prefix(8)
        socket = NSTemporaryDirectory() + "huiwu-tmux-" + name
        var env = environment
        env["TERM"] = "xterm-256color"
        let exports = env.filter { $0.key.hasPrefix("HUIWU") || ["LANG", "TERM", "NO_COLOR", "HOME", "PATH", "VISUAL", "EDITOR"].contains($0.key) }
            .map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted().joined(separator: " ")
        let shell = "env \(exports) " + command.map(Tmux.quote).joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), shell])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs one tmux command and returns its output.
    ///
    /// Spawned directly rather than with `Process`: the test runner's threads block most
    /// signals and `Process` passes that mask on, so the tmux server (and the program under
    /// test in it) would never see SIGHUP, SIGCHLD or SIGWINCH, and `kill-server` would hang
    /// waiting for its panes. Here the child starts with an empty mask and default handlers,
    /// and with no descriptors but its own (a server holding a test's pipe would block it).
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TmuxError.spawn(errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for fd in open where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGCHLD, SIGCONT, SIGTSTP, SIGTTIN, SIGTTOU, SIGUSR1, SIGUSR2, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = (["/usr/bin/tmux", "-S", socket] + args).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, argv, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw TmuxError.spawn(spawned)
        }
        let data = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true).readDataToEndOfFile()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends keys in tmux's notation (`Enter`, `Escape`, `Down`, `C-c`) or literal text with `literal`.
    public func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text.
    public func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    public func resize(rows: Int, columns: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
    }

    /// Whether the program inside has exited.
    public func isDead() throws -> Bool { try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).hasPrefix("1") }

    /// Waits until the screen contains `text` (or `timeout` passes); returns the last capture.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if screen.contains(text) { return screen }
            usleep(50_000)
        }
        throw TmuxError.timeout(text, screen)
    }

    public enum TmuxError: Error, CustomStringConvertible {
        case timeout(String, String)
        /// tmux could not be started (an errno value).
        case spawn(Int32)
        public var description: String {
            switch self {
            case .timeout(let text, let screen): return "timed out waiting for '\(text)'; screen:\n\(screen)"
            case .spawn(let code): return "cannot run tmux: \(String(cString: strerror(code)))"
            }
        }
    }
}
