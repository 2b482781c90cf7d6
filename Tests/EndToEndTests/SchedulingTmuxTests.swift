import Foundation
import Testing
import HuiwuTestSupport

/// A real terminal: a secretary opens the week view, adds a meeting in the create dialog,
/// and the meeting is then found by `huiwu meeting list --json`.
@Suite("Scheduling in a real terminal (tmux)")
struct SchedulingTmuxTests {
    @Test("a meeting created through the TUI is listed by huiwu meeting list", .requires(Tmux.isAvailable, "tmux"))
    func createThroughTUI() throws {
        let office = try TestOffice()
        let huiwu = Binary(database: office.path)
        let tmux = try Tmux(command: [Binary.path], environment: huiwu.environment, rows: 30, columns: 100)
        try tmux.waitFor("待我处理")
        try tmux.send("1")  // section 1: the calendar
        try tmux.waitFor("会议日历 · 周 2026-03-02 – 2026-03-08")
        try tmux.send("n")
        try tmux.waitFor("新建会议")
        try tmux.send("Tab", "Tab", "Tab", "Tab")  // start, minutes, chair, room
        try tmux.send("Room 2", literal: true)
        try tmux.send("Tab")
        try tmux.send("TUI e2e budget review", literal: true)
        try tmux.waitFor("TUI e2e budget review")
        try tmux.send("Enter")
        try tmux.waitFor("已添加")
        try tmux.send("Escape")
        try tmux.waitFor("TUI e2e budget review  Room 2")
        try tmux.send("q")
        try tmux.send("q")

        let meetings = try huiwu.json(["meeting", "list", "--from", "2026-03-02", "--to", "2026-03-02"]) as! [[String: Any]]
        let made = try #require(meetings.first { $0["title"] as? String == "TUI e2e budget review" })
        #expect(made["start"] as? String == "2026-03-02T09:00")
        #expect(made["kind"] as? String == "topical")
        #expect(made["room"] as? String == "Room 2")
        #expect(made["chair"] as? String == "zhoulixin")
    }

    @Test("a secretary edits a meeting's subject with e in the TUI; meeting edit changes its room from the CLI, and refuses a stale version",
          .requires(Tmux.isAvailable, "tmux"))
    func editThroughTUIAndCLI() throws {
        let office = try TestOffice()
        let huiwu = Binary(database: office.path)
        let added = try huiwu.json(["meeting", "add", "--kind", "topical", "--at", "2026-03-04T14:00", "--chair", "wangxiaoyan",
                                    "--title", "old subject", "--as", "lijing"]) as! [String: Any]
        let id = try #require(added["id"] as? Int)
        let tmux = try Tmux(command: [Binary.path, "--as", "lijing"], environment: huiwu.environment, rows: 30, columns: 100)
        try tmux.waitFor("待我处理")
        try tmux.send(":")
        try tmux.send("meeting \(id)", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("old subject")
        try tmux.send("e")
        try tmux.waitFor("修改会议")
        for _ in "old subject" { try tmux.send("BSpace") }
        try tmux.send("new subject by keys", literal: true)
        try tmux.waitFor("new subject by keys")
        try tmux.send("F2")
        try tmux.waitFor("已修改")
        try tmux.send("q")
        try tmux.send("q")

        let edited = try huiwu.json(["meeting", "show", String(id)]) as! [String: Any]
        #expect(edited["title"] as? String == "new subject by keys")
        let version = try #require(edited["version"] as? Int)
        let moved = try huiwu.json(["meeting", "edit", String(id), "--room", "第二会议室", "--expect-version", String(version), "--as", "lijing"])
            as! [String: Any]
        #expect(moved["room"] as? String == "第二会议室")
        let stale = try huiwu.run(["meeting", "edit", String(id), "--room", "第三会议室", "--expect-version", String(version), "--as", "lijing"])
        #expect(stale.status == 5 && stale.stderr.contains("李静"))
        let nothing = try huiwu.run(["meeting", "edit", String(id)])
        #expect(nothing.status != 0 && !nothing.stderr.isEmpty)
    }

    @Test("a secretary records the mayor's approval from inside the TUI: & and the picker, the top line says so, & again stops (R61)",
          .requires(Tmux.isAvailable, "tmux"))
    func recordForTheMayor() throws {
        let office = try TestOffice()
        let huiwu = Binary(database: office.path)
        let added = try huiwu.json(["meeting", "add", "--kind", "topical", "--at", "2026-03-10T14:00", "--departments", "JW",
                                    "--title", "awaiting the mayor", "--as", "wangxiaoyan"]) as! [String: Any]
        let id = try #require(added["id"] as? Int)
        let tmux = try Tmux(command: [Binary.path, "--as", "lijing"], environment: huiwu.environment, rows: 30, columns: 100)
        try tmux.waitFor("待我处理")
        try tmux.send("&")
        try tmux.waitFor("代谁录入")
        try tmux.send("zhoulixin", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("李静 代录：周立新（& 停止）")
        try tmux.send(":")
        try tmux.send("meeting \(id)", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("awaiting the mayor")
        try tmux.send("a")
        try tmux.waitFor("批准召开")
        try tmux.send("y")
        try tmux.waitFor("已批准")
        try tmux.send("&")
        try tmux.waitFor("已停止代录")
        try tmux.send("q")
        try tmux.send("q")

        let meeting = try huiwu.json(["meeting", "show", String(id)]) as! [String: Any]
        #expect(meeting["approval"] as? String == "approved")
        let log = try huiwu.run(["audit", "list", "--limit", "5", "--as", "lijing"])
        #expect(log.stdout.contains("meeting.approve") && log.stdout.contains("zhoulixin"), "\(log.stdout)\(log.stderr)")
    }
}
