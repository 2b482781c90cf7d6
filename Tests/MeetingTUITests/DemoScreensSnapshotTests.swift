import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing
import TextLayout

/// Every section, the first-start chooser, the help and the drafting dialogs, as the demo
/// office shows them (seeded on a fixed day, so the screens are the same each run), in both
/// languages at 80×24: what a new user sees first.
@Suite("The demo office's screens in both languages (snapshots)")
struct DemoScreensSnapshotTests {
    static let office: TestOffice = {
        let office = try! TestOffice(now: "2026-03-11T09:00")
        try! office.session().seedDemo()
        return office
    }()

    /// A screen's name and the keys that reach it from the secretary's home screen.
    static let screens: [(name: String, keys: [Key])] = [
        ("home", []), ("help", [.char("?")]), ("week", [.char("1")]), ("items", [.char("2")]),
        ("item-form", [.char("2"), .char("n")]), ("leave", [.char("3")]), ("leave-dialog", [.char("3"), .tab, .char("v")]),
        ("minutes", [.char("4")]), ("followups", [.char("5")]), ("report", [.char("6")]), ("org", [.char("7")]),
        ("absences", [.char("8")]), ("identity", [.char("@")]), ("meeting", [.enter]), ("waiting-item", [.tab, .enter]),
    ]

    @Test("each screen in Chinese and English", arguments: [Lang.zh, .en])
    func screens(lang: Lang) throws {
        for screen in DemoScreensSnapshotTests.screens {
            var ui = ScreenHarness(session: try DemoScreensSnapshotTests.office.session("lijing"), lang: lang)
            ui.press(screen.keys)
            Snapshot.assert(ui.text, named: "demo-\(screen.name)-\(lang.rawValue)")
            for row in 0..<ui.rows { #expect(DisplayWidth.of(ui.buffer.line(row)) <= ui.columns, "\(screen.name) row \(row) is too wide") }
        }
    }

    @Test("the administrator's first screen is the chooser of demo roles", arguments: [Lang.zh, .en])
    func chooser(lang: Lang) throws {
        let ui = ScreenHarness(session: try DemoScreensSnapshotTests.office.session(), lang: lang)
        #expect(ui.model.top is IdentityScreen)
        Snapshot.assert(ui.text, named: "demo-first-start-\(lang.rawValue)")
        for name in ["李静", "周立新", "王晓燕", "杨文涛", "许文博"] { #expect(ui.text.contains(name)) }
    }
}
