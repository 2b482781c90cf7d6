import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing

/// One keymap: a letter means one thing on every screen, and leaving a form with typed input
/// asks first (issue 18: `a` approved on one screen and marked absent on another; `q` and
/// Ctrl-C quit a half-filled form).
@Suite("Keys keep one meaning; typed input is not lost silently")
struct VerbTests {
    @Test("no two verbs share a key, and none takes a global key or a section's digit")
    func oneMeaningPerKey() {
        let keys = Verb.allCases.map(\.key)
        #expect(Set(keys).count == keys.count)
        let global = GlobalKey.allCases.flatMap(\.keys) + Section.allCases.map(\.key)
        for verb in Verb.allCases { #expect(!global.contains(verb.key), "\(verb) takes a global key") }
    }

    @Test("the footer and the help list exactly the keys the screen's keymap takes", arguments: ["1", "2", "3", "4", "5", "6", "7", "8"])
    func footerAndHelpReadTheKeymap(section: String) throws {
        let office = DemoScreensSnapshotTests.office
        var ui = ScreenHarness(session: try office.session("lijing"), lang: .en, rows: 40, columns: 200)
        ui.press(.char(Character(section)))
        let hints = ui.model.top.hints(ui.model.context)
        ui.press(.char("?"))
        let help = ui.text
        for hint in hints { #expect(help.contains(hint.key) && help.contains(hint.label.en), "\(section): help lacks \(hint.key) \(hint.label.en)") }
    }

    @Test("Ctrl-C on a form with typed input asks first; Esc asks by a second Esc; other keys go on typing")
    func unsavedInputAsks() throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("xuwenbo"))
        ui.press(.char("2"), .char("n"))
        ui.type("关于校园午餐的议题")
        #expect(ui.model.hasUnsavedInput)
        ui.press(.control("c"))
        #expect(ui.text.contains("有未保存的输入，仍要退出？"))
        ui.press(.char("n"))
        #expect(!ui.model.isFinished && ui.text.contains("关于校园午餐的议题"))
        ui.press(.escape)
        #expect(ui.text.contains("有未保存的输入：再按 Esc 放弃"), "the first Esc asks")
        #expect(ui.model.top is ItemFormScreen && ui.text.contains("关于校园午餐的议题"))
        ui.type("配送")
        #expect(!ui.text.contains("再按 Esc 放弃") && ui.text.contains("关于校园午餐的议题配送"), "typing goes on")
        ui.press(.escape, .escape)
        #expect(!ui.text.contains("关于校园午餐的议题配送"), "the second Esc discards")
        ui.press(.char("n"))
        ui.type("标题")
        ui.press(.control("c"), .char("y"))
        #expect(ui.model.isFinished)
    }
}
