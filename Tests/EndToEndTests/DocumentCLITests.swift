import Foundation
import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

/// The document commands from the outside: formats, files private to the user, refusals,
/// and the bilingual message when LibreOffice is missing.
@Suite("Document commands")
struct DocumentCLITests {
    @Test("minutes export: txt is the signed text, docx a private zip; pdf without LibreOffice says so in both languages")
    func minutesExport() throws {
        let office = try TestOffice()
        let minutes = try MinutesFixtures.signedWithDecisions(office)
        let huiwu = Binary(database: office.path)
        let id = String(minutes.id!)
        let text = try huiwu.run(["minutes", "export", id, "--format", "txt"])
        #expect(text.status == 0 && SHA256.hex(text.stdout) == minutes.sha256)
        let docx = office.directory + "/纪要.docx"
        let written = try #require(try huiwu.json(["minutes", "export", id, "--out", docx]) as? [String: Any])
        #expect(written["format"] as? String == "docx" && (written["bytes"] as? Int ?? 0) > 3000)
        let data = try #require(FileManager.default.contents(atPath: docx))
        #expect(data.starts(with: Data("PK".utf8)))
        #expect(try FileManager.default.attributesOfItem(atPath: docx)[.posixPermissions] as? Int == 0o600)
        let json = try #require(try huiwu.json(["minutes", "export", id]) as? [String: Any])
        #expect(json["number"] as? String == "〔2026〕1号" && json["masthead"] as? String == "北京市西城区人民政府常务会议纪要")

        var missing = huiwu
        missing.extraEnvironment["HUIWU_SOFFICE"] = "/nonexistent/soffice"
        let zh = try missing.run(["minutes", "export", id, "--format", "pdf", "--out", office.directory + "/x.pdf"])
        #expect(zh.status == 6 && zh.stderr.contains("生成 PDF 需要 LibreOffice") && zh.stderr.contains("--format docx"))
        let en = try missing.run(["minutes", "export", id, "--format", "pdf", "--out", office.directory + "/x.pdf", "--lang", "en"])
        #expect(en.status == 6 && en.stderr.contains("PDF needs LibreOffice") && en.stderr.contains("apt-get install libreoffice-writer-nogui"))
        #expect(!FileManager.default.fileExists(atPath: office.directory + "/x.pdf"))
        #expect(try huiwu.run(["minutes", "export", id, "--format", "pdf"]).status == 64, "binary formats need --out")
        let outsider = try huiwu.run(["minutes", "export", String(try MinutesFixtures.signedConfidential(office).id!), "--format", "docx",
                                      "--out", office.directory + "/leak.docx", "--as", "zhangyuhang"])
        #expect(outsider.status == 3 && outsider.stderr.contains("R48"))
        #expect(!FileManager.default.fileExists(atPath: office.directory + "/leak.docx"))
    }

    @Test("meeting notice, receipts, sign-in sheet, seating, name cards, leave report and follow-ups as text and files")
    func meetingDocuments() throws {
        let office = try TestOffice()
        let minutes = try MinutesFixtures.signedWithDecisions(office)
        let meeting = String(minutes.meetingId)
        let huiwu = Binary(database: office.path, now: "2026-03-04T09:00")
        let later = try office.session("lijing").addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-06T09:00")!).id!
        let sent = try #require(try huiwu.json(["meeting", "notice", String(later), "--send", "--materials", "请携带材料", "--as", "lijing"]) as? [String: Any])
        #expect((sent["lines"] as? [Any])?.count == 53)
        let notice = try huiwu.run(["meeting", "notice", String(later)])
        #expect(notice.status == 0 && notice.stdout.contains("关于召开第2次区政府常务会议的通知") && notice.stdout.contains("请携带材料"))
        #expect(try huiwu.run(["meeting", "receipt", String(later), "--confirm", "--as", "xuwenbo"]).status == 0)
        let receipts = try huiwu.run(["meeting", "receipts", String(later)])
        #expect(receipts.stdout.contains("已签收 1 · 请假 0 · 未答复 52"))
        #expect(try huiwu.run(["meeting", "receipt", String(later), "--confirm", "--leave", "--reason", "x"]).status == 64)

        let sheet = try huiwu.run(["attendance", "sheet", meeting, "--blank"])
        #expect(sheet.stdout.contains("第1次区政府常务会议签到表") && sheet.stdout.contains("请假，张宇航代会") && sheet.stdout.contains("实到＿＿人"))
        let moved = try #require(try huiwu.json(["meeting", "seating", meeting, "--move", "zhaojianguo", "--up", "1", "--as", "lijing"]) as? [String: Any])
        #expect((moved["seats"] as? [[String: Any]])?[2]["person"] as? String == "zhaojianguo")
        let cards = office.directory + "/cards.html"
        #expect(try huiwu.run(["meeting", "seating", meeting, "--cards", "--out", cards]).status == 0)
        #expect(try String(contentsOfFile: cards, encoding: .utf8).contains("A4 landscape"))
        let report = office.directory + "/leave.docx"
        #expect(try huiwu.run(["leave", "report", "--meeting", meeting, "--format", "docx", "--out", report]).status == 0)
        #expect(try huiwu.run(["leave", "report", "--meeting", meeting]).stdout.contains("请假汇总报告"), "without --format: the text report as before")
        let unit = try huiwu.run(["followup", "export", "--dept", "JW"])
        #expect(unit.stdout.contains("关于督办区教委承办事项的通知") && unit.stdout.contains("原则同意"))
    }

    @Test("a PDF from the command line is an A4 page LibreOffice made", .slow, DocumentTools.required)
    func pdf() throws {
        let office = try TestOffice()
        let minutes = try MinutesFixtures.signedWithDecisions(office)
        let pdf = office.directory + "/纪要.pdf"
        let result = try Binary(database: office.path).run(["minutes", "export", String(minutes.id!), "--out", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        let size = try Poppler.pageSize(pdf)
        #expect((size.width, size.height) == (595, 842))
        #expect(try Poppler.text(pdf).filter { !$0.isWhitespace }.contains("常务会议纪要〔2026〕1号".dropFirst(6)))
    }
}
