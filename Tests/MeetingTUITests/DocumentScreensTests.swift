import Foundation
import Testing
import MeetingKit
import MeetingService
import MeetingStore
@testable import MeetingTUI
import HuiwuTestSupport
import MeetingFormats

/// The screens of official documents: the receipts the office follows, the seating the office
/// adjusts, and `p`, which writes the document where config.toml says.
@Suite("Document screens")
struct DocumentScreensTests {
    /// ``DocumentFixtures/topicalMeeting(_:)`` with its notice sent and two answers in.
    static func answeredMeeting(_ office: TestOffice) throws -> Int64 {
        let id = try DocumentFixtures.topicalMeeting(office)
        try office.session("lijing", now: "2026-03-10T09:00").sendNotice(meetingId: id)
        try office.session("xuwenbo", now: "2026-03-10T10:00").answerReceipt(meetingId: id, answer: .confirm)
        try office.session("handongmei", now: "2026-03-10T11:00").answerReceipt(meetingId: id, answer: .leave(reason: "出差", substitute: nil))
        return id
    }

    @Test("the receipts screen puts the units that have not answered first in view")
    func receipts() throws {
        let office = try TestOffice(now: "2026-03-10T12:00")
        let id = try DocumentScreensTests.answeredMeeting(office)
        var h = ScreenHarness(session: try office.session("lijing"), root: ReceiptsScreen(meetingId: id))
        Snapshot.assert(h.text, named: "receipts-zh")
        h.press(.char("f"))
        #expect(h.text.contains("区财政局") && !h.text.contains("许文博   已签收"))
    }

    @Test("a unit confirms its own line, which is selected when the screen opens; asks for leave through the receipt")
    func unitAnswers() throws {
        let office = try TestOffice(now: "2026-03-10T12:00")
        let id = try DocumentScreensTests.answeredMeeting(office)
        var h = ScreenHarness(session: try office.session("fengguoqing"), root: ReceiptsScreen(meetingId: id))
        h.press(.char("v"))
        h.type("外出调研")
        h.press(.function(2))
        #expect(try office.session().meetingReceipts(id).unanswered.map(\.name) == ["何雪梅"])
        #expect(try office.session().leaveRequests(meetingId: id).map(\.person).sorted() == ["fengguoqing", "handongmei"])
    }

    @Test("K and J move the selected person in the seating, saved with the meeting")
    func seating() throws {
        let office = try TestOffice()
        let (meeting, _) = try MinutesFixtures.meetingWithAgenda(office)
        var h = ScreenHarness(session: try office.session("lijing"), root: SeatingScreen(meetingId: meeting.id!))
        #expect(h.text.contains("默认座次"))
        h.press(.down, .down, .down, .char("K"))
        #expect(h.text.contains("已调整的座次"))
        #expect(try office.session().seatingChart(meetingId: meeting.id!).seats[2].person == "zhaojianguo")
        h.press(.char("w"))  // takes the adjustments back
        #expect(try office.session().seatingChart(meetingId: meeting.id!).seats[2].person == "wangxiaoyan")
    }

    @Test("P writes the document into [print] directory, as DOCX when LibreOffice is missing, and says where")
    func printing() throws {
        let office = try TestOffice(now: "2026-03-10T12:00")
        let id = try DocumentScreensTests.answeredMeeting(office)
        let directory = office.directory + "/公文"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var context = ScreenContext(office: Office.embedded(try office.session("lijing")), lang: .zh, environment: ["HUIWU_SOFFICE": "/nonexistent/soffice"])
        context.config = HuiwuConfig.parse("[print]\ndirectory = \"\(directory)\"\n").config
        var h = ScreenHarness(context: context, columns: 160, root: MeetingDetailScreen(id: id))
        h.press(.char("P"))
        let file = directory + "/notice-\(id).docx"
        #expect(h.text.contains("已生成 \(file)（未安装 LibreOffice，不能生成 PDF）"))
        #expect(FileManager.default.contents(atPath: file)?.starts(with: Data("PK".utf8)) == true)
    }

    @Test("N on the meeting sends the notice; the footer names the document keys")
    func sendFromMeeting() throws {
        let office = try TestOffice(now: "2026-03-10T09:00")
        let secretary = try office.session("lijing")
        let id = try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!).id!
        var h = ScreenHarness(session: secretary, columns: 120, root: MeetingDetailScreen(id: id))
        let footer = h.buffer.line(23)
        #expect(footer.contains("N 发通知") && footer.contains("h 回执 z 座次 P 打印通知"))
        h.press(.char("N"))
        #expect(h.text.contains("已发出通知，回执 53 份（h 查看）"))
        #expect(try secretary.meeting(id).status == .notified)
    }
}
