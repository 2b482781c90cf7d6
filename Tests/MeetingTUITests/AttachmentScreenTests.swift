import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingService
import MeetingStore
import MeetingTUI
import Testing
import MeetingFormats

@Suite("Attachments on screens")
struct AttachmentScreenTests {
    init() { TerminalLocale.activate() }

    func file(_ name: String, _ text: String) throws -> String {
        let path = TestOffice.temporaryDirectory() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("V saves a copy of the chosen attachment into [print] directory, never over an existing file; a missing copy is refused")
    func saveCopy() throws {
        let office = try TestOffice()
        let secretary = try office.session("lijing")
        let item = try secretary.addItem(title: "关于停车场建设的议题", lead: "CGW").id!
        _ = try secretary.attach(file: try file("实施方案.txt", "方案"), to: .item(item))
        let second = try secretary.attach(file: try file("预算表.csv", "项目,金额"), to: .item(item))
        let directory = office.directory + "/下载"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var context = ScreenContext(office: Office.embedded(secretary), lang: .zh)
        context.config = HuiwuConfig.parse("[print]\ndirectory = \"\(directory)\"\n").config
        var ui = ScreenHarness(context: context, columns: 160, root: ItemDetailScreen(itemId: item))
        ui.press(.char("V"))
        #expect(ui.text.contains("保存附件副本") && ui.text.contains("预算表.csv"))
        ui.press(.down, .enter)
        #expect(ui.text.contains("已保存附件副本：\(directory)/预算表.csv"), "\(ui.text)")
        #expect(FileManager.default.contents(atPath: directory + "/预算表.csv") == Data("项目,金额".utf8))
        ui.press(.char("V"), .down, .enter)
        #expect(FileManager.default.contents(atPath: directory + "/预算表 (2).csv") == Data("项目,金额".utf8))
        #expect(ui.model.tasksRun.filter { $0 == "saveAttachment" }.count == 2)

        try FileManager.default.removeItem(atPath: try secretary.attachment(second.id!).path)
        ui.press(.char("V"), .down, .enter)
        #expect(!FileManager.default.fileExists(atPath: directory + "/预算表 (3).csv"))
        #expect(ui.text.contains("预算表.csv"), "the refusal names the file: \(ui.text)")
    }

    @Test("the item detail lists its attachments; a missing copy is marked")
    func itemDetail() throws {
        let office = try TestOffice()
        let secretary = try office.session("lijing")
        let item = try secretary.addItem(title: "关于停车场建设的议题", lead: "CGW").id!
        let a = try secretary.attach(file: try file("实施方案.txt", "方案"), to: .item(item))
        let ui = ScreenHarness(session: secretary, root: ItemDetailScreen(itemId: item))
        #expect(ui.text.contains("附件（按 V 保存副本）") && ui.text.contains("V 保存附件"))
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
