import Foundation
import Testing
import MeetingDocuments
import MeetingKit
import MeetingStore
import HuiwuTestSupport

/// Every document converted to PDF by the real LibreOffice (one run for all of them) and
/// read back with poppler: the page, the text a reader sees, the fonts, and where the text
/// lies against the geometry of GB/T 9704-2012 (type area 156 × 225 mm, 37 mm from the top,
/// 28 mm from the left), with a tolerance, not pixels.
///
/// `DOCUMENT_PICTURES=1` also writes page 1 of each as the guides' reference picture
/// (docs/documents/*.png).
@Suite("Documents as PDF, checked with poppler", .slow, DocumentTools.required)
struct PDFRenderingTests {
    /// The rendered documents, made once for the whole suite.
    static let rendered = Result { try Rendered() }

    struct Rendered: Sendable {
        let directory: String
        let files: [String: String]

        init() throws {
            let fixture = try DocumentFixtures.office()
            let reader = try fixture.office.session("lijing", now: "2026-03-10T10:00")
            let chart = try reader.seatingChart(meetingId: fixture.meetingId)
            let layouts: [(String, DocumentLayout)] = [
                ("minutes", MinutesComposer.layout(try reader.minutesPaper(fixture.minutesId))),
                ("minutes-classified", MinutesComposer.layout(try reader.minutesPaper(fixture.classifiedMinutesId), copy: 3)),
                ("notice", NoticeComposer.layout(try reader.meetingNotice(fixture.upcomingMeetingId))),
                ("sign-in-sheet", SignInSheetComposer.layout(try reader.signInSheet(meetingId: fixture.meetingId))),
                ("seating", SeatingComposer.layout(chart)),
                ("name-cards", NameCardComposer.layout(chart)),
                ("leave-report", LeaveReportComposer.layout(try reader.leaveReportPaper(meetingId: fixture.meetingId))),
                ("followups", FollowUpComposer.layout(try reader.followUpPaper())),
            ]
            directory = fixture.office.directory + "/pdf"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let pdfs = try DocumentFormat.pdf.render(layouts.map(\.1))
            var files: [String: String] = [:]
            for ((name, _), pdf) in zip(layouts, pdfs) {
                let path = directory + "/\(name).pdf"
                try pdf.write(to: URL(fileURLWithPath: path))
                files[name] = path
            }
            self.files = files
            if ProcessInfo.processInfo.environment["DOCUMENT_PICTURES"] == "1" {
                let pictures = TestOffice.packageRoot + "/docs/documents"
                try FileManager.default.createDirectory(atPath: pictures, withIntermediateDirectories: true)
                for (name, path) in files { try Poppler.png(path, page: 1, to: pictures + "/\(name).png", dpi: 50) }
            }
        }

        func pdf(_ name: String) -> String { files[name]! }

        /// The text with every space and line break removed, so a wrapped line reads as one.
        func flatText(_ name: String) throws -> String {
            try Poppler.text(pdf(name)).filter { !$0.isWhitespace }
        }
    }

    func rendered() throws -> Rendered { try PDFRenderingTests.rendered.get() }

    // The type area in points (GB/T 9704 §5.2.1).
    static let top = Units.points(mm: 37), left = Units.points(mm: 28)
    static let right = left + Units.points(mm: 156), bottom = top + Units.points(mm: 225)
    /// 3号 with the 28-characters grid, and the 22-lines pitch.
    static let character = PageSetup.gbt9704.characterSpacing + 16, pitch = PageSetup.gbt9704.linePitch

    @Test("every document is an A4 PDF with its CJK fonts embedded")
    func pagesAndFonts() throws {
        let r = try rendered()
        for (name, pdf) in r.files {
            let size = try Poppler.pageSize(pdf)
            let landscape = name == "name-cards" || name == "followups"
            #expect(landscape ? (size.width, size.height) == (842, 595) : (size.width, size.height) == (595, 842), "\(name): \(size)")
            let fonts = try Poppler.fonts(pdf)
            #expect(!fonts.isEmpty && fonts.allSatisfy(\.embedded), "\(name): \(fonts.map(\.name))")
            #expect(fonts.contains { ["CJK", "UMing", "UKai"].contains(where: $0.name.contains) }, "\(name): \(fonts.map(\.name))")
        }
    }

