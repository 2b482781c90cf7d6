import Foundation
import HuiwuTestSupport
import MeetingKit
import Testing

/// Issue 18's first start: `huiwu init` seeds a live demo office dated from today; whoever ran
/// init is asked "who are you?" and each demo role's home shows this week's meetings and work
/// waiting; `?` says how to act as someone and how to start empty; `huiwu demo remove` takes
/// the demo out again.
@Suite("First start: a working demo office (tmux)", .slow, .serialized, .requires(Tmux.isAvailable, "tmux"))
struct FirstStartTmuxTests {
    /// The rows of a pane's box on screen (the text between `│` on the rows under its title).
    static func paneRows(_ screen: String, title: String) -> [String] {
        let lines = screen.components(separatedBy: "\n")
        guard let top = lines.firstIndex(where: { $0.contains(title) }) else { return [] }
        let column = lines[top].distance(from: lines[top].startIndex, to: lines[top].range(of: title)!.lowerBound)
        return lines[(top + 1)...].prefix { !$0.hasPrefix("└") }.map { line in
            String(line.dropFirst(min(column, line.count))).trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
        }
    }

    @Test("the administrator chooses a demo role; the secretary, the mayor, a vice mayor, the office director and a department head each find meetings and work",
          arguments: [(Lang.zh, 40, 120), (.zh, 24, 80), (.en, 40, 120)])
    func everyRole(lang: Lang, rows: Int, columns: Int) throws {
        let path = TestOffice.temporaryDirectory() + "/huiwu.sqlite"
        let huiwu = Binary(database: path)
        let created = try huiwu.run(["init"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("已载入演示数据"))

        let roles: [(login: String, name: String)] = [("lijing", "李静"), ("zhoulixin", "周立新"), ("wangxiaoyan", "王晓燕"),
                                                      ("yangwentao", "杨文涛"), ("xuwenbo", "许文博")]
        for role in roles {
            let tmux = try Tmux(command: [Binary.path, "--lang", lang.rawValue], environment: huiwu.environment, rows: rows, columns: columns)
            // The first screen of whoever ran init: the demo's roles, the secretary first.
            let chooser = try tmux.waitFor(lang == .zh ? "您是谁？" : "Who are you?")
            #expect(chooser.contains(lang == .zh ? "演示办公室" : "demo office"))
            for other in roles { #expect(chooser.contains(other.name), "\(other.name) is offered") }
            try tmux.send(role.login, literal: true)
            try tmux.send("Enter")
            try tmux.waitFor(lang == .zh ? "现在的身份：\(role.name)" : "now acting as \(role.name)")
            if role.login == "zhoulixin" {
                // The mayor lands on his signature queue (R43, R46); q shows his home.
                try tmux.waitFor(lang == .zh ? "待签发纪要" : "Minutes to sign")
                try tmux.send("q")
            }
            let home = try tmux.waitFor(lang == .zh ? "待我处理" : "Waiting for me")
            let meetings = FirstStartTmuxTests.paneRows(home, title: lang == .zh ? "本周和未来七天" : "This week")
            let waiting = FirstStartTmuxTests.paneRows(home, title: lang == .zh ? "待我处理" : "Waiting for me")
            #expect(meetings.contains { !$0.isEmpty && !$0.contains(lang == .zh ? "没有会议" : "no meeting") }, "\(role.login) sees no meeting:\n\(home)")
            #expect(waiting.contains { !$0.isEmpty } && !waiting.contains { $0.contains(lang == .zh ? "没有待办事项" : "Nothing waiting") },
                    "\(role.login) has nothing waiting:\n\(home)")
            if role.login == "lijing" {
                // ? explains how to act as someone and how to start empty.
                try tmux.send("?")
                try tmux.waitFor(lang == .zh ? "所有界面" : "Everywhere")
                // Scrolled through on a small terminal: everything the help shows, seen once.
                var seen = ""
                for _ in 0..<40 where !(seen.contains("huiwu --as") && seen.contains("huiwu init --empty") && seen.contains("huiwu demo remove")) {
                    seen += try tmux.capture()
                    try tmux.send("Down")
                    usleep(60_000)
                }
                #expect(seen.contains("huiwu --as") && seen.contains("huiwu init --empty") && seen.contains("huiwu demo remove"), "\(seen)")
                try tmux.send("q")
            }
            try tmux.send("q")
            try tmux.waitUntilDead()
        }

        // One command removes the demo: no meetings are left, the people stay.
        let removed = try huiwu.run(["demo", "remove"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect((try huiwu.json(["meeting", "list"]) as? [Any])?.isEmpty == true)
        #expect(((try huiwu.json(["people", "list"]) as? [Any])?.count ?? 0) > 10)
        let after = try Tmux(command: [Binary.path, "--lang", lang.rawValue], environment: huiwu.environment, rows: rows, columns: columns)
        let screen = try after.waitFor(lang == .zh ? "待我处理" : "Waiting for me")
        #expect(!screen.contains(lang == .zh ? "您是谁？" : "Who are you?"), "no chooser once the demo is gone")
        try after.send("q")
    }
}
