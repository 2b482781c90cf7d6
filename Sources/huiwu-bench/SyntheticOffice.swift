import Foundation
import GRDB
import MeetingKit
import MeetingStore

/// A deterministic office history for benchmarks: the demo org chart, then years of
/// meetings with rosters, agenda items with opinions and timelines, leave, attendance and
/// audit events, all derived from one seed.
///
/// Rows are inserted with prepared statements in large transactions; the audit chain is
/// computed as the real one is, so `huiwu audit verify` holds on the result.
struct SyntheticOffice {
    struct Size: Encodable {
        var meetings: Int
        var items: Int
        var firstYear: Int
        var years: Int

        static let big = Size(meetings: 50_000, items: 500_000, firstYear: 2017, years: 10)
        /// Four times the default: the city's sixteen districts over ten years (issue 20).
        static let city = Size(meetings: 200_000, items: 2_000_000, firstYear: 2017, years: 10)
        static let small = Size(meetings: 600, items: 6_000, firstYear: 2026, years: 1)
        static let smoke = Size(meetings: 120, items: 600, firstYear: 2026, years: 1)
    }

    struct Counts: Codable {
        var meetings = 0, participants = 0, items = 0, opinions = 0, events = 0, slots = 0
        var leave = 0, attendance = 0, audit = 0
        var minutes = 0, signed = 0, followUps = 0
    }

    let size: Size
    let seed: UInt64
    let osUser: String
    /// The moment the history is "now": earlier meetings are held, later ones planned.
    let now: LocalDateTime

    /// SplitMix64: small, fast and the same everywhere.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    func generate(at path: String, data: DataDirectory) throws -> Counts {
        // The audit key and head files belong to the office they replace.
        for suffix in ["", "-wal", "-shm", ".auditkey", ".audit-head"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try Store.open(at: path, create: true)
        let clock = Clock.fixed(now)
        _ = try Setup.initialize(store: store, seed: try data.office(), holidays: try data.holidayYears(), osUser: osUser, clock: clock)
        let org = try store.read { try OrgRepository.load($0) }
        let calendar = try store.read { try HolidayRepository.calendar($0) }
        var selector = Random(state: seed ^ 0x5EED)

        // Working days of the period, to spread meetings over.
        var days: [Day] = []
        var d = Day(year: size.firstYear, month: 1, day: 1)!
        let end = Day(year: size.firstYear + size.years, month: 1, day: 1)!
        while d < end {
            if calendar.isWorkingDay(d) { days.append(d) }
            d = d.adding(days: 1)
        }

        var counts = Counts()
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")  // generation only; the store sets FULL again on open
            // The store's 1 MiB page cache is for a user's process; the generator's inserts touch
            // every index and the search index's trigger-kept segments, and with that cache the
            // 4× set rewrote its pages some fifty times over (23 GB written for 400 MB of file).
            try db.execute(sql: "PRAGMA cache_size = -1048576")  // 1 GiB, this connection only
            // The store was created just above: opening a new office always makes its key.
            var chain = AuditChainWriter(osUser: osUser, mac: store.auditKey!.mac)
            try chain.load(db)
            let writer = try SyntheticWriter(db: db, org: org, calendar: calendar, now: now, seed: seed, chain: chain)
            writer.itemLimit = size.items
            let perMeeting = Double(size.items) / Double(size.meetings)
            var itemCarry = 0.0
            var numbers: [MeetingKind: Int] = [:]
            let batch = 2_000
            var meetingIndex = 0
            while meetingIndex < size.meetings {
                try db.inTransaction {
                    for _ in 0..<min(batch, size.meetings - meetingIndex) {
                        // Spread evenly over the working days, in date order, so numbers follow dates.
                        let day = days[min(days.count - 1, meetingIndex * days.count / size.meetings)]
                        let roll = selector.below(1000)
                        let kind: MeetingKind = roll < 2 ? .plenary : (roll < 100 ? .executive : .topical)
                        numbers[kind, default: 0] += 1
                        itemCarry += perMeeting
                        let itemCount = Int(itemCarry)
                        itemCarry -= Double(itemCount)
                        try writer.writeMeeting(day: day, kind: kind, number: numbers[kind]!, itemCount: itemCount)
                        meetingIndex += 1
                    }
                    return .commit
                }
            }
            // The search index was kept by the schema's triggers row by row: merge its segments once.
            try db.execute(sql: "INSERT INTO search_index(search_index) VALUES('optimize')")
            try db.execute(sql: "ANALYZE")
            counts = writer.counts
            counts.audit = writer.chain.count
        }
        try store.writer.close()
        return counts
    }
}

