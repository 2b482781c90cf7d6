import HuiwuTestSupport
import MeetingTUI
import Testing

@Suite("Wrapped text: status lines and bodies")
struct WrappedTextTests {
    init() { TerminalLocale.activate() }  // display widths come from wcwidth in a UTF-8 locale

    @Test("English breaks between words, never inside one; the gap does not start a row")
    func englishWords() {
        let rows = WrappedText.rows("the responsible units report progress or completion", width: 20)
        #expect(rows == ["the responsible", "units report", "progress or", "completion"])
        for row in rows { #expect(DisplayWidth.of(row) <= 20) }
    }

    @Test("Chinese breaks between any two characters; a word wider than a row is cut")
    func chineseAndLongWords() {
        #expect(WrappedText.rows("督办事项由区政府办公室办结", width: 10) == ["督办事项由", "区政府办公", "室办结"])
        #expect(WrappedText.rows("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
    }

    @Test("newlines start rows and indentation at a line's start is kept")
    func linesAndIndentation() {
        #expect(WrappedText.rows("一、议题\n  会议决定：同意", width: 40) == ["一、议题", "  会议决定：同意"])
    }
}
