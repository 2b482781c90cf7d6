import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

/// The values documents are printed from, as the store hands them out: minutes as a 纪要 or
/// an R44 请示, sign-in sheets with their counts, seating in the order of precedence and as
/// the office adjusts it; on both engines (issue 21: the order of precedence is stored).
@Suite("Document values from the store")
struct DocumentPaperTests {
    @Test("signed minutes: masthead, number without 第 or zeros, attendance moved after the text, distribution",
          arguments: ScratchDatabase.engines)
    func minutesPaper(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let minutes = try MinutesFixtures.signedWithDecisions(office)
        let paper = try office.session("lijing").minutesPaper(minutes.id!)
        #expect(paper.masthead == "北京市西城区人民政府常务会议纪要")
        #expect(paper.number == "〔2026〕1号" && paper.citation == "常务会议纪要〔2026〕1号")
        #expect(paper.office == "北京市西城区人民政府办公室" && paper.signedOn == Day(iso: "2026-03-03"))
        #expect(paper.attendance.map(\.label) == ["出席", "请假", "缺席", "列席", "邀请"])
        #expect(paper.attendance[1].names == "王晓燕、韩冬梅（张宇航代）")
        #expect(!paper.paragraphs.contains { $0.hasPrefix("出席：") })
        #expect(paper.distribution.first?.names == "区政府领导，区政府各部门、各有关单位，各街道办事处。")
        #expect(paper.note == "（此件主动公开）" && paper.request == nil && !paper.hasSubject)
    }

    @Test("a vice mayor's topical minutes in the government's name are a 请示 from the lead department until signed (R44)",
          arguments: ScratchDatabase.engines)
    func request(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, chair: "wangxiaoyan", title: "研究课后服务", members: ["xuwenbo"])
        let secretary = try office.session("lijing")
        let item = try secretary.addItem(title: "关于课后服务的议题", lead: "JW").id!
        _ = item
        let drafted = try office.session("xuwenbo").draftMinutes(meetingId: meeting.id!, body: "出席：王晓燕、许文博\n会议研究了课后服务。")
        let paper = try office.session("xuwenbo").minutesPaper(drafted.id!)
        let request = try #require(paper.request)
        #expect(request.department == "区教委" && request.addressee == "北京市西城区人民政府" && request.contact == "许文博")
        #expect(paper.hasSubject && paper.number == nil)
    }

    @Test("classified minutes never leave the store for a reader outside the circle (R48)", arguments: ScratchDatabase.engines)
    func classified(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let minutes = try MinutesFixtures.signedConfidential(office)
        #expect(throws: Refusal.self) { try office.session("zhangyuhang").minutesPaper(minutes.id!) }
        let paper = try office.session("xuwenbo").minutesPaper(minutes.id!)
        #expect(paper.classification == .confidential && paper.note == nil)
    }

    @Test("sign-in sheet: units, titles, times, leave and substitute remarks, counts", arguments: ScratchDatabase.engines)
    func signInSheet(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let (meeting, _) = try MinutesFixtures.meetingWithAgenda(office)
        try office.session("lijing", now: "2026-03-02T08:55").markAttendance(meetingId: meeting.id!, person: "zhoulixin", status: .present)
        let sheet = try office.session("lijing").signInSheet(meetingId: meeting.id!)
        #expect(sheet.rows[0].unit == "区政府" && sheet.rows[0].title == "区长" && sheet.rows[0].signedAt == "08:55")
        let wang = try #require(sheet.rows.first { $0.name == "王晓燕" })
        #expect(wang.remark == "请假" && wang.signedAt == nil)
        let han = try #require(sheet.rows.first { $0.name == "韩冬梅" })
        #expect(han.remark == "请假，张宇航代会" && han.title == "主要负责人")
        #expect(sheet.rows.first { $0.name == "冯国庆" }?.remark == "缺席")
        #expect(sheet.counts.expected == 54 && sheet.counts.present == 1 && sheet.counts.leave == 2 && sheet.counts.absent == 1)
    }

    @Test("seating: protocol order, the chair in the centre; moves and the saved order survive; reset forgets it",
          arguments: ScratchDatabase.engines)
    func seating(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let (meeting, _) = try MinutesFixtures.meetingWithAgenda(office)
        let secretary = try office.session("lijing")
        let chart = try secretary.seatingChart(meetingId: meeting.id!)
        #expect(chart.layout == .longTable && !chart.isAdjusted)
        #expect(chart.seats.prefix(3).map(\.person) == ["zhoulixin", "chenhaifeng", "wangxiaoyan"], "VMs by seniority: the seed lists 王晓燕 first")
        let head = chart.row(.head)
        #expect(head.count == 8 && head[head.count / 2 - 1].rank == 1 && head[head.count / 2].rank == 2)
        // Guests in the order invited, 1 in the centre: 3 1 2 4.
        #expect(chart.row(.opposite).map(\.name) == ["社区居民代表", "区人大代表", "区政协委员", "专家学者"])
        #expect(chart.row(.rows).count == SeatingChart.seatsPerRow)
        let zhao = try #require(chart.seats.first { $0.person == "zhaojianguo" })
        let moved = try secretary.moveSeat(meetingId: meeting.id!, participantId: zhao.participantId, by: -1)
        #expect(moved.isAdjusted && moved.seats[2].person == "zhaojianguo")
        #expect(try office.session("zhangyuhang").seatingChart(meetingId: meeting.id!).seats[2].person == "zhaojianguo", "saved with the meeting")
        #expect(throws: Refusal.self) { try office.session("xuwenbo").moveSeat(meetingId: meeting.id!, participantId: zhao.participantId, by: 1) }
        #expect(throws: Refusal.self) { try secretary.moveSeat(meetingId: meeting.id!, participantId: moved.seats[0].participantId, by: -1) }
        #expect(throws: Refusal.self) { try secretary.setSeatingOrder(meetingId: meeting.id!, participantIds: [zhao.participantId]) }
        let reset = try secretary.resetSeating(meetingId: meeting.id!)
        #expect(!reset.isAdjusted && reset.seats.map(\.participantId) == chart.seats.map(\.participantId))
    }
}
