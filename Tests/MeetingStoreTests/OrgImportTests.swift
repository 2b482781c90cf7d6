import Foundation
import Testing
import MeetingKit
@testable import MeetingStore
import HuiwuTestSupport
import MeetingFormats

@Suite("Org chart import and export")
struct OrgImportTests {
    let header = OrgCSV.columns.joined(separator: ",")

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("importing the exported chart into an empty office reproduces it exactly", arguments: ScratchDatabase.engines, OrgFileFormat.allCases)
    func roundTrip(engine: StoreEngine, format: OrgFileFormat) throws {
        let source = try TestOffice(engine)
        let admin = try source.session()
        // Make the chart less regular than the seed: an edit, a new street, a retirement.
        try admin.editPerson("lijing", expectedVersion: nil) { $0.name = "李静, \"小李\"" }
        try admin.addDepartment(Department(code: "JD16", name: "新街道", kind: .street, supervisorLogin: "zhaojianguo"))
        try admin.addPerson(Person(login: "temp", name: "临时", role: .secretary, departmentCode: "ZFB"))
        try admin.retirePerson("temp", expectedVersion: nil)
        let text = try admin.exportOrg(format)

        let target = try TestOffice(engine, seeded: false)
        let importer = try target.session()
        let result = try importer.importOrg(bytes(text), format: format, source: "org.\(format)", apply: true)
        #expect(result.plan.problems.isEmpty)
        #expect(result.applied)
        let expected = try admin.orgChart()
        let actual = try importer.orgChart()
        #expect(actual.people == expected.people)
        #expect(actual.departments == expected.departments)
        // Importing the same file again changes nothing.
        let again = try importer.importOrg(bytes(text), format: format, source: "org", apply: true)
        #expect(again.plan.isEmpty && !again.applied)
    }

    @Test("a CSV with three bad rows is rejected listing all three lines, and nothing changes", arguments: ScratchDatabase.engines)
    func threeBadRows(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        let count = try office.auditCount()
        let csv = """
            \(header)
            person,wangwu,王五,departmentHead,,JW,,,false,false
            person,zhaoliu,赵六,mayr,,JW,,,false,false
            department,NEWD,新部门,,constituent,,wangwu,wangxiaoyan,,
            department,BAD,坏部门,,galaxy,,,,,
            person,sunqi,孙七,secretary,,NOPE,,,false,false

            """
        let result = try admin.importOrg(bytes(csv), format: .csv, source: "bad.csv", apply: true)
        #expect(!result.applied)
        #expect(result.plan.problems.map(\.location) == [.line(3), .line(5), .line(6)])
        #expect(result.plan.problems[0].message.en.contains("unknown role 'mayr'"))
        #expect(result.plan.problems[1].message.en.contains("unknown department kind 'galaxy'"))
        #expect(result.plan.problems[2].message.en.contains("NOPE"))
        #expect(try office.auditCount() == count)
        #expect(try admin.orgChart().person("wangwu") == nil)
        #expect(try admin.orgChart().department("NEWD") == nil)
    }