// The Chinese texts live in this file: the bilingual-text check knows it as generated demo data.
/// The phrases the synthetic office writes: meeting and item titles, opinions, decisions,
/// withdrawals, minutes attributes and follow-up notes, as an office would word them.
enum SyntheticTexts {
    static let rooms = ["区政府第一会议室", "区政府第二会议室", "区政府第三会议室", "区政府常务会议室"]
    static let meetingTitles = ["研究部署重点工作", "听取专项工作汇报", "审议实施方案", "研究民生实事项目", "协调推进重大项目", "研究城市更新工作",
                                "审议预算调整方案", "研究营商环境优化措施", "听取安全生产情况汇报", "研究教育资源布局", "研究养老服务体系建设"]
    static let itemTitles = ["关于调整中小学课后服务收费标准的议题", "关于社区养老驿站运营补贴的议题", "关于老旧小区综合整治的议题",
                             "关于优化营商环境若干措施的议题", "关于街区更新试点项目的议题", "关于重点区域环境整治的议题",
                             "关于公共文化设施开放的议题", "关于医疗卫生资源配置的议题", "关于财政专项资金管理的议题",
                             "关于居家养老服务补贴标准的议题", "关于背街小巷环境精细化治理的议题", "关于政务服务“一网通办”改革的议题"]
    static let decisions = ["原则同意，由主办部门抓好落实。", "原则同意，请主办部门会同相关部门修改完善后按程序报批。",
                            "同意。请区财政局做好资金保障，主办部门于月底前报送实施进展。", "原则同意，请主办部门充分吸纳各方意见，细化实施方案。",
                            "同意实施方案，请相关部门按职责分工抓好推进，涉及养老服务的事项优先保障。"]
    static let disagreements = ["需进一步论证资金来源", "与现行规划存在冲突，建议调整选址", "实施主体职责划分不清", "建议补充社会稳定风险评估结论",
                                "养老服务补贴标准测算依据不足"]
    static let coordinationNotes = ["经协调，相关部门意见已统一", "已组织专题协调会，仍有分歧", "请主办部门补充说明后再议"]
    /// The lead department's proposal that goes with its statement (R45(3)).
    static let statementProposal = "建议会议在充分听取各方意见后研究决定，主办部门按会议决定抓好落实。"
    static let statements = ["主办部门与相关部门对资金分担比例仍有分歧，现如实说明，提请会议决定。",
                             "关于实施主体的意见未能统一，主办部门如实说明各方理由，提请会议研究。"]
    static let withdrawals = ["情况发生变化，暂不提请审议", "需进一步征求意见，主办部门撤回", "已并入其他议题统筹研究"]
    static let deferrals = ["会议时间不足，下次会议再议", "待补充材料后再议"]
    static let leaveReasons = ["公务外出", "参加市里会议", "出差", "病假"]
    static let absenceReason = "离京公务（已登记外出）"
    static let notPublicReason = "涉及内部管理事项，依法不予公开"
    static let returnReasons = ["请补充会议议定事项的责任单位", "文字表述需进一步规范"]
    /// The issuer when the office has not set `office.name` (as `MinutesAudit.document` does).
    static let defaultIssuer = "区人民政府"
    static let doneNotes = ["已按会议决定办结，相关材料已归档。", "已完成并向区政府办公室报送落实情况。", "已印发实施方案并组织实施。"]
}
