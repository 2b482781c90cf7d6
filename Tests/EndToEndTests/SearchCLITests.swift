import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("Search through the binary")
struct SearchCLITests {
    @Test("huiwu search 常务 finds meetings, items and minutes; text marks the match 【】, JSON gives offsets")
    func search() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office)
        let secretary = try office.session("lijing")
        try secretary.addItem(title: "关于提请区政府常务会议审议停车管理办法的议题", lead: "CGW")
        try secretary.draftMinutes(meetingId: meeting.id!)
        let huiwu = Binary(database: office.path)

        let text = try huiwu.run(["search", "常务"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("会议 #1  第1次区政府常务会议"))
        #expect(text.stdout.contains("标题：第1次区政府【常务】会议"))
        #expect(text.stdout.contains("议题 #1  关于提请区政府常务会议审议停车管理办法的议题"))
        #expect(text.stdout.contains("纪要 #1  第1次区政府常务会议纪要"))
        #expect(!text.stdout.contains("\u{1B}["))  // not a terminal: no escape sequences

        let json = try huiwu.json(["search", "常务"]) as? [[String: Any]] ?? []
        #expect(Set(json.compactMap { $0["kind"] as? String }) == ["meeting", "item", "minutes"])
        let item = try #require(json.first { $0["kind"] as? String == "item" })
        #expect(item["field"] as? String == "title")
        #expect((item["open"] as? [String: Any])?["kind"] as? String == "item")
        let snippet = try #require(item["snippet"] as? String)
        let match = try #require((item["matches"] as? [[String: Int]])?.first)
        let scalars = Array(snippet.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[match["start"]!..<match["start"]! + match["length"]!])) == "常务")
        #expect((item["marked"] as? String)?.contains("【常务】") == true)

        let english = try huiwu.run(["search", "常务", "--kind", "minutes", "--lang", "en"])
        #expect(english.stdout.hasPrefix("minutes #1  第1次区政府常务会议纪要"))
        #expect(!english.stdout.contains("meeting #"))
        let none = try huiwu.run(["search", "没有这个词"])
        #expect(none.status == 0 && none.stdout.contains("没有找到“没有这个词”"))
    }

    @Test("on a terminal the match is bold instead of bracketed, unless NO_COLOR is set", .requires(Tmux.isAvailable, "tmux"))
    func boldOnTerminal() throws {
        let office = try TestOffice()
        try MinutesFixtures.heldMeeting(office)
        var env = Binary(database: office.path).environment
        env.removeValue(forKey: "NO_COLOR")  // swift test sets it
        let command = ["/bin/sh", "-c", "'\(Binary.path)' search 常务; sleep 30"]
        let tmux = try Tmux(command: command, environment: env)
        try tmux.waitFor("第1次区政府常务会议")
        let screen = try tmux.captureWithAttributes()
        #expect(screen.contains("\u{1B}[1m常务"), "\(screen)")
        #expect(!screen.contains("【常务】"))
        env["NO_COLOR"] = "1"
        let plain = try Tmux(command: command, environment: env)
        #expect(try plain.waitFor("第1次区政府常务会议").contains("【常务】"))
    }

    @Test("bad queries: control characters exit 2, a bad --limit or --kind exits 64")
    func refusals() throws {
        let office = try TestOffice()
        let huiwu = Binary(database: office.path)
        let control = try huiwu.run(["search", "a\u{1B}[2J"])
        #expect(control.status == 2 && control.stderr.contains("\\e[2J"))
        #expect(try huiwu.run(["search", "常务", "--limit", "0"]).status == 64)
        #expect(try huiwu.run(["search", "常务", "--kind", "people"]).status == 64)
        #expect(try huiwu.run(["search", ""]).status == 2)
    }
}
