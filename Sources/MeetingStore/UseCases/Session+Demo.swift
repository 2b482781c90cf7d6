import Foundation
import MeetingKit

/// The demo office (`huiwu init` without `--empty`, and the first `huiwu` of a new user):
/// a few weeks of the office's work, dated from today, made through the use cases
/// themselves, each by the person the rules name and at the moment it would have happened
/// (so every rule holds: R41 steps, R42 approvers, R44 routes, R46 deadlines, R61 approval).
/// The office before the demo is backed up beside a SQLite file, and `huiwu demo remove`
/// restores that backup; on PostgreSQL the ids before the demo are recorded (``DemoMarks``)
/// and the removal deletes what came after. Either only as long as nothing but the demo
/// happened since.
extension Session {
    /// Settings that mark the demo.
    static let demoSeededOn = "demo.seededOn"
    static let demoLastSeq = "demo.lastSeq"
    static let demoBackup = "demo.backup"
    static let demoMarks = "demo.marks"

    /// Whether this office holds the demo, and whom to try it as (nil: no demo).
    public func demoStatus() throws -> DemoStatus? {
        try read { db in
            guard let day = try OrgRepository.setting(db, Session.demoSeededOn).flatMap(Day.init(iso:)),
                  let seq = try OrgRepository.setting(db, Session.demoLastSeq).flatMap({ Int64($0) }) else { return nil }
            let org = try OrgRepository.load(db)
            return DemoStatus(seededOn: day, lastSeq: seq, backupPath: try OrgRepository.setting(db, Session.demoBackup) ?? "",
                              roles: DemoRole.all.filter { org.person($0.login)?.isRetired == false })
        }
    }

    /// Seeds the demo office's work dated from today (administrators; an office without any
    /// meeting or item yet, holding the demo org chart).
    @discardableResult
    public func seedDemo() throws -> DemoReport {
        try AccessPolicy(org: try orgChart()).require(.maintainStore, by: actor)
        let (meetings, items, org) = try read { db in
            (try db.value(Int.self, "SELECT COUNT(*) FROM meeting") ?? 0, try db.value(Int.self, "SELECT COUNT(*) FROM agenda_item") ?? 0,
             try OrgRepository.load(db))
        }
        guard meetings == 0, items == 0 else {
            throw Refusal.conflict("demo.notEmpty", "办公室已有会议或议题，不能再载入演示数据", "the office already has meetings or items; the demo cannot be added")
        }
        let missing = DemoSeeder.people.filter { org.person($0)?.isRetired != false }
        guard missing.isEmpty else {
            throw Refusal.invalid("demo.orgMissing", "演示数据需要演示办公室的人员（缺少 \(missing.joined(separator: "、"))）",
                                  "the demo needs the demo office's people (missing \(missing.joined(separator: ", ")))")
        }
        let undo = try prepareDemoUndo()
        let seeder = DemoSeeder(session: self, calendar: try holidayCalendar())
        let counts: (meetings: Int, items: Int, minutes: Int, leave: Int)
        do {
            counts = try seeder.run()
        } catch {
            // Half a demo is worse than none: the office goes back to how it was.
            undoDemo(undo)
            throw error
        }
        try write { change in
            try OrgRepository.setSetting(change.db, Session.demoSeededOn, clock.today.iso)
            switch undo {
            case .backup(let path): try OrgRepository.setSetting(change.db, Session.demoBackup, path)
            case .marks(let marks): try OrgRepository.setSetting(change.db, Session.demoMarks, marks.text)
            }
            try change.audit("demo.seed", entity: "store", id: store.path, after: "\(counts.meetings) meetings, \(counts.items) items")
            let head = try AuditLog.head(change.db)?.seq ?? 0
            try OrgRepository.setSetting(change.db, Session.demoLastSeq, String(head))
        }
        guard let status = try demoStatus() else { throw Refusal.conflict("demo.missing", "演示数据未载入", "the demo was not seeded") }
        return DemoReport(status: status, meetings: counts.meetings, items: counts.items, minutes: counts.minutes, leave: counts.leave)
    }

