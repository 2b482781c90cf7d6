import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Issue 18's acceptance: one whole meeting cycle through the real binary in tmux, switching
/// identities with `@` (the administrator who ran init picks who acts), with no CLI call.
/// The office is the demo org chart without the demo's work; the clock is fixed per stage
/// (the binary is started again with a later `HUIWU_NOW` once the meeting has begun).
/// The records are checked afterwards through a session, never through the CLI.
@Suite("The whole meeting cycle in the terminal (tmux)", .slow, .serialized, .requires(Tmux.isAvailable, "tmux"))
struct MeetingCycleTmuxTests {
    static let title = "关于校园午餐配送的议题"
    static let decision = "同意由区教委统一招标配送校园午餐，区卫生健康委负责食品安全监管。"

    /// One terminal of the cycle: the binary as the administrator, at one moment.
    struct Terminal {
        let tmux: Tmux
        let lang: Lang

        init(_ office: TestOffice, now: String, lang: Lang, rows: Int, columns: Int) throws {
            let binary = Binary(database: office.path, now: now)
            tmux = try Tmux(command: [Binary.path, "--lang", lang.rawValue], environment: binary.environment, rows: rows, columns: columns)
            self.lang = lang
            try tmux.waitFor(lang == .zh ? "1 日历" : "1 week")
        }

        func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

        /// Sends keys in tmux notation; `literal:` text is typed as it is.
        func keys(_ keys: String...) throws {
            for key in keys {
                if key.hasPrefix("literal:") { try tmux.send(String(key.dropFirst(8)), literal: true) } else { try tmux.send(key) }
            }
        }

        @discardableResult
        func expect(_ zh: String, _ en: String, timeout: TimeInterval = 10) throws -> String {
            try tmux.waitFor(t(zh, en), timeout: timeout)
        }

        /// `@`, the login typed into the picker, Enter: the home screen of that person.
        func actAs(_ login: String, _ name: String) throws {
            try keys("@")
            try expect("您是谁？", "Who are you?")
            try keys("literal:" + login, "Enter")
            try expect("现在的身份：\(name)", "now acting as \(name)")
        }

        /// Back to the home screen, whatever is open (Esc closes screens; the home ignores it).
        func home() throws {
            for _ in 0..<5 { try keys("Escape") }
            try expect("待我处理", "Waiting for me")
        }
    }

