import Testing
@testable import MeetingKit

/// The rules official documents follow: the presidium order, the order of precedence, when a
/// notice should go out, what minutes print where (GB/T 9704 §10.3, R22, R48).
@Suite("Official document rules")
struct OfficialDocumentRulesTests {
    @Test("presidium: 1 in the centre, 2 on 1's left (the audience's right), 3 on 1's right; even counts share the centre")
    func presidium() {
        #expect(SeatingRule.centreOut(0) == [])
        #expect(SeatingRule.centreOut(1) == [1])
        #expect(SeatingRule.centreOut(2) == [1, 2])
        #expect(SeatingRule.centreOut(3) == [3, 1, 2])
        #expect(SeatingRule.centreOut(4) == [3, 1, 2, 4])
        #expect(SeatingRule.centreOut(7) == [7, 5, 3, 1, 2, 4, 6])
        #expect(SeatingRule.centreOut(8) == [7, 5, 3, 1, 2, 4, 6, 8])
    }

    @Test("precedence: mayor, EVM, vice mayors by seniority, office director, departments in the org chart's order")
    func precedence() {
        let order = ProtocolOrder(viceMayors: ["wang", "zhao"], departments: ["ZFB", "JW", "JD01"])
        let people = [Person(login: "head", name: "许", role: .departmentHead, departmentCode: "JW"),
                      Person(login: "zhao", name: "赵", role: .viceMayor), Person(login: "street", name: "方", role: .streetDirector, departmentCode: "JD01"),
                      Person(login: "dir", name: "杨", role: .officeDirector), Person(login: "wang", name: "王", role: .viceMayor),
                      Person(login: "evm", name: "陈", role: .executiveViceMayor), Person(login: "mayor", name: "周", role: .mayor)]
        let sorted = people.sorted { order.rank($0).lexicographicallyPrecedes(order.rank($1)) }.map(\.login)
        #expect(sorted == ["mayor", "evm", "wang", "zhao", "dir", "head", "street"])
        #expect(order.rank(nil) == [9], "guests come last")
    }

    @Test("a notice goes out one to two working days ahead; receipts are due at 17:00 the working day before")
    func noticeTiming() {
        let calendar = HolidayCalendar()
        let meeting = Day(iso: "2026-03-12")!  // a Thursday
        let start = LocalDateTime(iso: "2026-03-12T09:00")!
        let onTime = NoticeTiming(meeting: meeting, meetingStart: start, sentOn: Day(iso: "2026-03-10")!, calendar: calendar)
        #expect(onTime.workingDaysAhead == 2 && !onTime.isLate && onTime.warning == nil)
        #expect(onTime.recommendedFrom == Day(iso: "2026-03-10") && onTime.recommendedBy == Day(iso: "2026-03-11"))
        #expect(onTime.receiptsDue == LocalDateTime(iso: "2026-03-11T17:00"))
        let late = NoticeTiming(meeting: meeting, meetingStart: start, sentOn: meeting, calendar: calendar)
        #expect(late.isLate && late.warning?.zh.contains("R42") == true)
        #expect(late.receiptsDue == start, "sent on the day: receipts until the start")
        let monday = NoticeTiming(meeting: Day(iso: "2026-03-09")!, meetingStart: LocalDateTime(iso: "2026-03-09T09:00")!,
                                  sentOn: Day(iso: "2026-03-06")!, calendar: calendar)
        #expect(monday.workingDaysAhead == 1 && monday.recommendedBy == Day(iso: "2026-03-06"), "the weekend does not count")
    }

    @Test("minutes print the attendance lines after the text, in the standard's order")
    func splitBody() {
        let (paragraphs, attendance) = MinutesPaper.split(body: "时间：3月2日\n列席：许文博\n出席：周立新、陈海峰\n\n一、议题\n请假：王晓燕\n会议决定：同意。")
        #expect(paragraphs == ["时间：3月2日", "一、议题", "会议决定：同意。"])
        #expect(attendance == [NamedList("出席", "周立新、陈海峰"), NamedList("请假", "王晓燕"), NamedList("列席", "许文博")])
        #expect(MinutesPaper.isHeading("一、议题") && MinutesPaper.isHeading("十二、议题") && !MinutesPaper.isHeading("、议题"))
        #expect(MinutesPaper.isSubheading("（三）经费") && !MinutesPaper.isSubheading("（主办：区教委）"))
    }

    @Test("the 附注 is printed for a public document only, never for a classified one (R22, R48)")
    func note() {
        func paper(_ disclosure: Disclosure?, _ classification: Classification) -> MinutesPaper {
            MinutesPaper(minutesId: 1, issuer: "x", masthead: "x", number: nil, citation: nil, office: "x", signedOn: nil, title: "t",
                         hasSubject: false, classification: classification, disclosure: disclosure, corrects: nil, paragraphs: [],
                         attendance: [], distribution: [], request: nil)
        }
        #expect(paper(.public, .none).note == "（此件主动公开）")
        #expect(paper(.onRequest, .none).note == "（此件依申请公开）")
        #expect(paper(.notPublic, .none).note == nil)
        #expect(paper(.public, .secret).note == nil)
        #expect(paper(nil, .none).note == nil)
    }
}
