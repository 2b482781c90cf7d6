import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }

@Suite("Meeting numbers (第N次) once published (R37)")
struct MeetingNumberingTests {
    @Test("a number once notified or held never changes and is never reused; a late-added earlier meeting gets the next free number and a note (R37)")
    func publishedNumbersStay() throws {
        let office = try TestOffice(now: "2026-03-10T09:00")
        let s = try office.session("lijing")
        let held = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-05T09:00"))).meeting
        let notified = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-19T09:00"))).meeting
        try s.holdMeeting(held.id!)
        try s.notifyMeeting(notified.id!)
        #expect(try s.meeting(held.id!).number == 1 && s.meeting(notified.id!).number == 2)

        // Added afterwards with an earlier date: it takes neither 第1次 nor 第2次.
        let late = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-12T09:00")))
        #expect(late.meeting.number == 3)
        #expect(late.numberNote?.zh.contains("第2次") == true && late.numberNote?.en.contains("R37") == true)
        #expect(try s.meetingDetail(late.meeting.id!).numberNote != nil)
        #expect(try s.meeting(held.id!).number == 1)
        #expect(try s.meeting(notified.id!).number == 2)
        let unpublished = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-04-02T09:00"))).meeting
        #expect(unpublished.number == 4)

        // A notified meeting keeps its number when moved or cancelled; the number is not reused.
        try s.moveMeeting(notified.id!, to: at("2026-04-09T09:00"))
        #expect(try s.meeting(notified.id!).number == 2)
        try s.cancelMeeting(notified.id!, reason: "区长临时公务")
        #expect(try s.meeting(notified.id!).number == 2)
        let numbers = try s.meetings(kind: .executive).compactMap(\.number)
        #expect(numbers.sorted() == [1, 2, 3, 4])
        #expect(Set(numbers).count == numbers.count)
    }

    @Test("the database refuses two meetings of one kind with one number in a term (R37)")
    func uniqueInTheDatabase() throws {
        let office = try TestOffice()
        let s = try office.session("lijing")
        let a = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-09T09:00"))).meeting
        let b = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-16T09:00"))).meeting
        #expect(throws: (any Error).self) {
            try office.store.writer.write { try $0.execute(sql: "UPDATE meeting SET number = ? WHERE id = ?", arguments: [a.number, b.id]) }
        }
    }

    @Test("an office joining mid-term sets the next number, per kind, at term start or for the current term (R37)", arguments: ScratchDatabase.engines)
    func nextNumber(engine: StoreEngine) throws {
        let office = try TestOffice(engine, now: "2026-03-10T09:00")
        let admin = try office.session()
        try admin.startTerm(number: 18, name: "第十八届区人民政府", from: Day(iso: "2026-03-01")!, nextNumbers: [.executive: 39])
        let executive = try admin.addMeeting(kind: .executive, start: at("2026-03-12T09:00"))
        #expect(executive.numberedTitle(.zh) == "第39次区政府常务会议")
        #expect(try admin.addMeeting(kind: .topical, start: at("2026-03-16T09:00")).number == 1)

        let numbering = try admin.setNextMeetingNumber(kind: .topical, next: 120)
        #expect(numbering.next == 120 && numbering.term == 18)
        #expect(try admin.meetings(kind: .topical).first?.number == 120)
        // Not below a published number.
        try office.session("lijing", now: "2026-03-12T10:00").holdMeeting(executive.id!)
        do {
            try admin.setNextMeetingNumber(kind: .executive, next: 30)
            Issue.record("a next number below a published one was accepted")
        } catch let refusal as Refusal {
            #expect(refusal.code == "term.numberTaken" && refusal.article == "R37")
        }
        #expect(throws: Refusal.self) { try office.session("lijing").setNextMeetingNumber(kind: .plenary, next: 5) }
    }

    @Test("a vice mayor's topical meeting not in the government's name takes no number of the government's series (R37, R61)")
    func ownTopicalNotInSeries() throws {
        let office = try TestOffice()  // SQLite only until search is on the database port
        let vm = try office.session("wangxiaoyan")
        let own = try vm.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-09T14:00"), title: "学位供给",
                                                        inGovernmentName: false)).meeting
        #expect(own.number == nil)
        #expect(own.numberedTitle(.zh) == "专题会议：学位供给")
        let mayors = try office.session("lijing").scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-16T09:00"))).meeting
        #expect(mayors.number == 1 && mayors.numberedTitle(.zh) == "第1次区政府专题会议")
        #expect(try office.session("lijing").search("学位供给").first?.title.zh == "专题会议：学位供给")
    }
}
