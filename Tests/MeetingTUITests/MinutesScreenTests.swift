import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingService
import MeetingStore
import MeetingTUI
import Testing
import TextLayout

@Suite("Minutes screens")
struct MinutesScreenTests {
    init() { TerminalLocale.activate() }

    /// Two documents wait for the mayor on 2026-02-27: one since 2026-02-10 (overdue under
    /// R46), one since 2026-02-26.
    func queueOffice() throws -> (TestOffice, [Int64]) {
        let office = try TestOffice(now: "2026-02-27T09:00")
        let a = try MinutesFixtures.awaitingSignature(office, kind: .executive, start: "2026-02-10T09:00")
        let b = try MinutesFixtures.awaitingSignature(office, kind: .topical, start: "2026-02-26T09:00", classification: .secret)
        return (office, [a.id!, b.id!])
    }

    /// A vice mayor's topical meeting whose request waits for the EVM's review (R44).
    func requestInReview() throws -> (TestOffice, Int64) {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, chair: "wangxiaoyan", title: "学位供给", members: ["xuwenbo"])
        let head = try office.session("xuwenbo")
        let id = try head.draftMinutes(meetingId: meeting.id!).id!
        try head.setMinutesAttributes(id, disclosure: .onRequest, reason: nil, classification: nil)
        try head.submitMinutes(id)
        try MinutesFixtures.officeCheck(office, id)  // R47
        try office.session("wangxiaoyan").approveMinutes(id)
        return (office, id)
    }

    @Test("the mayor's first screen is his signature queue when something waits, oldest first, overdue marked (R46)")
    func queueSnapshot() throws {
        let (office, _) = try queueOffice()
        let ui = ScreenHarness(session: try office.session("zhoulixin"))
        #expect(ui.model.top is SignatureQueueScreen)
        Snapshot.assert(ui.text, named: "minutes-queue-zh")
        let en = ScreenHarness(session: try office.session("zhoulixin"), lang: .en)
        Snapshot.assert(en.text, named: "minutes-queue-en")
        // Others, and the mayor with nothing waiting, start at home.
        #expect(ScreenHarness(session: try office.session("lijing")).model.top is HomeScreen)
        #expect(ScreenHarness(session: try TestOffice().session("zhoulixin")).model.top is HomeScreen)
    }

    @Test("signing from the queue confirms with the number to be assigned, then the document leaves the queue")
    func signFromQueue() throws {
        let (office, ids) = try queueOffice()
        var ui = ScreenHarness(session: try office.session("zhoulixin"))
        ui.press(.char("S"))
        #expect(ui.text.contains("签发后文号：常务会议纪要〔2026〕1号。确认签发？"))
        ui.press(.char("n"))
        #expect(try office.session().minutesDetail(ids[0]).minutes.state == .awaitingSignature)
        ui.press(.char("S"), .char("y"))
        #expect(ui.text.contains("已签发：常务会议纪要〔2026〕1号"))
        #expect(try office.session().minutesDetail(ids[0]).minutes.state == .signed)
        #expect(!ui.text.contains("第1次区政府常务会议纪要"))
    }

    @Test("the view shows the chain as a progress line and offers the EVM approve and return only (R44)")
    func viewSnapshot() throws {
        let (office, id) = try requestInReview()
        let ui = ScreenHarness(session: try office.session("chenhaifeng"), root: MinutesViewScreen(id: id))
        Snapshot.assert(ui.text, named: "minutes-view-review-zh")
        // Issue 17 (R47): the office's check comes after the drafting.
        #expect(ui.text.contains("主办单位起草 许文博 ✓ → 办公室审核（R47） 杨文涛 ✓ → 分管副区长审核 王晓燕 ✓"))
        #expect(ui.text.contains("  → 常务副区长审核 陈海峰 ● → 区长签发 周立新 ○"))  // the steps that do not fit continue below
        #expect(ui.text.contains("a 同意") && ui.text.contains("x 退回") && !ui.text.contains("S 签发"))
        let en = ScreenHarness(session: try office.session("chenhaifeng"), lang: .en, columns: 120, root: MinutesViewScreen(id: id))
        Snapshot.assert(en.text, named: "minutes-view-review-en")
        // The mayor may not act yet; nothing but scrolling is offered.
        let mayor = ScreenHarness(session: try office.session("zhoulixin"), root: MinutesViewScreen(id: id))
        #expect(!mayor.text.contains("S 签发") && !mayor.text.contains("a 同意"))
    }

    @Test("a return through the view asks for the reason and sends the request back to its drafter")
    func returnThroughView() throws {
        let (office, id) = try requestInReview()
        var ui = ScreenHarness(session: try office.session("chenhaifeng"), root: MinutesViewScreen(id: id))
        ui.press(.char("x"))
        ui.type("经费来源须写明")
        ui.press(.enter)
        #expect(ui.text.contains("已退回起草人"))
        let detail = try office.session().minutesDetail(id)
        #expect(detail.minutes.state == .returned && detail.minutes.returnReason == "经费来源须写明")
        #expect(ui.text.contains("退回理由：经费来源须写明"))
        ui.press(.char("G"))  // the timeline is at the end
        #expect(ui.text.contains("陈海峰 退回：经费来源须写明"))
    }

    @Test("approve after confirmation moves the request on to the mayor, who signs from the view")
    func approveAndSign() throws {
        let (office, id) = try requestInReview()
        var evm = ScreenHarness(session: try office.session("chenhaifeng"), root: MinutesViewScreen(id: id))
        evm.press(.char("a"))
        #expect(evm.text.contains("审核同意，转 周立新？"))
        evm.press(.char("y"))
        #expect(try office.session().minutesDetail(id).minutes.state == .awaitingSignature)
        var mayor = ScreenHarness(session: try office.session("zhoulixin"), root: MinutesViewScreen(id: id))
        mayor.press(.char("S"))
        #expect(mayor.text.contains("专题会议纪要〔2026〕1号"))
        mayor.press(.char("y"))
        #expect(mayor.text.contains("已签发：专题会议纪要〔2026〕1号"))
        #expect(mayor.text.contains("区长签发 周立新 ✓"))
    }

    @Test("the drafter sets disclosure and classification, edits in the built-in editor (Chinese by display width) and submits")
    func drafterThroughView() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office)
        let id = try office.session("lijing").draftMinutes(meetingId: meeting.id!, body: "第一行").id!
        var ui = ScreenHarness(session: try office.session("lijing"), root: MinutesViewScreen(id: id))
        #expect(ui.text.contains("未设置（R22）"))
        ui.press(.char("s"), .char("y"))
        #expect(ui.text.contains("R22"))
        ui.press(.char("u"), .char("3"), .tab)  // not public: with its reason
        ui.type("涉及内部人事安排")
        ui.press(.tab, .char("2"), .enter)
        #expect(ui.text.contains("不予公开（涉及内部人事安排）") && ui.text.contains("密级：内部"))

        ui.press(.char("e"))
        #expect(ui.model.top is BodyEditorScreen)
        ui.press(.end, .enter)
        ui.type("第二行：会议决定")
        ui.press(.up, .home, .tab)
        #expect(ui.text.contains("已修改"))
        ui.press(.control("o"))
        #expect(ui.model.top is MinutesViewScreen)
        #expect(try office.session().minutesDetail(id).minutes.body == "　　第一行\n第二行：会议决定")

        ui.press(.char("s"), .char("y"))
        #expect(try office.session().minutesDetail(id).minutes.state == .inReview)  // the office checks it first (R47)
        #expect(!ui.text.contains("e 编辑正文"))
    }

    @Test("e opens the draft in $VISUAL and saves what the editor wrote")
    func externalEditor() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office)
        let id = try office.session("lijing").draftMinutes(meetingId: meeting.id!, body: "原稿").id!
        let script = office.directory + "/editor.sh"
        try StandInProgram.write("#!/bin/sh\ngrep -q 原稿 \"$1\" && printf '编辑器写入的正文\\n' > \"$1\"\n", to: script)
        let context = ScreenContext(office: Office.embedded(try office.session("lijing")), lang: .zh, environment: ["VISUAL": script])
        var model = AppModel(context: context, root: MinutesViewScreen(id: id))
        model.handle(.char("e"))
        #expect(model.status?.text.zh == "正文已保存")
        #expect(try office.session().minutesDetail(id).minutes.body == "编辑器写入的正文\n")
        var buffer = ScreenBuffer(rows: 24, columns: 80)
        model.draw(into: &buffer)
        #expect(buffer.text.contains("编辑器写入的正文"))

        let failing = ScreenContext(office: Office.embedded(try office.session("lijing")), lang: .en, environment: ["EDITOR": "false"])
        var other = AppModel(context: failing, root: MinutesViewScreen(id: id))
        other.handle(.char("e"))
        #expect(other.status?.text.en.contains("failed") == true)
        #expect(try office.session().minutesDetail(id).minutes.body == "编辑器写入的正文\n")
    }

    @Test("a classified document's body is withheld from a department head who did not attend (R48)")
    func classifiedView() throws {
        let (office, ids) = try queueOffice()
        let outsider = ScreenHarness(session: try office.session("tanghongxia"), root: MinutesViewScreen(id: ids[1]))
        #expect(outsider.text.contains("R48"))
        #expect(!outsider.text.contains("主持："))
        let mayor = ScreenHarness(session: try office.session("zhoulixin"), root: MinutesViewScreen(id: ids[1]))
        #expect(mayor.text.contains("主持："))
    }

    @Test("the minutes list filters by state and opens a document")
    func list() throws {
        let (office, ids) = try queueOffice()
        try office.session("zhoulixin").signMinutes(ids[0])
        var ui = ScreenHarness(session: try office.session("lijing"), root: MinutesListScreen())
        Snapshot.assert(ui.text, named: "minutes-list-zh")
        ui.press(.char("f"), .char("f"), .char("f"))  // all → draft → in review → awaiting signature
        #expect(ui.text.contains("筛选：待区长签发") && !ui.text.contains("常务会议纪要〔2026〕1号"))
        ui.press(.enter)
        #expect((ui.model.top as? MinutesViewScreen)?.id == ids[1])
    }

    @Test("in English at 80×24 the list keeps the whole document number and the classification; the view keeps the classification whole")
    func englishAt80() throws {
        let (office, ids) = try queueOffice()
        try office.session("zhoulixin").signMinutes(ids[0])
        let list = ScreenHarness(session: try office.session("lijing"), lang: .en, root: MinutesListScreen())
        Snapshot.assert(list.text, named: "minutes-list-en")
        #expect(list.text.contains("Executive Meeting Minutes [2026] No. 1"))
        #expect(list.text.contains("[secret]"))
        for row in 0..<list.rows { #expect(DisplayWidth.of(list.buffer.line(row)) <= list.columns) }

        let signed = ScreenHarness(session: try office.session("lijing"), lang: .en, root: MinutesViewScreen(id: ids[0]))
        Snapshot.assert(signed.text, named: "minutes-view-signed-en")
        #expect(signed.text.contains("Executive Meeting Minutes [2026] No. 1"))
        #expect(signed.text.contains("Classification: unclassified"))
        let secret = ScreenHarness(session: try office.session("zhoulixin"), lang: .en, root: MinutesViewScreen(id: ids[1]))
        #expect(secret.text.contains("Classification: secret"), "\(secret.text)")
    }

    @Test("the built-in editor wraps Chinese by display width and keeps the cursor after the character it follows")
    func textArea() {
        var area = TextArea("")
        for key in Key.typing("会议纪要abc") { area.handle(key) }
        var buffer = ScreenBuffer(rows: 3, columns: 8)
        area.draw(into: &buffer, rect: Rect(top: 0, left: 0, height: 3, width: 8), focused: true)
        // 7 usable columns: three Chinese characters (6 columns) fit on the first row.
        #expect(buffer.line(0) == "会议纪")
        #expect(buffer.line(1) == "要abc")
        #expect(buffer.cursor?.row == 1 && buffer.cursor?.column == 5)
        area.handle(.enter)
        for key in Key.typing("x") { area.handle(key) }
        area.handle(.up)
        #expect(area.row == 0 && area.column == 0)  // display column 1 lies inside 会: the cursor stays before it
        area.handle(.backspace)
        #expect(area.text == "会议纪要abc\nx")
    }

    @Test("the built-in editor breaks Chinese as the shared wrapper does: no row starts with 、，。）etc., and the cursor still lands on its character",
          arguments: [7, 8, 9, 10, 11, 12, 13, 15, 19, 23])
    func textAreaLineBreakRule(width: Int) {
        let body = "会议听取了区教委关于学前教育资源布局的汇报，原则同意。会议要求：（一）各街道配合；（二）区财政局保障经费、做好审核。"
        var area = TextArea(body)
        let rows = area.visualLines(width: width)
        #expect(rows.joined() == body, "no character is lost or repeated")
        for row in rows.dropFirst() {
            #expect(!(row.first.map { WrappedText.closing.contains($0) } ?? false), "width \(width): \(rows)")
        }
        for row in rows { #expect(DisplayWidth.of(row) <= width) }
        // The same rows on screen; the cursor at the end sits after the last character.
        area.handle(.end)
        var buffer = ScreenBuffer(rows: rows.count, columns: width + 1)
        area.draw(into: &buffer, rect: Rect(top: 0, left: 0, height: rows.count, width: width + 1), focused: true)
        for (i, row) in rows.enumerated() { #expect(buffer.line(i) == row) }
        #expect(buffer.cursor?.row == rows.count - 1 && buffer.cursor?.column == DisplayWidth.of(rows.last ?? ""))
    }

    @Test("the follow-up board groups by department, highlights the overdue, and closes one with a note")
    func followUpBoard() throws {
        let office = try TestOffice(now: "2026-04-01T09:00")
        try MinutesFixtures.signedWithDecisions(office)
        let zjw = try #require(try office.session().followUps(department: "ZJW").first).followUp
        try office.session("lijing").setFollowUpDue(zjw.id!, due: Day(iso: "2026-04-30")!, reason: "承办单位申请")
        var ui = ScreenHarness(session: try office.session("lijing"), root: FollowUpBoardScreen())
        Snapshot.assert(ui.text, named: "followup-board-zh")
        let overdueRow = try #require((0..<ui.rows).first { ui.buffer.line($0).contains("逾期") && ui.buffer.line($0).contains("原则同意") })
        #expect((0..<ui.columns).contains { ui.buffer[overdueRow, $0].style == .error || ui.buffer[overdueRow, $0].style == .selected })
        let en = ScreenHarness(session: try office.session("lijing"), lang: .en, root: FollowUpBoardScreen())
        Snapshot.assert(en.text, named: "followup-board-en")

        ui.press(.char("f"))
        #expect(ui.text.contains("只看逾期") && !ui.text.contains("同意实施方案"))
        ui.press(.char("f"), .char("a"))
        ui.type("经费已落实")
        ui.press(.enter)
        #expect(ui.text.contains("已办结"))
        #expect(try office.session().followUps(department: "JW").first?.followUp.status == .done)
        ui.press(.enter)
        #expect(ui.model.top is MinutesViewScreen)
    }

    @Test("the minutes list is section 4 and the follow-up board section 5, from any screen")
    func homeKeys() throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("lijing"))
        ui.press(.char("4"))
        #expect(ui.model.top is MinutesListScreen)
        ui.press(.char("5"))
        #expect(ui.model.stack.count == 2)  // a section opens right above the home screen
        #expect(ui.model.top is FollowUpBoardScreen)
    }
}
