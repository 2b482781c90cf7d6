import Foundation
import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

@Suite("Agenda items through the real binary", .serialized)
struct AgendaCLITests {
    func object(_ any: Any) throws -> [String: Any] { try #require(any as? [String: Any]) }

    @Test("the full path: draft, a disagreement, unresolved coordination with a statement, approval, preconditions, acceptance, executive meeting, decision")
    func fullPath() throws {
        let office = try TestOffice()
        let meeting = try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!, durationMinutes: 90)
        let bin = Binary(database: office.path)
        let added = try object(try bin.json(["item", "add", "--title", "关于调整中小学课后服务收费标准的议题", "--lead", "JW", "--related", "WJW,MZJ",
                                             "--major", "--public-interest", "--category", "1", "--summary", "拟调整收费标准", "--as", "lijing"]))
        let id = try #require(added["id"] as? Int)
        #expect(added["state"] as? String == "draft")
        let item = String(id)
        _ = try bin.json(["item", "submit", item, "--as", "xuwenbo"])
        _ = try bin.json(["item", "opinion", item, "--dept", "WJW", "--disagree", "--reason", "收费调整缺少听证程序", "--as", "handongmei"])
        let disputed = try object(try bin.json(["item", "opinion", item, "--dept", "MZJ", "--agree", "--as", "lijing", "--on-behalf-of", "fengguoqing"]))
        #expect(disputed["state"] as? String == "disputed")
        let statement = "区卫生健康委认为缺少听证程序；主办部门认为已开展问卷调查，将在会上说明"
        // Issue 17 (R45(3)): the VM records that coordination failed; the lead department states the disagreement.
        _ = try bin.json(["item", "coordinate", item, "--unresolved", "--note", "经两次协调未达成一致", "--as", "wangxiaoyan"])
        _ = try bin.json(["item", "state", item, "--statement", statement, "--proposal", "建议会议研究决定", "--as", "xuwenbo"])
        _ = try bin.json(["item", "approve", item, "--as", "wangxiaoyan"])
        for check in ["public-participation", "expert-review", "risk-assessment", "department-legality", "stability-risk",
                      "necessity-argument", "party-committee-report"] {
            _ = try bin.json(["item", "confirm", item, "--check", check, "--as", "xuwenbo"])
        }
        _ = try bin.json(["item", "confirm", item, "--check", "legal-office-review", "--note", "西司审〔2026〕8号", "--as", "weizhenyu"])
        _ = try bin.json(["item", "accept", item, "--as", "yangwentao"])
        let scheduled = try object(try bin.json(["item", "schedule", item, "--meeting", String(meeting.id!), "--minutes", "30", "--as", "lijing"]))
        #expect(scheduled["agendaMinutes"] as? Int == 30)
        #expect(scheduled["overrunMinutes"] as? Int == 0)
        let listed = try #require(try bin.json(["item", "list", "--meeting", String(meeting.id!)]) as? [[String: Any]])
        #expect(listed.map { $0["id"] as? Int } == [id])
        #expect(listed.first?["position"] as? Int == 1)
        #expect(listed.first?["plannedMinutes"] as? Int == 30)
        #expect(listed.first?["flagged"] as? Bool == true)
        let agendaText = try bin.run(["item", "list", "--meeting", String(meeting.id!)])
        #expect(agendaText.stdout.contains("⚠ #\(id) 分歧说明：" + statement))
        #expect(agendaText.stdout.contains("议程合计 30 分钟，会议 90 分钟"))
        // The outcome is the held meeting's (R5, R18).
        let atMeeting = Binary(database: office.path, now: "2026-03-12T10:00")
        _ = try atMeeting.json(["meeting", "hold", String(meeting.id!), "--as", "lijing"])
        _ = try atMeeting.json(["item", "decide", item, "--decided", "--text", "原则同意，请区教委补充听证程序后实施", "--as", "lijing"])

        let shown = try object(try bin.json(["item", "show", item]))
        #expect(shown["state"] as? String == "decided")
        #expect(shown["lead"] as? String == "JW")
        #expect(shown["related"] as? [String] == ["WJW", "MZJ"])
        #expect(try object(try #require(shown["statement"])) ["text"] as? String == statement)
        let opinions = try #require(shown["opinions"] as? [[String: Any]])
        #expect(opinions.map { $0["stance"] as? String } == ["disagree", "agree"])
        #expect(opinions[1]["givenBy"] as? String == "fengguoqing")
        #expect(opinions[1]["recordedBy"] as? String == "lijing")
        let preconditions = try #require(shown["preconditions"] as? [[String: Any]])
        #expect(preconditions.count == 8)
        #expect(preconditions.allSatisfy { $0["confirmed"] as? Bool == true })
        #expect(preconditions.first { $0["check"] as? String == "legal-office-review" }?["confirmedBy"] as? String == "weizhenyu")
        #expect(try object(try #require(shown["meeting"]))["id"] as? Int == Int(meeting.id!))
        let timeline = try #require(shown["timeline"] as? [[String: Any]])
        #expect(timeline.map { $0["event"] as? String } == [
            "drafted", "submitted", "opinionGiven", "opinionGiven", "coordinated", "statementGiven", "approved",
            "preconditionConfirmed", "preconditionConfirmed", "preconditionConfirmed", "preconditionConfirmed",
            "preconditionConfirmed", "preconditionConfirmed", "preconditionConfirmed", "preconditionConfirmed",
            "accepted", "scheduled", "decided",
        ])
        #expect(timeline[5]["statement"] as? String == statement)
        #expect(timeline[3]["onBehalfOf"] as? String == "fengguoqing")

        let text = try bin.run(["item", "show", item, "--lang", "en"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("⚠ Statement of disagreement (lead department, R41, R45(3)): " + statement))
        #expect(try bin.run(["audit", "verify"]).status == 0)
    }

    /// Runs a refused command and checks: non-zero exit, the article on stderr, no record
    /// changed, and the audit log gained nothing but the refusal event `audited` when the
    /// refusal is of a decision (docs/reliability.md).
    func expectRefused(_ bin: Binary, _ office: TestOffice, _ args: [String], exit: Int32, article: String,
                       mentions: [String] = [], audited: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try office.auditCount()
        let content = try office.contentChecksum()
        let result = try bin.run(args)
        #expect(result.status == exit, "\(args): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(article + ":"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, sourceLocation: sourceLocation)
        for text in mentions { #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation) }
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try office.contentChecksum() == content, sourceLocation: sourceLocation)
        #expect(try office.auditActions(since: before) == (audited.map { [$0] } ?? []), sourceLocation: sourceLocation)
    }

    @Test("refusals name the article, exit non-zero and write nothing")
    func refusals() throws {
        let office = try TestOffice()
        let topical = try office.session().addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-05T14:00")!, chair: "wangxiaoyan")
        let bin = Binary(database: office.path)
        let major = String(try #require(try object(try bin.json(["item", "add", "--title", "重大议题", "--lead", "JW", "--major", "--category", "1",
                                                              "--as", "lijing"]))["id"] as? Int))
        // Out of order: a draft cannot be scheduled (R41).
        try expectRefused(bin, office, ["item", "schedule", major, "--meeting", String(topical.id!), "--as", "lijing"], exit: 5, article: "R41")
        _ = try bin.json(["item", "submit", major, "--as", "lijing", "--on-behalf-of", "xuwenbo"])
        // A vice mayor outside the portfolio (R41).
        try expectRefused(bin, office, ["item", "approve", major, "--as", "zhaojianguo"], exit: 3, article: "R41", mentions: ["wangxiaoyan"],
                          audited: "refused.item.approve")
        _ = try bin.json(["item", "approve", major, "--as", "wangxiaoyan"])
        // Acceptance with missing preconditions lists exactly those (R16).
        _ = try bin.json(["item", "confirm", major, "--check", "public-participation", "--as", "lijing"])
        _ = try bin.json(["item", "confirm", major, "--check", "expert-review", "--as", "lijing"])
        // Issue 17: a major matter also needs its R19 argument and the R20 report to the district Party committee.
        try expectRefused(bin, office, ["item", "accept", major, "--as", "lijing", "--lang", "en"], exit: 3, article: "R16, R19, R20",
                          mentions: ["risk-assessment", "department-legality", "legal-office-review", "necessity-argument", "party-committee-report"],
                          audited: "refused.item.accept")
        let message = try bin.run(["item", "accept", major, "--as", "lijing", "--lang", "en"]).stderr
        #expect(!message.contains("public-participation") && !message.contains("expert-review"))
        for check in ["risk-assessment", "department-legality", "legal-office-review", "necessity-argument", "party-committee-report"] {
            _ = try bin.json(["item", "confirm", major, "--check", check, "--as", "lijing"])
        }
        _ = try bin.json(["item", "accept", major, "--as", "lijing"])
        // A major item on a topical meeting (R5).
        try expectRefused(bin, office, ["item", "schedule", major, "--meeting", String(topical.id!), "--as", "lijing"], exit: 3, article: "R5")
        #expect(try office.session().meetingAgenda(topical.id!).lines.isEmpty)
    }

    @Test("bad input gets a specific message and writes nothing")
    func badInput() throws {
        let office = try TestOffice()
        let bin = Binary(database: office.path)
        let before = try office.auditCount()
        let unknownDept = try bin.run(["item", "add", "--title", "题", "--lead", "XYZ", "--as", "lijing"])
        #expect(unknownDept.status == 4)
        #expect(unknownDept.stderr.contains("XYZ"))
        let escape = try bin.run(["item", "add", "--title", "坏\u{1B}]0;owned\u{07}题", "--lead", "JW", "--as", "lijing"])
        #expect(escape.status == 2)
        #expect(!escape.stderr.contains("\u{1B}"))
        let long = try bin.run(["item", "add", "--title", String(repeating: "长", count: 201), "--lead", "JW", "--as", "lijing"])
        #expect(long.status == 2)
        let category = try bin.run(["item", "add", "--title", "题", "--lead", "JW", "--category", "7", "--as", "lijing"])
        #expect(category.status == 2)
        #expect(category.stderr.contains("R39"))
        #expect(try bin.run(["item", "show", "999"]).status == 4)
        #expect(try bin.run(["item", "opinion", "1", "--dept", "WJW", "--disagree", "--as", "handongmei"]).status != 0)
        #expect(try bin.run(["due", "--person", "nobody"]).status == 4)
        #expect(try office.auditCount() == before)
    }

    @Test("due dates skip the National Day holiday: 5 working days from 2026-09-30 end on 2026-10-13; feedback by 2026-10-08 (R46)")
    func dueAcrossNationalDay() throws {
        let office = try TestOffice(now: "2026-09-30T10:00")
        let bin = Binary(database: office.path, now: "2026-09-30T10:00")
        let first = String(try #require(try object(try bin.json(["item", "add", "--title", "待审核议题", "--lead", "JW", "--as", "lijing"]))["id"] as? Int))
        let second = String(try #require(try object(try bin.json(["item", "add", "--title", "已审核议题", "--lead", "MZJ", "--as", "lijing"]))["id"] as? Int))
        _ = try bin.json(["item", "submit", first, "--as", "lijing", "--on-behalf-of", "xuwenbo"])
        _ = try bin.json(["item", "submit", second, "--as", "lijing", "--on-behalf-of", "fengguoqing"])
        _ = try bin.json(["item", "approve", second, "--as", "wangxiaoyan"])

        var later = bin
        later.now = "2026-10-09T09:00"
        let report = try object(try later.json(["due"]))
        let lines = try #require(report["lines"] as? [[String: Any]])
        #expect(lines.map { $0["due"] as? String } == ["2026-10-08", "2026-10-13"])
        #expect(lines.map { $0["overdue"] as? Bool } == [true, false])
        #expect(lines.map { $0["step"] as? String } == ["feedback", "approve"])
        let vm = try object(try later.json(["due", "--person", "wangxiaoyan"]))
        #expect((vm["lines"] as? [[String: Any]])?.count == 1)
        #expect((vm["byPerson"] as? [[String: Any]])?.first?["due"] as? Int == 1)

        later.now = "2026-10-14T09:00"
        let late = try object(try later.json(["due", "--person", "wangxiaoyan"]))
        #expect((late["lines"] as? [[String: Any]])?.first?["overdue"] as? Bool == true)
        let text = try later.run(["due", "--lang", "en"])
        #expect(text.stdout.contains("OVERDUE"))
        #expect(text.stdout.contains("2026-10-13"))
    }

    @Test("item list prints a page, newest first; --before continues it, and the pages together are --all (issue 20)")
    func pages() throws {
        let bin = Binary(database: TestOffice.temporaryDirectory() + "/huiwu.sqlite")
        #expect(try bin.run(["init"]).status == 0)
        let every = try #require(try bin.json(["item", "list", "--all"]) as? [[String: Any]]).compactMap { $0["id"] as? Int }
        #expect(every.count > 5, "the demo office has too few items to page")
        #expect(every == every.sorted(by: >))

        var paged: [Int] = []
        var before: Int?
        repeat {
            let page = try #require(try bin.json(["item", "list", "--limit", "5"] + (before.map { ["--before", String($0)] } ?? []))
                as? [[String: Any]]).compactMap { $0["id"] as? Int }
            #expect(page.count <= 5)
            paged += page
            before = page.count == 5 ? page.last : nil
        } while before != nil
        #expect(paged == every)

        let defaultPage = try #require(try bin.json(["item", "list"]) as? [[String: Any]])
        #expect(defaultPage.count == min(every.count, 50))

        let text = try bin.run(["item", "list", "--limit", "5", "--lang", "en"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("\(every.count) items in all, 5 shown; the older page: huiwu item list --limit 5 --before \(every[4])"))
        let last = try bin.run(["item", "list", "--before", String(every[every.count - 2]), "--lang", "en"])
        #expect(!last.stdout.contains("older page"), "the last page offers no next one")

        for mixed in [["--all", "--limit", "5"], ["--meeting", "1", "--before", "3"], ["--limit", "0"]] {
            let refused = try bin.run(["item", "list"] + mixed)
            #expect(refused.status == 64, "\(mixed) was not refused: \(refused.stdout)")
            #expect(refused.stderr.contains("--"), "\(mixed): \(refused.stderr)")
        }
    }
}