    @Test("a dry run shows added, changed and retired records and writes nothing", arguments: ScratchDatabase.engines)
    func dryRunDiff(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        var org = try admin.exportOrg(.csv)
        org = org.replacingOccurrences(of: "person,lijing,李静,", with: "person,lijing,李晶,")
        org = org.replacingOccurrences(of: "department,JW,区教委,,constituent,,xuwenbo,", with: "department,JW,区教委,,constituent,,wangwu,")
        org = org.replacingOccurrences(of: "person,xuwenbo,许文博,departmentHead,,JW,,,false,false", with: "person,xuwenbo,许文博,departmentHead,,JW,,,false,true")
        org += "person,wangwu,王五,departmentHead,,JW,,,false,false\ndepartment,NEWD,新部门,,unit,,,,,\n"
        let count = try office.auditCount()
        let plan = try admin.importOrg(bytes(org), format: .csv, source: "org.csv", apply: false).plan
        #expect(plan.problems.isEmpty)
        #expect(plan.addedPeople.map(\.login) == ["wangwu"])
        #expect(plan.changedPeople.map(\.after.login) == ["lijing"])
        #expect(plan.changedPeople.first?.fields == ["name"])
        #expect(plan.retiredPeople.map(\.after.login) == ["xuwenbo"])
        #expect(plan.addedDepartments.map(\.code) == ["NEWD"])
        #expect(plan.changedDepartments.map(\.after.code) == ["JW"])
        #expect(plan.changedDepartments.first?.fields == ["head"])
        #expect(try office.auditCount() == count)

        let applied = try admin.importOrg(bytes(org), format: .csv, source: "org.csv", apply: true)
        #expect(applied.applied)
        // One event per changed record, plus the import itself, all in one transaction.
        #expect(try office.auditCount() == count + 6)
        let chart = try admin.orgChart()
        #expect(chart.person("xuwenbo")?.isRetired == true)
        #expect(chart.head(of: "JW")?.login == "wangwu")
        #expect(try admin.person("lijing").version == 2)
        #expect(try admin.auditEvents(limit: 1).first?.action == "org.import")
    }

    @Test("people missing from the file are kept, or retired with retireMissing (never the importer)", arguments: ScratchDatabase.engines)
    func missingPeople(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        var lines = try admin.exportOrg(.csv).split(separator: "\n").map(String.init)
        lines.removeAll { $0.hasPrefix("person,lijing,") || $0.hasPrefix("person,zhangyuhang,") }
        let csv = lines.joined(separator: "\n")
        let kept = try admin.importOrg(bytes(csv), format: .csv, source: "org.csv", apply: false).plan
        #expect(kept.isEmpty)
        #expect(kept.peopleNotInFile == ["lijing", "zhangyuhang"])
        let retired = try admin.importOrg(bytes(csv), format: .csv, source: "org.csv", retireMissing: true, apply: true)
        #expect(retired.applied)
        #expect(retired.plan.retiredPeople.map(\.after.login) == ["lijing", "zhangyuhang"])

        let withoutMe = lines.filter { !$0.hasPrefix("person,root,") }.joined(separator: "\n")
        let refused = try admin.importOrg(bytes(withoutMe), format: .csv, source: "org.csv", retireMissing: true, apply: true)
        #expect(!refused.applied)
        #expect(refused.plan.problems.first?.message.en.contains("you (root) are not in the file") == true)
    }