    @Test("minutes: 纪要标志, number, issuing line, attendance blocks with the right names, 附注, imprint, page numbers")
    func minutesText() throws {
        let r = try rendered()
        let text = try r.flatText("minutes")
        #expect(text.hasPrefix("北京市西城区人民政府常务会议纪要〔2026〕12号北京市西城区人民政府办公室2026年3月3日"), "\(text.prefix(80))")
        #expect(!text.contains("第〔") && !text.contains("〔2026〕012"))
        #expect(text.contains("出席：周立新、陈海峰、郭振华、刘思琪"))
        #expect(text.contains("请假：王晓燕、韩冬梅（张宇航代）"))
        #expect(text.contains("缺席：冯国庆"))
        #expect(text.contains("列席：") && text.contains("许文博"))
        #expect(text.contains("一、关于中小学课后服务经费的议题（主办：区教委）"))
        #expect(text.contains("（此件主动公开）"))
        #expect(text.contains("分送：区政府领导，区政府各部门、各有关单位，各街道办事处。"))
        #expect(text.contains("北京市西城区人民政府办公室2026年3月3日印发"))
        let layout = try Poppler.text(r.pdf("minutes"))
        #expect(layout.contains("— 1 —") && layout.contains("— 2 —"), "page numbers with en spaces: \(layout.suffix(200))")
    }

