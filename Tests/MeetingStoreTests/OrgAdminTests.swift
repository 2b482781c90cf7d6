import Foundation
import Testing
import MeetingKit
@testable import MeetingStore
import HuiwuTestSupport

/// On SQLite and on PostgreSQL (issue 21): the org chart's use cases run on the database port.
@Suite("Org chart administration")
struct OrgAdminTests {
    @Test("the office director edits a person; the change is audited with before and after", arguments: ScratchDatabase.engines)
    func editAudited(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let director = try office.session("yangwentao")
        let count = try office.auditCount()
        let saved = try director.editPerson("xuwenbo", expectedVersion: 1) { $0.name = "许文波" }
        #expect(saved.version == 2)
        #expect(try director.person("xuwenbo").value.name == "许文波")
        #expect(try office.auditCount() == count + 1)
        let event = try #require(try director.auditEvents(limit: 1).first)
        #expect(event.action == "person.update")
        #expect(event.actor == "yangwentao")
        #expect(event.before.contains("许文博") && event.after.contains("许文波"))
    }

    @Test("people without the office director's or an administrator's rights are refused, nothing written", arguments: ScratchDatabase.engines)
    func othersRefused(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let count = try office.auditCount()
        for login in ["lijing", "zhoulixin", "xuwenbo", "wangxiaoyan"] {
            let session = try office.session(login)
            #expect(throws: Refusal.self) { try session.editPerson("xuwenbo", expectedVersion: nil) { $0.name = "X" } }
            let refusal = try #require(try? refusalOf { try session.retirePerson("fengguoqing", expectedVersion: nil) })
            #expect(refusal.code == "org.notAdministrator")
            #expect(try refusalCode { try session.addDepartment(Department(code: "NEW", name: "新部门", kind: .unit)) } == "org.notAdministrator")
            #expect(try refusalCode { try session.setPortfolio(of: "wangxiaoyan", to: ["JW"]) } == "org.notAdministrator")
        }
        #expect(try office.auditCount() == count)
        #expect(try office.session().person("xuwenbo").value.name == "许文博")
    }

    @Test("an edit based on a stale version is refused naming who changed it and when", arguments: ScratchDatabase.engines)
    func staleVersion(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let director = try office.session("yangwentao", now: "2026-03-02T10:15")
        let admin = try office.session("root")
        let read = try admin.person("handongmei")
        try director.editPerson("handongmei", expectedVersion: read.version) { $0.name = "韩冬梅（新）" }
        let count = try office.auditCount()
        let refusal = try #require(try? refusalOf { try admin.editPerson("handongmei", expectedVersion: read.version) { $0.name = "韩东梅" } })
        #expect(refusal.code == RecordVersion.staleCode)
        #expect(refusal.exitCode == 5)
        #expect(refusal.message.en.contains("changed by 杨文涛 (yangwentao) at 2026-03-02 10:15"))
        #expect(refusal.message.en.contains("reload"))
        #expect(refusal.message.zh.contains("已被 杨文涛（yangwentao） 于 2026-03-02 10:15 修改"))
        #expect(try office.auditCount() == count)
        // With the fresh version the edit goes through.
        try admin.editPerson("handongmei", expectedVersion: read.version + 1) { $0.name = "韩东梅" }
    }

    @Test("departments keep versions too; a stale department edit is refused", arguments: ScratchDatabase.engines)
    func staleDepartment(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        let read = try admin.department("JW")
        #expect(read.version == 1)
        try admin.editDepartment("JW", expectedVersion: 1) { $0.name = "区教育委员会" }
        #expect(try refusalCode { try admin.editDepartment("JW", expectedVersion: 1) { $0.name = "区教委" } } == RecordVersion.staleCode)
        #expect(try admin.department("JW").version == 2)
    }

