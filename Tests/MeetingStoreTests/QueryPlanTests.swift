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
    @Test("opening the store and a session scans no history table")
    func opening() throws {
        let office = try QueryPlanTests.office()
        let traced = try TracedStore(office)
        _ = try traced.session("lijing")
        try traced.expectNoFullScans()
    }

    @Test("the home screen of a secretary, the mayor, the executive vice mayor, a vice mayor and a department head scans no history table",
          arguments: ["lijing", "zhoulixin", "chenhaifeng", "wangxiaoyan", "xuwenbo"])
    func home(login: String) throws {
        let office = try QueryPlanTests.office()
        let traced = try TracedStore(office)
        let harness = ScreenHarness(session: try traced.session(login))
        #expect(!harness.text.isEmpty)
        #expect(traced.log.statements.contains { $0.contains("meeting") }, "the home screen read the week's meetings")
        try traced.expectNoFullScans()
    }

    @Test("the week view and moving a week scan no history table")
    func weekView() throws {
        let office = try QueryPlanTests.office()
        let secretary = try office.session("lijing")
        var harness = ScreenHarness(session: secretary)
        harness.press(.char("w"))
        let traced = try TracedStore(office)
        harness = ScreenHarness(session: try traced.session("lijing"), root: CalendarScreen(mode: .week, day: secretary.clock.today))
        harness.press(.pageDown, .pageUp, .right, .left, .down, .down)
        #expect(harness.text.contains("03-02") || harness.text.contains("3月"))
        try traced.expectNoFullScans()
    }

    @Test("huiwu meeting list for one week scans no history table")
    func meetingList() throws {
        let office = try QueryPlanTests.office()
        let traced = try TracedStore(office)
        let session = try traced.session("lijing")
        // What `huiwu meeting list --from 2026-03-02 --to 2026-03-08` runs (MeetingCommand.List).
        _ = try session.orgChart()
        let week = try session.meetings(from: LocalDateTime(iso: "2026-03-02T00:00")!, to: LocalDateTime(iso: "2026-03-09T00:00")!)
        #expect(!week.isEmpty)
        try traced.expectNoFullScans()
    }

    @Test("the check finds a full scan: without its index the week's query scans all meetings")
    func checkCanFail() throws {
        let office = try QueryPlanTests.office()
        try office.store.write { db in
            for index in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'meeting' AND sql IS NOT NULL") {
                try db.execute(sql: "DROP INDEX \(index)")
            }
        }
        let traced = try TracedStore(office)
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
    ]

    init(_ office: TestOffice) throws {
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
                let bad = details.filter(TracedStore.isProblem)
                return bad.isEmpty ? nil : "\(sql)\n  " + details.joined(separator: "\n  ")
            }
        }
    }

    /// Whether one line of a plan reads a growing table in full: `SCAN t`, with or without an
    /// index (`SCAN t USING INDEX` walks the whole index: as costly). A `USE TEMP B-TREE` after
    /// a `SEARCH` sorts only the rows found (open work, one record's rows), so it passes; after a
    /// full scan, the scan is already reported.
    static func isProblem(_ detail: String) -> Bool {
        guard detail.hasPrefix("SCAN ") else { return false }
        var name = detail.dropFirst(5).split(separator: " ").first.map(String.init) ?? ""
        if name.hasPrefix("main.") { name.removeFirst(5) }
        if name == "CONSTANT" || name.hasPrefix("(") || boundedTables[name] != nil { return false }
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
