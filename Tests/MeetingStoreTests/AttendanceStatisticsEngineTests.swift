import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

/// Statistics for the first quarter of 2026 seeded by ``AttendanceFixtures/seedQuarter(_:)``;
/// every expected number below is counted by hand from the table in that function's comment.
@Suite("Attendance statistics on both engines")
struct AttendanceStatisticsEngineTests {
    let office: TestOffice
    let meetings: [Int64]
    let q1: (Day, Day) = (Day(iso: "2026-01-01")!, Day(iso: "2026-03-31")!)

    init(_ engine: StoreEngine) throws {
        office = try TestOffice(engine)
        meetings = try AttendanceFixtures.seedQuarter(office)
    }

    func tally(_ rows: [AttendanceStatistics.Tally], _ key: String) -> AttendanceStatistics.Tally? { rows.first { $0.key == key } }

    @Test("per person, a quarter matches the hand count", arguments: ScratchDatabase.engines)
    static func perPerson(engine: StoreEngine) throws { try Self(engine).perPerson() }
    func perPerson() throws {
        let stats = try office.session().attendanceStatistics(from: q1.0, to: q1.1)
        #expect(stats.meetings == 3)
        // login: (present, late, absent, leave, substitute, approved leave)
        let expected: [String: (Int, Int, Int, Int, Int, Int)] = [
            "zhoulixin": (3, 0, 0, 0, 0, 0),
            "wangxiaoyan": (2, 0, 0, 1, 0, 1),
            "xuwenbo": (1, 1, 1, 0, 0, 0),
            "handongmei": (1, 0, 1, 0, 1, 1),
            "fangweiguo": (1, 0, 1, 1, 0, 1),
        ]
        for (login, e) in expected {
            let t = try #require(tally(stats.people, login))
            #expect((t.present, t.late, t.absent, t.leave, t.substitute, t.approvedLeave) == e, "\(login)")
            #expect(t.recorded == 3, "\(login)")
            #expect(t.unrecorded == 0, "\(login)")
        }
        #expect(tally(stats.people, "zhoulixin")?.rate == 1.0)
        #expect(tally(stats.people, "wangxiaoyan")?.rate == 2.0 / 3.0)
        #expect(tally(stats.people, "xuwenbo")?.rate == 2.0 / 3.0)
        #expect(tally(stats.people, "handongmei")?.rate == 1.0 / 3.0)
        #expect(tally(stats.people, "fangweiguo")?.rate == 1.0 / 3.0)
        // Someone on every roster but never signed in has no rate.
        let evm = try #require(tally(stats.people, "chenhaifeng"))
        #expect(evm.recorded == 0 && evm.unrecorded == 3 && evm.rate == nil)
    }

    @Test("per department and per meeting kind", arguments: ScratchDatabase.engines)
    static func perDepartmentAndKind(engine: StoreEngine) throws { try Self(engine).perDepartmentAndKind() }
    func perDepartmentAndKind() throws {
        let stats = try office.session().attendanceStatistics(from: q1.0, to: q1.1)
        #expect(tally(stats.departments, "JW")?.rate == 2.0 / 3.0)
        #expect(tally(stats.departments, "WJW")?.rate == 1.0 / 3.0)
        #expect(tally(stats.departments, "JD01")?.rate == 1.0 / 3.0)
        #expect(tally(stats.departments, "ZFB")?.recorded == 0)
        // Executive (Jan 15, Feb 12): 10 recorded, 4 present + 1 late, 2 absent, 2 leave, 1 substitute.
        let executive = try #require(tally(stats.kinds, "executive"))
        #expect((executive.recorded, executive.present, executive.late, executive.absent, executive.leave, executive.substitute) == (10, 4, 1, 2, 2, 1))
        #expect(executive.rate == 0.5)
        #expect(executive.approvedLeave == 3)
        // Plenary (Mar 12): 5 recorded, 4 present, 1 absent.
        let plenary = try #require(tally(stats.kinds, "plenary"))
        #expect((plenary.recorded, plenary.attended, plenary.absent) == (5, 4, 1))
        #expect(plenary.rate == 0.8)
        #expect(stats.kinds.map(\.key) == ["plenary", "executive"])
    }

    @Test("leave counts with reasons, and absences without leave", arguments: ScratchDatabase.engines)
    static func leaveAndAbsences(engine: StoreEngine) throws { try Self(engine).leaveAndAbsences() }
    func leaveAndAbsences() throws {
        let stats = try office.session().attendanceStatistics(from: q1.0, to: q1.1)
        #expect(stats.leaveCount(.approved) == 3)
        #expect(stats.leaveCount(.rejected) == 1)
        #expect(stats.leaveCount(.pending) == 0)
        #expect(stats.leaves.map(\.reason) == ["赴外地调研", "参加市卫健委会议", "街道防汛检查", "个人事务"])
        #expect(stats.absencesWithoutLeave.map { "\($0.day.iso) \($0.person)" } == [
            "2026-01-15 handongmei", "2026-02-12 xuwenbo", "2026-03-12 fangweiguo",
        ])
    }

    @Test("filtered by department and by kind", arguments: ScratchDatabase.engines)
    static func filters(engine: StoreEngine) throws { try Self(engine).filters() }
    func filters() throws {
        let jw = try office.session().attendanceStatistics(from: q1.0, to: q1.1, department: "JW")
        #expect(jw.people.map(\.key) == ["xuwenbo"])
        #expect(jw.absencesWithoutLeave.map(\.person) == ["xuwenbo"])
        #expect(tally(jw.kinds, "executive").map { ($0.recorded, $0.attended) } ?? (0, 0) == (2, 1))
        #expect(jw.leaves.isEmpty)
        let plenary = try office.session().attendanceStatistics(from: q1.0, to: q1.1, kind: .plenary)
        #expect(plenary.meetings == 1)
        #expect(tally(plenary.people, "fangweiguo").map { ($0.absent, $0.approvedLeave) } ?? (0, 0) == (1, 0))
        // The April meeting counts only when the period holds it.
        let april = try office.session().attendanceStatistics(from: Day(iso: "2026-04-01")!, to: Day(iso: "2026-04-30")!)
        #expect(tally(april.people, "xuwenbo")?.absent == 1)
    }

    @Test("a reversed period or an unknown department is refused", arguments: ScratchDatabase.engines)
    static func badInput(engine: StoreEngine) throws { try Self(engine).badInput() }
    func badInput() throws {
        #expect(throws: Refusal.self) { try office.session().attendanceStatistics(from: q1.1, to: q1.0) }
        do {
            _ = try office.session().attendanceStatistics(from: q1.0, to: q1.1, department: "NOPE")
            Issue.record("expected a refusal")
        } catch let r as Refusal {
            #expect(r.code == "department.unknown")
        }
    }
}
