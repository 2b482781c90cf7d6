import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// Follow-up lists filtered and sorted by SQLite (v10-scale): the same answers as the rules in
/// Swift (FollowUp.isOverdue, R48, R54), through indexes rather than scans.
@Suite("Follow-up lists filtered in SQL (the lists and R48 on both engines, the plans on SQLite)")
struct FollowUpQueryTests {
    /// Two follow-ups (JW, ZJW) due on the 10th and 11th of March.
    func office(_ engine: StoreEngine) throws -> (TestOffice, jw: Int64, zjw: Int64) {
        let office = try TestOffice(engine)
        try MinutesFixtures.signedWithDecisions(office)
        let secretary = try office.session("lijing")
        let jw = try #require(try secretary.followUps(department: "JW").first?.followUp.id)
        let zjw = try #require(try secretary.followUps(department: "ZJW").first?.followUp.id)
        try secretary.setFollowUpDue(jw, due: Day(iso: "2026-03-10")!, reason: "承办单位申请")
        try secretary.setFollowUpDue(zjw, due: Day(iso: "2026-03-11")!, reason: "承办单位申请")
        return (office, jw, zjw)
    }

    @Test("overdue in SQL is FollowUp.isOverdue: open and past its due day, not on it; closed ones never", arguments: ScratchDatabase.engines)
    func overdueBoundary(engine: StoreEngine) throws {
        let (office, jw, zjw) = try office(engine)
        func overdue(_ now: String) throws -> [Int64] {
            let session = try office.session("lijing", now: now)
            let fromSQL = try session.followUps(overdueOnly: true)
            // The rule in Swift, over the whole list, must agree with the SQL filter.
            let all = try session.followUps()
            #expect(fromSQL == all.filter(\.isOverdue), "\(now)")
            #expect(fromSQL.allSatisfy { $0.isOverdue })
            return fromSQL.map { $0.followUp.id! }
        }
        #expect(try overdue("2026-03-10T09:00") == [])
        #expect(try overdue("2026-03-11T09:00") == [jw])
        #expect(try overdue("2026-03-12T09:00") == [jw, zjw])
        try office.session("lijing", now: "2026-03-12T10:00").completeFollowUp(jw, note: "已办结")  // the office closes (R54)
        #expect(try overdue("2026-03-12T11:00") == [zjw])
        #expect(try overdue("2027-01-01T09:00") == [zjw])
    }

    @Test("the department filter keeps one lead unit's, alone or with overdue; lists are in due order, then id", arguments: ScratchDatabase.engines)
    func departmentAndOrder(engine: StoreEngine) throws {
        let (office, jw, zjw) = try office(engine)
        let session = try office.session("lijing", now: "2026-03-11T09:00")
        #expect(try session.followUps(department: "JW").map { $0.followUp.id! } == [jw])
        #expect(try session.followUps(department: "ZJW").map { $0.followUp.id! } == [zjw])
        #expect(try session.followUps(overdueOnly: true, department: "JW").map { $0.followUp.id! } == [jw])
        #expect(try session.followUps(overdueOnly: true, department: "ZJW").isEmpty)
        #expect(try session.followUps(department: "SCJ").isEmpty)
        // Moving JW after ZJW reorders the list by due day.
        try session.setFollowUpDue(jw, due: Day(iso: "2026-03-20")!, reason: "承办单位申请")
        #expect(try session.followUps().map { $0.followUp.id! } == [zjw, jw])
        let all = try session.followUps()
        #expect(all.map(\.departmentName) == ["区住房城市建设委", "区教委"])
        #expect(all.allSatisfy { $0.minutesNumber == "常务会议纪要〔2026〕1号" && !$0.minutesTitle.isEmpty })
        #expect(try session.followUpLine(jw) == all.last)
        #expect(try session.followUpLine(9_999) == nil)
    }

