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
        static let small = Size(meetings: 600, items: 6_000, firstYear: 2026, years: 1)
        static let smoke = Size(meetings: 120, items: 600, firstYear: 2026, years: 1)
    }

    struct Counts: Codable {
        var meetings = 0, participants = 0, items = 0, opinions = 0, events = 0, slots = 0
        var leave = 0, attendance = 0, audit = 0
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
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try Store.open(at: path, create: true)
        let clock = Clock.fixed(now)
        _ = try Setup.initialize(store: store, seed: try data.office(), holidays: try data.holidayYears(), osUser: osUser, clock: clock)
        let org = try store.read { try OrgRepository.load($0) }
        let calendar = try store.read { try HolidayRepository.calendar($0) }
        var rng = Random(state: seed)
        var counts = Counts()

        // Working days of the period, to spread meetings over.
        var days: [Day] = []
        var d = Day(year: size.firstYear, month: 1, day: 1)!
        let end = Day(year: size.firstYear + size.years, month: 1, day: 1)!
        while d < end {
            if calendar.isWorkingDay(d) && !d.isWeekend { days.append(d) }
            d = d.adding(days: 1)
        }
        let mayor = org.holder(of: .mayor)!.login
        let evm = org.holder(of: .executiveViceMayor)!.login
        let vms = org.activePeople(role: .viceMayor).map(\.login)
        let departments = org.departments(kind: .constituent) + org.departments(kind: .unit)
        let streets = org.departments(kind: .street)
        let secretary = org.activePeople(role: .secretary).first!.login
        let officeDirector = org.holder(of: .officeDirector)!.login
        let rooms = ["区政府第一会议室", "区政府第二会议室", "区政府第三会议室", "区政府常务会议室"]
        let titles = ["研究部署重点工作", "听取专项工作汇报", "审议实施方案", "研究民生实事项目", "协调推进重大项目", "研究城市更新工作",
                      "审议预算调整方案", "研究营商环境优化措施", "听取安全生产情况汇报", "研究教育资源布局"]
        let itemTitles = ["关于调整中小学课后服务收费标准的议题", "关于社区养老驿站运营补贴的议题", "关于老旧小区综合整治的议题",
                          "关于优化营商环境若干措施的议题", "关于街区更新试点项目的议题", "关于重点区域环境整治的议题",
                          "关于公共文化设施开放的议题", "关于医疗卫生资源配置的议题", "关于财政专项资金管理的议题"]

        var chain = AuditChainWriter(osUser: osUser)
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")  // generation only; the store sets FULL again on open
            try chain.load(db)
            let perMeeting = Double(size.items) / Double(size.meetings)
            var itemCarry = 0.0
            var numbers: [MeetingKind: Int] = [:]
            let batch = 2_000
            var meetingIndex = 0
            while meetingIndex < size.meetings {
                try db.inTransaction {
                    let insertMeeting = try db.makeStatement(sql: """
                        INSERT INTO meeting(kind, term_number, number, title, convener_login, chair_login, start, duration_minutes,
                          room, status, approval, in_government_name, live_broadcast, version)
                        VALUES (?, 17, ?, ?, ?, ?, ?, ?, ?, ?, 'notRequired', 1, ?, 1)
                        """)
                    let insertParticipant = try db.makeStatement(sql: """
                        INSERT INTO participant(meeting_id, person_login, role, position) VALUES (?, ?, ?, ?)
                        """)
                    let insertAttendance = try db.makeStatement(sql: """
                        INSERT INTO attendance(meeting_id, participant_id, person_login, status, late_minutes, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                    let insertLeave = try db.makeStatement(sql: """
                        INSERT INTO leave_request(meeting_id, person_login, reason, status, approver_login, filed_by, filed_at, source,
                          decided_by, decision_recorded_by, decided_at)
                        VALUES (?, ?, '公务外出', ?, ?, ?, ?, 'request', ?, ?, ?)
                        """)
                    let insertItem = try db.makeStatement(sql: """
                        INSERT INTO agenda_item(title, summary, lead_code, major, normative, public_interest, market, category, state,
                          meeting_id, decision, created_by, created_at, step_started_at)
                        VALUES (?, '', ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?)
                        """)
                    let insertRelated = try db.makeStatement(sql: "INSERT INTO agenda_related(item_id, department_code, position) VALUES (?, ?, ?)")
                    let insertOpinion = try db.makeStatement(sql: """
                        INSERT INTO agenda_opinion(item_id, department_code, stance, reason, given_by, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                    let insertEvent = try db.makeStatement(sql: """
                        INSERT INTO agenda_event(item_id, at, kind, actor, from_state, to_state, meeting_id, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                    let insertSlot = try db.makeStatement(sql: "INSERT INTO agenda_slot(meeting_id, item_id, position, planned_minutes) VALUES (?, ?, ?, ?)")

                    for _ in 0..<min(batch, size.meetings - meetingIndex) {
                        // Spread evenly over the working days, in date order, so numbers follow dates.
                        let day = days[min(days.count - 1, meetingIndex * days.count / size.meetings)]
                        let roll = rng.below(1000)
                        let kind: MeetingKind = roll < 2 ? .plenary : (roll < 100 ? .executive : .topical)
                        numbers[kind, default: 0] += 1
                        let hour = [9, 10, 14, 15, 16][rng.below(5)]
                        let start = LocalDateTime(day: day, hour: hour, minute: rng.below(2) * 30)!
                        let held = start < now
                        let vm = rng.pick(vms)
                        let chair = kind == .topical && rng.below(3) > 0 ? vm : mayor
                        let title = kind == .topical ? rng.pick(titles) : ""
                        try insertMeeting.execute(arguments: [kind.rawValue, numbers[kind]!, title, chair, chair, start.iso,
                                                              [60, 90, 120][rng.below(3)], rng.pick(rooms), held ? "held" : "planned",
                                                              kind == .executive])
                        let meetingId = db.lastInsertedRowID
                        counts.meetings += 1
                        try chain.append(db, at: start.adding(minutes: -7 * 1440), actor: secretary, action: "meeting.create",
                                         entity: "meeting", id: String(meetingId), after: "{\"kind\":\"\(kind.rawValue)\"}")

                        // Roster: members, and for executive and plenary meetings some sit-ins.
                        var roster: [(String, String)] = [(chair, "member")]
                        let leaders = kind == .topical ? [vm] : [mayor, evm] + vms
                        for l in leaders where l != chair { roster.append((l, "member")) }
                        let heads = (0..<(kind == .topical ? 3 : 10)).compactMap { _ in rng.pick(departments).headLogin }
                        for h in Set(heads).sorted() { roster.append((h, kind == .topical ? "member" : "sitsIn")) }
                        if kind != .topical { for s in streets.prefix(4) { if let h = s.headLogin { roster.append((h, "sitsIn")) } } }
                        for (position, entry) in roster.enumerated() {
                            try insertParticipant.execute(arguments: [meetingId, entry.0, entry.1, position])
                            let participantId = db.lastInsertedRowID
                            counts.participants += 1
                            let onLeave = entry.0 != mayor && rng.below(25) == 0
                            if onLeave {
                                let approver = org.person(entry.0)?.role.isGovernmentLeader == true ? mayor : officeDirector
                                let filed = start.adding(minutes: -2 * 1440)
                                let status = held ? "approved" : (rng.below(2) == 0 ? "pending" : "approved")
                                let decided = status == "pending" ? nil : filed.adding(minutes: 120).iso
                                try insertLeave.execute(arguments: [meetingId, entry.0, status, approver, secretary, filed.iso,
                                                                    decided == nil ? nil : approver, decided == nil ? nil : approver, decided])
                                counts.leave += 1
                            }
                            if held {
                                let status = onLeave ? "leave" : (rng.below(20) == 0 ? "late" : (rng.below(50) == 0 ? "absent" : "present"))
                                try insertAttendance.execute(arguments: [meetingId, participantId, entry.0, status,
                                                                         status == "late" ? 5 + rng.below(20) : nil, secretary, start.iso])
                                counts.attendance += 1
                            }
                        }

                        // Agenda items, about ten per meeting, each with its path to the meeting.
                        itemCarry += perMeeting
                        let itemCount = Int(itemCarry)
                        itemCarry -= Double(itemCount)
                        for position in 0..<itemCount where counts.items < size.items {
                            let lead = rng.pick(departments)
                            let created = start.adding(minutes: -(10 + rng.below(20)) * 1440)
                            let state = held ? (rng.below(10) == 0 ? "withdrawn" : "decided") : "scheduled"
                            try insertItem.execute(arguments: [rng.pick(itemTitles), lead.code, kind != .topical && rng.below(5) == 0,
                                                               rng.below(3) == 0, kind == .executive ? 1 + rng.below(6) : nil, state,
                                                               meetingId, state == "decided" ? "原则同意，由主办部门抓好落实。" : nil,
                                                               lead.headLogin ?? secretary, created.iso, start.iso])
                            let itemId = db.lastInsertedRowID
                            counts.items += 1
                            let related = Array(Set((0..<(1 + rng.below(2))).map { _ in rng.pick(departments) }.filter { $0.code != lead.code }))
                                .sorted { $0.code < $1.code }
                            for (i, r) in related.enumerated() {
                                try insertRelated.execute(arguments: [itemId, r.code, i])
                                let agree = rng.below(8) != 0
                                try insertOpinion.execute(arguments: [itemId, r.code, agree ? "agree" : "disagree", agree ? nil : "需进一步论证",
                                                                      r.headLogin ?? secretary, r.headLogin ?? secretary, created.adding(minutes: 1440).iso])
                                counts.opinions += 1
                            }
                            let steps: [(String, String?, String, String)] = [
                                ("draft", nil, "draft", lead.headLogin ?? secretary), ("submit", "draft", "consulting", secretary),
                                ("approve", "consensus", "approved", lead.supervisorLogin ?? evm), ("accept", "approved", "accepted", officeDirector),
                                ("schedule", "accepted", "scheduled", secretary),
                            ]
                            for (i, step) in steps.enumerated() {
                                try insertEvent.execute(arguments: [itemId, created.adding(minutes: i * 1440).iso, step.0, step.3, step.1, step.2,
                                                                    step.0 == "schedule" ? meetingId : nil, nil])
                                counts.events += 1
                            }
                            try insertSlot.execute(arguments: [meetingId, itemId, position, 10 + 5 * rng.below(4)])
                            counts.slots += 1
                            try chain.append(db, at: created, actor: lead.headLogin ?? secretary, action: "item.create",
                                             entity: "item", id: String(itemId), after: "{\"lead\":\"\(lead.code)\"}")
                        }
                        meetingIndex += 1
                    }
                    return .commit
                }
            }
            try db.execute(sql: "ANALYZE")
        }
        counts.audit = chain.count
        try store.pool.close()
        return counts
    }
}

/// Appends sealed audit events the way `AuditLog` does, continuing the chain from the
/// events `Setup` wrote, with timestamps from the synthetic history.
struct AuditChainWriter {
    let osUser: String
    private(set) var seq: Int64 = 0
    private var prevHash = AuditEvent.genesisHash
    private(set) var count = 0

    init(osUser: String) { self.osUser = osUser }

    mutating func load(_ db: Database) throws {
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1") {
            seq = row["seq"]
            prevHash = row["hash"]
        }
    }

    mutating func append(_ db: Database, at: LocalDateTime, actor: String, action: String, entity: String, id: String, after: String) throws {
        seq += 1
        let event = AuditEvent(seq: seq, at: at.iso + ":00+08:00", osUser: osUser, actor: actor, onBehalfOf: nil, action: action,
                               entity: entity, entityId: id, before: "", after: after, prevHash: prevHash).sealed()
        try db.execute(sql: """
            INSERT INTO audit_event(seq, at, os_user, actor, on_behalf_of, action, entity, entity_id, before, after, prev_hash, hash)
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, '', ?, ?, ?)
            """, arguments: [event.seq, event.at, event.osUser, event.actor, event.action, event.entity, event.entityId,
                             event.after, event.prevHash, event.hash])
        prevHash = event.hash
        count += 1
    }
}
