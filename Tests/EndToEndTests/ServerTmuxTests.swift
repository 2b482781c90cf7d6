import Foundation
import HuiwuTestSupport
import Testing

/// The full-screen interface as a client of `huiwu serve`, in a real terminal (tmux), as an
/// OS user: it sleeps while idle and shows other users' changes without a key press.
@Suite("huiwu serve: the TUI as a client (tmux)", .slow, .serialized)
struct ServerTmuxTests {
    /// Context switches of `pid` so far: each wake-up of an idle process counts one.
    static func wakeups(_ pid: pid_t) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        return status.split(separator: "\n").filter { $0.hasPrefix("voluntary_ctxt_switches") || $0.hasPrefix("nonvoluntary_ctxt_switches") }
            .compactMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }.reduce(0, +)
    }

    @Test("an idle TUI sleeps; another user's change reaches it through the server within a second",
          .requires(Tmux.isAvailable, "tmux"))
    func idleAndLive() throws {
        guard let office = try ServerBoundaryTests.served() else { return }
        let tui = try Tmux(command: office.clientCommand(as: "lijing", ["--lang", "en"]), environment: [:], rows: 30, columns: 100)
        try tui.waitFor("No meetings this week")
        let pid = try tui.panePID()
        usleep(300_000)
        let before = try ServerTmuxTests.wakeups(pid)
        sleep(3)
        let after = try ServerTmuxTests.wakeups(pid)
        // Polling every 400 ms would wake it about eight times in three seconds.
        #expect(after - before <= 2, "an idle TUI woke \(after - before) times in 3 s")

        let added = try office.run(as: "zhangyuhang", ["meeting", "add", "--kind", "topical", "--chair", "zhoulixin",
                                                       "--at", "2026-03-04T14:00", "--title", "Sync"])
        #expect(added.status == 0, "\(added.stderr)")
        let start = Date()
        try tui.waitFor("Sync", timeout: 5)
        #expect(Date().timeIntervalSince(start) < 1.0)
        try tui.send("q")
        try tui.waitUntilDead()
    }
}