    @Test("minutes: the masthead 35 mm into the type area, text on the 28 × 22 grid inside the type area")
    func minutesGeometry() throws {
        let words = try Poppler.words(try rendered().pdf("minutes"), page: 1)
        let masthead = try #require(words.first { $0.text == "北京市西城区人民政府常务会议纪要" })
        #expect(abs(masthead.yMin - (Self.top + Units.points(mm: 35))) < 3, "\(masthead)")
        #expect(abs((masthead.xMin + masthead.xMax) / 2 - (Self.left + Self.right) / 2) < 2, "\(masthead)")
        let body = words.filter { $0.text.hasPrefix("时间：") || $0.text.hasPrefix("地点：") || $0.text.hasPrefix("主持：") }
        #expect(body.count == 3, "\(body)")
        for word in body { #expect(abs(word.xMin - (Self.left + 2 * Self.character)) < 1.5, "two characters in: \(word)") }
        for (a, b) in zip(body, body.dropFirst()) { #expect(abs(b.yMin - a.yMin - Self.pitch) < 0.5, "22 lines: \(a) \(b)") }
        let text = words.filter { $0.yMax < Self.bottom + 1 }
        #expect(text.allSatisfy { $0.xMin >= Self.left - 1 && $0.xMax <= Self.right + 1 }, "inside the type area")
        // A full line holds 28 characters: its last one ends at the right edge.
        #expect(words.contains { $0.xMax > Self.right - Self.character && $0.xMax <= Self.right + 1 && $0.yMin > masthead.yMax + 60 })
    }

    @Test("minutes: page numbers 7 mm under the type area, odd pages right and even pages left; the imprint ends on the last line")
    func pageNumbersAndImprint() throws {
        let pdf = try rendered().pdf("minutes")
        let first = try Poppler.words(pdf, page: 1).filter { $0.yMin > Self.bottom }
        let one = try #require(first.first { $0.text == "1" }, "\(first)")
        let dashes = first.filter { $0.text == "—" }
        #expect(dashes.count == 2, "\(first)")
        for dash in dashes { #expect(abs(dash.yMin - (Self.bottom + Units.points(mm: 7))) < 4, "\(dash)") }
        #expect(abs(dashes.map(\.xMax).max()! - (Self.right - 14)) < 3, "odd page: right, one character in: \(first)")
        #expect(one.xMin > (Self.left + Self.right) / 2)
        let pages = Int(try Poppler.info(pdf)["Pages"] ?? "") ?? 0
        #expect(pages == 2)
        let last = try Poppler.words(pdf, page: pages)
        let even = last.filter { $0.yMin > Self.bottom }
        #expect(abs((even.map(\.xMin).min() ?? 0) - (Self.left + 14)) < 3, "even page: left, one character in: \(even)")
        let printed = try #require(last.first { $0.text.hasSuffix("印发") })
        #expect(printed.yMax <= Self.bottom + 1 && printed.yMax > Self.bottom - 14, "the imprint closes the type area: \(printed)")
        #expect(abs(printed.xMax - (Self.right - 14)) < 3, "印发日期 one character in from the right: \(printed)")
    }

    @Test("classified minutes: copy number and 密级 at the top left, no 附注 (R22, R48)")
    func classifiedMinutes() throws {
        let r = try rendered()
        let text = try r.flatText("minutes-classified")
        #expect(text.hasPrefix("000003机密北京市西城区人民政府常务会议纪要〔2026〕13号"), "\(text.prefix(60))")
        #expect(!text.contains("此件"))
        let words = try Poppler.words(r.pdf("minutes-classified"), page: 1)
        let copy = try #require(words.first { $0.text == "000003" })
        let mark = try #require(words.first { $0.text == "机密" })
        #expect(abs(copy.xMin - Self.left) < 1.5 && abs(mark.xMin - Self.left) < 1.5)
        #expect(copy.yMin < mark.yMin && mark.yMin - copy.yMin < Self.pitch + 1)
    }

    @Test("notice: title, time and place, agenda, attendees, receipt request and the receipt form")
    func notice() throws {
        let text = try rendered().flatText("notice")
        #expect(text.contains("北京市西城区人民政府办公室关于召开第14次区政府常务会议的通知"))
        #expect(text.contains("定于2026年3月12日（星期四）9:00在区政府常务会议室召开第14次区政府常务会议，由周立新（区长）主持"))
        #expect(text.contains("出席：周立新（区长）、陈海峰（常务副区长）"))
        #expect(text.contains("请各单位于2026年3月11日17:00前签收回执"))
        #expect(text.contains("联系人：李静（区政府办公室，66001234）"))
        #expect(text.contains("回执") && text.contains("是否出席"))
    }

    @Test("sign-in sheet: columns, times, leave and substitute remarks, counts")
    func signInSheet() throws {
        let text = try rendered().flatText("sign-in-sheet")
        #expect(text.contains("第12次区政府常务会议签到表"))
        #expect(text.contains("序号单位职务姓名签名签到时间备注"))
        #expect(text.contains("区政府区长周立新08:50"))
        #expect(text.contains("王晓燕") && text.contains("请假"))
        #expect(text.contains("代会：张宇航"))
        #expect(text.contains("应到54人，实到4人，请假2人（其中代会1人），缺席1人"))
    }

    @Test("seating chart and name cards: the mayor in the centre, 2 on his left (the chart's right), one card per seat")
    func seatingAndCards() throws {
        let r = try rendered()
        let words = try Poppler.words(r.pdf("seating"), page: 1)
        let mayor = try #require(words.first { $0.text == "周立新" })
        let second = try #require(words.first { $0.text == "陈海峰" })
        let third = try #require(words.first { $0.text == "王晓燕" })
        #expect(second.xMin > mayor.xMax && third.xMax < mayor.xMin, "\(third) \(mayor) \(second)")
        #expect(try r.flatText("seating").contains("会议桌"))
        let cards = Int(try Poppler.info(r.pdf("name-cards"))["Pages"] ?? "") ?? 0
        #expect(cards == 54)
        let card = try #require(try Poppler.words(r.pdf("name-cards"), page: 1).first { $0.text == "周立新" })
        #expect(card.yMin > 595 / 2, "the name is on the lower half, the front when folded: \(card)")
    }

    @Test("leave report and follow-up ledger")
    func leaveReportAndFollowUps() throws {
        let r = try rendered()
        let leave = try r.flatText("leave-report")
        #expect(leave.contains("关于第12次区政府常务会议请假情况的报告"))
        #expect(leave.contains("共有2人请假，其中已批准2人"))
        #expect(leave.contains("赴市里参加会议"))
        let followups = try r.flatText("followups")
        #expect(followups.contains("督办事项台账"))
        #expect(followups.contains("区教委") && followups.contains("区住房城市建设委") && followups.contains("原则同意"))
    }
}
