import Testing
import MeetingKit
import MeetingStore
@testable import MeetingTUI
import HuiwuTestSupport

@Suite("Org chart screen")
struct OrgChartScreenTests {
    /// The harness on the org-chart screen, opened from the home screen with `7`.
    func openOrgChart(_ office: TestOffice, as login: String = "root", lang: Lang = .zh) throws -> ScreenHarness {
        var harness = ScreenHarness(session: try office.session(login), lang: lang)
        harness.press(.char("7"))
        return harness
    }

    /// Moves the cursor to `login` in the (active) people list.
    func select(_ login: String, in harness: inout ScreenHarness, office: TestOffice) throws {
        let index = try #require(try office.session().people().firstIndex { $0.login == login })
        harness.press([Key](repeating: .down, count: index))
    }

    @Test("7 opens the org chart: people, then departments with Tab")
    func lists() throws {
        let office = try TestOffice()
        var harness = try openOrgChart(office)
        #expect(harness.model.top is OrgChartScreen)
        Snapshot.assert(harness.text, named: "org-chart-people")
        harness.press(.tab)
        Snapshot.assert(harness.text, named: "org-chart-departments")
        harness.press(.escape)
        #expect(harness.model.top is HomeScreen)
    }

    @Test("adding a person through the dialog stores them and selects them")
    func addPerson() throws {
        let office = try TestOffice()
        var harness = try openOrgChart(office)
        harness.press(.char("n"))
        harness.type("wangwu")
        harness.press(.tab)
        harness.type("王五")
        Snapshot.assert(harness.text, named: "org-chart-add-person")
        harness.press(.tab)
        let secretary = try #require(Role.allCases.firstIndex(of: .secretary))
        let role = try #require(Role.allCases.firstIndex(of: .departmentHead))
        harness.press([Key](repeating: .down, count: role - secretary))
        harness.press(.tab, .enter)  // the department picker
        harness.type("JW")
        harness.press(.enter, .function(2))
        let person = try #require(try office.session().orgChart().person("wangwu"))
        #expect(person == Person(login: "wangwu", name: "王五", role: .departmentHead, departmentCode: "JW"))
        #expect(harness.text.contains("已保存 王五（wangwu）"))
        #expect(harness.text.contains("wangwu"))
    }

    @Test("a refused save keeps the dialog open and shows the reason")
    func refusedSave() throws {
        let office = try TestOffice()
        var harness = try openOrgChart(office, lang: .en)
        harness.press(.char("n"))
        harness.type("Bad Login")
        harness.press(.tab)
        harness.type("某人")
        harness.press(.enter)
        #expect(harness.text.contains("the login 'Bad Login' is invalid"))
        #expect(harness.text.contains("Add a person"))
        let count = try office.auditCount()
        harness.press(.escape)
        #expect(!harness.text.contains("Add a person"))
        #expect(try office.auditCount() == count)
    }

    @Test("an edit saved by someone else meanwhile is refused: changed by X at T, reload")
    func staleEdit() throws {
        let office = try TestOffice()
        var harness = try openOrgChart(office, lang: .en)
        try select("lijing", in: &harness, office: office)
        harness.press(.char("e"))
        Snapshot.assert(harness.text, named: "org-chart-edit-person-en")
        try office.session("yangwentao", now: "2026-03-02T09:20").editPerson("lijing", expectedVersion: nil) { $0.name = "李晶" }
        harness.press(.tab)  // role (login is not editable)
        harness.press(.backTab)
        harness.press(.end)
        harness.type("静")
        harness.press(.enter)
        #expect(harness.text.contains("changed by 杨文涛 (yangwentao) at 2026-03-02 09:20"))
        #expect(try office.session().person("lijing").value.name == "李晶")
        // Reopening reads the new version; the edit then goes through.
        harness.press(.escape, .char("e"))
        harness.press(.end)
        harness.type("静")
        harness.press(.enter)
        #expect(try office.session().person("lijing").value.name == "李晶静")
    }

    @Test("retire asks first; the retired person leaves the list unless f shows them")
    func retire() throws {
        let office = try TestOffice()
        var harness = try openOrgChart(office)
        try select("zhangyuhang", in: &harness, office: office)
        harness.press(.char("w"))
        Snapshot.assert(harness.text, named: "org-chart-retire-confirm")
        harness.press(.char("y"))
        #expect(try office.session().person("zhangyuhang").value.isRetired)
        #expect(!harness.text.contains("zhangyuhang"))
        harness.press(.char("f"))
        #expect(harness.text.contains("[已退出]"))
    }

    @Test("departments are edited in place: a new supervising vice mayor (R6)")
    func editDepartment() throws {
        let office = try TestOffice()
        var harness = try openOrgChart(office)
        harness.press(.tab)
        let index = try #require(try office.session().departments().firstIndex { $0.code == "JW" })
        harness.press([Key](repeating: .down, count: index))
        harness.press(.enter)
        for _ in 0..<3 { harness.press(.tab) }
        harness.press(.enter)  // the supervisor, chosen in a picker
        harness.type("lijing")
        harness.press(.enter, .function(2))
        #expect(harness.text.contains("R6: 只有常务副区长和副区长分管部门"))
        harness.press(.enter)
        harness.type("liusiqi")
        harness.press(.enter, .function(2))
        #expect(try office.session().department("JW").value.supervisorLogin == "liusiqi")
    }

    @Test("people who may not administer the org chart can look but not change it")
    func readOnlyForOthers() throws {
        let office = try TestOffice()
        var harness = try openOrgChart(office, as: "lijing")
        let count = try office.auditCount()
        // The keys that change the chart are not offered; pressed anyway, they say why.
        let footer = harness.buffer.line(harness.rows - 1)
        #expect(!footer.contains("n 添加") && !footer.contains("e 修改"))
        for key in [Key.char("n"), .char("e"), .char("w")] {
            harness.press(key)
            #expect(harness.text.contains("只有系统管理员或办公室主任可以维护组织机构"))
            #expect(!(harness.model.top as! OrgChartScreen).isModal)
        }
        #expect(try office.auditCount() == count)
    }
}
