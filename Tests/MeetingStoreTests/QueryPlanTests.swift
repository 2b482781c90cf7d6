import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import MeetingTUI
import Testing

/// The hot paths of issue 9 (opening the app, the home screen of each kind of user, the week
/// view and `huiwu meeting list` for a week) read only what they show: every statement they
/// run is traced, and SQLite's `EXPLAIN QUERY PLAN` of each must not scan a table that grows
/// with the office's history, nor sort an unbounded part of one.
@Suite("Query plans (issue 9)")
struct QueryPlanTests {
    @Test("opening the store and a session scans no history table", arguments: Statistics.allCases)
    func opening(_ statistics: Statistics) throws {
        let office = try QueryPlanTests.office()
        let traced = try TracedStore(office, statistics)
        _ = try traced.session("lijing")
        try traced.expectNoFullScans()
    }

    @Test("the home screen of a secretary, the mayor, the executive vice mayor, a vice mayor, the office director and a department head scans no history table",
          arguments: ["lijing", "zhoulixin", "chenhaifeng", "wangxiaoyan", "yangwentao", "xuwenbo"], Statistics.allCases)
    func home(login: String, statistics: Statistics) throws {
        let office = try QueryPlanTests.office()
        let traced = try TracedStore(office, statistics)
        let harness = ScreenHarness(session: try traced.session(login))
        #expect(!harness.text.isEmpty)
        #expect(traced.log.statements.contains { $0.contains("meeting") }, "the home screen read the week's meetings")
        try traced.expectNoFullScans()
    }

    @Test("the home screen reads the open minutes without their bodies: an entry shows a title (issue 20)",
          arguments: ["lijing", "yangwentao", "chenhaifeng"])
    func homeReadsNoMinutesBody(login: String) throws {
        let office = try QueryPlanTests.office()
        let traced = try TracedStore(office, .none)
        _ = try traced.session(login).homeSnapshot()
        let minutesReads = traced.log.statements.filter { $0.contains("FROM minutes WHERE state IN") }
        #expect(!minutesReads.isEmpty, "the home read the open minutes")
        #expect(!minutesReads.contains { $0.contains("title, body,") }, "\(minutesReads)")
    }

    @Test("the week view and moving a week scan no history table", arguments: Statistics.allCases)
    func weekView(_ statistics: Statistics) throws {
        let office = try QueryPlanTests.office()
        let traced = try TracedStore(office, statistics)
        var harness = ScreenHarness(session: try traced.session("lijing"))
        harness.press(.char("1"))  // the week view is section 1
        #expect(harness.model.top is CalendarScreen)
        harness.press(.pageDown, .pageUp, .right, .left, .down, .down)
        #expect(harness.text.contains("03-02"))
        try traced.expectNoFullScans()
    }

    @Test("huiwu meeting list for one week scans no history table", arguments: Statistics.allCases)
    func meetingList(_ statistics: Statistics) throws {
        let office = try QueryPlanTests.office()
        let traced = try TracedStore(office, statistics)
        let session = try traced.session("lijing")
        // What `huiwu meeting list --from 2026-03-02 --to 2026-03-08` runs (MeetingCommand.List).
        _ = try session.orgChart()
        let week = try session.meetings(from: LocalDateTime(iso: "2026-03-02T00:00")!, to: LocalDateTime(iso: "2026-03-09T00:00")!)
        #expect(!week.isEmpty)
        try traced.expectNoFullScans()
    }

    @Test("the report for a year scans no history table: it reads the period's meetings and what hangs on them through indexes",
          arguments: Statistics.allCases)
    func periodReport(_ statistics: Statistics) throws {
        let office = try QueryPlanTests.office()
        let traced = try TracedStore(office, statistics)
        let report = try traced.session("lijing").periodReport(from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-12-31")!)
        #expect(!report.meetings.isEmpty)
        try traced.expectNoFullScans()
    }

    @Test("the check finds a full scan: without its indexes the week's query scans all meetings")
    func checkCanFail() throws {
        let office = try QueryPlanTests.office()
        try office.store.write { db in
            for index in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'meeting' AND sql IS NOT NULL") {
                try db.execute(sql: "DROP INDEX \(index)")
            }
        }
        let traced = try TracedStore(office, .none)
        _ = try traced.session("lijing").meetings(from: LocalDateTime(iso: "2026-03-02T00:00")!, to: LocalDateTime(iso: "2026-03-09T00:00")!)
        let problems = try traced.problems()
        #expect(problems.contains { $0.contains("SCAN meeting") }, "\(problems)")
    }