    /// Removes the demo (administrators): a SQLite office goes back to the backup taken just
    /// before it was seeded, and the office with the demo is kept beside the database; on
    /// PostgreSQL what the demo created is deleted in one audited change (``DemoMarks``).
    /// Refused when anything but the demo happened since, which the removal would lose.
    public func removeDemo() throws -> DemoRemoval {
        try AccessPolicy(org: try orgChart()).require(.maintainStore, by: actor)
        guard let status = try demoStatus() else {
            throw Refusal.notFound("demo.none", "本办公室没有演示数据", "this office holds no demo data")
        }
        let later = try read { db in
            try db.value(Int.self, "SELECT COUNT(*) FROM audit_event WHERE seq > ? AND action NOT IN ('store.backup', 'minutes.read')",
                         status.lastSeq) ?? 0
        }
        guard later == 0 else {
            throw Refusal.conflict("demo.inUse", "载入演示数据后已有 \(later) 项其他记录，删除演示数据会一并丢失；请用 huiwu restore 自行处理",
                                   "\(later) other records were made after the demo; removing it would lose them too. Use huiwu restore yourself")
        }
        guard store.engine == .postgresql else {
            let kept = try restore(from: status.backupPath)
            return DemoRemoval(keptAt: kept, restoredFrom: status.backupPath)
        }
        try write { change in
            guard let marks = try OrgRepository.setting(change.db, Session.demoMarks).flatMap(DemoMarks.init(text:)) else {
                throw Refusal.notFound("demo.noMarks", "找不到演示数据载入前的记录标记，无法删除演示数据；未作任何修改",
                                       "the marks of the office before the demo are missing; the demo cannot be removed. Nothing was changed")
            }
            let rows = try marks.erase(change.db)
            for key in [Session.demoSeededOn, Session.demoLastSeq, Session.demoMarks] {
                try change.db.exec("DELETE FROM setting WHERE key = ?", key)
            }
            try change.audit("demo.remove", entity: "store", id: store.path, after: "\(rows) rows")
        }
        return DemoRemoval(keptAt: "", restoredFrom: "")
    }

    /// How a demo is taken back: the backup of a SQLite file, or the marks of an office on PostgreSQL.
    private enum DemoUndo {
        case backup(String)
        case marks(DemoMarks)
    }

    private func prepareDemoUndo() throws -> DemoUndo {
        guard store.engine == .sqlite else { return .marks(try read { try DemoMarks.take($0) }) }
        let backup = store.path + ".before-demo"
        try? FileManager.default.removeItem(atPath: backup)
        try? FileManager.default.removeItem(atPath: backup + ".manifest.json")
        _ = try StoreBackup.backup(store, to: backup, takenAt: clock.timestamp)
        return .backup(backup)
    }

    /// Takes back half a demo after a failure (best effort: the failure is what gets reported).
    private func undoDemo(_ undo: DemoUndo) {
        switch undo {
        case .backup(let backup):
            if let kept = try? StoreBackup.restore(store, from: backup, stamp: clock.timestamp) {
                try? FileManager.default.removeItem(atPath: kept)
                try? FileManager.default.removeItem(atPath: kept + ".manifest.json")
            }
        case .marks(let marks):
            _ = try? store.transaction { db, _ in try marks.erase(db) }
        }
    }
}

/// Writes the demo's records through the use cases, each as its person at its moment.
struct DemoSeeder {
    let session: Session
    let calendar: HolidayCalendar

    /// Everyone the demo acts as.
    static let people = ["lijing", "zhoulixin", "chenhaifeng", "wangxiaoyan", "zhaojianguo", "yangwentao", "xuwenbo", "handongmei",
                         "fengguoqing", "gaozhiqiang", "hexuemei", "denglijun", "caozhiming", "xiexiaofeng", "guozhenhua", "liusiqi"]

    var today: Day { session.clock.today }

