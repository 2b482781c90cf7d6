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
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
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
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")  // generation only; the store sets FULL again on open
            var chain = AuditChainWriter(osUser: osUser)
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
        try store.pool.close()
        return counts
    }
}