    @Test("malformed files get clear messages: wrong columns, bad UTF-8, field counts, quotes", arguments: ScratchDatabase.engines)
    func malformedCSV(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        func problems(_ data: [UInt8]) throws -> [String] {
            try admin.importOrg(data, format: .csv, source: "x.csv", apply: true).plan.problems.map { $0.text(.en) }
        }
        #expect(try problems(bytes("type,id,name\nperson,a,b\n")) == [
            "line 1: wrong header: missing columns role, kind, department, head, supervisor, admin, retired. Expected: \(header)"])
        #expect(try problems(bytes("\(header),colour\n"))[0].contains("unknown columns colour"))
        #expect(try problems(bytes("\(header)\nperson,a,b\n")) == ["line 2: 3 fields, expected 10"])
        var gbk = bytes("\(header)\nperson,zhang,")
        gbk += [0xD5, 0xC5]  // 张 in GBK
        gbk += bytes(",secretary,,ZFB,,,,\n")
        #expect(try problems(gbk).first?.hasPrefix("line 2: not valid UTF-8") == true)
        #expect(try problems(bytes("\(header)\nperson,a,\"unclosed,secretary,,,,,,\n")) == ["line 2: a quoted field is not closed"])
        #expect(try problems(bytes("")) == ["the file is empty"])
        #expect(try problems(bytes("\(header)\nperson,a,名,secretary,constituent,,,,,\n")) == ["line 2: the kind column must be empty in a person row"])
        #expect(try problems(bytes("\(header)\nteam,a,名,,,,,,,\n"))[0].contains("must be person or department"))
        #expect(try problems(bytes("\(header)\nperson,a,名\u{1B}[2J,secretary,,,,,,\n"))[0].contains("control characters"))
    }

    @Test("duplicate logins and dangling references are reported at every row concerned", arguments: ScratchDatabase.engines)
    func duplicatesAndReferences(engine: StoreEngine) throws {
        let office = try TestOffice(engine, seeded: false)
        let admin = try office.session()
        let csv = """
            \(header)
            department,AA,甲,,constituent,,nobody,ghost,,
            person,dup,一,secretary,,,,,,
            person,dup,二,secretary,,,,,,
            person,lone,三,secretary,,ZZ,,,,
            """
        let plan = try admin.importOrg(bytes(csv), format: .csv, source: "x.csv", apply: true).plan
        let texts = plan.problems.map { $0.text(.en) }
        #expect(texts.contains("line 4: the login dup is used twice (first at line 3)"))
        #expect(texts.contains("line 2: the head of AA, nobody, is not in the people"))
        #expect(texts.contains("line 2: the leader supervising AA, ghost, is not in the people"))
        #expect(texts.contains("line 5: person lone: no department with code ZZ"))
    }

    @Test("JSON problems name their paths, all of them", arguments: ScratchDatabase.engines)
    func malformedJSON(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        let json = #"{"people": [{"login": "a", "name": 3, "role": "x", "extra": 1}, {"login": "b", "name": "乙", "role": "secretary", "isAdmin": "yes"}], "departments": {}}"#
        let texts = try admin.importOrg(bytes(json), format: .json, source: "x.json", apply: true).plan.problems.map { $0.text(.en) }
        #expect(texts.contains("departments: must be an array […]"))
        #expect(texts.contains("people[0].name: must be a string"))
        #expect(texts.contains { $0.hasPrefix("people[0].role: unknown role 'x'") })
        #expect(texts.contains { $0.hasPrefix("people[0].extra: unknown field") })
        #expect(texts.contains("people[1].isAdmin: must be true or false"))
        let broken = try admin.importOrg(bytes("{\"people\": ["), format: .json, source: "x.json", apply: false).plan.problems
        #expect(broken.first?.text(.en).hasPrefix("not valid JSON") == true)
    }

    @Test("Data/office.json itself imports as an org chart (same field names)", arguments: ScratchDatabase.engines)
    func officeSeedImports(engine: StoreEngine) throws {
        let office = try TestOffice(engine, seeded: false)
        let admin = try office.session()
        let data = try #require(FileManager.default.contents(atPath: TestOffice.packageRoot + "/Data/office.json"))
        let result = try admin.importOrg(Array(data), format: .json, source: "office.json", apply: true)
        #expect(result.plan.problems.isEmpty)
        #expect(try admin.people().count == 53)
        #expect(try admin.orgChart().portfolio(of: "wangxiaoyan").map(\.code) == ["JW", "MZJ", "WJW"])
    }

    @Test("only administrators and the office director import; the director cannot grant rights", arguments: ScratchDatabase.engines)
    func importPermissions(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let text = try secretary.exportOrg(.csv)
        #expect(throws: Refusal.self) { try secretary.importOrg(bytes(text), format: .csv, source: "org.csv", apply: false) }
        let director = try office.session("yangwentao")
        let grant = text.replacingOccurrences(of: "person,lijing,李静,secretary,,ZFB,,,false,", with: "person,lijing,李静,secretary,,ZFB,,,true,")
        let plan = try director.importOrg(bytes(grant), format: .csv, source: "org.csv", apply: true)
        #expect(!plan.applied)
        #expect(plan.plan.problems.first?.message.en.contains("only an administrator may grant") == true)
    }
}
