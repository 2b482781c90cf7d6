import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing

@Suite("Attachments on screens")
struct AttachmentScreenTests {
    init() { TerminalLocale.activate() }

    func file(_ name: String, _ text: String) throws -> String {
        let path = TestOffice.temporaryDirectory() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the item detail lists its attachments; a missing copy is marked")
    func itemDetail() throws {
        let office = try TestOffice()
        let secretary = try office.session("lijing")
        let item = try secretary.addItem(title: "关于停车场建设的议题", lead: "CGW").id!
        let a = try secretary.attach(file: try file("实施方案.txt", "方案"), to: .item(item))
        let ui = ScreenHarness(session: secretary, root: ItemDetailScreen(itemId: item))
        #expect(ui.text.contains("附件（huiwu attach open 编号）"))
        #expect(ui.text.contains("#\(a.id!) 实施方案.txt  6 B  李静 03-02 09:00"))
        try FileManager.default.removeItem(atPath: try secretary.attachment(a.id!).path)
        let again = ScreenHarness(session: secretary, lang: .en, root: ItemDetailScreen(itemId: item))
        #expect(again.text.contains("实施方案.txt  6 B  李静 03-02 09:00  MISSING"))
    }

    @Test("the minutes view lists attachments for readers; a classified document's stay hidden from others (R48)")
    func minutesView() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, title: "信访维稳", members: ["xuwenbo"])
        let secretary = try office.session("lijing")
        let id = try secretary.draftMinutes(meetingId: meeting.id!, body: "涉密内容").id!
        try secretary.setMinutesAttributes(id, disclosure: .notPublic, reason: "涉及国家秘密", classification: .secret)
        try secretary.attach(file: try file("处置方案.txt", "方案"), to: .minutes(id))
        let reader = ScreenHarness(session: try office.session("xuwenbo"), root: MinutesViewScreen(id: id))
        #expect(reader.text.contains("处置方案.txt"))
        let outsider = ScreenHarness(session: try office.session("tanghongxia"), root: MinutesViewScreen(id: id))
        #expect(!outsider.text.contains("处置方案") && !outsider.text.contains("附件"))
    }
}
