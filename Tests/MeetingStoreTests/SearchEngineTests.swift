import Foundation
import GRDB
import HuiwuTestSupport
@testable import MeetingKit
import MeetingStore
import Testing

@Suite("Search: full text over meetings, items, opinions, statements and minutes, on both engines (FTS5 on SQLite, pg_trgm on PostgreSQL)")
struct SearchEngineTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    func at(_ iso: String) -> LocalDateTime { LocalDateTime(iso: iso)! }

    @Test("常务, two characters, finds the meetings, items and minutes that contain it", arguments: ScratchDatabase.engines)
    func twoCharacters(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .executive)
        try secretary.addMeeting(kind: .topical, start: at("2026-03-09T09:00"), title: "研究城市更新工作")
        let item = try secretary.addItem(title: "关于提请区政府常务会议审议停车管理办法的议题", lead: "CGW").id!
        let minutes = try secretary.draftMinutes(meetingId: meeting.id!).id!

        let results = try secretary.search("常务")
        #expect(results.contains { $0.kind == .meeting && $0.id == meeting.id && $0.title.zh == "第1次区政府常务会议" })
        #expect(results.contains { $0.kind == .item && $0.id == item && $0.field == .title })
        #expect(results.contains { $0.kind == .minutes && $0.id == minutes && $0.field == .title })
        #expect(!results.contains { $0.title.zh.contains("城市更新") })
        for r in results { #expect(r.snippet.marked().contains("【常务】"), "\(r.snippet.text)") }
    }

    @Test("opinions' reasons and disagreement statements are found and open their item (R41, R45(3))", arguments: ScratchDatabase.engines)
    func opinionsAndStatements(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let (_, items) = try MinutesFixtures.meetingWithAgenda(office)
        let results = try office.session("lijing").search("经费来源")
        let opinion = try #require(results.first { $0.kind == .opinion })
        #expect(opinion.ref == .item(items[0]) && opinion.field == .reason)
        #expect(opinion.detail.zh.contains("不同意") && opinion.snippet.text == "经费来源不明")
        #expect(opinion.snippet.marks == [SearchSnippet.Mark(start: 0, length: 4)])
        let statement = try #require(results.first { $0.kind == .statement })
        #expect(statement.ref == .item(items[0]) && statement.id == items[0])
        #expect(statement.snippet.marked() == "区卫生健康委对【经费来源】有不同意见，主办部门在会上说明")
        // A decision is an item's text.
        let decision = try office.session().search("落实经费")
        #expect(decision.map(\.field) == [.decision] && decision[0].id == items[0])
        // --kind
        #expect(try office.session().search("经费来源", kinds: [.statement]).map(\.kind) == [.statement])
    }

    @Test("the index follows every change: decisions, minutes edits, renumbering, and on SQLite rows written outside Huiwu", arguments: ScratchDatabase.engines)
    func triggersKeepTheIndex(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let first = try secretary.addMeeting(kind: .executive, start: at("2026-03-05T09:00")).id!
        let second = try secretary.addMeeting(kind: .executive, start: at("2026-03-19T09:00")).id!
        #expect(try secretary.search("第2次区政府常务").map(\.id) == [second])
        try secretary.cancelMeeting(first, reason: "与市政府会议冲突")
        // The later meeting is now the first: its indexed title changed with its number (R37).
        #expect(try secretary.search("第1次区政府常务").map(\.id) == [second])
        #expect(try secretary.search("第2次区政府常务").isEmpty)

        let meeting = try MinutesFixtures.heldMeeting(office, start: "2026-03-02T14:00")
        let id = try secretary.draftMinutes(meetingId: meeting.id!, body: "会议研究了背街小巷整治。").id!
        #expect(try secretary.search("背街小巷").map(\.id) == [id])
        try secretary.editMinutes(id, body: "会议研究了垃圾分类。")
        #expect(try secretary.search("背街小巷").isEmpty)
        #expect(try secretary.search("垃圾分类").map(\.id) == [id])

        // PostgreSQL searches the rows themselves: there is no index a program could bypass.
        guard engine == .sqlite else { return }
        try #require(SQLiteShell.isAvailable)
        try office.store.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        let shell = try SQLiteShell.run(office.path, """
            INSERT INTO agenda_item(title, summary, lead_code, major, normative, public_interest, market, state, created_by, created_at, step_started_at)
            VALUES ('关于地下管网改造的议题', '', 'CGW', 0, 0, 0, 0, 'draft', 'lijing', '2026-03-02T09:00', '2026-03-02T09:00');
            """)
        #expect(shell.status == 0, "\(shell.stderr)")
        #expect(try secretary.search("地下管网").map(\.kind) == [.item])
    }

    @Test("a database from before search is indexed when it is opened (the migration backfills)")
    func backfill() throws {
        let office = try TestOffice()
        let (_, items) = try MinutesFixtures.meetingWithAgenda(office)
        // Undo the search migration, as if the file came from the previous version.
        try office.store.writer.write { db in
            for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'") {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: "DROP TABLE search_vocab; DROP TABLE search_index")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-search'")
        }
        try office.store.writer.close()
        let reopened = try Store.open(at: office.path)
        let session = try Session.open(store: reopened, osUser: "root", asLogin: "lijing", clock: office.clock)
        #expect(try session.search("课后服务").contains { $0.kind == .item && $0.id == items[0] })
        #expect(try session.search("经费来源").contains { $0.kind == .statement })
        #expect(try session.search("常务").contains { $0.kind == .meeting })
    }

    @Test("one- and two-character words are found anywhere, also at the very end of a text", arguments: ScratchDatabase.engines)
    func shortWords(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let item = try secretary.addItem(title: "关于停车场建设的议题", lead: "CGW").id!
        #expect(try secretary.search("议题").map(\.id) == [item])  // the last two characters
        #expect(try secretary.search("题").map(\.id) == [item])    // the last one
        #expect(try secretary.search("关").map(\.id) == [item])    // the first one
        #expect(try secretary.search("车场").first?.snippet.marked() == "关于停【车场】建设的议题")
        #expect(try secretary.search("停车 建设").map(\.id) == [item])  // every word must occur
        #expect(try secretary.search("停车 绿化").isEmpty)
        #expect(try secretary.search("鑫").isEmpty)
    }

    @Test("Latin letters match in any case, short words too", arguments: ScratchDatabase.engines)
    func latinLettersInAnyCase(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let item = try secretary.addItem(title: "关于推进AI应用试点的议题", lead: "CGW").id!
        #expect(try secretary.search("ai应用").map(\.id) == [item])
        #expect(try secretary.search("Ai").map(\.id) == [item])
        #expect(try secretary.search("ai").first?.snippet.marked() == "关于推进【AI】应用试点的议题")
        #expect(try secretary.search("bi").isEmpty)
    }

    @Test("a short word that begins very many trigrams is searched by scanning the newest texts", arguments: ScratchDatabase.engines)
    func commonShortWord(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        // Seventy items whose titles put a different character after 区: more than 64 trigrams start with 区.
        let scalars = (0..<70).map { Character(Unicode.Scalar(0x4E00 + 0x100 + $0 * 7)!) }
        for c in scalars { try secretary.addItem(title: "区\(c)议题", lead: "CGW") }
        let results = try secretary.search("区", kinds: [.item], limit: 100)
        #expect(results.count == 70)
        #expect(results.allSatisfy { $0.snippet.marked().hasPrefix("【区】") })
        // With a longer word the index narrows first, and the short word filters.
        let both = try secretary.search("区\(scalars[5])议 区", kinds: [.item])
        #expect(both.count == 1 && both[0].snippet.marked() == "【区\(scalars[5])议】题")
    }

    @Test("better matches first: bm25 prefers the text where the word weighs more", arguments: ScratchDatabase.engines)
    func ranking(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let long = try secretary.addItem(title: "关于全区公共服务设施布局优化和停车治理若干问题的议题", lead: "CGW").id!
        let short = try secretary.addItem(title: "停车治理议题", lead: "CGW").id!
        #expect(try secretary.search("停车治理").map(\.id) == [short, long])
        #expect(try secretary.search("停车治理", limit: 1).map(\.id) == [short])
    }

    @Test("a word in thousands of texts is ranked by bm25's formula over the newest matches: shorter texts first")
    func commonWordRanking() throws {
        let office = try TestOffice()
        try office.store.write { db in
            for i in 0..<2_600 {
                let title = i == 1_000 ? "停车治理" : "关于停车治理第\(i)批试点街区的议题"
                try db.execute(sql: """
                    INSERT INTO agenda_item(title, summary, lead_code, major, normative, public_interest, market, state, created_by, created_at, step_started_at)
                    VALUES (?, '', 'CGW', 0, 0, 0, 0, 'draft', 'lijing', '2026-03-02T09:00', '2026-03-02T09:00')
                    """, arguments: [title])
            }
        }
        let session = try office.session("lijing")
        let short = try session.search("停车治理", limit: 3)
        // Item 1,001 ("停车治理", the shortest) is not among the newest 500, so it is not ranked;
        // the shortest of those come first, all with the same score.
        #expect(short.count == 3 && short.allSatisfy { $0.id > 2_100 })
        #expect(short[0].score <= short[1].score && short[1].score <= short[2].score)
        #expect(short.allSatisfy { $0.title.zh.count == short[0].title.zh.count })
        // A word in few of them is ranked by bm25 over all its matches.
        #expect(try session.search("第999批").map(\.id) == [1_000])
    }

    @Test("classified minutes are found only by those who may read them (R48); others learn nothing", arguments: ScratchDatabase.engines)
    func classified(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, title: "信访维稳", members: ["xuwenbo"])
        let secretary = try office.session("lijing")
        let id = try secretary.draftMinutes(meetingId: meeting.id!, body: "涉密内容：某地块处置方案").id!
        try secretary.setMinutesAttributes(id, disclosure: .notPublic, reason: "涉及国家秘密", classification: .secret)

        for reader in ["lijing", "xuwenbo", "zhoulixin", "root"] {
            let found = try office.session(reader).search("地块处置")
            #expect(found.map(\.id) == [id], "\(reader)")
        }
        let outsider = try office.session("tanghongxia")
        #expect(try outsider.search("地块处置").isEmpty)
        #expect(try outsider.search("纪要").isEmpty)  // not even the title: the document is left out entirely
        #expect(try outsider.search("信访维稳").map(\.kind) == [.meeting])  // the meeting itself is not classified
        #expect(try outsider.search("信访维稳", kinds: [.minutes]).isEmpty)
    }

    @Test("the decisions recorded in classified minutes are found only by those who may read them (R48)", arguments: ScratchDatabase.engines)
    func classifiedDecisions(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let minutes = try MinutesFixtures.signedConfidential(office)
        let insider = try office.session("lijing").search("落实经费")
        #expect(insider.contains { $0.kind == .item && $0.field == .decision })
        #expect(insider.contains { $0.kind == .minutes && $0.id == minutes.id })
        let outsider = try office.session("zhangyuhang").search("落实经费")
        #expect(outsider.isEmpty, "\(outsider.map(\.snippet.text))")
        // The item itself is not classified: its title is still found.
        #expect(try office.session("zhangyuhang").search("课后服务").contains { $0.kind == .item && $0.field == .title })
    }

    @Test("bad queries are refused with a specific message; nothing is written", arguments: ScratchDatabase.engines)
    func refusals(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let session = try office.session("lijing")
        let before = try office.auditCount()
        #expect(refusal { _ = try session.search("   ") }?.code == "search.empty")
        #expect(refusal { _ = try session.search("a\u{1B}[31m") }?.code == "search.controlCharacters")
        #expect(refusal { _ = try session.search(String(repeating: "长", count: 101)) }?.code == "search.tooLong")
        #expect(refusal { _ = try session.search("a b c d e f g h i") }?.code == "search.tooManyWords")
        #expect(refusal { _ = try session.search("常务", limit: 0) }?.code == "search.limit")
        #expect(refusal { _ = try session.search("常务", limit: 501) }?.kind == .invalidInput)
        #expect(try office.auditCount() == before)
    }
}
