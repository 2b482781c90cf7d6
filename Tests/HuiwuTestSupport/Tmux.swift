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

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let p = Process()
        // Foundation on Linux learns that a child exited when the socket it hands the child
        // reaches end of file; the tmux server forked by `new-session` would inherit it and keep
        // `waitUntilExit` waiting forever, so every descriptor above 2 is closed before tmux runs.
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "for f in /proc/$$/fd/*; do n=${f##*/}; if (( n > 2 )); then eval \"exec $n>&-\"; fi; done 2>/dev/null; exec /usr/bin/tmux \"$@\"",
                       "tmux", "-S", socket] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
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
        public var description: String {
            if case .timeout(let text, let screen) = self { return "timed out waiting for '\(text)'; screen:\n\(screen)" }
            return ""
        }
    }
}
