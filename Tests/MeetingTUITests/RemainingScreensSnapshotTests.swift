import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingService
import MeetingStore
import MeetingTUI
import Testing
import MeetingFormats
import TextLayout

/// The screens no other snapshot shows in both languages (issue 18: every screen, zh and
/// en), at 80×24 on the demo office seeded on a fixed day: the agenda editor, the roster, the
/// leave report, the attendance figures, the receipts board, the batch planner, the chooser
/// of the leader one records for, the meeting's edit form, the print menu and the dialog that
/// saves a copy of an attachment.
@Suite("The remaining screens in both languages (snapshots)")
struct RemainingScreensSnapshotTests {
    init() { TerminalLocale.activate() }

    func demo() throws -> TestOffice {
        let office = try TestOffice(now: "2026-03-11T09:00")
        try office.session().seedDemo()
        return office
    }

    /// The demo's executive meeting of this week, the one the seating snapshot shows.
    func executive(_ session: Session) throws -> Int64 {
        try #require(try session.meetings(kind: .executive).first { $0.start.day == Day(iso: "2026-03-13")! }).id!
    }

    func check(_ ui: ScreenHarness, _ name: String, _ lang: Lang, contains words: (zh: String, en: String)) {
        Snapshot.assert(ui.text, named: "\(name)-\(lang.rawValue)")
        for row in 0..<ui.rows { #expect(DisplayWidth.of(ui.buffer.line(row)) <= ui.columns, "\(name) row \(row) is too wide") }
        #expect(ui.text.contains(lang == .zh ? words.zh : words.en), "\(name): \(ui.text)")
    }

    @Test("the meeting's screens: agenda editor, roster, leave report, receipts", arguments: [Lang.zh, .en])
    func meetingScreens(lang: Lang) throws {
        let office = try demo()
        let s = try office.session("lijing")
        let id = try executive(s)
        check(ScreenHarness(session: s, lang: lang, root: AgendaEditorScreen(meetingId: id)), "remaining-agenda-editor", lang,
              contains: ("议程", "Agenda"))
        check(ScreenHarness(session: s, lang: lang, root: RosterScreen(meetingId: id)), "remaining-roster", lang, contains: ("周立新", "周立新"))
        check(ScreenHarness(session: s, lang: lang, root: LeaveReportScreen(meetingId: id)), "remaining-leave-report", lang,
              contains: ("请假", "eave"))
        check(ScreenHarness(session: s, lang: lang, root: ReceiptsScreen(meetingId: id)), "remaining-receipts", lang,
              contains: ("回执", "eceipt"))
    }

    @Test("attendance figures, the batch planner and the chooser of the leader recorded for", arguments: [Lang.zh, .en])
    func officeScreens(lang: Lang) throws {
        let office = try demo()
        let s = try office.session("lijing")
        let day = Day(iso: "2026-03-11")!
        check(ScreenHarness(session: s, lang: lang, root: AttendanceStatsScreen(around: day)), "remaining-attendance-stats", lang,
              contains: ("出勤", "ttendance"))
        check(ScreenHarness(session: s, lang: lang, root: PlanRangeScreen(today: day)), "remaining-plan-form", lang,
              contains: ("常务会议", "xecutive"))
        check(ScreenHarness(session: s, lang: lang, root: OnBehalfLeaderScreen()), "remaining-on-behalf-leader", lang,
              contains: ("周立新", "周立新"))
    }

    @Test("the meeting's edit form (e on the meeting) and the print menu (P on the seating chart)", arguments: [Lang.zh, .en])
    func meetingDialogs(lang: Lang) throws {
        let office = try demo()
        let s = try office.session("lijing")
        let id = try executive(s)
        var edit = ScreenHarness(session: s, lang: lang, root: MeetingDetailScreen(id: id))
        edit.press(.char("e"))
        check(edit, "remaining-meeting-edit", lang, contains: ("主持", "hair"))
        var printing = ScreenContext(office: Office.embedded(s), lang: lang)
        printing.config = HuiwuConfig.parse("[print]\ndirectory = \"/srv/huiwu/打印\"\n").config
        var print = ScreenHarness(context: printing, root: SeatingScreen(meetingId: id))
        print.press(.char("P"))
        check(print, "remaining-print-menu", lang, contains: ("打印", "rint"))
        #expect(print.model.tasksRun.isEmpty, "the menu prints nothing until a document is chosen")
        #expect(print.text.contains("/srv/huiwu/打印"), "the menu says where the file goes")
    }

    @Test("saving a copy of an attachment (V on an item)", arguments: [Lang.zh, .en])
    func attachmentSave(lang: Lang) throws {
        let office = try demo()
        let s = try office.session("lijing")
        let item = try #require(try s.items().first).id!
        let file = office.directory + "/实施方案.txt"
        try Data("方案".utf8).write(to: URL(fileURLWithPath: file))
        _ = try s.attach(file: file, to: .item(item))
        var context = ScreenContext(office: Office.embedded(s), lang: lang)
        context.config = HuiwuConfig.parse("[print]\ndirectory = \"/srv/huiwu/下载\"\n").config
        var ui = ScreenHarness(context: context, root: ItemDetailScreen(itemId: item))
        ui.press(.char("V"))
        check(ui, "remaining-attachment-save", lang, contains: ("实施方案.txt", "实施方案.txt"))
        #expect(ui.text.contains("/srv/huiwu/下载"), "the dialog says where the copy goes")
    }
}
