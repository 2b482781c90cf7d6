import MeetingKit
import MeetingStore

/// An office with one of each official document to print, for the document tests and the
/// guides' reference pictures.
public enum DocumentFixtures {
    /// What the office holds.
    public struct Office: Sendable {
        public var office: TestOffice
        /// The 12th executive meeting of 2026 (``MinutesFixtures/meetingWithAgenda(_:start:)``,
        /// held 2026-03-02) and its public minutes, signed: 常务会议纪要〔2026〕12号.
        public var meetingId: Int64
        public var minutesId: Int64
        /// Confidential (机密) minutes of a later meeting, signed.
        public var classifiedMinutesId: Int64
        /// An executive meeting on 2026-03-12 whose notice went out on 2026-03-10.
        public var upcomingMeetingId: Int64
    }

    /// A topical meeting on Thursday 2026-03-12 15:00 chaired by 王晓燕 (not in the government's
    /// name), with the heads of four units as members: 区教委 (许文博), 区卫生健康委 (韩冬梅),
    /// 区财政局 (何雪梅), 区民政局 (冯国庆). Its notice has not gone out.
    public static func topicalMeeting(_ office: TestOffice) throws -> Int64 {
        let secretary = try office.session("lijing", now: "2026-03-09T09:00")
        let id = try secretary.addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-12T15:00")!, chair: "wangxiaoyan",
                                          room: "区政府第二会议室", title: "研究教育工作", inGovernmentName: false).id!
        for login in ["xuwenbo", "handongmei", "hexuemei", "fengguoqing"] { try secretary.inviteToMeeting(id, person: login, role: .member) }
        return id
    }

    /// Eleven earlier executive meetings of 2026 with signed minutes come first, so that the
    /// minutes of the meeting of 2026-03-02 are the 12th.
    public static func office() throws -> Office {
        let office = try TestOffice(now: "2026-03-10T10:00")
        let days = ["01-05", "01-06", "01-07", "01-08", "01-09", "01-12", "01-13", "01-14", "01-15", "01-16", "01-19"]
        for day in days {
            let minutes = try MinutesFixtures.awaitingSignature(office, start: "2026-\(day)T09:00")
            try office.session("zhoulixin", now: "2026-\(day)T17:00").signMinutes(minutes.id!)
        }
        let (meeting, _) = try MinutesFixtures.meetingWithAgenda(office)
        let door = try office.session("lijing", now: "2026-03-02T08:50")
        for (login, minute) in [("zhoulixin", "50"), ("chenhaifeng", "52"), ("guozhenhua", "55"), ("liusiqi", "57")] {
            try office.session("lijing", now: "2026-03-02T08:\(minute)").markAttendance(meetingId: meeting.id!, person: login, status: .present)
        }
        try door.markAttendance(meetingId: meeting.id!, person: "handongmei", status: .substitute)
        let secretary = try office.session("lijing", now: "2026-03-03T09:00")
        let minutesId = try secretary.draftMinutes(meetingId: meeting.id!).id!
        try secretary.setMinutesAttributes(minutesId, disclosure: .public, reason: nil, classification: nil)
        try secretary.submitMinutes(minutesId)
        try MinutesFixtures.officeCheck(office, minutesId, now: "2026-03-03T09:30")
        try office.session("zhoulixin", now: "2026-03-03T10:00").signMinutes(minutesId)

        let classified = try MinutesFixtures.awaitingSignature(office, start: "2026-03-09T09:00", classification: .confidential)
        try office.session("zhoulixin", now: "2026-03-09T17:00").signMinutes(classified.id!)

        let upcoming = try office.session("lijing", now: "2026-03-09T09:00")
            .addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!, room: "区政府常务会议室").id!
        try office.session("lijing", now: "2026-03-10T09:00").sendNotice(meetingId: upcoming, contact: "李静（区政府办公室，6600 1234）")
        return Office(office: office, meetingId: meeting.id!, minutesId: minutesId, classifiedMinutesId: classified.id!, upcomingMeetingId: upcoming)
    }
}
