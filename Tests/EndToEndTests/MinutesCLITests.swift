import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("Minutes through the binary")
struct MinutesCLITests {
    func object(_ any: Any) -> [String: Any] { any as? [String: Any] ?? [:] }

    @Test("draft, R22 refusal, submit, only the mayor signs (R43), then edit and raw SQL are refused and the audit chain holds")
    func fullPath() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office)
        let huiwu = Binary(database: office.path)
        let draft = object(try huiwu.json(["minutes", "draft", String(meeting.id!), "--as", "lijing"]))
        let id = try #require(draft["id"] as? Int)
        #expect(draft["state"] as? String == "draft")
        #expect((draft["body"] as? String)?.contains("主持：周立新（区长）") == true)

        let before = try office.auditCount()
        let noDisclosure = try huiwu.run(["minutes", "submit", String(id), "--as", "lijing"])
        #expect(noDisclosure.status == 3)
        #expect(noDisclosure.stderr.contains("R22"))
        let noReason = try huiwu.run(["minutes", "set", String(id), "--disclosure", "not-public", "--as", "lijing"])
        #expect(noReason.status == 3 && noReason.stderr.contains("R22"))
        #expect(try office.auditCount() == before)

        let set = try huiwu.run(["minutes", "set", String(id), "--disclosure", "not-public", "--reason", "内部工作安排", "--classification", "internal", "--as", "lijing"])
        #expect(set.status == 0, "\(set.stderr)")
        let inReview = object(try huiwu.json(["minutes", "submit", String(id), "--as", "lijing"]))
        // Issue 17 (R47): the office director checks it before the mayor signs.
        #expect(inReview["state"] as? String == "inReview" && inReview["waitingOn"] as? String == "yangwentao")
        let submitted = object(try huiwu.json(["minutes", "review", String(id), "--approve", "--as", "yangwentao"]))
        #expect(submitted["state"] as? String == "awaitingSignature")
        #expect(submitted["waitingOn"] as? String == "zhoulixin")
        #expect(submitted["number"] is NSNull && submitted["sha256"] is NSNull && submitted["signedAt"] is NSNull)

        let queue = try huiwu.json(["minutes", "queue", "--as", "lijing"]) as? [[String: Any]] ?? []
        #expect(queue.map { $0["id"] as? Int } == [id])
        #expect(queue.first?["nextNumber"] as? String == "常务会议纪要〔2026〕1号")

        for login in ["lijing", "chenhaifeng"] {
            let refused = try huiwu.run(["minutes", "sign", String(id), "--as", login])
            #expect(refused.status == 3 && refused.stderr.contains("R43"), "\(login): \(refused.stderr)")
        }
        let signed = object(try huiwu.json(["minutes", "sign", String(id), "--as", "zhoulixin"]))
        #expect(signed["number"] as? String == "常务会议纪要〔2026〕1号")

        let shown = object(try huiwu.json(["minutes", "show", String(id)]))
        #expect(shown["state"] as? String == "signed")
        #expect(shown["number"] as? String == "常务会议纪要〔2026〕1号")
        #expect(shown["waitingOn"] is NSNull)
        #expect((shown["chain"] as? [[String: Any]])?.map { $0["login"] as? String } == ["lijing", "yangwentao", "zhoulixin"])
        #expect(shown["disclosure"] as? String == "not-public")
        #expect(shown["classification"] as? String == "internal")
        #expect(shown["signedAt"] as? String == "2026-03-02T09:00")
        let sha = try #require(shown["sha256"] as? String)
        #expect(sha.count == 64)
        #expect(shown["hashVerified"] as? Bool == true)

        let exported = try huiwu.run(["minutes", "export", String(id), "--format", "text"])
        #expect(exported.status == 0)
        #expect(SHA256.hex(exported.stdout) == sha, "the text export is exactly the signed text")

        let eventsBefore = try office.auditCount()
        let edit = try huiwu.run(["minutes", "edit", String(id), "--as", "lijing"], stdin: "改过的正文")
        #expect(edit.status == 3 && edit.stderr.contains("R43"))
        // The signed minutes are unchanged; the attempt is audited (docs/reliability.md).
        #expect(try office.auditActions(since: eventsBefore) == ["refused.minutes.edit"])
        #expect(object(try huiwu.json(["minutes", "show", String(id)]))["sha256"] as? String == sha)

        let sql = try SQLiteShell.run(office.path, "UPDATE minutes SET body = 'forged' WHERE id = \(id);")
        #expect(sql.status != 0)
        #expect(sql.stderr.contains("signed minutes are immutable"))
        let delete = try SQLiteShell.run(office.path, "DELETE FROM minutes WHERE id = \(id);")
        #expect(delete.status != 0)
        let body = try SQLiteShell.run(office.path, "SELECT count(*) FROM minutes WHERE body LIKE '%forged%';")
        #expect(body.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")

        let verify = try huiwu.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test("a VM topical meeting's request cannot reach the mayor before the VM's and then the EVM's approval (R44)")
    func governmentRequestOrder() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, chair: "wangxiaoyan", members: ["xuwenbo"])
        let huiwu = Binary(database: office.path)
        let secretary = try huiwu.run(["minutes", "draft", String(meeting.id!), "--as", "lijing"])
        #expect(secretary.status == 3 && secretary.stderr.contains("R44"))
        let id = try #require(object(try huiwu.json(["minutes", "draft", String(meeting.id!), "--as", "xuwenbo"]))["id"] as? Int)
        _ = try huiwu.json(["minutes", "set", String(id), "--disclosure", "public", "--as", "xuwenbo"])
        _ = try huiwu.json(["minutes", "submit", String(id), "--as", "xuwenbo"])
        _ = try huiwu.json(["minutes", "review", String(id), "--approve", "--as", "yangwentao"])  // the office's check (R47)
        let sign = try huiwu.run(["minutes", "sign", String(id), "--as", "zhoulixin"])
        #expect(sign.status == 3 && sign.stderr.contains("R44"))
        let evm = try huiwu.run(["minutes", "review", String(id), "--approve", "--as", "chenhaifeng"])
        #expect(evm.status == 3 && evm.stderr.contains("R44"))
        _ = try huiwu.json(["minutes", "review", String(id), "--approve", "--as", "wangxiaoyan"])
        let returned = object(try huiwu.json(["minutes", "review", String(id), "--return", "--reason", "请补充经费来源", "--as", "chenhaifeng"]))
        #expect(returned["state"] as? String == "returned")
        #expect(returned["waitingOn"] as? String == "xuwenbo")
        let timeline = returned["timeline"] as? [[String: Any]] ?? []
        #expect(timeline.last?["action"] as? String == "return")
        #expect(timeline.last?["note"] as? String == "请补充经费来源")
        let text = try huiwu.run(["minutes", "show", String(id), "--lang", "en"])
        #expect(text.stdout.contains("returned") && text.stdout.contains("请补充经费来源"))
        let bad = try huiwu.run(["minutes", "review", String(id), "--return", "--as", "chenhaifeng"])
        #expect(bad.status != 0 && bad.stderr.contains("--reason"))
    }

    @Test("two processes signing at once get consecutive numbers, no gaps, no duplicates")
    func concurrentSigning() throws {
        let office = try TestOffice()
        var ids: [Int64] = []
        for day in 2...9 {
            let start = "2026-02-\(day < 10 ? "0" : "")\(day)T09:00"
            ids.append(try MinutesFixtures.awaitingSignature(office, kind: .executive, start: start).id!)
        }
        let huiwu = Binary(database: office.path, now: "2026-02-27T09:00")
        func loop(_ ids: [Int64]) -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            let commands = ids.map { "\"$HUIWU\" minutes sign \($0) --as zhoulixin >/dev/null || exit 1" }.joined(separator: "; ")
            p.arguments = ["-c", commands]
            var env = huiwu.environment
            env["HUIWU"] = Binary.path
            p.environment = env
            return p
        }
        let a = loop(ids.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        let b = loop(ids.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
        try a.run()
        try b.run()
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let numbers = try office.session().minutesList(state: .signed).compactMap(\.numberSeq).sorted()
        #expect(numbers == Array(1...ids.count))
        #expect(try huiwu.run(["audit", "verify"]).status == 0)
    }

    @Test("HTML export is print-ready: A4, 仿宋, number, classification mark, no 附注 when classified (R48); headless Chromium prints it")
    func htmlExport() throws {
        let office = try TestOffice()
        let minutes = try MinutesFixtures.awaitingSignature(office, classification: .secret)
        try office.session("zhoulixin").signMinutes(minutes.id!)
        let huiwu = Binary(database: office.path)
        let html = office.directory + "/minutes.html"
        let result = try huiwu.run(["minutes", "export", String(minutes.id!), "--format", "html", "--out", html])
        #expect(result.status == 0, "\(result.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: html)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"))
        #expect(page.contains("仿宋"))
        #expect(page.contains("<p class=\"HuiwuNumber\">〔2026〕1号</p>"))
        #expect(page.contains("<p class=\"HuiwuMark\">秘密</p>"))
        #expect(page.contains("北京市西城区人民政府常务会议纪要"))
        #expect(!page.contains("（此件主动公开）"), "a classified document is never public (R22, R48)")

        // Every department head sits in at an executive meeting; the other secretary does not.
        let outsider = try huiwu.run(["minutes", "export", String(minutes.id!), "--format", "html", "--as", "zhangyuhang"])
        #expect(outsider.status == 3 && outsider.stderr.contains("R48") && outsider.stdout.isEmpty)
        let attendee = try huiwu.run(["minutes", "export", String(minutes.id!), "--format", "text", "--as", "tanghongxia"])
        #expect(attendee.status == 0 && attendee.stdout.contains("秘密"))

        let chromium = "/usr/bin/chromium"
        guard FileManager.default.isExecutableFile(atPath: chromium) else {
            if SlowTests.inCI { Issue.record("chromium is not installed: .ci/run must install it") }
            return
        }
        let pdf = office.directory + "/minutes.pdf"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        p.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(office.directory)/chromium",
                       "--print-to-pdf=\(pdf)", "file://\(html)"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let data = try #require(FileManager.default.contents(atPath: pdf))
        #expect(data.starts(with: Data("%PDF".utf8)))
        // A4 is 210 × 297 mm, about 595 × 842 points: the CSS @page size was honoured (Letter would be 612 × 792).
        let boxes = Self.mediaBoxes(String(decoding: data, as: UTF8.self))
        #expect(!boxes.isEmpty)
        #expect(boxes.allSatisfy { abs($0.0 - 595) < 2 && abs($0.1 - 842) < 2 }, "\(boxes)")
    }

    @Test("bad input: unknown id, malformed state, missing body, non-UTF-8 file")
    func badInput() throws {
        let office = try TestOffice()
        let huiwu = Binary(database: office.path)
        #expect(try huiwu.run(["minutes", "show", "42"]).status == 4)
        #expect(try huiwu.run(["minutes", "list", "--state", "lost"]).status != 0)
        let meeting = try MinutesFixtures.heldMeeting(office)
        let file = office.directory + "/latin1.txt"
        FileManager.default.createFile(atPath: file, contents: Data([0xC4, 0xE3, 0xBA, 0xC3]))
        let before = try office.auditCount()
        let latin = try huiwu.run(["minutes", "draft", String(meeting.id!), "--file", file, "--as", "lijing"])
        #expect(latin.status == 2 && latin.stderr.contains("UTF-8"))
        #expect(try office.auditCount() == before)
        let setNothing = try huiwu.run(["minutes", "set", "1", "--as", "lijing"])
        #expect(setNothing.status != 0)
    }

    @Test("followup list, done and due through the binary, with --overdue and --dept")
    func followUps() throws {
        let office = try TestOffice()
        let signed = try MinutesFixtures.signedWithDecisions(office)
        let huiwu = Binary(database: office.path)
        let all = try huiwu.json(["followup", "list"]) as? [[String: Any]] ?? []
        #expect(all.map { $0["lead"] as? String } == ["JW", "ZJW"])
        #expect(all.allSatisfy { $0["due"] as? String == "2026-03-31" && $0["status"] as? String == "open" && $0["overdue"] as? Bool == false })
        #expect(all.first?["minutesNumber"] as? String == "常务会议纪要〔2026〕1号")
        // A page at a time (issue 20): --limit 1 shows the first by due day, says how to get the
        // next, and the pages together are --all.
        let first = try huiwu.json(["followup", "list", "--limit", "1"]) as? [[String: Any]] ?? []
        let second = try huiwu.json(["followup", "list", "--limit", "1", "--offset", "1"]) as? [[String: Any]] ?? []
        let every = try huiwu.json(["followup", "list", "--all"]) as? [[String: Any]] ?? []
        #expect((first + second).map { $0["id"] as? Int } == every.map { $0["id"] as? Int } && every.count == 2)
        let page = try huiwu.run(["followup", "list", "--limit", "1", "--dept", "JW", "--lang", "en"])
        #expect(!page.stdout.contains("next page"), "one JW follow-up: no next page")
        let paged = try huiwu.run(["followup", "list", "--limit", "1", "--lang", "en"])
        #expect(paged.stdout.contains("1–1 shown; next page: huiwu followup list --limit 1 --offset 1; every follow-up: --all"))
        for mixed in [["--all", "--limit", "1"], ["--limit", "0"], ["--offset=-1"]] {
            #expect(try huiwu.run(["followup", "list"] + mixed).status == 64, "\(mixed) was not refused")
        }
        let shown = try huiwu.json(["minutes", "show", String(signed.id!)]) as? [String: Any] ?? [:]
        #expect((shown["followUps"] as? [Any])?.count == 2)
        #expect((shown["body"] as? String)?.contains("分歧意见说明：区卫生健康委对经费来源有不同意见") == true)

        var late = Binary(database: office.path, now: "2026-04-01T09:00")
        late.extraEnvironment = [:]
        let overdue = try late.json(["followup", "list", "--overdue"]) as? [[String: Any]] ?? []
        #expect(overdue.count == 2 && overdue.allSatisfy { $0["overdue"] as? Bool == true })
        let jw = try #require((try late.json(["followup", "list", "--dept", "JW"]) as? [[String: Any]])?.first?["id"] as? Int)
        let zjw = try #require(all.last?["id"] as? Int)

        let before = try office.auditCount()
        let outsider = try late.run(["followup", "done", String(jw), "--note", "x", "--as", "tanghongxia"])
        #expect(outsider.status == 3)
        let badDate = try late.run(["followup", "due", String(zjw), "--due", "2026-02-30", "--reason", "承办单位申请", "--as", "lijing"])
        #expect(badDate.status == 2 && badDate.stderr.contains("2026-02-30"))
        #expect(try office.auditCount() == before)

        // Issue 17 (R54): the lead unit reports it done; the office closes it.
        _ = try late.json(["followup", "report", String(jw), "--done", "经费已落实", "--as", "xuwenbo"])
        let done = try late.json(["followup", "done", String(jw), "--note", "经费已落实", "--as", "lijing"]) as? [String: Any] ?? [:]
        #expect(done["status"] as? String == "done" && done["doneBy"] as? String == "lijing")
        let moved = try late.json(["followup", "due", String(zjw), "--due", "2026-04-30", "--reason", "承办单位申请延期", "--as", "lijing"]) as? [String: Any] ?? [:]
        #expect(moved["due"] as? String == "2026-04-30" && moved["overdue"] as? Bool == false)
        #expect((try late.json(["followup", "list", "--overdue"]) as? [Any])?.isEmpty == true)
        let text = try late.run(["followup", "list"])
        #expect(text.stdout.contains("区教委") && text.stdout.contains("已办结"))
        #expect(try late.run(["audit", "verify"]).status == 0)
    }

    /// Width and height of every page in a PDF, from its `/MediaBox [0 0 w h]` entries.
    static func mediaBoxes(_ pdf: String) -> [(Double, Double)] {
        var boxes: [(Double, Double)] = []
        var rest = Substring(pdf)
        while let range = rest.range(of: "/MediaBox [") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "]") else { break }
            let numbers = rest[..<end].split(separator: " ").compactMap { Double($0) }
            if numbers.count == 4 { boxes.append((numbers[2] - numbers[0], numbers[3] - numbers[1])) }
        }
        return boxes
    }
}
