import Foundation
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// The demo office `huiwu init` seeds: a working office dated from today, so that each role
/// finds this week's meetings and work waiting on its home screen; removed with one command.
@Suite("The demo office: a working office dated from today")
struct DemoOfficeTests {
    /// Seeds the demo on the demo org chart as the administrator, on `now`.
    static func seeded(_ engine: StoreEngine = .sqlite, now: String = "2026-03-11T09:00") throws -> (TestOffice, DemoReport) {
        let office = try TestOffice(engine, now: now)
        let report = try office.session().seedDemo()
        return (office, report)
    }

    @Test("each demo role sees this week's meetings and work waiting on the home screen",
          arguments: ScratchDatabase.engines, ["2026-03-11T09:00", "2026-06-01T08:30", "2026-10-09T14:00"])
    func everyRoleHasWork(engine: StoreEngine, now: String) throws {
        let (office, report) = try DemoOfficeTests.seeded(engine, now: now)
        #expect(report.meetings >= 6 && report.items >= 10 && report.minutes >= 3 && report.leave >= 2)
        #expect(report.status.roles.map(\.login) == ["lijing", "zhoulixin", "wangxiaoyan", "yangwentao", "xuwenbo"])
        for role in report.status.roles {
            let home = try office.session(role.login).homeSnapshot()
            #expect(home.demo)
            #expect(!home.meetings.isEmpty, "\(role.login) sees no meeting this week (\(now))")
            #expect(!home.waiting.isEmpty, "\(role.login) has nothing waiting (\(now))")
        }
        // Every stage is there: items waiting for opinions, for coordination, for the VM and the
        // office; leave for the mayor and the office director; minutes in review and to sign.
        let mayor = try office.session("zhoulixin").homeSnapshot().waiting.map(\.what.zh)
        #expect(mayor.contains("签发纪要") && mayor.contains { $0.contains("请假") })
        let director = try office.session("yangwentao").homeSnapshot().waiting.map(\.what.zh)
        #expect(director.contains { $0.contains("请假") })
        let secretary = try office.session("lijing").homeSnapshot().waiting.map(\.what.zh)
        #expect(secretary.contains("会议已过，待记录已召开"))
        let overdue = try office.session().followUps(overdueOnly: true)
        #expect(!overdue.isEmpty, "the demo has overdue follow-ups")
    }

    /// The rows of every table but the audit log's, which on PostgreSQL keeps the demo's history.
    static func rowCounts(_ office: TestOffice) throws -> [String: Int] {
        try office.store.snapshot { db in
            var counts: [String: Int] = [:]
            for table in OfficeCopy.tables where table != "audit_event" {
                counts[table] = try db.value(Int.self, "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    @Test("the demo is marked as demo data and removed with one call, giving back the office as it was", arguments: ScratchDatabase.engines)
    func removal(engine: StoreEngine) throws {
        let office = try TestOffice(engine, now: "2026-03-11T09:00")
        let before = try DemoOfficeTests.rowCounts(office)
        _ = try office.session().seedDemo()
        let admin = try office.session()
        #expect(try admin.demoStatus() != nil)
        #expect(try !admin.meetings().isEmpty)
        let removal = try admin.removeDemo()
        switch engine {
        case .sqlite:
            #expect(FileManager.default.fileExists(atPath: removal.keptAt))
        case .postgresql:
            // No file to go back to: what the demo made is deleted, and the chain says so.
            #expect(removal.keptAt.isEmpty)
            #expect(try office.session().auditEvents(limit: 1).first?.action == "demo.remove")
            #expect(try office.session().verifyAudit().firstBreak == nil)
        }
        #expect(try DemoOfficeTests.rowCounts(office) == before)
        let after = try office.session()
        #expect(try after.demoStatus() == nil)
        #expect(try after.meetings().isEmpty)
        #expect(try after.homeSnapshot().demo == false)
        #expect(try after.orgChart().person("lijing") != nil, "the org chart stays")
        #expect(try after.seedDemo().meetings >= 6, "the demo can be seeded again")
    }

    @Test("a second seeding is refused, and so is removal once the office did its own work", arguments: ScratchDatabase.engines)
    func guards(engine: StoreEngine) throws {
        let (office, _) = try DemoOfficeTests.seeded(engine)
        #expect(throws: Refusal.self) { try office.session().seedDemo() }
        try office.session("lijing").addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-26T09:00")!)
        #expect(throws: Refusal.self) { try office.session().removeDemo() }
        #expect(try office.session().demoStatus() != nil)
        #expect(throws: Refusal.self) { try office.session("lijing").seedDemo() }  // administrators only
    }

    @Test("the office's home lists a meeting that ended unmarked, then the minutes to draft once it is held (R43)")
    func officeMeetingWork() throws {
        let office = try TestOffice(now: "2026-03-05T12:00")
        let id = try office.session("lijing", now: "2026-03-02T09:00").addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-05T09:00")!).id!
        func waiting(_ login: String = "lijing") throws -> [String] { try office.session(login).homeSnapshot().waiting.map(\.what.zh) }
        #expect(try waiting().contains("会议已过，待记录已召开"))
        #expect(try !waiting("zhoulixin").contains("会议已过，待记录已召开"), "the office's work, not the mayor's")
        try office.session("lijing").holdMeeting(id)
        #expect(try waiting().contains("待起草纪要") && !waiting().contains("会议已过，待记录已召开"))
        _ = try office.session("lijing").draftMinutes(meetingId: id)
        #expect(try !waiting().contains("待起草纪要"))
    }
}
