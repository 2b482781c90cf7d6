import HuiwuTestSupport
import MeetingKit
import MeetingTUI
import Testing

@Suite("Confirm dialog: no by default")
struct ConfirmDialogTests {
    init() { TerminalLocale.activate() }

    let question = Localized(zh: "确定取消第39次区政府常务会议？", en: "Cancel executive meeting No. 39?")

    @Test("Enter on a new dialog declines: a stray Enter does nothing harmful")
    func defaultNo() {
        var result: Bool?
        var dialog = ConfirmDialog(question)
        #expect(!dialog.yesFocused)
        result = dialog.handle(.enter)
        #expect(result == false)
    }

    @Test("y confirms, n and Esc decline, other keys leave it open")
    func letters() {
        var result: Bool?
        var dialog = ConfirmDialog(question)
        result = dialog.handle(.char("y"))
        #expect(result == true)
        result = dialog.handle(.char("Y"))
        #expect(result == true)
        result = dialog.handle(.char("n"))
        #expect(result == false)
        result = dialog.handle(.escape)
        #expect(result == false)
        result = dialog.handle(.char("x"))
        #expect(result == nil)
        result = dialog.handle(.down)
        #expect(result == nil)
    }

    @Test("arrows move the focus between the buttons; Enter takes the focused one")
    func arrows() {
        var result: Bool?
        var dialog = ConfirmDialog(question)
        result = dialog.handle(.left)
        #expect(result == nil)
        #expect(dialog.yesFocused)
        result = dialog.handle(.enter)
        #expect(result == true)
        result = dialog.handle(.right)
        #expect(result == nil)
        #expect(!dialog.yesFocused)
        result = dialog.handle(.enter)
        #expect(result == false)
        result = dialog.handle(.tab)
        #expect(result == nil)
        #expect(dialog.yesFocused)
    }

    @Test("drawn centred with the question and both buttons, the focused one highlighted")
    func draw() {
        let dialog = ConfirmDialog(question)
        var buffer = ScreenBuffer(rows: 10, columns: 60)
        dialog.draw(into: &buffer, area: Rect(top: 0, left: 0, height: 10, width: 60), lang: .zh)
        let text = buffer.text
        #expect(text.contains("确定取消第39次区政府常务会议？"))
        #expect(text.contains("[ 是(y) ]  [ 否(n) ]"))
        let row = (0..<10).first { buffer.line($0).contains("否(n)") }!
        #expect((0..<60).contains { buffer[row, $0].text == "否" && buffer[row, $0].style == .selected })
        #expect((0..<60).contains { buffer[row, $0].text == "是" && buffer[row, $0].style == .normal })
        var english = ScreenBuffer(rows: 10, columns: 60)
        dialog.draw(into: &english, area: Rect(top: 0, left: 0, height: 10, width: 60), lang: .en)
        #expect(english.text.contains("Cancel executive meeting No. 39?"))
        #expect(english.text.contains("[ No (n) ]"))
    }
}