    @Test("a secretary, a department head, a related department, the vice mayor, the mayor and the office director take a meeting from scheduling to follow-ups",
          arguments: [(Lang.zh, 40, 120), (.zh, 24, 80), (.en, 40, 120)])
    func wholeCycle(lang: Lang, rows: Int, columns: Int) throws {
        let office = try TestOffice(admin: NSUserName())
        let title = MeetingCycleTmuxTests.title

        // Monday: the meeting is scheduled, the item goes through R41 and onto the agenda,
        // the notice goes out, a vice mayor asks leave and the mayor approves it (R42).
        do {
            let ui = try Terminal(office, now: "2026-03-02T09:30", lang: lang, rows: rows, columns: columns)
            try ui.actAs("lijing", "李静")
            try ui.keys("n")
            try ui.expect("新建会议", "New meeting")
            try ui.keys("Left", "Tab", "C-u", "literal:2026-03-05T09:00", "Tab", "Tab", "Tab", "literal:区政府常务会议室", "Tab", "Enter")
            try ui.expect("已添加", "added")
            try ui.home()
            try ui.expect("第1次区政府常务会议", "Executive meeting No. 1")  // the home shows it at once

            // The lead department drafts the item with a related department chosen in a picker.
            try ui.actAs("xuwenbo", "许文博")
            try ui.keys("2", "n")
            try ui.expect("起草议题", "Draft an item")
            try ui.keys("literal:" + title, "Tab", "Tab", "Enter", "literal:WJW", "Space", "Enter")
            try ui.expect("区卫生健康委", "区卫生健康委")
            try ui.keys("Tab", "Tab", "Tab", "literal:由区教委统一招标配送校园午餐", "F2")
            try ui.expect("已起草议题 #1", "item #1 drafted")
            try ui.keys("s")
            try ui.expect("是(y)", "Yes (y)")
            try ui.keys("y")
            try ui.expect("现为“征求意见”", "is now consulting")

            // The related department agrees, from its home screen's waiting list.
            try ui.home()
            try ui.actAs("handongmei", "韩冬梅")
            try ui.expect("区卫生健康委意见 #1", "#1")
            try ui.keys("Tab", "Enter", "o")
            try ui.expect("部门意见 #1", "Opinion on #1")
            try ui.keys("F2")
            try ui.expect("现为“意见一致”", "is now consensus")

            // The supervising vice mayor approves (R41), the office accepts and places it.
            try ui.home()
            try ui.actAs("wangxiaoyan", "王晓燕")
            try ui.keys("Tab", "Enter", "a")
            try ui.expect("是(y)", "Yes (y)")
            try ui.keys("y")
            try ui.expect("现为“已审核同意”", "is now approved")
            try ui.home()
            try ui.actAs("lijing", "李静")
            try ui.keys("Tab", "Enter", "A")
            try ui.expect("是(y)", "Yes (y)")
            try ui.keys("y")
            try ui.expect("现为“已受理”", "is now accepted")
            try ui.keys("M")
            try ui.expect("计划时长", "Planned minutes")
            try ui.keys("F2")
            try ui.expect("现为“已上会”", "is now scheduled")

            // The notice goes out from the meeting (a fresh home has the meetings pane focused).
            try ui.home()
            try ui.actAs("lijing", "李静")
            try ui.keys("Enter")
            try ui.expect("发通知", "send notice")
            try ui.keys("N")
            try ui.expect("已发出通知", "notice sent")

            // A vice mayor asks leave for herself; the mayor approves it.
            try ui.home()
            try ui.actAs("wangxiaoyan", "王晓燕")
            try ui.keys("3", "v")
            try ui.expect("请假申请（R42）", "Leave request (R42)")
            try ui.keys("literal:赴市里参加全市教育工作会议", "F2")
            try ui.expect("待 周立新 批准", "it waits for 周立新")
            try ui.home()
            try ui.actAs("zhoulixin", "周立新")
            try ui.keys("3", "a")
            try ui.expect("是(y)", "Yes (y)")
            try ui.keys("y")
            try ui.expect("王晓燕 的请假：已批准", "王晓燕's leave: approved")
            try ui.keys("q", "q")
            try ui.tmux.waitUntilDead()
        }

        // Thursday, the meeting has begun: sign-in, held, the outcome, the minutes drafted,
        // checked by the office director (R47) and signed by the mayor (R43).
        do {
            let ui = try Terminal(office, now: "2026-03-05T09:05", lang: lang, rows: rows, columns: columns)
            try ui.actAs("lijing", "李静")
            try ui.keys("r")
            try ui.expect("已签到 0/53", "signed in 0/53")  // the vice mayor on leave is not counted
            for _ in 0..<8 { try ui.keys("p") }  // fast sign-in skips her approved leave
            try ui.expect("已签到 7/53", "signed in 7/53")
            try ui.expect("请假（已批准）", "on leave (approved)")
            try ui.keys("Escape", "Enter")
            try ui.expect("已召开", "mark held")
            try ui.keys("H")
            try ui.expect("是(y)", "Yes (y)")
            try ui.keys("y")
            try ui.expect("已召开：", "held: ")
            try ui.keys("O", "Enter", "d")
            try ui.expect("会议结果", "Outcome")
            try ui.keys("Tab", "literal:" + MeetingCycleTmuxTests.decision, "F2")
            try ui.expect("现为“已决定”", "is now decided")
            try ui.keys("Escape", "Escape", "D")
            try ui.expect("u 公开与密级", "u disclosure")  // the draft, its attributes not yet set
            try ui.keys("u")
            try ui.expect("公开属性与密级", "Disclosure and classification")
            try ui.keys("F2")
            try ui.expect("公开属性：主动公开", "Disclosure: public")
            try ui.keys("s")
            try ui.expect("是(y)", "Yes (y)")
            try ui.keys("y")
            try ui.expect("已提交：", "submitted: ")

            try ui.home()
            try ui.actAs("yangwentao", "杨文涛")
            try ui.expect("审核纪要", "Review minutes")
            try ui.keys("Tab", "Enter", "a")
            try ui.expect("是(y)", "Yes (y)")
            try ui.keys("y")
            try ui.expect("已审核同意：", "approved: ")

            try ui.home()
            try ui.actAs("zhoulixin", "周立新")
            try ui.expect("待签发纪要", "Minutes to sign")
            try ui.keys("S")
            try ui.expect("是(y)", "Yes (y)")
            try ui.keys("y")
            try ui.expect("已签发：常务会议纪要〔2026〕1号", "signed: ")

            // The lead department finds its follow-up, quoting the signed decision (R53).
            try ui.home()
            try ui.actAs("xuwenbo", "许文博")
            try ui.keys("5")
            try ui.expect("区卫生健康委负责食品安全监管", "区卫生健康委负责食品安全监管")
            try ui.keys("q", "q")
            try ui.tmux.waitUntilDead()
        }

        // The records are what the screens said.
        let session = try office.session()
        let item = try session.itemDossier(1).item
        #expect(item.state == .decided && item.decision == MeetingCycleTmuxTests.decision)
        let meeting = try #require(try session.meetings(from: LocalDateTime(iso: "2026-03-05T00:00")!, to: LocalDateTime(iso: "2026-03-06T00:00")!).first)
        #expect(meeting.status == .held)
        let minutes = try #require(try session.minutesList().first { $0.meetingId == meeting.id })
        #expect(minutes.state == .signed)
        let followUps = try session.followUps()
        #expect(followUps.map(\.followUp.leadDepartmentCode) == ["JW"])
        #expect(followUps.first?.followUp.description == MeetingCycleTmuxTests.decision)
    }
}