    @Test("a retired person keeps their history and can no longer log in or be acted as", arguments: ScratchDatabase.engines)
    func retire(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        // tanghongxia heads SCJ: first name a new head, then retire her.
        try admin.addPerson(Person(login: "songli", name: "宋丽", role: .departmentHead, departmentCode: "SCJ"))
        try admin.editDepartment("SCJ", expectedVersion: nil) { $0.headLogin = "songli" }
        let retired = try admin.retirePerson("tanghongxia", expectedVersion: 1)
        #expect(retired.value.isRetired)
        #expect(try admin.people(includeRetired: true).contains { $0.login == "tanghongxia" })
        #expect(try !admin.people().contains { $0.login == "tanghongxia" })
        #expect(try admin.auditEvents(limit: 10, entity: "person", entityId: "tanghongxia").map(\.action) == ["person.retire", "person.create"])
        let own = try #require(try? refusalOf { _ = try Session.open(store: office.store, osUser: "tanghongxia", clock: office.clock) })
        #expect(own.code == "identity.retired")
        #expect(try refusalCode { _ = try office.session("tanghongxia") } == "identity.retired")
        #expect(try refusalCode { try admin.retirePerson("tanghongxia", expectedVersion: nil) } == "person.alreadyRetired")
    }

    @Test("a session opened before retirement cannot change the org chart afterwards", arguments: ScratchDatabase.engines)
    func retiredWhileOpen(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        try admin.addPerson(Person(login: "helper", name: "助理", role: .secretary, departmentCode: "ZFB", isAdmin: true))
        let helper = try Session.open(store: office.store, osUser: "helper", clock: office.clock)
        try admin.retirePerson("helper", expectedVersion: nil)
        #expect(try refusalCode { try helper.editPerson("lijing", expectedVersion: nil) { $0.name = "李静静" } } == "identity.retired")
    }

    @Test("someone who still heads a department or holds a portfolio cannot be retired", arguments: ScratchDatabase.engines)
    func retireBlocked(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        let count = try office.auditCount()
        let head = try #require(try? refusalOf { try admin.retirePerson("xuwenbo", expectedVersion: nil) })
        #expect(head.code == "person.stillHead")
        #expect(head.message.en.contains("JW"))
        let vm = try #require(try? refusalOf { try admin.retirePerson("wangxiaoyan", expectedVersion: nil) })
        #expect(vm.code == "person.stillSupervises")
        #expect(vm.message.en.contains("JW, MZJ, WJW"))
        #expect(try refusalCode { try admin.retirePerson("root", expectedVersion: nil) } == "org.retireSelf")
        #expect(try office.auditCount() == count)
    }

    @Test("only (executive) vice mayors hold portfolios (R6)", arguments: ScratchDatabase.engines)
    func portfolioOnlyViceMayors(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        let refusal = try #require(try? refusalOf { try admin.setPortfolio(of: "lijing", to: ["JW"]) })
        #expect(refusal.article == "R6")
        let edit = try #require(try? refusalOf { try admin.editDepartment("JW", expectedVersion: nil) { $0.supervisorLogin = "xuwenbo" } })
        #expect(edit.article == "R6")
        #expect(try refusalCode { try admin.setPortfolio(of: "wangxiaoyan", to: ["JW", "NOPE", "ALSO"]) } == "department.unknown")
    }

    @Test("portfolio set moves departments between vice mayors and audits each department", arguments: ScratchDatabase.engines)
    func portfolioSet(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        let count = try office.auditCount()
        let result = try admin.setPortfolio(of: "wangxiaoyan", to: ["JW", "WJW", "FGW", "JW"])
        #expect(result.portfolio == ["FGW", "JW", "WJW"])
        #expect(result.added == ["FGW"])
        #expect(result.takenFrom == ["FGW": "chenhaifeng"])
        #expect(result.removed == ["MZJ"])
        let org = try admin.orgChart()
        #expect(org.portfolio(of: "wangxiaoyan").map(\.code) == ["FGW", "JW", "WJW"])
        #expect(!org.portfolio(of: "chenhaifeng").map(\.code).contains("FGW"))
        #expect(org.department("MZJ")?.supervisorLogin == nil)
        // FGW and MZJ changed, plus the portfolio event itself.
        #expect(try office.auditCount() == count + 3)
        #expect(try admin.department("FGW").version == 2)
        // Setting the same portfolio again changes nothing.
        _ = try admin.setPortfolio(of: "wangxiaoyan", to: ["FGW", "JW", "WJW"])
        #expect(try office.auditCount() == count + 3)
    }