    /// An office with something in every list of the home screen: a signed and an unsigned set
    /// of minutes with open follow-ups, items waiting on leaders, pending leave for the mayor,
    /// a meeting waiting for his approval (R61), and meetings in the week of 2026-03-02.
    static func office() throws -> TestOffice {
        let office = try TestOffice(now: "2026-03-02T09:00")
        try ReportFixtures.quarter(office)
        let secretary = try office.session("lijing", now: "2026-02-20T09:00")
        let next = try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-05T09:00")!)
        try office.session("wangxiaoyan", now: "2026-02-20T09:00").requestLeave(meetingId: next.id!, reason: "赴市里开会")
        try secretary.addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-06T14:00")!, chair: "wangxiaoyan", title: "教育专题")
        let item = try secretary.addItem(title: "关于校园安全的议题", lead: "JW", related: ["WJW"]).id!
        try office.session("xuwenbo", now: "2026-02-20T09:00").submitItem(item)
        return office
    }
}

/// What SQLite knows of the tables' sizes when it plans: nothing (a new file, the usual test),
/// or the statistics `ANALYZE` gathers on a ten-year office. Plans change with them: knowing
/// that `state` has three values over 500,000 items, SQLite prefers reading the whole table
/// to an index lookup of the open states, which no test on a small file would show.
enum Statistics: String, CaseIterable, CustomTestStringConvertible {
    case none
    case tenYearOffice

    var testDescription: String { rawValue }

    /// `sqlite_stat1` of the benchmark's default office (`huiwu-bench`: 50,000 meetings and
    /// 500,000 items over ten years, then ANALYZE), plus estimates for the minutes and
    /// follow-ups it does not generate: one set of minutes per meeting, five states, two
    /// follow-ups per set, fifty lead units.
    static let tenYearRows: [(table: String, index: String?, stat: String)] = [
        ("agenda_event", "agenda_event_item", "2500000 5 1"),
        ("agenda_item", "agenda_item_lead", "500000 18519"),
        ("agenda_item", "agenda_item_meeting", "500000 10"),
        ("agenda_item", "agenda_item_state", "500000 166667"),
        ("agenda_opinion", "sqlite_autoindex_agenda_opinion_1", "713512 2 1"),
        ("agenda_related", "agenda_related_department", "713512 26427"),
        ("agenda_related", "sqlite_autoindex_agenda_related_1", "713512 2 1"),
        ("agenda_slot", "agenda_slot_item", "500000 1"),
        ("agenda_slot", "sqlite_autoindex_agenda_slot_1", "500000 10 1"),
        ("attendance", "attendance_meeting", "270087 6"),
        ("attendance", "attendance_person", "270087 6926"),
        ("attendance", "sqlite_autoindex_attendance_1", "270087 1"),
        ("audit_event", "audit_event_entity", "550106 91685 1"),
        ("department", "sqlite_autoindex_department_1", "50 1"),
        ("holiday_year", nil, "2"),
        ("leave_request", "leave_request_open", "10799 2 1"),
        ("leave_request", "leave_request_status", "10799 5400 2700"),
        ("meeting", "meeting_kind_start", "50000 16667 2"),
        ("meeting", "meeting_start", "50000 3"),
        ("participant", "participant_meeting", "293956 6 1"),
        ("participant", "participant_person", "293956 7538 1"),
        ("person", "sqlite_autoindex_person_1", "53 1"),
        ("room", "sqlite_autoindex_room_1", "4 1"),
        ("setting", "sqlite_autoindex_setting_1", "5 1"),
        ("term", nil, "1"),
        ("minutes", "minutes_state", "50000 10000"),
        ("minutes", "minutes_number", "50000 16667 1667 1"),
        ("minutes", "minutes_correction", "50000 1"),
        ("follow_up", "follow_up_department", "100000 2000 1000 3"),
        ("follow_up", "follow_up_minutes", "100000 2"),
        ("follow_up", "follow_up_item", "100000 1"),
    ]

