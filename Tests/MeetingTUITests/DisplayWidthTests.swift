import HuiwuTestSupport
import MeetingTUI
import Testing
import TextLayout

@Suite("Display width: Chinese takes two columns")
struct DisplayWidthTests {
    init() { TerminalLocale.activate() }

    @Test("CJK is 2 columns, ASCII 1, a combining mark 0")
    func widths() {
        #expect(DisplayWidth.of("会" as Character) == 2)
        #expect(DisplayWidth.of("a" as Character) == 1)
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("会议") == 4)
        #expect(DisplayWidth.of("第39次区政府常务会议") == 2 + 2 + 16)
        #expect(DisplayWidth.of("（）：、。") == 10)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("truncation never splits a wide character")
    func truncate() {
        #expect(DisplayWidth.truncate("会议abc", to: 3) == "会")
        #expect(DisplayWidth.truncate("会议abc", to: 4) == "会议")
        #expect(DisplayWidth.truncate("a会议", to: 2) == "a")
        #expect(DisplayWidth.truncate("会议", to: 1) == "")
        #expect(DisplayWidth.truncate("会议", to: 0) == "")
        #expect(DisplayWidth.truncate("会议", to: 10) == "会议")
        for columns in 0...12 {
            let cut = DisplayWidth.truncate("区政府常务会议abc", to: columns)
            #expect(DisplayWidth.of(cut) <= columns)
            #expect(DisplayWidth.of(cut) >= columns - 1)
        }
    }

    @Test("truncation with an ellipsis stays inside the width")
    func ellipsis() {
        #expect(DisplayWidth.truncate("会议纪要", to: 5, ellipsis: true) == "会议…")
        #expect(DisplayWidth.truncate("会议纪要", to: 6, ellipsis: true) == "会议…")
        #expect(DisplayWidth.truncate("会议纪要", to: 8, ellipsis: true) == "会议纪要")
        #expect(DisplayWidth.of(DisplayWidth.truncate("会议纪要", to: 7, ellipsis: true)) <= 7)
    }

    @Test("padding fills to exactly the width, cutting first when needed")
    func pad() {
        #expect(DisplayWidth.pad("会", to: 4) == "会  ")
        #expect(DisplayWidth.pad("ab", to: 3) == "ab ")
        #expect(DisplayWidth.pad("会议纪要", to: 5) == "会议 ")
        #expect(DisplayWidth.of(DisplayWidth.pad("会议纪要", to: 5)) == 5)
        #expect(DisplayWidth.pad("", to: 2) == "  ")
    }
}
