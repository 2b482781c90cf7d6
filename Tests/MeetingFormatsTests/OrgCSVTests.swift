import Testing
import MeetingKit
@testable import MeetingFormats

@Suite("Org chart CSV")
struct OrgCSVTests {
    @Test("quoted fields keep commas, quotes and line breaks; records keep their first line number")
    func quoting() {
        let (records, problems) = OrgCSV.split("a,\"b, \"\"c\"\"\",d\r\n\"multi\nline\",x,y\nlast,1,2")
        #expect(problems.isEmpty)
        #expect(records.map(\.fields) == [["a", "b, \"c\"", "d"], ["multi\nline", "x", "y"], ["last", "1", "2"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("written fields that need quotes are quoted and read back the same")
    func writeRead() {
        let org = OrgChart(people: [Person(login: "a", name: " 张, \"三\"", role: .secretary)],
                           departments: [Department(code: "X", name: "甲,乙", kind: .unit)])
        let (file, problems) = OrgCSV.parse(Array(OrgCSV.write(org).utf8))
        #expect(problems.isEmpty)
        #expect(file.departments.first?.department.name == "甲,乙")
        // Edge spaces are trimmed on import (spreadsheets pad cells).
        #expect(file.people.first?.person.name == "张, \"三\"")
    }

    @Test("a name a spreadsheet would run as a formula is exported inert and imported unchanged (CSV injection)")
    func formulaGuard() {
        let org = OrgChart(people: [Person(login: "a", name: "=HYPERLINK(\"http://x\")", role: .secretary)],
                           departments: [Department(code: "X", name: "@SUM(A1)", kind: .unit)])
        let text = OrgCSV.write(org)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(text.contains(",'@SUM(A1),"))
        let (file, problems) = OrgCSV.parse(Array(text.utf8))
        #expect(problems.isEmpty)
        #expect(file.people.first?.person.name == "=HYPERLINK(\"http://x\")")
        #expect(file.departments.first?.department.name == "@SUM(A1)")
    }

    @Test("a byte-order mark, as Excel writes, is skipped; lines with bad UTF-8 are all named")
    func encoding() {
        let header = OrgCSV.columns.joined(separator: ",")
        let (file, problems) = OrgCSV.parse([0xEF, 0xBB, 0xBF] + Array("\(header)\nperson,a,甲,secretary,,,,,,\n".utf8))
        #expect(problems.isEmpty)
        #expect(file.people.count == 1)
        #expect(OrgCSV.invalidUTF8Lines(Array("ok\n".utf8) + [0xFF] + Array("\nok\n".utf8) + [0xC3]) == [2, 4])
    }

    @Test("consistency rules: one mayor, portfolios only for vice mayors (R6), external bodies unlinked")
    func rules() {
        let org = OrgChart(
            people: [Person(login: "m1", name: "甲", role: .mayor), Person(login: "m2", name: "乙", role: .mayor),
                     Person(login: "s", name: "丙", role: .secretary), Person(login: "old", name: "丁", role: .viceMayor, isRetired: true)],
            departments: [Department(code: "A", name: "A", kind: .unit, supervisorLogin: "s"),
                          Department(code: "B", name: "B", kind: .external, headLogin: "s"),
                          Department(code: "C", name: "C", kind: .unit, supervisorLogin: "old")])
        let codes = OrgRules.problems(in: org).map(\.refusal.code)
        #expect(codes == ["org.roleTaken", "portfolio.notViceMayor", "department.externalLinked", "portfolio.retired"])
        #expect(OrgRules.problems(in: org).first { $0.refusal.code == "portfolio.notViceMayor" }?.refusal.article == "R6")
        #expect(OrgRules.introducedProblems(before: org, after: org).isEmpty)
        #expect(OrgRules.isValidCode("JD01") && !OrgRules.isValidCode("jd01") && !OrgRules.isValidCode("1A") && !OrgRules.isValidCode(""))
    }
}
