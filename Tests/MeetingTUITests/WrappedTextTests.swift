import HuiwuTestSupport
import MeetingTUI
import Testing
import TextLayout

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

@Suite("Wrapped text: Chinese line-breaking rule")
struct ChineseLineBreakTests {
    init() { TerminalLocale.activate() }

    @Test("no row starts with closing punctuation (、，。）…): the character before it moves down with it")
    func closingPunctuationNeverStartsARow() {
        // Ten columns: the comma would start the second row; "工" moves down with it.
        #expect(WrappedText.rows("研究部署工，请各单位", width: 10) == ["研究部署", "工，请各单", "位"])
        #expect(WrappedText.rows("一二三四五、六七", width: 10) == ["一二三四", "五、六七"])
        #expect(WrappedText.rows("一二三四五。", width: 10) == ["一二三四", "五。"])
        // A run of closing punctuation moves with the character it closes.
        #expect(WrappedText.rows("一二三四）。", width: 10) == ["一二三", "四）。"])
    }

    @Test("every row of a long Chinese text fits and none starts with closing punctuation", arguments: [7, 8, 9, 10, 11, 20, 21, 40])
    func anyWidth(width: Int) {
        let text = "会议原则同意《关于老旧小区冬季供暖改造的议题》，由区住建委牵头、区财政局配合，于三月底前完成方案。会议要求：各部门（单位）加强协作；按期报送进展！"
        let rows = WrappedText.rows(text, width: width)
        #expect(rows.joined() == text)
        for (i, row) in rows.enumerated() {
            #expect(DisplayWidth.of(row) <= width, "row \(i) is too wide: \(row)")
            if let first = row.first { #expect(!WrappedText.closing.contains(first), "row \(i) starts with \(first) at width \(width)") }
        }
    }
}
