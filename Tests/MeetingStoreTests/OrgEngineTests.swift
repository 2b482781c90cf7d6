import Foundation
import HuiwuTestSupport
@testable import MeetingKit
@testable import MeetingStore
import Testing

/// The org chart, terms, rooms, holidays and records made on a leader's behalf through the
/// database port: the same statements on SQLite and PostgreSQL (issue 21).
@Suite("org chart and settings on both engines")
struct OrgEngineTests {
    private let mayor = Person(login: "zhoulixin", name: "周立新", role: .mayor, departmentCode: nil, isAdmin: false)
    private let secretary = Person(login: "lijing", name: "李静", role: .secretary, departmentCode: "ZFB", isAdmin: true)
    private let fgw = Department(code: "FGW", name: "区发展改革委", kind: .constituent, headLogin: nil, supervisorLogin: "zhoulixin")
    private let office = Department(code: "ZFB", name: "区政府办", kind: .constituent, headLogin: "lijing")

    /// People and departments refer to each other (deferred foreign keys): inserted in one
    /// transaction, as the use cases do.
    private func insertChart(_ db: any SQLConnection, people: [Person], departments: [Department]) throws {
        try db.exec("BEGIN")
        for person in people { try OrgRepository.insert(db, person) }
        for department in departments { try OrgRepository.insert(db, department) }
        try db.exec("COMMIT")
    }

    @Test("people and departments round-trip: enums, flags, optional logins", arguments: ScratchDatabase.engines)
    func roundTrip(engine: StoreEngine) throws {
        try ScratchDatabase.migrated(engine) { db in
            try insertChart(db, people: [mayor, secretary], departments: [fgw, office])
            let chart = try OrgRepository.load(db)
            #expect(chart.person("zhoulixin") == mayor)
            #expect(chart.person("lijing") == secretary)
            #expect(chart.department("FGW") == fgw)
            #expect(chart.department("ZFB") == office)
            #expect(chart.portfolio(of: "zhoulixin").map(\.code) == ["FGW"])
        }
    }

