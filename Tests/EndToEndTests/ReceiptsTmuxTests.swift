import Foundation
import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

/// Receipts in real terminals: the office sends a notice from the meeting's screen; one unit
/// confirms in its own terminal from "waiting for me", another with the CLI, a third asks for
/// leave through its receipt; the office's receipts screen, still open, shows the one unit
/// that has not answered.
@Suite("Notice receipts in the terminal", .requires(Tmux.isAvailable, "tmux"))
struct ReceiptsTmuxTests {
    @Test("send a notice, two units confirm, one asks for leave, the office sees the one that has not answered")
    func receipts() throws {
        let office = try TestOffice(admin: NSUserName())
        let meetingId = try DocumentFixtures.topicalMeeting(office)
        let huiwu = Binary(database: office.path, now: "2026-03-10T09:00")

        let desk = try Tmux(command: [Binary.path, "--as", "lijing"], environment: huiwu.environment, rows: 30, columns: 100)
        try desk.waitFor("研究教育工作")
        try desk.send("Enter")
        try desk.waitFor("发通知")
        try desk.send("N")
        try desk.waitFor("已发出通知，回执 4 份")
        try desk.send("h")
        let sent = try desk.waitFor("未答复 4")
        #expect(sent.contains("未答复：区教委（许文博）、区卫生健康委（韩冬梅）、区财政局（何雪梅）、区民政局（冯国庆）"))

        // 何雪梅 (区财政局) confirms in her own terminal, from what waits for her.
        let unit = try Tmux(command: [Binary.path, "--as", "hexuemei"], environment: huiwu.environment, rows: 30, columns: 100)
        try unit.waitFor("会议通知待签收")
        try unit.send("Tab")
        try unit.send("Enter")
        try unit.waitFor("会议通知回执")
        try unit.send("a")  // a: 签收 (the one key for approving and confirming)
        try unit.waitFor("已签收：区财政局 何雪梅")

        #expect(try huiwu.run(["meeting", "receipt", String(meetingId), "--confirm", "--as", "xuwenbo"]).status == 0)
        let leave = try huiwu.run(["meeting", "receipt", String(meetingId), "--leave", "--reason", "参加市卫健委会议",
                                   "--substitute", "zhangyuhang", "--as", "handongmei"])
        #expect(leave.status == 0, "\(leave.stderr)")

        let screen = try desk.waitFor("已签收 2 · 请假 1 · 未答复 1")
        #expect(screen.contains("未答复：区民政局（冯国庆）"))
        #expect(screen.contains("已签收，请假（张宇航代会）"))
        let board = try #require(try huiwu.json(["meeting", "receipts", String(meetingId), "--unanswered"]) as? [String: Any])
        let lines = try #require(board["lines"] as? [[String: Any]])
        #expect(lines.map { $0["unit"] as? String } == ["区民政局"])
        #expect(try office.session().leaveRequests(meetingId: meetingId).map(\.person) == ["handongmei"])
        for terminal in [unit, desk] {
            try terminal.send("Escape")
            try terminal.send("q")
        }
    }
}
