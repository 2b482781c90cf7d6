import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// The second reading of the rules (issue 17) through the real binary: the new refusals name
/// their article in both languages, and the new commands do what the rules ask.
@Suite("The rules' second reading from the command line")
struct RulesCLITests {
    func object(_ any: Any) -> [String: Any] { any as? [String: Any] ?? [:] }

    /// Runs a refused command in Chinese and in English: exit 3, "R…:" first, the message
    /// in each language, nothing written.
    func expectRefused(_ bin: Binary, _ office: TestOffice, _ args: [String], article: String, zh: String, en: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let content = try office.contentChecksum()
        for (lang, text) in [("zh", zh), ("en", en)] {
            let result = try bin.run(args + ["--lang", lang])
            #expect(result.status == 3, "\(args): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(article + ":") && result.stderr.contains(text), "\(lang): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        }
        #expect(try office.contentChecksum() == content, sourceLocation: sourceLocation)
    }

    @Test("the new refusals name their article in Chinese and English: R45(2), R45(3), R39, R39(4), R5/R18, R22, R44, R47, R54")
    func refusalsInBothLanguages() throws {
        let office = try TestOffice()
        let bin = Binary(database: office.path)
        let item = String(try #require(object(try bin.json(["item", "add", "--title", "关于校园安全的议题", "--lead", "JW", "--related", "WJW",
                                                            "--normative", "--category", "4", "--as", "lijing"]))["id"] as? Int))
        try expectRefused(bin, office, ["item", "submit", item, "--as", "lijing"], article: "R45(2)", zh: "主要负责人", en: "sign-off")
        _ = try bin.json(["item", "submit", item, "--as", "lijing", "--on-behalf-of", "xuwenbo"])
        _ = try bin.json(["item", "opinion", item, "--dept", "WJW", "--disagree", "--reason", "经费来源不明", "--as", "handongmei"])
        _ = try bin.json(["item", "coordinate", item, "--unresolved", "--as", "wangxiaoyan"])
        try expectRefused(bin, office, ["item", "state", item, "--statement", "x", "--proposal", "y", "--as", "wangxiaoyan"],
                          article: "R45(3)", zh: "主办部门", en: "lead department")
        let stated = object(try bin.json(["item", "state", item, "--statement", "区卫生健康委有不同意见", "--proposal", "提请会议决定",
                                          "--as", "lijing", "--on-behalf-of", "xuwenbo"]))
        #expect((stated["statement"] as? [String: Any])?["proposal"] as? String == "提请会议决定")

        try expectRefused(bin, office, ["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--chair", "chenhaifeng", "--as", "lijing"],
                          article: "R39", zh: "委托", en: "entrusts")
        let topical = String(try #require(object(try bin.json(["meeting", "add", "--kind", "topical", "--at", "2026-03-16T09:00", "--as", "lijing"]))["id"] as? Int))
        for p in Precondition.required(for: ItemFlags(normative: true)) {
            _ = try bin.json(["item", "confirm", item, "--check", p.rawValue, "--as", "lijing"])
        }
        _ = try bin.json(["item", "approve", item, "--as", "wangxiaoyan"])
        _ = try bin.json(["item", "accept", item, "--as", "lijing"])
        try expectRefused(bin, office, ["item", "schedule", item, "--meeting", topical, "--as", "lijing"], article: "R39(4)",
                          zh: "规范性文件", en: "normative document")
        let executive = String(try #require(object(try bin.json(["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--as", "lijing"]))["id"] as? Int))
        _ = try bin.json(["item", "schedule", item, "--meeting", executive, "--as", "lijing"])
        try expectRefused(bin, office, ["item", "decide", item, "--decided", "--text", "同意", "--as", "lijing"], article: "R5, R18",
                          zh: "集体讨论", en: "collective decision")

        let held = try MinutesFixtures.heldMeeting(office, start: "2026-03-02T08:00")
        let draft = String(try #require(object(try bin.json(["minutes", "draft", String(held.id!), "--as", "lijing"]))["id"] as? Int))
        try expectRefused(bin, office, ["minutes", "set", draft, "--disclosure", "public", "--classification", "secret", "--as", "lijing"],
                          article: "R22", zh: "保密审查", en: "secrecy review")
        _ = try bin.json(["minutes", "set", draft, "--disclosure", "public", "--as", "lijing"])
        _ = try bin.json(["minutes", "submit", draft, "--as", "lijing"])
        try expectRefused(bin, office, ["minutes", "sign", draft, "--as", "zhoulixin"], article: "R47", zh: "办公室审核", en: "checked by the office")
        let another = try MinutesFixtures.heldMeeting(office, kind: .plenary, start: "2026-03-02T07:00")
        try expectRefused(bin, office, ["minutes", "draft", String(another.id!), "--not-in-government-name", "--as", "lijing"],
                          article: "R43", zh: "区长签发", en: "signed by the mayor")

        try MinutesFixtures.signedWithDecisions(office, signedAt: "2026-03-03T10:00")
        let followUp = String(try #require(try office.session().followUps(department: "JW").first?.followUp.id))
        try expectRefused(bin, office, ["followup", "done", followUp, "--note", "已办结", "--as", "xuwenbo"], article: "R54",
                          zh: "区政府办公室", en: "office")
    }

    @Test("supervision from the command line: a unit reports and asks for more time, the office moves the due day with a reason and closes (R54)")
    func followUps() throws {
        let office = try TestOffice()
        try MinutesFixtures.signedWithDecisions(office, signedAt: "2026-03-03T10:00")
        let bin = Binary(database: office.path, now: "2026-03-20T09:00")
        let id = String(try #require(try office.session().followUps(department: "JW").first?.followUp.id))
        let listed = try #require((try bin.json(["followup", "list", "--dept", "JW"]) as? [[String: Any]])?.first)
        #expect(listed["coUnits"] as? [String] == ["CZJ"])
        _ = try bin.json(["followup", "report", id, "--progress", "已完成测算", "--as", "hexuemei"])
        _ = try bin.json(["followup", "report", id, "--more-time", "2026-04-30", "--reason", "需协调资金", "--as", "lijing", "--on-behalf-of", "xuwenbo"])
        let moved = object(try bin.json(["followup", "due", id, "--due", "2026-04-30", "--reason", "同意延期申请", "--as", "lijing"]))
        #expect(moved["due"] as? String == "2026-04-30")
        _ = try bin.json(["followup", "report", id, "--done", "经费已落实", "--as", "xuwenbo"])
        _ = try bin.json(["followup", "done", id, "--note", "经核实办结", "--as", "lijing"])
        let shown = object(try bin.json(["followup", "show", id]))
        let kinds = (shown["reports"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds == ["progress", "extension", "dueMoved", "completed"])
        let text = try bin.run(["followup", "show", id, "--lang", "en"]).stdout
        #expect(text.contains("co-responsible: 区财政局") && text.contains("asks for more time"))
    }

    @Test("numbering from the command line: term start --next-number and term numbering (R37)")
    func numbering() throws {
        let office = try TestOffice()
        let bin = Binary(database: office.path)
        _ = try bin.json(["term", "start", "--number", "18", "--name", "第十八届区人民政府", "--from", "2026-03-01", "--next-number", "executive=39"])
        let added = object(try bin.json(["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--as", "lijing"]))
        #expect(added["numberedTitle"] as? String == "第39次区政府常务会议")
        let set = object(try bin.json(["term", "numbering", "--kind", "topical", "--next", "7"]))
        #expect(set["next"] as? Int == 7)
        let refused = try bin.run(["term", "numbering", "--kind", "topical", "--next", "7", "--as", "lijing", "--lang", "en"])
        #expect(refused.status == 3)
    }

    @Test("absences from the command line: withdrawn, shortened, reported, flagged when late (R65, R7)")
    func absences() throws {
        let office = try TestOffice(now: "2026-03-11T09:00")
        let bin = Binary(database: office.path, now: "2026-03-11T09:00")
        let meeting = String(try #require(object(try bin.json(["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--as", "lijing"]))["id"] as? Int))
        let added = object(try bin.json(["absence", "add", "--person", "zhoulixin", "--from", "2026-03-11", "--to", "2026-03-13", "--reason", "赴外省考察", "--as", "lijing"]))
        let absence = try #require(added["absence"] as? [String: Any])
        #expect(absence["inAdvance"] as? Bool == false)
        let id = String(try #require(absence["id"] as? Int))
        let list = try bin.run(["absence", "list", "--lang", "en"]).stdout
        #expect(list.contains("not registered in advance"))
        let reported = object(try bin.json(["absence", "report", id, "--as", "lijing"]))
        #expect((reported["absence"] as? [String: Any])?["reportedAt"] as? String != nil)
        let withdrawn = object(try bin.json(["absence", "withdraw", id, "--reason", "行程取消", "--as", "lijing"]))
        #expect(withdrawn["restoredMeetings"] as? [Int] == [Int(meeting)!])
        let shown = object(try bin.json(["meeting", "show", meeting]))
        #expect(shown["chair"] as? String == "zhoulixin")
    }
}
