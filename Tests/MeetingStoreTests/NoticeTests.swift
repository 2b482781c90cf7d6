import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

/// Meeting notices and their receipts: the office sends the notice, units confirm or ask for
/// leave through the receipt (R42), the office sees who has not answered.
@Suite("Meeting notices and receipts")
struct NoticeTests {
    static func meeting(_ office: TestOffice) throws -> Int64 { try DocumentFixtures.topicalMeeting(office) }

    @Test("sending opens one receipt per participant but the chair, and marks the meeting notified", arguments: ScratchDatabase.engines)
    func send(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try NoticeTests.meeting(office)
        let board = try office.session("lijing", now: "2026-03-10T09:00").sendNotice(meetingId: id, materials: "请携带经费测算表")
        #expect(board.lines.map(\.person) == ["xuwenbo", "handongmei", "hexuemei", "fengguoqing"])
        #expect(board.lines.allSatisfy { $0.receipt.status == .pending })
        #expect(board.lines.map(\.unit) == ["区教委", "区卫生健康委", "区财政局", "区民政局"])
        #expect(board.timing?.isLate == false && board.timing?.receiptsDue == LocalDateTime(iso: "2026-03-11T17:00"))
        #expect(try office.session().meeting(id).status == .notified)
        #expect(try office.session("lijing").meetingReceipts(id).sentAt == LocalDateTime(iso: "2026-03-10T09:00"))
        let notice = try office.session("lijing").meetingNotice(id)
        #expect(notice.materials == "请携带经费测算表" && notice.contact == "李静（北京市西城区人民政府办公室）")
        #expect(notice.sentAt == LocalDateTime(iso: "2026-03-10T09:00"))
        #expect(try office.session().auditEvents(limit: 2).map(\.action) == ["notice.send", "meeting.notify"])
    }

    @Test("a notice sent on the meeting's day warns that units cannot ask for leave in advance", arguments: ScratchDatabase.engines)
    func late(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try NoticeTests.meeting(office)
        let board = try office.session("lijing", now: "2026-03-12T08:00").sendNotice(meetingId: id)
        #expect(board.timing?.isLate == true && board.timing?.warning != nil)
    }