    @Test("an edit stores every field and moves the version; a missing record is refused by name", arguments: ScratchDatabase.engines)
    func versions(engine: StoreEngine) throws {
        try ScratchDatabase.migrated(engine) { db in
            try insertChart(db, people: [mayor, secretary], departments: [office])
            #expect(try OrgRepository.person(db, login: "lijing").version == 1)
            let dangling = Person(login: "wanglei", name: "王磊", role: .secretary, departmentCode: "NONE")
            #expect(throws: (any Error).self, "a person of no department is refused at commit") {
                try insertChart(db, people: [dangling], departments: [])
            }
            // SQLite keeps the transaction open after a refused COMMIT, PostgreSQL has ended it (a ROLLBACK only warns).
            try db.exec("ROLLBACK")
            #expect(try OrgRepository.load(db).person("wanglei") == nil)

            var edited = secretary
            edited.name = "李静（秘书）"
            edited.isAdmin = false
            edited.departmentCode = nil
            try OrgRepository.update(db, edited)
            try OrgRepository.bumpPersonVersion(db, login: "lijing")
            let stored = try OrgRepository.person(db, login: "lijing")
            #expect(stored.value == edited && stored.version == 2)

            var department = office
            department.headLogin = nil
            department.entrustedDeputyLogin = "lijing"
            department.kind = .unit
            try OrgRepository.update(db, department)
            try OrgRepository.bumpDepartmentVersion(db, code: "ZFB")
            let dept = try OrgRepository.department(db, code: "ZFB")
            #expect(dept.value == department && dept.version == 2)

            let unknown = try #require(throws: Refusal.self) { try OrgRepository.person(db, login: "nobody") }
            #expect(unknown.code == "identity.unknownPerson")
            let noDepartment = try #require(throws: Refusal.self) { try OrgRepository.department(db, code: "XXX") }
            #expect(noDepartment.code == "department.unknown")
            #expect(throws: SQLPortError.self) { try OrgRepository.update(db, Person(login: "ghost", name: "无", role: .secretary)) }
        }
    }

    @Test("terms newest last, the current term, rooms and office names", arguments: ScratchDatabase.engines)
    func termsRoomsSettings(engine: StoreEngine) throws {
        try ScratchDatabase.migrated(engine) { db in
            #expect(try OrgRepository.currentTerm(db) == nil)
            let seventeenth = Term(number: 17, name: "第十七届区人民政府", startDay: Day(iso: "2021-12-01")!)
            let eighteenth = Term(number: 18, name: "第十八届区人民政府", startDay: Day(iso: "2026-12-01")!)
            try OrgRepository.insert(db, eighteenth)
            try OrgRepository.insert(db, seventeenth)
            #expect(try OrgRepository.terms(db) == [seventeenth, eighteenth])
            #expect(try OrgRepository.currentTerm(db) == eighteenth)

            for room in ["第二会议室", "第一会议室", "常务会议室"] { try OrgRepository.addRoom(db, room) }
            // Both engines sort text by code point (PostgreSQL's database is C.UTF-8).
            #expect(try OrgRepository.rooms(db) == ["第一会议室", "第二会议室", "常务会议室"].sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
            #expect(try OrgRepository.officeName(db) == Localized(zh: "区政府会务", en: "District Government Meetings"))
            try OrgRepository.setSetting(db, "office.shortName", "西城区政府会务")
            try OrgRepository.setSetting(db, "office.shortNameEn", "Xicheng Government Meetings")
            #expect(try OrgRepository.officeName(db) == Localized(zh: "西城区政府会务", en: "Xicheng Government Meetings"))
        }
    }

    @Test("a year of holidays is stored whole and replaced whole", arguments: ScratchDatabase.engines)
    func holidays(engine: StoreEngine) throws {
        try ScratchDatabase.migrated(engine) { db in
            let stored = HolidayYear(year: 2026, source: "国办发明电〔2025〕7号", holidays: [
                .init(name: "元旦", nameEn: "New Year's Day", from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-01-03")!),
                .init(name: "春节", nameEn: "Spring Festival", from: Day(iso: "2026-02-15")!, to: Day(iso: "2026-02-23")!),
            ], workdays: [.init(day: Day(iso: "2026-01-04")!, name: "元旦调休", nameEn: "New Year's make-up day")])
            try HolidayRepository.save(db, stored)
            #expect(try HolidayRepository.calendar(db).years[2026] == stored)
            var shorter = stored
            shorter.holidays = Array(stored.holidays.prefix(1))
            try HolidayRepository.save(db, shorter)
            #expect(try HolidayRepository.calendar(db).years[2026] == shorter)
            #expect(try HolidayRepository.calendar(db).years.count == 1)
        }
    }

    @Test("records made on a leader's behalf: pending for the leader, disputes for the office, answers stored", arguments: ScratchDatabase.engines)
    func onBehalf(engine: StoreEngine) throws {
        try ScratchDatabase.migrated(engine) { db in
            let key = AuditKey(path: "/dev/null", bytes: Data(repeating: 3, count: 32))
            for id in ["1", "2", "3"] {
                let event = try AuditLog.append(db, mac: key.mac, at: "2026-03-02T09:00:00", osUser: "lijing", actor: "lijing",
                                                onBehalfOf: "zhoulixin", action: "leave.approve", entity: "leave", entityId: id,
                                                before: "", after: "")
                try OnBehalfRepository.insert(db, OnBehalfRecord(seq: event.seq, leaderLogin: id == "3" ? "wanglei" : "zhoulixin",
                                                                 recorderLogin: "lijing", action: "leave.approve", entity: "leave",
                                                                 entityId: id, at: "2026-03-02T09:00:00"))
            }
            #expect(try OnBehalfRepository.pending(db, leader: "zhoulixin").map(\.entityId) == ["1", "2"])
            var record = try #require(try OnBehalfRepository.record(db, seq: 1))
            record.status = .disputed
            record.note = "我没有批准"
            record.answeredAt = "2026-03-02T10:00:00"
            try OnBehalfRepository.saveAnswer(db, record)
            #expect(try OnBehalfRepository.record(db, seq: 1) == record)
            #expect(try OnBehalfRepository.disputed(db).map(\.seq) == [1])
            #expect(try OnBehalfRepository.pending(db, leader: "zhoulixin").map(\.entityId) == ["2"])
            #expect(try OnBehalfRepository.records(db, status: nil, leader: nil).map(\.seq) == [3, 2, 1])
            #expect(try OnBehalfRepository.records(db, status: .pending, leader: "zhoulixin").map(\.seq) == [2])
            #expect(try OnBehalfRepository.record(db, seq: 99) == nil)
        }
    }
}
