import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing
import TextLayout

/// A screen with a text field, as later capabilities build them: letters are input.
struct FormScreen: Screen {
    typealias Action = Never
    var field = TextField()
    func title(_ lang: Lang) -> String { "表单" }
    var isModal: Bool { true }
    mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        if key == .escape { return .pop }
        if key == .enter { return .status(Localized(zh: "已保存：\(field.text)", en: "saved: \(field.text)"), .ok) }
        field.handle(key)
        return .none
    }
    func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        field.draw(into: &buffer, row: area.top + 1, column: 2, width: 20, focused: true)
    }
}

/// A read-only inner screen: `q` goes back.
struct DetailScreen: Screen {
    typealias Action = Never
    func title(_ lang: Lang) -> String { "详情" }
    mutating func update(_ key: Key, _ context: ScreenContext) -> Effect { key == .escape ? .pop : .none }
    func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        buffer.put("详情内容", row: area.top, column: 0)
    }
}

@Suite("The app model: a stack of screens driven by keys")
struct AppModelTests {
    @Test("? opens help; ?, Esc or q go back to where it was opened")
    func help() throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("lijing"))
        for back in [Key.char("?"), .escape, .char("q"), .function(1)] {
            ui.press(.char("?"))
            #expect(ui.model.top is HelpScreen)
            #expect(ui.text.contains("所有界面"))
            #expect(ui.text.contains("? / F1"))
            ui.press(back)
            #expect(ui.model.top is HomeScreen)
            #expect(!ui.model.isFinished)
        }
        ui.press(.function(1))
        #expect(ui.model.top is HelpScreen)
    }

    @Test("at 80×24 the help scrolls with ↓ to every line: how to act as someone, remove the demo, start empty")
    func helpScrolls() throws {
        let office = try TestOffice()
        for lang in [Lang.zh, .en] {
            var ui = ScreenHarness(session: try office.session("lijing"), lang: lang, rows: 24, columns: 80)
            ui.press(.char("?"))
            let first = ui.text
            var seen = first
            for _ in 0..<30 {
                ui.press(.down)
                seen += ui.text
            }
            #expect(ui.text != first, "↓ scrolls")
            #expect(seen.contains("huiwu --as") && seen.contains("huiwu demo remove") && seen.contains("huiwu init --empty"))
            ui.press(.up)
            #expect(ui.model.top is HelpScreen)
        }
    }

    @Test("q quits on the home screen and goes back on any other")
    func quit() throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("lijing"))
        ui.model.apply(.push(DetailScreen()))
        #expect(ui.text.contains("详情内容"))
        ui.press(.char("q"))
        #expect(ui.model.top is HomeScreen)
        #expect(!ui.model.isFinished)
        ui.press(.char("q"))
        #expect(ui.model.isFinished)
    }

    @Test("Esc goes back; on the home screen it does not quit")
    func escape() throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("lijing"))
        ui.model.apply(.push(DetailScreen()))
        ui.press(.escape)
        #expect(ui.model.top is HomeScreen)
        ui.press(.escape)
        #expect(ui.model.top is HomeScreen)
        #expect(!ui.model.isFinished)
    }

    @Test("while a text field has focus, q and ? are typed, not commands")
    func textCapture() throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("lijing"), lang: .en)
        ui.model.apply(.push(FormScreen()))
        ui.type("q?会议")
        #expect(ui.model.top is FormScreen)
        #expect(!ui.model.isFinished)
        ui.press(.enter)
        #expect(ui.text.contains("saved: q?会议"))
        ui.press(.char("x"))
        #expect(!ui.text.contains("saved:"))  // the status line clears on the next key
        ui.press(.escape)
        #expect(ui.model.top is HomeScreen)
    }

    @Test("a window too small for the frame says so instead of drawing garbage")
    func tooSmall() throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("lijing"), lang: .en, rows: 3, columns: 15)
        #expect(ui.text.hasPrefix("window too smal"))
        ui.rows = 24
        ui.columns = 80
        #expect(ui.text.contains("This week and the next seven days"))
    }

    @Test("the title bar shows who acts, and for whom, in the warning colour with the key that stops it")
    func actorInTitle() throws {
        let office = try TestOffice()
        let ui = ScreenHarness(session: try office.session("lijing", onBehalfOf: "zhoulixin"), columns: 80)
        let top = ui.buffer.line(0)
        #expect(top.hasSuffix("李静 代录：周立新（& 停止）"))
        #expect(ui.buffer[0, 70].style == .warning)
        #expect(DisplayWidth.of(top) == 79)
    }
}
