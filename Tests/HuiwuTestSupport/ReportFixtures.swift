import MeetingKit
import MeetingStore

/// The first quarter of 2026 for the report tests, with the report taken on 2026-04-30:
/// - meetings: the executive meeting of 2026-03-02 (held; ``MinutesFixtures/signedWithDecisions(_:signedAt:)``:
///   JW's and ZJW's items decided, CGW's deferred, both drafted 2026-02-24, so 6 days to decision; minutes
///   signed 2026-03-03 and sent back to the units that day, two follow-ups due 2026-03-31, open); the quarter of
///   ``AttendanceFixtures/seedQuarter(_:)`` (executive 01-15 and 02-12, plenary 03-12, not held; executive
///   04-02 outside the quarter); a topical meeting held 2026-03-20 whose minutes wait for the mayor since then;
/// - FGW's item, in consensus since 2026-03-10, waits for the executive vice mayor's approval (due 03-17, R46);
/// - MZJ's item withdrawn on 2026-03-05.
public enum ReportFixtures {
    public static let from = Day(iso: "2026-01-01")!
    public static let to = Day(iso: "2026-03-31")!
    public static let asOf = "2026-04-30T09:00"

    public static func quarter(_ office: TestOffice) throws {
        let signed = try MinutesFixtures.signedWithDecisions(office)
        // The office sends the signed minutes back to the units the same day (R46).
        try office.session("lijing", now: "2026-03-03T16:00").dispatchMinutes(signed.id!)
        try AttendanceFixtures.seedQuarter(office)
        try MinutesFixtures.awaitingSignature(office, kind: .topical, start: "2026-03-20T09:00")
        let secretary = try office.session("lijing", now: "2026-03-10T09:00")
        let fgw = try secretary.addItem(title: "关于优化营商环境若干措施的议题", lead: "FGW").id!
        try office.session("lijing", onBehalfOf: "gaozhiqiang", now: "2026-03-10T09:00").submitItem(fgw)
        let mzj = try office.session("lijing", now: "2026-03-04T09:00").addItem(title: "关于社区养老驿站运营补贴的议题", lead: "MZJ").id!
        try office.session("fengguoqing", now: "2026-03-05T09:00").withdrawItem(mzj, reason: "并入年度预算统筹")
    }
}
