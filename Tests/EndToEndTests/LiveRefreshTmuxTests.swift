import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Two secretaries, two terminals, one database: what one changes (in the TUI or with the
/// CLI) appears on the other's open screen within a second, without a key press: each TUI
/// sleeps on inotify of the database's directory and reloads when the audit log grew.
@Suite("Live refresh across two TUI instances (tmux)")
struct LiveRefreshTmuxTests {
    /// Polls every terminal until each shows `text`; returns, for each, the seconds from
    /// `start` until it did.
    func seconds(since start: Date, until text: String, on terminals: [Tmux], timeout: TimeInterval = 5) throws -> [TimeInterval] {
        var seen: [TimeInterval?] = terminals.map { _ in nil }
        while seen.contains(where: { $0 == nil }) {
            for (i, tmux) in terminals.enumerated() where seen[i] == nil {
                if try tmux.capture().contains(text) { seen[i] = Date().timeIntervalSince(start) }
            }
            if Date().timeIntervalSince(start) > timeout {
                throw Tmux.TmuxError.timeout(text, try terminals[seen.firstIndex { $0 == nil }!].capture())
            }
            usleep(20_000)
        }
        return seen.map { $0! }
    }

    @Test("a meeting added by the CLI and moved in one TUI appears in the other within one second",
          .requires(Tmux.isAvailable, "tmux"))
    func twoTerminals() throws {
        let office = try TestOffice()
        let huiwu = Binary(database: office.path)
        var english = huiwu.environment
        english["LANG"] = "en_US.UTF-8"
        let first = try Tmux(command: [Binary.path, "--lang", "en"], environment: english, rows: 30, columns: 100)
        let second = try Tmux(command: [Binary.path, "--lang", "en"], environment: english, rows: 30, columns: 100)
        for tmux in [first, second] { try tmux.waitFor("No meetings this week") }

        // The CLI adds a meeting for this week: both open home screens show it.
        let added = try huiwu.run(["meeting", "add", "--kind", "topical", "--chair", "zhoulixin", "--at", "2026-03-04T14:00",
                                   "--title", "Sync"])
        #expect(added.status == 0, "\(added.stderr)")
        let fromCLI = try seconds(since: Date(), until: "Sync", on: [first, second])

        // The first TUI moves it in the detail's dialog; the second shows the new time.
        try first.send("Enter")
        try first.waitFor("m move")
        try first.send("m")
        try first.waitFor("Move meeting")
        for _ in 0..<16 { try first.send("BSpace") }
        try first.send("2026-03-04T16:30", literal: true)
        try first.send("Enter", "Enter")
        let saved = Date()
        try first.send("Enter")
        let tuiToSecond = try seconds(since: saved, until: "03-04 Wed 16:30", on: [second])[0]
        try first.waitFor("moved to 2026-03-04 16:30")

        let figures = fromCLI.map { String(format: "%.2f", $0) }
        print("live refresh: CLI → first TUI \(figures[0]) s, CLI → second TUI \(figures[1]) s, first TUI → second TUI \(String(format: "%.2f", tuiToSecond)) s")
        #expect(fromCLI.allSatisfy { $0 < 1.0 })
        #expect(tuiToSecond < 1.0)
        #expect(try office.session().meetings().first?.start == LocalDateTime(iso: "2026-03-04T16:30"))
        for tmux in [first, second] { try tmux.send("q") }
    }
}
