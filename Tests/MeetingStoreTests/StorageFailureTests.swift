import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// A write that cannot be made (the disk is full, the file became read-only) is reported
/// with a clear message and leaves nothing half-written: the whole transaction, audit event
/// included, is rolled back, and the database stays sound.
@Suite("Disk full and read-only: refused clearly, nothing half-written")
struct StorageFailureTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { Issue.record("unexpected \(error)"); return nil }
    }

    /// Runs PRAGMA statements on the store's one writer connection (a pool has one).
    func onWriter(_ office: TestOffice, _ sql: String) throws {
        try office.store.writer.writeWithoutTransaction { try $0.execute(sql: sql) }
    }

    func expectSound(_ office: TestOffice, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let check = try office.store.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"], sourceLocation: sourceLocation)
        #expect(try office.session().verifyAudit().firstBreak == nil, sourceLocation: sourceLocation)
    }

    @Test("disk full (max_page_count reached): a large minutes body and a new meeting are refused whole; after space is freed both go through")
    func diskFull() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office)
        let secretary = try office.session("lijing")
        let draft = try secretary.draftMinutes(meetingId: meeting.id!)
        let pages = try office.store.read { try Int.fetchOne($0, sql: "PRAGMA page_count")! }
        try onWriter(office, "PRAGMA max_page_count = \(pages)")  // no room to grow: the disk is "full"

        let events = try office.auditCount()
        let content = try office.contentChecksum()
        let body = String(repeating: "会议议定：加快推进老旧小区综合整治工作。\n", count: 8_000)  // about 500 KB
        let full = refusal { try secretary.editMinutes(draft.id!, body: body, expectedVersion: draft.version) }
        #expect(full?.code == "store.full")
        #expect(full?.kind == .storage && full?.exitCode == 6)
        #expect(full?.message.en.hasPrefix("the disk is full or the database reached its size limit; nothing was written") == true)
        #expect(full?.message.zh.contains("磁盘已满") == true)
        // Small writes that fit the free pages may still succeed; a burst of new meetings does not.
        var refusedMeeting: Refusal?
        for day in 3...30 where refusedMeeting == nil {
            refusedMeeting = refusal {
                _ = try secretary.addMeeting(kind: .topical, start: LocalDateTime(iso: String(format: "2026-04-%02dT14:00", day))!, chair: "zhoulixin",
                                             title: String(repeating: "专题", count: 90))
            }
        }
        #expect(refusedMeeting?.code == "store.full")
        // The refused edit left no trace: the body, its version, the timeline and the audit log are as before.
        #expect(try secretary.minutesDetail(draft.id!).minutes == draft)
        let added = try office.auditActions(since: events)
        #expect(added.allSatisfy { $0 == "meeting.create" }, "only the meetings that fitted were written")
        if added.isEmpty { #expect(try office.contentChecksum() == content) }
        try expectSound(office)

        try onWriter(office, "PRAGMA max_page_count = 1073741823")
        let edited = try secretary.editMinutes(draft.id!, body: body, expectedVersion: draft.version)
        #expect(edited.body == body && edited.version == draft.version + 1)
        try expectSound(office)
    }

    @Test("read-only (query_only): every kind of write is refused naming the file; nothing changes")
    func readOnly() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office)
        let draft = try office.session("lijing").draftMinutes(meetingId: meeting.id!)
        let leave = try office.session("xuwenbo").requestLeave(
            meetingId: try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!).id!, reason: "市教委会议")
        // SQLite's own read-only switch on the writer connection: every write statement fails
        // with SQLITE_READONLY, as on a file the process may not write.
        try onWriter(office, "PRAGMA query_only = 1")
        let events = try office.auditCount()
        let content = try office.contentChecksum()
        let writes: [(String, () throws -> Void)] = [
            ("meeting add", { _ = try office.session("lijing").addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-19T09:00")!) }),
            ("meeting move", { _ = try office.session("lijing").moveMeeting(meeting.id!, to: LocalDateTime(iso: "2026-03-03T09:00")!) }),
            ("leave approve", { _ = try office.session("yangwentao").approveLeave(leave.id!) }),
            ("minutes edit", { _ = try office.session("lijing").editMinutes(draft.id!, body: "新正文") }),
            ("item add", { _ = try office.session("lijing").addItem(title: "只读时的议题", lead: "JW") }),
        ]
        for (name, write) in writes {
            let r = refusal(write)
            #expect(r?.code == "store.readOnly", "\(name): \(r?.code ?? "written")")
            #expect(r?.message.en == "cannot write to \(office.path) (read-only or no permission); nothing was written", "\(name)")
        }
        // Even a decision that a rule would refuse cannot start its transaction: the file is read-only.
        #expect(refusal { _ = try office.session("zhoulixin").approveLeave(leave.id!) }?.code == "store.readOnly")
        #expect(try office.auditCount() == events)
        #expect(try office.contentChecksum() == content)
        // Reading still works.
        #expect(try office.session().meeting(meeting.id!).status == .held)
        try onWriter(office, "PRAGMA query_only = 0")
        try expectSound(office)
    }
}