    /// Writes the statistics into the file; connections opened afterwards plan with them.
    func install(in store: Store) throws {
        guard self == .tenYearOffice else { return }
        try store.write { db in
            try db.execute(sql: "ANALYZE")  // creates sqlite_stat1
            try db.execute(sql: "DELETE FROM sqlite_stat1")
            for row in Statistics.tenYearRows {
                try db.execute(sql: "INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES (?, ?, ?)", arguments: [row.table, row.index, row.stat])
            }
        }
    }
}

/// A second connection pool on a test office's file that records the SQL of every statement.
struct TracedStore {
    let store: Store
    let log = StatementLog()

    /// Tables that hold the org chart and settings: a few hundred rows at most whatever the
    /// office's age, read whole on purpose (the org chart is one value in memory).
    static let boundedTables: [String: String] = [
        "person": "the org chart: people (hundreds)",
        "department": "the org chart: departments (tens)",
        "term": "the government's terms (one per five years)",
        "setting": "office settings (a handful of keys)",
        "holiday_year": "one row per year of holiday data",
        "room": "the meeting rooms (tens)",
        "grdb_migrations": "one row per migration",
        "sqlite_master": "the schema",
        "sqlite_schema": "the schema",
        "search_index_config": "FTS5's settings of the search index (a few rows), read once per connection when GRDB lists the schema",
        "json_each": "the values of one bound JSON array, the database port's list of ids (`SQLDialect.jsonList`): as many as the caller passed; the table they key is searched by its index",
    ]

    init(_ office: TestOffice, _ statistics: Statistics) throws {
        try statistics.install(in: office.store)
        var configuration = Store.configuration()
        let log = self.log
        configuration.prepareDatabase { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { log.append(statement.sql) }
            }
        }
        store = try Store.open(at: office.path, configuration: configuration)
    }

    func session(_ login: String) throws -> Session {
        try Session.open(store: store, osUser: "root", asLogin: login, clock: .fixed(LocalDateTime(iso: "2026-03-02T09:00")!))
    }

    /// Each traced read whose plan scans a growing table, or sorts one in a temporary B-tree,
    /// with its plan.
    func problems() throws -> [String] {
        let reads = Set(log.statements.filter { sql in
            let head = sql.prefix(6).uppercased()
            return head.hasPrefix("SELECT") || head.hasPrefix("WITH")
        })
        return try store.read { db in
            try reads.sorted().compactMap { sql -> String? in
                let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
                statement.setUncheckedArguments([])  // parameters stay NULL: the plan does not depend on them
                let details = try Row.fetchAll(statement).map { $0["detail"] as String }
                let bad = try details.filter { try TracedStore.isProblem($0, db) }
                return bad.isEmpty ? nil : "\(sql)\n  " + details.joined(separator: "\n  ")
            }
        }
    }

    /// Whether one line of a plan reads a growing table in full: `SCAN t`, with or without an
    /// index (`SCAN t USING INDEX i` walks the whole index: as costly), unless `i` is a partial
    /// index (it holds only open work: `agenda_item_open`, `minutes_open`). A `USE TEMP B-TREE`
    /// after a `SEARCH` sorts only the rows found (open work, one record's rows), so it passes;
    /// after a full scan, the scan is already reported.
    static func isProblem(_ detail: String, _ db: Database) throws -> Bool {
        guard detail.hasPrefix("SCAN ") else { return false }
        let words = detail.dropFirst(5).split(separator: " ").map(String.init)
        var name = words.first ?? ""
        if name.hasPrefix("main.") { name.removeFirst(5) }
        if name == "CONSTANT" || name.hasPrefix("(") || boundedTables[name] != nil { return false }
        if let at = words.firstIndex(of: "INDEX"), at + 1 < words.count,
           let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [words[at + 1]]),
           sql.uppercased().contains(" WHERE ") {
            return false
        }
        return true
    }

    func expectNoFullScans(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try problems()
        #expect(problems.isEmpty, "full scans:\n\(problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}

/// The SQL each connection ran, in order (connections of a pool trace from several threads).
final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var sql: [String] = []

    func append(_ statement: String) { lock.withLock { sql.append(statement) } }
    var statements: [String] { lock.withLock { sql } }
}
