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
            // The first screen of whoever ran init: the demo's roles, the secretary first. The
            // title can be on screen before the last row is (tmux shows a large write in parts
            // under load), so the wait is for the whole list.
            let title = lang == .zh ? "您是谁？" : "Who are you?"
            let chooser = try tmux.waitUntil { screen in screen.contains(title) && roles.allSatisfy { screen.contains($0.name) } }
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
            let meetingsTitle = lang == .zh ? "本周和未来七天" : "This week", waitingTitle = lang == .zh ? "待我处理" : "Waiting for me"
            // Both panes drawn, whatever they hold (the same reason as the chooser's wait).
            let home = try tmux.waitUntil { screen in
                [meetingsTitle, waitingTitle].allSatisfy { FirstStartTmuxTests.paneRows(screen, title: $0).contains { !$0.isEmpty } }
            }
            let meetings = FirstStartTmuxTests.paneRows(home, title: meetingsTitle)
            let waiting = FirstStartTmuxTests.paneRows(home, title: waitingTitle)
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

    /// A new user's very first command: `huiwu` with no init, no `--db`, no `HUIWU_DB`, a fresh
    /// home. The office is created under XDG_DATA_HOME and seeded with the live demo dated
    /// from today (the real clock); the chooser leads to a home with meetings and work.
    @Test("the bare binary in a fresh home creates the demo office and reaches a home screen with live work")
    func bareBinary() throws {
        let home = TestOffice.temporaryDirectory()
        let environment = ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config",
                           "LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let tmux = try Tmux(command: [Binary.path], environment: environment, rows: 24, columns: 80)
        let chooser = try tmux.waitFor("您是谁？", timeout: 30)
        #expect(chooser.contains("演示办公室"), "\(chooser)")
        #expect(FileManager.default.fileExists(atPath: home + "/data/huiwu/huiwu.sqlite"))
        try tmux.send("lijing", literal: true)
        try tmux.send("Enter")
        let screen = try tmux.waitFor("现在的身份：李静")
        #expect(screen.contains("演示数据"), "the home says the data are the demo's:\n\(screen)")
        let meetings = FirstStartTmuxTests.paneRows(screen, title: "本周和未来七天")
        let waiting = FirstStartTmuxTests.paneRows(screen, title: "待我处理")
        #expect(meetings.contains { !$0.isEmpty } && !screen.contains("本周没有会议"), "no meeting:\n\(screen)")
        #expect(waiting.contains { !$0.isEmpty } && !screen.contains("没有待办事项"), "nothing waiting:\n\(screen)")
        // Today's date heads the home screen: the demo lives in the present.
        let today = Clock.system.today
        #expect(screen.contains(today.iso), "\(screen)")
        try tmux.send("q")
        try tmux.waitUntilDead()

        // A second start opens the same office: the chooser again, no new seeding.
        var huiwu = Binary(database: "")
        huiwu.extraEnvironment = environment.merging(["HUIWU_DB": "", "HUIWU_NOW": ""]) { $1 }
        let meetings2 = try #require(try huiwu.json(["meeting", "list"]) as? [Any])
        #expect(!meetings2.isEmpty)
    }
}
