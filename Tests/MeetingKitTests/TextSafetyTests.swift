import Testing
@testable import MeetingKit

@Suite("Terminal hygiene")
struct TextSafetyTests {
    @Test("escape sequences, controls and bidi overrides become visible escapes")
    func inert() {
        #expect(TextSafety.inert("a\u{1B}[2Jb") == "a\\e[2Jb")
        #expect(TextSafety.inert("\u{1B}]0;owned\u{07}") == "\\e]0;owned\\u{7}")
        #expect(TextSafety.inert("abc\u{202E}def") == "abc\\u{202E}def")
        #expect(TextSafety.inert("x\u{9B}31m") == "x\\u{9B}31m")
        #expect(TextSafety.inert("第一行\n第二行") == "第一行\\n第二行")
        #expect(TextSafety.inert("第一行\n第二行", allowNewlines: true) == "第一行\n第二行")
        #expect(TextSafety.inert("区政府常务会议") == "区政府常务会议")
    }

    @Test("input limits refuse empty, long and control-laden text")
    func limits() {
        #expect(throws: Refusal.self) { try InputLimits.check(title: "  ") }
        #expect(throws: Refusal.self) { try InputLimits.check(title: String(repeating: "会", count: InputLimits.title + 1)) }
        #expect(throws: Refusal.self) { try InputLimits.check(title: "ok\u{1B}[31m") }
        #expect(throws: Never.self) { try InputLimits.check(title: "关于西城区2026年重点工作的汇报") }
    }
}
