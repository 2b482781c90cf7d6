import HuiwuTestSupport
import MeetingTUI
import Testing
import TextLayout

@Suite("The screen buffer: what the terminal shows, cell by cell")
struct ScreenBufferTests {
    init() { TerminalLocale.activate() }

    @Test("a wide character takes its cell and marks the next as its continuation")
    func widePlacement() {
        var buffer = ScreenBuffer(rows: 2, columns: 10)
        let used = buffer.put("会议a", row: 0, column: 1)
        #expect(used == 5)
        #expect(buffer[0, 1].text == "会")
        #expect(buffer[0, 2].isContinuation)
        #expect(buffer[0, 3].text == "议")
        #expect(buffer[0, 4].isContinuation)
        #expect(buffer[0, 5].text == "a")
        #expect(buffer.line(0) == " 会议a")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var buffer = ScreenBuffer(rows: 1, columns: 10)
        buffer.put("会议", row: 0, column: 0)
        buffer.put("x", row: 0, column: 1)  // the right half of 会
        #expect(buffer[0, 0].text == " ")
        #expect(buffer[0, 1].text == "x")
        #expect(buffer.line(0) == " x议")
        buffer.put("y", row: 0, column: 2)  // the left half of 议
        #expect(buffer[0, 3].text == " ")
        #expect(buffer.line(0) == " xy")
        buffer.put("纪要", row: 0, column: 3)
        buffer.put("a", row: 0, column: 4)
        #expect(buffer.line(0) == " xy a要")
        #expect(!buffer[0, 3].isContinuation)
    }

    @Test("text is clipped at the edge and to maxWidth; a wide character that does not fit is left out")
    func clipping() {
        var buffer = ScreenBuffer(rows: 2, columns: 10)
        #expect(buffer.put("会议纪要会议", row: 0, column: 0) == 10)
        #expect(buffer.put("ab会", row: 1, column: 7) == 2)
        #expect(buffer.line(1) == "       ab")
        #expect(buffer.put("会议纪要", row: 1, column: 0, maxWidth: 5) == 4)
        #expect(buffer.line(1).hasPrefix("会议 "))
        #expect(buffer.put("x", row: 5, column: 0) == 0)
        #expect(buffer.put("x", row: 0, column: 10) == 0)
        var negative = ScreenBuffer(rows: 1, columns: 4)
        negative.put("ab会", row: 0, column: -1)
        #expect(negative.line(0) == "b会")
    }

    @Test("escape sequences are drawn as visible text, never sent to the terminal")
    func sanitized() {
        var buffer = ScreenBuffer(rows: 1, columns: 20)
        buffer.put("\u{1B}[2J\u{202E}ab", row: 0, column: 0)
        #expect(buffer.line(0) == "\\e[2J\\u{202E}ab")
    }

    @Test("a box has its corners and borders at the rectangle's edges, title inside")
    func box() {
        var buffer = ScreenBuffer(rows: 4, columns: 12)
        buffer.box(Rect(top: 0, left: 1, height: 4, width: 10), title: "本周会议安排")
        #expect(buffer.line(0) == " ┌─ 本… ──┐")
        #expect(buffer.line(1) == " │        │")
        #expect(buffer.line(3) == " └────────┘")
        for row in 0..<4 { #expect(DisplayWidth.of(buffer.line(row)) == 11) }
    }

    @Test("fill replaces whole wide characters it cuts through")
    func fill() {
        var buffer = ScreenBuffer(rows: 1, columns: 6)
        buffer.put("会议纪", row: 0, column: 0)
        buffer.fill(Rect(top: 0, left: 1, height: 1, width: 2))
        #expect(buffer.line(0) == "    纪")
    }
}
