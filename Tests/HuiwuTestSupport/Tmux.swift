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
        let exports = env.filter { $0.key.hasPrefix("HUIWU") || ["LANG", "TERM", "NO_COLOR", "HOME", "PATH", "VISUAL", "EDITOR",
                                                                 "XDG_DATA_HOME", "XDG_CONFIG_HOME"].contains($0.key) }
            .map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted().joined(separator: " ")
        // The tmux server passes its own environment on; NO_COLOR and the office's location
        // are set only when asked for (a first start has no HUIWU_DB).
        let unset = ["NO_COLOR", "HUIWU_DB", "HUIWU_SERVER", "HUIWU_NOW"].filter { env[$0] == nil }.map { "-u \($0) " }.joined()
        let shell = "env \(unset)\(exports) " + command.map(Tmux.quote).joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), shell])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        serverPID = Int32(try tmux(["display-message", "-p", "-t", name, "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The tmux server's process id: it inherits the test runner's blocked signals and may not
    /// act on `kill-server`, so it is also killed outright.
    private var serverPID: Int32?

    deinit {
        _ = try? tmux(["kill-server"])
        if let pid = serverPID, pid > 1 { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(atPath: socket)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs one tmux command and returns its output.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        // Not Foundation's Process: see Subprocess for why tmux needs a clean signal mask.
        try Subprocess.run("/usr/bin/tmux", ["-S", socket] + args).stdout
    }

    /// Sends keys in tmux's notation (`Enter`, `Escape`, `Down`, `C-c`) or literal text with `literal`.
    public func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text.
    public func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// The visible screen with its colours and attributes as escape sequences (`capture-pane -e`).
    public func captureWithAttributes() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", name]) }

    /// The process id of the pane's first process (the shell or program tmux started).
    public func panePID() throws -> pid_t {
        let text = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw TmuxError.noPane(text) }
        return pid
    }

    /// Child processes of `pid`, from /proc (Linux).
    public static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let child = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // After "pid (comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == pid ? child : nil
        }
    }

    /// Waits until `condition` holds for the screen (or `timeout` passes), then until the screen
    /// is drawn whole; returns the last capture for which `condition` holds.
    @discardableResult
    public func waitUntil(timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return try settled(screen, condition) }
            usleep(50_000)
        }
        throw TmuxError.timeout("the expected screen", screen)
    }

    /// A frame the program writes at once can reach tmux in parts when the machine is busy, so a
    /// screen that shows what a test waits for may not show the rest of its frame yet. This
    /// captures again until two captures 40 ms apart agree (at most half a second: a screen with
    /// a clock never does).
    private func settled(_ screen: String, _ condition: (String) -> Bool) throws -> String {
        var last = screen
        for _ in 0..<12 {
            usleep(40_000)
            let next = try capture()
            guard condition(next) else { return last }
            if next == last { return next }
            last = next
        }
        return last
    }

    /// Waits until the program inside has exited.
    public func waitUntilDead(timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try isDead() { return }
            usleep(50_000)
        }
        throw TmuxError.timeout("the program to exit", try capture())
    }

    public func resize(rows: Int, columns: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
    }

    /// Whether the program inside has exited.
    public func isDead() throws -> Bool { try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).hasPrefix("1") }

    /// Waits until the screen contains `text` (or `timeout` passes), then until it is drawn
    /// whole; returns the last capture.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        do {
            return try waitUntil(timeout: timeout) { $0.contains(text) }
        } catch TmuxError.timeout(_, let screen) {
            throw TmuxError.timeout(text, screen)
        }
    }

    public enum TmuxError: Error, CustomStringConvertible {
        case timeout(String, String)
        case noPane(String)
        public var description: String {
            switch self {
            case .timeout(let text, let screen): return "timed out waiting for '\(text)'; screen:\n\(screen)"
            case .noPane(let answer): return "tmux has no pane to ask about: \(answer)"
            }
        }
    }
}