    @Test("the board shows open follow-ups and those closed in the last 30 days", arguments: ScratchDatabase.engines)
    func board(engine: StoreEngine) throws {
        let (office, jw, zjw) = try office(engine)
        try office.session("lijing", now: "2026-03-12T10:00").completeFollowUp(jw, note: "已办结")  // the office closes (R54)
        func board(_ now: String) throws -> [Int64] {
            let session = try office.session("lijing", now: now)
            let today = LocalDateTime(iso: now)!.day
            return try session.followUpBoard(doneSince: today.adding(days: -30)).map { $0.followUp.id! }
        }
        #expect(try board("2026-03-12T11:00") == [jw, zjw])
        #expect(try board("2026-04-11T09:00") == [jw, zjw])
        #expect(try board("2026-04-12T09:00") == [zjw])
    }

    @Test("classified decisions stay hidden exactly as before (R48), and the lead unit's head sees its task (R54)", arguments: ScratchDatabase.engines)
    func classifiedRuleUnchanged(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try MinutesFixtures.signedConfidential(office).id!
        let org = try office.store.snapshot { try OrgRepository.load($0) }
        var hiddenFrom: Set<String> = []
        for login in ["root", "lijing", "zhangyuhang", "zhoulixin", "chenhaifeng", "xuwenbo", "caozhiming", "tanghongxia", "fangweiguo"] {
            let session = try office.session(login, now: "2026-04-15T09:00")
            // The document's own answer (withheldIfNeeded, one document at a time) …
            let bodyVisible = try session.minutesDetail(id).bodyVisible
            for line in try session.followUps() {
                // … decides every line, except that the lead unit's head always sees its task.
                let head = org.department(line.followUp.leadDepartmentCode)?.headLogin == login
                #expect(line.descriptionVisible == (bodyVisible || head), "\(login) #\(line.followUp.id!)")
                #expect(line.descriptionVisible != line.followUp.description.isEmpty)
                if !line.descriptionVisible { hiddenFrom.insert(login) }
            }
            // Every path to the lines agrees with the full list.
            let all = try session.followUps()
            #expect(try session.followUps(overdueOnly: true) == all.filter(\.isOverdue))
            #expect(try session.followUps(department: "JW") == all.filter { $0.followUp.leadDepartmentCode == "JW" })
            #expect(try session.minutesDetail(id).followUps == all)
            #expect(try session.followUpBoard(doneSince: Day(iso: "2026-01-01")!) == all)
            #expect(try all.allSatisfy { try session.followUpLine($0.followUp.id!) == $0 })
        }
        // Outsiders exist (the test would prove nothing otherwise), insiders see everything.
        #expect(hiddenFrom.contains("zhangyuhang"), "\(hiddenFrom)")
        #expect(!hiddenFrom.contains("root") && !hiddenFrom.contains("zhoulixin") && !hiddenFrom.contains("lijing"))
    }

