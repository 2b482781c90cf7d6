import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("huiwu init: the demo office")
struct SetupTests {
    /// The 15 streets of Xicheng (RULEBOOK.md), as their offices are named.
    static let streets = ["西长安街", "新街口", "月坛", "展览路", "德胜", "金融街", "什刹海", "大栅栏", "天桥", "椿树",
                          "陶然亭", "广安门内", "牛街", "白纸坊", "广安门外"].map { $0 + "街道" }

    @Test("at least five vice mayors, each supervising a portfolio of departments (R6)", arguments: ScratchDatabase.engines)
    func viceMayorsHavePortfolios(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let org = try office.session().orgChart()
        let viceMayors = org.activePeople(role: .viceMayor)
        #expect(viceMayors.count >= 5)
        for vm in viceMayors {
            #expect(!org.portfolio(of: vm.login).isEmpty, "\(vm.login) supervises nothing")
        }
        let evm = try #require(org.holder(of: .executiveViceMayor))
        #expect(!org.portfolio(of: evm.login).isEmpty)
        #expect(org.holder(of: .mayor) != nil)
        #expect(org.holder(of: .officeDirector) != nil)
        #expect(org.activePeople(role: .secretary).count == 2)
    }

    @Test("the 15 Xicheng streets, with exactly the rulebook's names, each with a director", arguments: ScratchDatabase.engines)
    func fifteenStreets(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let org = try office.session().orgChart()
        let streets = org.departments(kind: .street)
        #expect(streets.count == 15)
        #expect(Set(streets.map(\.name)) == Set(SetupTests.streets))
        for street in streets {
            let director = try #require(org.head(of: street.code), "\(street.name) has no director")
            #expect(director.role == .streetDirector)
        }
    }

    @Test("about 25 constituent departments and units, including the ones the rules name, each with a head", arguments: ScratchDatabase.engines)
    func constituentDepartments(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let org = try office.session().orgChart()
        let departments = org.departments(kind: .constituent) + org.departments(kind: .unit)
        #expect((20...32).contains(departments.count))
        let names = Set(departments.map(\.name))
        for required in ["区政府办公室", "区司法局", "区审计局", "区发展改革委", "区财政局", "区教委", "区卫生健康委",
                         "区民政局", "区城市管理委", "区市场监管局"] {
            #expect(names.contains(required), "missing \(required)")
        }
        for d in departments {
            #expect(org.head(of: d.code) != nil, "\(d.name) has no head")
            #expect(org.supervisor(ofDepartment: d.code) != nil, "\(d.name) has no supervising leader")
        }
        // Every person can sign in: an OS-style login.
        for person in org.people.values { #expect(Person.isValidLogin(person.login)) }
    }

    @Test("the OS user who ran init becomes an administrator", arguments: ScratchDatabase.engines)
    func initializerIsAdmin(engine: StoreEngine) throws {
        let office = try TestOffice(engine, admin: "opsadmin")
        let org = try office.store.snapshot { try OrgRepository.load($0) }
        let admin = try #require(org.person("opsadmin"))
        #expect(admin.isAdmin)
        #expect(admin.role == .admin)
        // A seeded person who runs init keeps their role and becomes an administrator too.
        let secretaryOffice = try TestOffice(engine, admin: "lijing")
        let lijing = try #require(try secretaryOffice.store.snapshot { try OrgRepository.load($0) }.person("lijing"))
        #expect(lijing.isAdmin && lijing.role == .secretary)
    }

    @Test("running init again changes nothing and says so", arguments: ScratchDatabase.engines)
    func initTwice(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let before = try office.auditCount()
        let people = try office.session().people(includeRetired: true).count
        let data = TestOffice.dataDirectory
        let report = try Setup.initialize(store: office.store, seed: try data.office(), holidays: try data.holidayYears(),
                                          osUser: "root", clock: office.clock)
        #expect(report.alreadyInitialized)
        #expect(try office.auditCount() == before)
        #expect(try office.session().people(includeRetired: true).count == people)
        #expect(try Setup.isInitialized(office.store))
    }

    @Test("--empty creates an office with holiday data and the administrator only", arguments: ScratchDatabase.engines)
    func emptyOffice(engine: StoreEngine) throws {
        let office = try TestOffice(engine, seeded: false)
        let session = try office.session()
        #expect(try session.people().map(\.login) == ["root"])
        #expect(try session.departments().isEmpty)
        let years = try office.store.snapshot { try HolidayRepository.calendar($0) }.years.keys.sorted()
        #expect(years.contains(2026))
        #expect(try session.verifyAudit().firstBreak == nil)
    }

    @Test("seeding is audited: one event per record, and the chain verifies", arguments: ScratchDatabase.engines)
    func seedingIsAudited(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let org = try office.session().orgChart()
        let events = try office.session().auditEvents(limit: 10_000)
        #expect(events.filter { $0.action == "person.create" }.count == org.people.count)
        #expect(events.filter { $0.action == "department.create" }.count == org.departments.count)
        #expect(try office.session().verifyAudit().firstBreak == nil)
    }
}
