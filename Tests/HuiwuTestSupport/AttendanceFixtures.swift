import MeetingKit
import MeetingStore

/// Seeded meetings, leave and sign-in for the attendance and leave tests.
public enum AttendanceFixtures {
    /// The first quarter of 2026 as the statistics tests expect it (hand-computed there):
    ///
    /// | meeting | zhoulixin | wangxiaoyan (VM) | xuwenbo (JW) | handongmei (WJW) | fangweiguo (JD01) |
    /// |---|---|---|---|---|---|
    /// | executive 2026-01-15 | present | leave (approved) | late 10 | absent | present |
    /// | executive 2026-02-12 | present | present | absent | substitute zhangyuhang (approved leave) | approved leave, not marked |
    /// | plenary 2026-03-12 | present | present | present | present | absent (leave rejected) |
    /// | executive 2026-04-02 (next quarter) | | | absent | | |
    ///
    /// Returns the four meeting ids in that order.
    @discardableResult
    public static func seedQuarter(_ office: TestOffice) throws -> [Int64] {
        let admin = try office.session()
        let m1 = try admin.addMeeting(kind: .executive, start: at("2026-01-15T09:00")).id!
        let m2 = try admin.addMeeting(kind: .executive, start: at("2026-02-12T09:00")).id!
        let m3 = try admin.addMeeting(kind: .plenary, start: at("2026-03-12T09:00")).id!
        let m4 = try admin.addMeeting(kind: .executive, start: at("2026-04-02T09:00")).id!

        let before = "2026-01-05T09:00"
        let wang = try office.session("wangxiaoyan", now: before).requestLeave(meetingId: m1, reason: "赴外地调研")
        try office.session("zhoulixin", now: before).approveLeave(wang.id!)
        let han = try office.session("handongmei", now: before).requestLeave(meetingId: m2, reason: "参加市卫健委会议", substitute: "zhangyuhang")
        let fang2 = try office.session("fangweiguo", now: before).requestLeave(meetingId: m2, reason: "街道防汛检查")
        let fang3 = try office.session("fangweiguo", now: before).requestLeave(meetingId: m3, reason: "个人事务")
        let director = try office.session("yangwentao", now: before)
        try director.approveLeave(han.id!)
        try director.approveLeave(fang2.id!)
        try director.rejectLeave(fang3.id!, reason: "全体会议须到会")

        let s1 = try office.session("lijing", now: "2026-01-15T09:10")
        try s1.markAttendance(meetingId: m1, person: "zhoulixin", status: .present)
        try s1.markAttendance(meetingId: m1, person: "wangxiaoyan", status: .leave)
        try s1.markAttendance(meetingId: m1, person: "xuwenbo", status: .late, lateMinutes: 10)
        try s1.markAttendance(meetingId: m1, person: "handongmei", status: .absent)
        try s1.markAttendance(meetingId: m1, person: "fangweiguo", status: .present)
        let s2 = try office.session("lijing", now: "2026-02-12T09:10")
        try s2.markAttendance(meetingId: m2, person: "zhoulixin", status: .present)
        try s2.markAttendance(meetingId: m2, person: "wangxiaoyan", status: .present)
        try s2.markAttendance(meetingId: m2, person: "xuwenbo", status: .absent)
        try s2.markAttendance(meetingId: m2, person: "handongmei", status: .substitute)
        let s3 = try office.session("lijing", now: "2026-03-12T09:10")
        for login in ["zhoulixin", "wangxiaoyan", "xuwenbo", "handongmei"] {
            try s3.markAttendance(meetingId: m3, person: login, status: .present)
        }
        try s3.markAttendance(meetingId: m3, person: "fangweiguo", status: .absent)
        try office.session("lijing", now: "2026-04-02T09:10").markAttendance(meetingId: m4, person: "xuwenbo", status: .absent)
        return [m1, m2, m3, m4]
    }

    public static func at(_ iso: String) -> LocalDateTime { LocalDateTime(iso: iso)! }
}
