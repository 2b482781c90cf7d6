import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("Report through the binary")
struct ReportCLITests {
    @Test("text tables aligned by display width, CSV, JSON; bad dates and --csv with --json refused")
    func report() throws {
        let office = try TestOffice()
        try ReportFixtures.quarter(office)
        let huiwu = Binary(database: office.path, now: ReportFixtures.asOf)
        let args = ["report", "--from", "2026-01-01", "--to", "2026-03-31"]
        let text = try huiwu.run(args)
        #expect(text.status == 0, "\(text.stderr)")
        Snapshot.assert(text.stdout, named: "report-text-zh")
        Snapshot.assert(try huiwu.run(args + ["--lang", "en"]).stdout, named: "report-text-en")

        let csv = try huiwu.run(args + ["--csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("section,key,name,measure,value\r\n"))
        #expect(csv.stdout.contains("\r\nitems,CGW,区城市管理委,deferred,1\r\n"))
        let json = try huiwu.json(args) as? [String: Any]
        #expect((json?["itemTotal"] as? [String: Any])?["decided"] as? Int == 2)
        #expect((json?["overdueByLeader"] as? [[String: Any]])?.count == 4)
        #expect(json?["asOf"] as? String == "2026-04-30")

        #expect(try huiwu.run(["report", "--from", "2026-13-01"]).status == 2)
        #expect(try huiwu.run(["report", "--from", "2026-04-01", "--to", "2026-03-01"]).status == 2)
        #expect(try huiwu.run(args + ["--csv", "--json"]).status == 64)
    }
}
