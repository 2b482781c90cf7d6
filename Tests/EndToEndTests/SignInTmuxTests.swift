import Foundation
import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

/// Sign-in in a real terminal: the roster screen of the real binary inside tmux, checked
/// afterwards through `huiwu attendance show --json`.
@Suite("Sign-in in the terminal", .requires(Tmux.isAvailable, "tmux"))
struct SignInTmuxTests {
    @Test("marking sign-in on the roster screen is visible in huiwu attendance show")
    func signInThroughTheRoster() throws {
        let office = try TestOffice(admin: NSUserName())
        let meetingId = try office.session().addMeeting(kind: .executive, start: AttendanceFixtures.at("2026-03-02T09:30")).id!
        let binary = Binary(database: office.path)
        let tmux = try Tmux(command: [Binary.path], environment: binary.environment, rows: 30, columns: 100)
        try tmux.waitFor("第1次区政府常务会议")
        try tmux.send("r")
        try tmux.waitFor("名单与签到")
        try tmux.send("p")
        try tmux.waitFor("已签到 1/54")
        try tmux.send("p")
        try tmux.waitFor("已签到 2/54")
        try tmux.send("l")
        try tmux.waitFor("迟到分钟数")
        try tmux.send("15", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("已签到 3/54")
        // Absent is chosen in the mark dialog (Enter); it is not counted as signed in.
        try tmux.send("Enter")
        try tmux.waitFor("登记 · 刘思琪")
        try tmux.send("Down", "Down")
        try tmux.send("F2")
        let screen = try tmux.waitFor("已签到 3/54 · 请假 0 · 缺席 1")
        #expect(screen.contains("迟到 15 分钟"))
        #expect(screen.contains("缺席 ⚑ 未请假"))
        try tmux.send("q")
        try tmux.waitFor("待我处理")
        try tmux.send("q")
        let deadline = Date().addingTimeInterval(5)
        while try !tmux.isDead(), Date() < deadline { usleep(50_000) }
        #expect(try tmux.isDead())

        let shown = try #require(try binary.json(["attendance", "show", "\(meetingId)"]) as? [String: Any])
        let lines = try #require(shown["lines"] as? [[String: Any]])
        #expect(lines.prefix(4).map { $0["person"] as? String } == ["zhoulixin", "chenhaifeng", "guozhenhua", "liusiqi"])
        #expect(lines.prefix(4).map { $0["status"] as? String } == ["present", "present", "late", "absent"])
        #expect(lines[2]["lateMinutes"] as? Int == 15)
        #expect(lines[3]["absentWithoutLeave"] as? Bool == true)
        #expect(lines.dropFirst(4).allSatisfy { $0["status"] == nil })
        let events = try office.session().auditEvents(limit: 4)
        #expect(events.allSatisfy { $0.action == "attendance.mark" && $0.osUser == NSUserName() })
    }
}