    @Test("search leaves out the same classified minutes as the one-document rule (R48)", arguments: ScratchDatabase.engines)
    func searchHidesTheSameMinutes(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        var ids: [Int64] = []
        for (start, title, members, level) in [("2026-02-24T09:00", "信访维稳", ["xuwenbo"], Classification.secret),
                                               ("2026-02-25T09:00", "地块处置", ["tanghongxia"], .internal),
                                               ("2026-02-26T09:00", "一般事项", [], Classification.none)] {
            let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, start: start, title: title, members: members)
            let secretary = try office.session("lijing")
            let id = try secretary.draftMinutes(meetingId: meeting.id!, body: "\(title)的内容").id!
            try secretary.setMinutesAttributes(id, disclosure: level == .none ? .public : .notPublic,
                                               reason: level == .none ? nil : "涉密", classification: level == .none ? nil : level)
            ids.append(id)
        }
        var anyHidden = false, anyShown = false
        for login in ["root", "lijing", "xuwenbo", "tanghongxia", "zhangyuhang", "zhoulixin", "handongmei"] {
            let session = try office.session(login)
            let batched = try session.read { try session.unreadableMinutes($0) }
            let oneByOne = try session.read { db in
                try ids.filter { try session.withheldIfNeeded(db, MinutesRepository.minutes(db, id: $0)).withheld != nil }
            }
            #expect(batched == oneByOne, "\(login)")
            anyHidden = anyHidden || !batched.isEmpty
            anyShown = anyShown || batched.count < 2
        }
        #expect(anyHidden && anyShown)
    }

    @Test("a stored chain is read as the JSON decoder reads it, escapes included")
    func chains() throws {
        for chain in [[], ["zhoulixin"], ["wangxiaoyan", "chenhaifeng", "zhoulixin"], ["a\"b", "c\\d"], ["", "x"]] {
            let json = String(decoding: try JSONEncoder().encode(chain), as: UTF8.self)
            #expect(MinutesHeader.logins(json) == chain, "\(json)")
        }
    }

    /// The plan's lines for `sql`.
    func plan(_ office: TestOffice, _ sql: String, _ arguments: StatementArguments = []) throws -> [String] {
        try office.store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    @Test("the follow-up queries search indexes: no scan of follow_up or minutes, no sort for the lists in due order")
    func queryPlans() throws {
        let office = try TestOffice()
        let today = Day(iso: "2026-03-02")!
        let filters: [(String, FollowUpRepository.Filter, sorted: Bool)] = [
            ("all", .init(), true),
            ("overdue", .init(overdueOn: today), true),
            ("department", .init(department: "JW"), true),
            ("overdue in a department", .init(department: "JW", overdueOn: today), true),
            ("open", .init(status: .open), true),
            ("board", .init(openOrDoneSince: today), false),
            ("one document", .init(minutesId: 1), false),
            ("one follow-up", .init(id: 1), false),
        ]
        for (name, filter, sorted) in filters {
            let (sql, arguments) = FollowUpRepository.statement(filter, dialect: SQLiteDialect())
            let plan = try plan(office, sql, StatementArguments(arguments.map(\.databaseValue)))
            if filter.department == nil, filter.status == nil, filter.overdueOn == nil, filter.openOrDoneSince == nil,
               filter.minutesId == nil, filter.id == nil {
                // The whole list: every row is wanted, read in due order from the index.
                #expect(plan.contains("SCAN f USING INDEX follow_up_due"), "\(name): \(plan)")
            } else {
                #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(name): \(plan)")
            }
            #expect(plan.contains { $0.contains("COVERING INDEX minutes_listing") }, "\(name): \(plan)")
            if sorted { #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(name): \(plan)") }
        }
        // R48's classified documents come from their partial index, never from the minutes rows.
        let classified = try plan(office, "SELECT \(MinutesHeader.select("m")) FROM minutes m INDEXED BY minutes_classified WHERE m.classification <> 'none'")
        #expect(classified.contains { $0.contains("COVERING INDEX minutes_classified") }, "\(classified)")
        let rosters = try plan(office, """
            SELECT meeting_id, person_login FROM participant
            WHERE person_login IN (SELECT value FROM json_each(?)) AND meeting_id IN (SELECT value FROM json_each(?))
            """, ["[\"lijing\"]", "[1,2]"])
        #expect(rosters.contains { $0.contains("SEARCH participant USING COVERING INDEX participant_person") }, "\(rosters)")
    }

    @Test("a classified document Huiwu cannot read stops search and the follow-up list with an error; it is never shown or dropped (R48)")
    func unreadableClassifiedStops() throws {
        let office = try TestOffice()
        let id = try MinutesFixtures.signedConfidential(office).id!
        #expect(try office.session("zhangyuhang").followUps().count == 2)
        // Past the triggers that guard signed minutes, as a damaged file would be.
        try office.store.writer.write { try $0.execute(sql: "DROP TRIGGER minutes_signed_no_update") }
        try office.store.writer.write { try $0.execute(sql: "UPDATE minutes SET created_at = 'garbled' WHERE id = ?", arguments: [id]) }
        #expect(throws: (any Error).self) { try office.session("zhangyuhang").followUps() }
        #expect(throws: (any Error).self) { try office.session("zhangyuhang").search("课后服务") }
    }
}