    /// The working day `offset` working days from today (0: today, or the next working day).
    func workday(_ offset: Int) -> Day {
        var day = calendar.nextWorkingDay(onOrAfter: today)
        if offset > 0 { return calendar.addingWorkingDays(offset, to: day) }
        var left = -offset
        while left > 0 {
            day = day.adding(days: -1)
            if calendar.isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    func at(_ day: Day, _ time: String) -> LocalDateTime {
        let (h, m) = LocalDateTime.parseTime(time)!
        return LocalDateTime(day: day, minuteOfDay: h * 60 + m)
    }

    /// A session of `login` at `moment`.
    func as_(_ login: String, _ moment: LocalDateTime) throws -> Session {
        try Session.open(store: session.store, osUser: session.actor.osUser, asLogin: login, clock: .fixed(moment))
    }

    /// Drafts, submits and clears an item up to the office's acceptance.
    func acceptedItem(_ title: String, lead: String, head: String, related: [(code: String, head: String)] = [], vm: String,
                      summary: String, on day: Day) throws -> Int64 {
        let id = try as_(head, at(day, "09:00")).addItem(title: title, lead: lead, related: related.map(\.code), category: 1, summary: summary).id!
        try as_(head, at(day, "09:10")).submitItem(id)
        for r in related { try as_(r.head, at(day, "14:00")).giveOpinion(id, department: r.code, stance: .agree) }
        try as_(vm, at(day, "16:00")).approveItem(id)
        try as_("lijing", at(day, "17:00")).acceptItem(id)
        return id
    }

    func run() throws -> (meetings: Int, items: Int, minutes: Int, leave: Int) {
        var meetings = 0, items = 0, minutes = 0, leave = 0
        let secretary = "lijing"

        // An executive meeting about seven weeks ago: held, its minutes signed; their follow-ups
        // fell due two weeks ago (R53: 20 working days), some are overdue now.
        let m1Day = workday(-36)
        let m1 = try as_(secretary, at(workday(-41), "10:00")).addMeeting(kind: .executive, start: at(m1Day, "09:00"), room: "区政府常务会议室").id!
        meetings += 1
        let heating = try acceptedItem("关于老旧小区冬季供暖改造的议题", lead: "ZJW", head: "caozhiming", related: [("CZJ", "hexuemei")],
                                       vm: "zhaojianguo", summary: "改造 12 个老旧小区的供暖管网，资金由区财政和产权单位分担。", on: workday(-40))
        let sports = try acceptedItem("关于全民健身设施补短板的议题", lead: "SWJ", head: "xiexiaofeng", vm: "sunmingyuan",
                                      summary: "新建和改造社区健身设施 40 处。", on: workday(-40))
        items += 2
        for id in [heating, sports] { try as_(secretary, at(workday(-39), "10:00")).scheduleItem(id, meeting: m1, plannedMinutes: 30) }
        let m1Office = try as_(secretary, at(m1Day, "08:50"))
        for login in ["zhoulixin", "chenhaifeng", "wangxiaoyan", "zhaojianguo"] { try m1Office.markAttendance(meetingId: m1, person: login, status: .present) }
        try as_(secretary, at(m1Day, "11:30")).holdMeeting(m1)
        try as_(secretary, at(m1Day, "11:40")).decideItem(heating, text: "原则同意，由区住房城市建设委会同区财政局组织实施，今冬供暖季前完工。")
        try as_(secretary, at(m1Day, "11:45")).decideItem(sports, text: "同意实施方案，由区商务局牵头，区财政局保障经费。")
        let minutes1 = try as_(secretary, at(m1Day, "15:00")).draftMinutes(meetingId: m1).id!
        try as_(secretary, at(m1Day, "15:10")).setMinutesAttributes(minutes1, disclosure: .public, reason: nil, classification: nil)
        try as_(secretary, at(m1Day, "15:30")).submitMinutes(minutes1)
        try as_("yangwentao", at(workday(-35), "09:30")).approveMinutes(minutes1)
        try as_("zhoulixin", at(workday(-34), "10:00")).signMinutes(minutes1)
        try as_(secretary, at(workday(-34), "15:00")).dispatchMinutes(minutes1)
        minutes += 1
        let followUps = try session.followUps()
        if let done = followUps.first(where: { $0.followUp.leadDepartmentCode == "SWJ" }) {
            try as_("xiexiaofeng", at(workday(-16), "10:00")).reportFollowUp(done.followUp.id!, .progress, text: "已完成 25 处设施建设，其余 15 处正在施工。")
        }
        if let late = followUps.first(where: { $0.followUp.leadDepartmentCode == "ZJW" }) {
            try as_("caozhiming", at(workday(-2), "10:00")).reportFollowUp(late.followUp.id!, .moreTime, text: "管网改造涉及道路开挖，需延期一个月。",
                                                                          due: workday(20))
        }

        // The mayor's topical meeting last week: held, its minutes checked by the office and
        // waiting for the mayor's signature (R43, R46: five working days).
        let m2Day = workday(-4)
        let m2 = try as_(secretary, at(workday(-9), "10:00")).addMeeting(kind: .topical, start: at(m2Day, "15:00"), durationMinutes: 90,
                                                                       room: "区政府第二会议室", title: "研究城市更新工作").id!
        meetings += 1
        let renewal = try acceptedItem("关于西单商业街区更新改造的议题", lead: "FGW", head: "gaozhiqiang", related: [("CZJ", "hexuemei")],
                                       vm: "chenhaifeng", summary: "街区更新分三期实施，首期改造沿街立面和地下管线。", on: workday(-8))
        items += 1
        try as_(secretary, at(workday(-7), "10:00")).scheduleItem(renewal, meeting: m2, plannedMinutes: 45)
        try as_(secretary, at(m2Day, "17:00")).holdMeeting(m2)
        try as_(secretary, at(m2Day, "17:05")).decideItem(renewal, text: "原则同意首期实施方案，由区发展改革委牵头，区财政局做好资金保障。")
        let minutes2 = try as_(secretary, at(workday(-3), "10:00")).draftMinutes(meetingId: m2).id!
        try as_(secretary, at(workday(-3), "10:10")).setMinutesAttributes(minutes2, disclosure: .onRequest, reason: nil, classification: nil)
        try as_(secretary, at(workday(-3), "10:30")).submitMinutes(minutes2)
        try as_("yangwentao", at(workday(-2), "09:00")).approveMinutes(minutes2)
        minutes += 1

        // A vice mayor's topical meeting in the government's name (R40, R61): the lead
        // department drafted the minutes as a request; the vice mayor reviews them (R44).
        let m3Day = workday(-2)
        let m3 = try as_(secretary, at(workday(-7), "11:00")).addMeeting(kind: .topical, start: at(m3Day, "14:30"), durationMinutes: 90,
                                                                       chair: "wangxiaoyan", room: "区政府第三会议室", title: "研究学前教育资源配置").id!
        meetings += 1
        try as_("zhoulixin", at(workday(-6), "09:00")).approveMeeting(m3)
        let preschool = try acceptedItem("关于新增普惠性幼儿园学位的议题", lead: "JW", head: "xuwenbo", related: [("WJW", "handongmei")],
                                         vm: "wangxiaoyan", summary: "新增普惠性学位 1200 个，利用腾退空间新建 4 所幼儿园。", on: workday(-6))
        items += 1
        try as_(secretary, at(workday(-5), "10:00")).scheduleItem(preschool, meeting: m3, plannedMinutes: 40)
        try as_(secretary, at(m3Day, "16:30")).holdMeeting(m3)
        try as_(secretary, at(m3Day, "16:35")).decideItem(preschool, text: "原则同意，由区教委牵头，区卫生健康委配合，年内完成首批 2 所幼儿园建设。")
        let minutes3 = try as_("xuwenbo", at(workday(-1), "10:00")).draftMinutes(meetingId: m3, inGovernmentName: true).id!
        try as_("xuwenbo", at(workday(-1), "10:10")).setMinutesAttributes(minutes3, disclosure: .public, reason: nil, classification: nil)
        try as_("xuwenbo", at(workday(-1), "11:00")).submitMinutes(minutes3)
        minutes += 1

        // Yesterday's meeting, never marked held: the secretary's home asks for it.
        let m4 = try as_(secretary, at(workday(-5), "15:00")).addMeeting(kind: .topical, start: at(workday(-1), "09:30"), durationMinutes: 60,
                                                                       room: "区政府第二会议室", title: "研究安全生产工作").id!
        meetings += 1
        _ = m4

        // This week: the executive meeting with its agenda and the leave asked for it (R42),
        // the mayor's weekly topical meeting, and a vice mayor's meeting awaiting approval (R61).
        let m5Day = workday(2)
        let m5 = try as_(secretary, at(workday(-3), "09:00")).addMeeting(kind: .executive, start: at(m5Day, "09:00"), room: "区政府常务会议室").id!
        meetings += 1
        let school = try acceptedItem("关于中小学课后服务经费的议题", lead: "JW", head: "xuwenbo", related: [("CZJ", "hexuemei")],
                                      vm: "wangxiaoyan", summary: "课后服务覆盖全区 58 所中小学，经费由区财政和家长分担。", on: workday(-3))
        let elderly = try acceptedItem("关于社区养老服务驿站建设的议题", lead: "MZJ", head: "fengguoqing", related: [("WJW", "handongmei")],
                                       vm: "wangxiaoyan", summary: "年内新建养老服务驿站 20 个，配套助餐服务。", on: workday(-3))
        items += 2
        try as_(secretary, at(workday(-2), "10:00")).scheduleItem(school, meeting: m5, plannedMinutes: 30)
        try as_(secretary, at(workday(-2), "10:05")).scheduleItem(elderly, meeting: m5, plannedMinutes: 30)
        try as_(secretary, at(workday(-1), "16:00")).sendNotice(meetingId: m5)
        try as_("wangxiaoyan", at(workday(-1), "17:00")).requestLeave(meetingId: m5, reason: "赴市里参加全市教育工作会议")
        try as_("handongmei", at(workday(-1), "17:30")).requestLeave(meetingId: m5, reason: "参加市卫生健康委专题会议", substitute: "zhangyuhang")
        leave += 2
        let m6 = try as_(secretary, at(workday(-2), "11:00")).addMeeting(kind: .topical, start: at(workday(1), "15:00"), durationMinutes: 90,
                                                                       room: "区政府第二会议室", title: "研究优化营商环境工作").id!
        meetings += 1
        _ = m6
        try as_(secretary, at(workday(-1), "11:00")).addMeeting(kind: .topical, start: at(workday(4), "09:30"), durationMinutes: 90,
                                                               chair: "zhaojianguo", room: "区政府第三会议室", title: "研究背街小巷环境整治")
        meetings += 1

        // Items at every stage before a meeting (R41, R45(3)).
        // Waiting for the office: approved by the vice mayor, not yet accepted.
        let traffic = try as_("denglijun", at(workday(-3), "09:00")).addItem(title: "关于学校周边交通秩序治理的议题", lead: "CGW", category: 1,
                                                                           summary: "在 32 所学校周边设置临时停车和接送区。").id!
        try as_("denglijun", at(workday(-3), "09:10")).submitItem(traffic)
        try as_("zhaojianguo", at(workday(-1), "10:00")).approveItem(traffic)
        // Accepted, waiting for a meeting.
        _ = try acceptedItem("关于垃圾分类收运体系建设的议题", lead: "ZJW", head: "caozhiming", vm: "zhaojianguo",
                             summary: "完善可回收物收运网络，新建中转站 3 座。", on: workday(-2))
        // Waiting for the vice mayor's approval after the departments agreed.
        let clinic = try as_("handongmei", at(workday(-4), "09:00")).addItem(title: "关于社区卫生服务中心提质的议题", lead: "WJW", related: ["JW"], category: 1,
                                                                           summary: "为 15 个社区卫生服务中心配置家庭医生团队。").id!
        try as_("handongmei", at(workday(-4), "09:10")).submitItem(clinic)
        try as_("xuwenbo", at(workday(-3), "15:00")).giveOpinion(clinic, department: "JW", stance: .agree)
        // A disagreement the vice mayor must coordinate (R41).
        let canteen = try as_("fengguoqing", at(workday(-4), "10:00")).addItem(title: "关于老年餐桌运营补贴的议题", lead: "MZJ", related: ["WJW", "CZJ"],
                                                                             category: 1, summary: "对运营满一年的老年餐桌按服务人次给予补贴。").id!
        try as_("fengguoqing", at(workday(-4), "10:10")).submitItem(canteen)
        try as_("handongmei", at(workday(-2), "11:00")).giveOpinion(canteen, department: "WJW", stance: .disagree, reason: "食品安全责任划分不清，补贴标准缺少依据")
        try as_("hexuemei", at(workday(-2), "15:00")).giveOpinion(canteen, department: "CZJ", stance: .agree)
        // Opinions awaited: the education commission has not answered yet.
        let parks = try as_("gaozhiqiang", at(workday(-1), "09:00")).addItem(title: "关于口袋公园建设三年计划的议题", lead: "FGW", related: ["JW", "CZJ"],
                                                                           category: 1, summary: "三年建成口袋公园 30 个，优先安排在学校和社区周边。").id!
        try as_("gaozhiqiang", at(workday(-1), "09:10")).submitItem(parks)
        // A draft the education commission has not submitted.
        try as_("xuwenbo", at(workday(-1), "17:00")).addItem(title: "关于校园安全管理的议题", lead: "JW", related: ["YJJ"], category: 1,
                                                                       summary: "健全校园安全风险排查和应急处置机制。")
        items += 6
        return (meetings, items, minutes, leave)
    }
}
