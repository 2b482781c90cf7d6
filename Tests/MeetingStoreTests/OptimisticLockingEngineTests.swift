import Foundation
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// "Changed by X at T, reload" through the database port, on SQLite and PostgreSQL.
@Suite("optimistic locking on both engines")
struct OptimisticLockingEngineTests {
    @Test("a stale version is refused naming the last change, not a refusal nor a read", arguments: ScratchDatabase.engines)
    func staleNamesTheChanger(engine: StoreEngine) throws {
        try ScratchDatabase.migrated(engine) { db in
            let key = AuditKey(path: "/dev/null", bytes: Data(repeating: 1, count: 32))
            try db.exec("INSERT INTO person (login, name, role, is_admin, is_retired) VALUES (?, ?, ?, ?, ?)",
                        "lijing", "李静", "secretary", true, false)
            for (at, actor, action) in [("2026-03-02T10:15:00", "lijing", "meeting.move"),
                                        ("2026-03-02T11:00:00", "wanglei", AuditLog.refusedPrefix + "meeting.approve"),
                                        ("2026-03-02T11:30:00", "wanglei", "meeting.read")] {
                try AuditLog.append(db, mac: key.mac, at: at, osUser: actor, actor: actor, onBehalfOf: nil, action: action,
                                    entity: "meeting", entityId: "12", before: "", after: "")
            }
            try RecordVersion.require(db, expected: 4, current: 4, entity: "meeting", id: "12")
            try RecordVersion.require(db, expected: nil, current: 4, entity: "meeting", id: "12")
            let refusal = try #require(throws: Refusal.self) {
                try RecordVersion.require(db, expected: 3, current: 4, entity: "meeting", id: "12")
            }
            #expect(refusal.code == RecordVersion.staleCode && refusal.kind == .conflict)
            #expect(refusal.message.en == "meeting #12 was changed by 李静 (lijing) at 2026-03-02 10:15 (you read version 3, it is now 4); reload and try again")
            #expect(refusal.message.zh.contains("李静（lijing） 于 2026-03-02 10:15"))
        }
    }

    @Test("settings are one upsert on both engines", arguments: ScratchDatabase.engines)
    func settings(engine: StoreEngine) throws {
        try ScratchDatabase.migrated(engine) { db in
            try OrgRepository.setSetting(db, "office.shortName", "东城区政府会务")
            try OrgRepository.setSetting(db, "office.shortName", "西城区政府会务")
            #expect(try OrgRepository.setting(db, "office.shortName") == "西城区政府会务")
            #expect(try OrgRepository.setting(db, "missing") == nil)
        }
    }
}
