import HuiwuTestSupport
import MeetingKit
import MeetingTUI
import Testing
import TextLayout

@Suite("Text field: Chinese input, cursor by display width")
struct TextFieldTests {
    init() { TerminalLocale.activate() }

    func typed(_ text: String, limit: Int = InputLimits.title) -> TextField {
        var field = TextField(limit: limit)
        for key in Key.typing(text) { field.handle(key) }
        return field
    }

    @Test("Chinese characters arrive whole (get_wch) and the cursor sits after them by display width")
    func chineseInput() {
        var field = typed("研究a课后")
        #expect(field.text == "研究a课后")
        #expect(field.cursor == 5)
        var buffer = ScreenBuffer(rows: 1, columns: 30)
        field.draw(into: &buffer, row: 0, column: 2, width: 20, focused: true)
        #expect(buffer.cursor?.row == 0)
        #expect(buffer.cursor?.column == 2 + 9)
        field.handle(.left)
        field.handle(.left)
        field.draw(into: &buffer, row: 0, column: 2, width: 20, focused: true)
        #expect(buffer.cursor?.column == 2 + 5)
        #expect(buffer.line(0) == "  研究a课后")
    }

    @Test("a long text scrolls so the cursor stays visible, never showing half a character")
    func scrolling() {
        let field = typed("关于推进西城区老旧小区综合整治工作的请示")
        var buffer = ScreenBuffer(rows: 1, columns: 12)
        field.draw(into: &buffer, row: 0, column: 0, width: 12, focused: true)
        let shown = buffer.line(0)
        #expect(shown.hasSuffix("工作的请示"))
        #expect(DisplayWidth.of(shown) <= 11)
        let cursor = buffer.cursor?.column ?? -1
        #expect(cursor == DisplayWidth.of(shown))
        #expect(cursor <= 11)
        // Unfocused fields leave the terminal cursor alone.
        var other = ScreenBuffer(rows: 1, columns: 12)
        field.draw(into: &other, row: 0, column: 0, width: 12, focused: false)
        #expect(other.cursor == nil)
    }

    @Test("backspace, delete, home, end, left and right edit at the cursor")
    func editing() {
        var field = typed("会议纪要")
        field.handle(.backspace)
        #expect(field.text == "会议纪")
        field.handle(.home)
        #expect(field.cursor == 0)
        field.handle(.delete)
        #expect(field.text == "议纪")
        field.handle(.backspace)
        #expect(field.text == "议纪")
        field.handle(.char("专"))
        #expect(field.text == "专议纪")
        field.handle(.end)
        #expect(field.cursor == 3)
        field.handle(.delete)
        #expect(field.text == "专议纪")
        field.handle(.left)
        field.handle(.char("题"))
        #expect(field.text == "专议题纪")
        field.handle(.right)
        field.handle(.right)
        #expect(field.cursor == 4)
    }

    @Test("ctrl-u deletes to the start, ctrl-k to the end; ctrl-a and ctrl-e move")
    func killKeys() {
        var field = typed("常务会议纪要")
        field.handle(.control("a"))
        field.handle(.right)
        field.handle(.right)
        field.handle(.control("k"))
        #expect(field.text == "常务")
        field.handle(.control("e"))
        #expect(field.cursor == 2)
        for key in Key.typing("会议") { field.handle(key) }
        field.handle(.left)
        field.handle(.control("u"))
        #expect(field.text == "议")
        #expect(field.cursor == 0)
    }

    @Test("the limit counts characters: typing stops there")
    func limit() {
        let field = typed("一二三四五六七", limit: 5)
        #expect(field.text == "一二三四五")
        #expect(field.cursor == 5)
    }

    @Test("control characters, escapes and bidi overrides are rejected")
    func controlCharacters() {
        var result: Bool
        var field = typed("ab")
        for scalar in ["\u{1B}", "\u{07}", "\u{202E}", "\u{9B}", "\u{2066}"] {
            result = field.handle(.char(Character(scalar)))
            #expect(result)
        }
        #expect(field.text == "ab")
    }

    @Test("Enter, Esc and Tab are not editing keys: the screen handles them")
    func nonEditingKeys() {
        var field = typed("ab")
        let handled = [Key.enter, .escape, .tab].map { field.handle($0) }
        #expect(handled == [false, false, false])
        #expect(field.text == "ab")
    }
}