    @Test("units confirm, ask for leave through the receipt (R42), and the office sees who has not answered", arguments: ScratchDatabase.engines)
    func answers(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try NoticeTests.meeting(office)
        try office.session("lijing", now: "2026-03-10T09:00").sendNotice(meetingId: id)
        let now = "2026-03-10T14:00"
        let confirmed = try office.session("xuwenbo", now: now).answerReceipt(meetingId: id, answer: .confirm)
        #expect(confirmed.receipt.status == .confirmed && confirmed.receipt.attendeeLogin == "xuwenbo" && confirmed.receipt.recordedBy == nil)
        // The office records a telephone answer.
        let recorded = try office.session("lijing", now: now).answerReceipt(meetingId: id, person: "hexuemei", answer: .confirm)
        #expect(recorded.receipt.recordedBy == "lijing" && recorded.answeredByName == "李静")
        let leave = try office.session("handongmei", now: now)
            .answerReceipt(meetingId: id, answer: .leave(reason: "参加市卫健委会议", substitute: "zhangyuhang"))
        #expect(leave.receipt.status == .leave && leave.leaveStatus == .pending && leave.attendeeName == "张宇航")
        let request = try #require(try office.session().leaveRequests(meetingId: id).first)
        #expect(request.person == "handongmei" && request.reason == "参加市卫健委会议")
        let board = try office.session("lijing", now: now).meetingReceipts(id)
        #expect(board.unanswered.map(\.unit) == ["区民政局"])
        #expect(board.summary.zh == "已签收 2 · 请假 1 · 未答复 1")

        #expect(refusal { try office.session("xuwenbo", now: now).answerReceipt(meetingId: id, answer: .confirm) }?.code == "receipt.alreadyConfirmed")
        #expect(refusal { try office.session("handongmei", now: now).answerReceipt(meetingId: id, answer: .confirm) }?.code == "receipt.leaveRequested")
        #expect(refusal { try office.session("xuwenbo", now: now).answerReceipt(meetingId: id, person: "fengguoqing", answer: .confirm) }?.code
                == "receipt.notYourUnit")
        #expect(refusal { try office.session("fengguoqing", now: "2026-03-12T15:30").answerReceipt(meetingId: id, answer: .confirm) }?.code
                == "receipt.meetingStarted")
    }

    @Test("a confirmed unit may still ask for leave; sending again asks for fresh confirmations and keeps the leave", arguments: ScratchDatabase.engines)
    func resend(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try NoticeTests.meeting(office)
        try office.session("lijing", now: "2026-03-10T09:00").sendNotice(meetingId: id)
        try office.session("xuwenbo", now: "2026-03-10T10:00").answerReceipt(meetingId: id, answer: .confirm)
        try office.session("hexuemei", now: "2026-03-10T10:00").answerReceipt(meetingId: id, answer: .confirm)
        let changed = try office.session("hexuemei", now: "2026-03-10T11:00").answerReceipt(meetingId: id, answer: .leave(reason: "出差", substitute: nil))
        #expect(changed.receipt.status == .leave)
        let again = try office.session("lijing", now: "2026-03-10T16:00").sendNotice(meetingId: id)
        #expect(again.lines.map(\.receipt.status) == [.pending, .pending, .leave, .pending])
        #expect(try office.session().auditEvents(limit: 1).first?.action == "notice.resend")
    }

    @Test("leave asked for before answers the receipt with that request, not a second one", arguments: ScratchDatabase.engines)
    func earlierLeave(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try NoticeTests.meeting(office)
        let earlier = try office.session("xuwenbo", now: "2026-03-09T10:00").requestLeave(meetingId: id, reason: "赴市教委开会", substitute: "zhangyuhang")
        try office.session("lijing", now: "2026-03-10T09:00").sendNotice(meetingId: id)
        let line = try office.session("xuwenbo", now: "2026-03-10T10:00").answerReceipt(meetingId: id, answer: .leave(reason: "同上", substitute: nil))
        #expect(line.receipt.leaveId == earlier.id && line.attendeeName == "张宇航")
        #expect(try office.session().leaveRequests(meetingId: id).count == 1)
    }

    @Test("no receipt before the notice goes out; nobody outside the roster has one", arguments: ScratchDatabase.engines)
    func noReceipt(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try NoticeTests.meeting(office)
        #expect(refusal { try office.session("xuwenbo", now: "2026-03-10T10:00").answerReceipt(meetingId: id, answer: .confirm) }?.code == "receipt.none")
        #expect(try office.session("lijing").meetingReceipts(id).sentAt == nil)
    }

    @Test("an open receipt waits on its person's (and unit's) home screen until answered", arguments: ScratchDatabase.engines)
    func waiting(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try NoticeTests.meeting(office)
        try office.session("lijing", now: "2026-03-10T09:00").sendNotice(meetingId: id)
        let entry = try #require(try office.session("xuwenbo", now: "2026-03-10T10:00").homeSnapshot().waiting.first { $0.ref == .receipts(id) })
        #expect(entry.what.zh == "会议通知待签收" && entry.due == Day(iso: "2026-03-11"))
        try office.session("xuwenbo", now: "2026-03-10T10:00").answerReceipt(meetingId: id, answer: .confirm)
        #expect(try !office.session("xuwenbo", now: "2026-03-10T10:00").homeSnapshot().waiting.contains { $0.ref == .receipts(id) })
        #expect(try !office.session("lijing", now: "2026-03-10T10:00").homeSnapshot().waiting.contains { $0.ref == .receipts(id) })
    }

    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body() } catch let r as Refusal { return r } catch {}
        return nil
    }
}