    @Test("the chart stays consistent: one mayor, known departments, external bodies unlinked", arguments: ScratchDatabase.engines)
    func consistency(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        let count = try office.auditCount()
        #expect(try refusalCode { try admin.addPerson(Person(login: "mayor2", name: "二区长", role: .mayor)) } == "org.roleTaken")
        #expect(try refusalCode { try admin.editPerson("lijing", expectedVersion: nil) { $0.role = .officeDirector } } == "org.roleTaken")
        #expect(try refusalCode { try admin.editPerson("lijing", expectedVersion: nil) { $0.departmentCode = "XYZ" } } == "department.unknown")
        #expect(try refusalCode { try admin.editDepartment("RD", expectedVersion: nil) { $0.supervisorLogin = "wangxiaoyan" } } == "department.externalLinked")
        #expect(try refusalCode { try admin.editDepartment("JW", expectedVersion: nil) { $0.headLogin = "nobody" } } == "department.unknownHead")
        #expect(try refusalCode { try admin.addDepartment(Department(code: "bad code", name: "x", kind: .unit)) } == "department.badCode")
        #expect(try refusalCode { try admin.addDepartment(Department(code: "JW", name: "x", kind: .unit)) } == "department.exists")
        #expect(try refusalCode { try admin.editPerson("lijing", expectedVersion: nil) { $0.name = "李\u{1B}[31m静" } } == "input.controlCharacters")
        #expect(try office.auditCount() == count)
    }

    @Test("a new street office and its director are added in order", arguments: ScratchDatabase.engines)
    func addStreet(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session("yangwentao")
        try admin.addDepartment(Department(code: "JD16", name: "新街道", kind: .street, supervisorLogin: "zhaojianguo"))
        try admin.addPerson(Person(login: "newdir", name: "新主任", role: .streetDirector, departmentCode: "JD16"))
        let saved = try admin.editDepartment("JD16", expectedVersion: 1) { $0.headLogin = "newdir" }
        #expect(saved.version == 2)
        #expect(try admin.orgChart().head(of: "JD16")?.login == "newdir")
    }

    @Test("only administrators grant administrator rights, and the last one cannot lose them", arguments: ScratchDatabase.engines)
    func adminRights(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let director = try office.session("yangwentao")
        #expect(try refusalCode { try director.editPerson("lijing", expectedVersion: nil) { $0.isAdmin = true } } == "org.grantNotAdministrator")
        #expect(try refusalCode { try director.addPerson(Person(login: "boss", name: "老板", role: .secretary, isAdmin: true)) } == "org.grantNotAdministrator")
        let admin = try office.session()
        #expect(try refusalCode { try admin.editPerson("root", expectedVersion: nil) { $0.isAdmin = false } } == "org.lastAdministrator")
        try admin.editPerson("lijing", expectedVersion: nil) { $0.isAdmin = true }
        try admin.editPerson("root", expectedVersion: nil) { $0.isAdmin = false }
        #expect(try !Session.open(store: office.store, osUser: "lijing", clock: office.clock).person("root").value.isAdmin)
    }

    @Test("an edit that changes nothing writes nothing", arguments: ScratchDatabase.engines)
    func noOp(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        let count = try office.auditCount()
        let same = try admin.editPerson("lijing", expectedVersion: 1) { $0.name = "李静" }
        #expect(same.version == 1)
        #expect(try office.auditCount() == count)
    }
}

/// The refusal `body` throws (fails the test when it throws something else or nothing).
private func refusalOf(_ body: () throws -> Void) throws -> Refusal {
    do {
        try body()
    } catch let refusal as Refusal {
        return refusal
    }
    throw ExpectedRefusal()
}

private func refusalCode(_ body: () throws -> Void) throws -> String {
    try refusalOf(body).code
}

private func refusalCode<T>(_ body: () throws -> T) throws -> String {
    try refusalOf { _ = try body() }.code
}

private struct ExpectedRefusal: Error {}
