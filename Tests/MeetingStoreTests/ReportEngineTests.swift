import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing
import MeetingFormats

@Suite("Reports: a period's meetings, items, overdue steps and attendance, on both engines")
struct ReportEngineTests {
    func report(_ engine: StoreEngine) throws -> PeriodReport {
        let office = try TestOffice(engine)
        try ReportFixtures.quarter(office)
        return try office.session("lijing", now: ReportFixtures.asOf).periodReport(from: ReportFixtures.from, to: ReportFixtures.to)
    }

    @Test("meetings per kind: held, not held, cancelled, within the period only", arguments: ScratchDatabase.engines)
    func meetings(engine: StoreEngine) throws {
        let r = try report(engine)
        let byKind = Dictionary(uniqueKeysWithValues: r.meetings.map { ($0.kind, $0) })
        #expect(byKind[.executive]?.held == 1 && byKind[.executive]?.notHeld == 2)  // 04-02 is outside
        #expect(byKind[.plenary]?.held == 0 && byKind[.plenary]?.notHeld == 1)
        #expect(byKind[.topical]?.held == 1)
    }

    @Test("items per lead department: decided and deferred at the period's meetings, withdrawn in it, days from draft to decision", arguments: ScratchDatabase.engines)
    func items(engine: StoreEngine) throws {
        let r = try report(engine)
        let byCode = Dictionary(uniqueKeysWithValues: r.items.map { ($0.key, $0) })
        #expect(byCode["JW"]?.decided == 1 && byCode["JW"]?.averageDaysToDecision == 6)
        #expect(byCode["ZJW"]?.decided == 1)
        #expect(byCode["CGW"]?.deferred == 1 && byCode["CGW"]?.decided == 0 && byCode["CGW"]?.averageDaysToDecision == nil)
        #expect(byCode["MZJ"]?.withdrawn == 1)
        #expect(byCode["FGW"] == nil)  // still in consensus: no outcome
        #expect(r.itemTotal.decided == 2 && r.itemTotal.deferred == 1 && r.itemTotal.withdrawn == 1)
        #expect(r.itemTotal.averageDaysToDecision == 6)
        #expect(byCode["JW"]?.name == "区教委")
    }

    @Test("overdue now, per leader and department: approval steps past R46, follow-ups past their due day (R53–R55)", arguments: ScratchDatabase.engines)
    func overdue(engine: StoreEngine) throws {
        let r = try report(engine)
        let leaders = Dictionary(uniqueKeysWithValues: r.overdueByLeader.map { ($0.key, $0) })
        #expect(leaders["chenhaifeng"]?.approvals == 1)  // FGW's item since 03-10
        #expect(leaders["zhoulixin"]?.approvals == 1)    // the topical minutes since 03-20
        #expect(leaders["wangxiaoyan"]?.followUps == 1)  // JW's decision, due 03-31
        #expect(leaders["zhaojianguo"]?.followUps == 1)  // ZJW's decision
        #expect(r.overdueByLeader.allSatisfy { ["chenhaifeng", "zhoulixin", "wangxiaoyan", "zhaojianguo"].contains($0.key) })
        let departments = Dictionary(uniqueKeysWithValues: r.overdueByDepartment.map { ($0.key, $0) })
        #expect(departments["FGW"]?.approvals == 1 && departments["JW"]?.followUps == 1 && departments["ZJW"]?.followUps == 1)
        #expect(r.asOf == Day(iso: "2026-04-30"))

        // On the signing day nothing is overdue yet.
        let office = try TestOffice(engine)
        try ReportFixtures.quarter(office)
        let early = try office.session("lijing", now: "2026-03-11T09:00").periodReport(from: ReportFixtures.from, to: ReportFixtures.to)
        #expect(early.overdueByLeader.isEmpty && early.overdueByDepartment.isEmpty)
    }

    @Test("attendance rates per kind and overall come from the sign-in records of the period", arguments: ScratchDatabase.engines)
    func attendance(engine: StoreEngine) throws {
        let r = try report(engine)
        let executive = try #require(r.attendanceByKind.first { $0.key == "executive" })
        #expect(executive.recorded > 0 && executive.attended <= executive.recorded)
        #expect(r.attendance.recorded == r.attendanceByKind.reduce(0) { $0 + $1.recorded })
        #expect(r.attendance.rate == Double(r.attendance.attended) / Double(r.attendance.recorded))
    }

    @Test("CSV: one figure per row, CRLF, quoted where needed, formulas made inert", arguments: ScratchDatabase.engines)
    func csv(engine: StoreEngine) throws {
        let r = try report(engine)
        let lines = r.csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "section,key,name,measure,value")
        #expect(lines.contains("meetings,executive,区政府常务会议,held,1"))
        #expect(lines.contains("items,JW,区教委,averageDaysToDecision,6"))
        #expect(lines.contains("items,all,,decided,2"))
        #expect(lines.contains("overdueByLeader,chenhaifeng,陈海峰,approvals,1"))
        #expect(lines.last == "")
        #expect(CSVWriter.field("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(CSVWriter.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVWriter.field("-3") == "-3")
    }

    @Test("a period that ends before it starts is refused", arguments: ScratchDatabase.engines)
    func badRange(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        #expect(throws: Refusal.self) { try office.session().periodReport(from: ReportFixtures.to, to: ReportFixtures.from) }
    }
}
