import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Who may not do what, as one table: each row is a role attempting an action the work
/// rules (or the office's own rules) forbid it. Every attempt must be refused with the
/// article (or the rule's code), change no record, and leave in the audit log exactly the
/// refusal event the rules call for: refused decisions reserved to a named person (leave
/// R42, item approval and acceptance R41, meeting approval R61, absences R65, review and
/// signature R43/R44) and attempts on signed minutes (R43); nothing for the others
/// (docs/reliability.md, "How refusals are audited").
@Suite("Permission matrix: forbidden actions by role, on both engines")
struct PermissionMatrixTests {
    struct Row {
        var who: String
        var action: String
        /// The article that forbids it, or the code of the office's rule when no article does.
        var rule: String
        /// The audit event the refusal leaves, or nil when it leaves none.
        var audited: String?
        var attempt: () throws -> Void
    }

    /// The records the rows act on.
    struct Fixture {
        let office: TestOffice
        let executive: Int64       // planned executive meeting, 2026-03-12
        let vmTopical: Int64       // wangxiaoyan's topical meeting in the government's name, awaiting R61 approval
        let awaitingSignature: Int64
        let draft: Int64           // lijing's draft
        let signed: Int64
        let followUp: Int64        // of the signed minutes, led by JW
        let consensusItem: Int64   // JW's item, consensus: for wangxiaoyan to approve
        let approvedItem: Int64    // JW's item, approved: for the office to accept
        let consultingItem: Int64  // JW's item asking WJW and MZJ
        let vmLeave: Int64         // wangxiaoyan's leave: the mayor decides (R42)
        let headLeave: Int64       // xuwenbo's leave: the office director decides (R42)
        let headAbsence: Int64     // xuwenbo's absence: the mayor and wangxiaoyan decide (R65)
    }

    static func fixture(_ engine: StoreEngine) throws -> Fixture {
        let office = try TestOffice(engine)
        let signed = try MinutesFixtures.signedWithDecisions(office)
        let followUp = try #require(try office.session().followUps().first { $0.followUp.leadDepartmentCode == "JW" }?.followUp.id)
        let awaiting = try MinutesFixtures.awaitingSignature(office, start: "2026-02-26T09:00")
        let secretary = try office.session("lijing")
        let draft = try secretary.draftMinutes(meetingId: try MinutesFixtures.heldMeeting(office, start: "2026-02-19T09:00").id!).id!
        let executive = try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!).id!
        let vmTopical = try office.session("wangxiaoyan").scheduleMeeting(
            MeetingRequest(kind: .topical, start: LocalDateTime(iso: "2026-03-10T14:00")!, departments: ["JW"])).meeting.id!
        let consensus = try secretary.addItem(title: "关于校园安全的议题", lead: "JW").id!
        try office.session("lijing", onBehalfOf: "xuwenbo").submitItem(consensus)
        let approved = try secretary.addItem(title: "关于课后服务的议题", lead: "JW").id!
        try office.session("lijing", onBehalfOf: "xuwenbo").submitItem(approved)
        try office.session("wangxiaoyan").approveItem(approved)
        let consulting = try secretary.addItem(title: "关于学区划分的议题", lead: "JW", related: ["WJW", "MZJ"]).id!
        try office.session("lijing", onBehalfOf: "xuwenbo").submitItem(consulting)
        let vmLeave = try office.session("wangxiaoyan").requestLeave(meetingId: executive, reason: "赴外地调研").id!
        let headLeave = try office.session("xuwenbo").requestLeave(meetingId: executive, reason: "市教委会议").id!
        let absence = try office.session("xuwenbo").registerAbsence(person: "xuwenbo", from: Day(iso: "2026-03-16")!, to: Day(iso: "2026-03-17")!,
                                                                   kind: .trip, reason: "赴沪学习").absence.id!
        return Fixture(office: office, executive: executive, vmTopical: vmTopical, awaitingSignature: awaiting.id!, draft: draft, signed: signed.id!,
                       followUp: followUp, consensusItem: consensus, approvedItem: approved, consultingItem: consulting,
                       vmLeave: vmLeave, headLeave: headLeave, headAbsence: absence)
    }

    static func rows(_ f: Fixture) -> [Row] {
        let office = f.office
        func s(_ login: String) throws -> Session { try office.session(login) }
        let at = LocalDateTime(iso: "2026-03-19T09:00")!
        return [
            Row(who: "secretary", action: "signs minutes", rule: "R43", audited: "refused.minutes.sign") { _ = try s("lijing").signMinutes(f.awaitingSignature) },
            Row(who: "executive vice mayor", action: "signs minutes", rule: "R43", audited: "refused.minutes.sign") { _ = try s("chenhaifeng").signMinutes(f.awaitingSignature) },
            Row(who: "office director", action: "signs minutes", rule: "R43", audited: "refused.minutes.sign") { _ = try s("yangwentao").signMinutes(f.awaitingSignature) },
            Row(who: "vice mayor", action: "returns minutes awaiting the mayor", rule: "R43", audited: "refused.minutes.return") {
                _ = try s("wangxiaoyan").returnMinutes(f.awaitingSignature, reason: "再议") },
            Row(who: "secretary (the drafter)", action: "edits signed minutes", rule: "R43", audited: "refused.minutes.edit") {
                _ = try s("lijing").editMinutes(f.signed, body: "改过的纪要") },
            Row(who: "mayor", action: "edits signed minutes", rule: "R43", audited: "refused.minutes.edit") { _ = try s("zhoulixin").editMinutes(f.signed, body: "改过的纪要") },
            Row(who: "secretary (the drafter)", action: "changes the disclosure of signed minutes", rule: "R43", audited: "refused.minutes.set") {
                _ = try s("lijing").setMinutesAttributes(f.signed, disclosure: .notPublic, reason: "涉密", classification: nil) },
            Row(who: "another secretary", action: "edits someone else's draft", rule: "minutes.notDrafter", audited: "refused.minutes.edit") {
                _ = try s("zhangyuhang").editMinutes(f.draft, body: "x") },
            Row(who: "department head", action: "approves a vice mayor's leave", rule: "R42", audited: "refused.leave.approve") { _ = try s("xuwenbo").approveLeave(f.vmLeave) },
            Row(who: "street director", action: "approves a vice mayor's leave", rule: "R42", audited: "refused.leave.approve") { _ = try s("fangweiguo").approveLeave(f.vmLeave) },
            Row(who: "office director", action: "approves a vice mayor's leave", rule: "R42", audited: "refused.leave.approve") { _ = try s("yangwentao").approveLeave(f.vmLeave) },
            Row(who: "mayor", action: "rejects a department head's leave", rule: "R42", audited: "refused.leave.reject") {
                _ = try s("zhoulixin").rejectLeave(f.headLeave, reason: "须到会") },
            Row(who: "vice mayor outside the portfolio", action: "approves an item", rule: "R41", audited: "refused.item.approve") {
                _ = try s("zhaojianguo").approveItem(f.consensusItem) },
            Row(who: "department head", action: "accepts an item for the office", rule: "R41", audited: "refused.item.accept") { _ = try s("xuwenbo").acceptItem(f.approvedItem) },
            Row(who: "supervising vice mayor", action: "accepts an item for the office", rule: "R41", audited: "refused.item.accept") {
                _ = try s("wangxiaoyan").acceptItem(f.approvedItem) },
            Row(who: "department head", action: "gives another department's opinion", rule: "R41", audited: nil) {
                _ = try s("handongmei").giveOpinion(f.consultingItem, department: "MZJ", stance: .agree) },
            Row(who: "related department's head", action: "withdraws the lead department's item", rule: "R41", audited: nil) {
                _ = try s("handongmei").withdrawItem(f.consultingItem, reason: "不同意") },
            Row(who: "street director", action: "approves a department head's absence", rule: "R65", audited: "refused.absence.approve") {
                _ = try s("fangweiguo").decideAbsence(f.headAbsence, .approve) },
            Row(who: "vice mayor outside the portfolio", action: "approves a department head's absence", rule: "R65", audited: "refused.absence.approve") {
                _ = try s("zhaojianguo").decideAbsence(f.headAbsence, .approve) },
            Row(who: "vice mayor", action: "notifies her R61 meeting without the mayor's approval", rule: "R61", audited: nil) {
                _ = try s("wangxiaoyan").notifyMeeting(f.vmTopical) },
            Row(who: "vice mayor", action: "approves her own meeting in the government's name", rule: "R61", audited: "refused.meeting.approve") {
                _ = try s("wangxiaoyan").approveMeeting(f.vmTopical) },
            Row(who: "executive vice mayor", action: "approves a meeting in the government's name", rule: "R61", audited: "refused.meeting.approve") {
                _ = try s("chenhaifeng").approveMeeting(f.vmTopical) },
            Row(who: "secretary (not an administrator)", action: "uses --as", rule: "identity.asNotAdmin", audited: nil) {
                _ = try Session.open(store: office.store, osUser: "lijing", asLogin: "zhoulixin", clock: office.clock) },
            Row(who: "department head", action: "records a decision on a leader's behalf", rule: "identity.onBehalfNotSecretary", audited: nil) {
                _ = try Session.open(store: office.store, osUser: "xuwenbo", onBehalfOf: "wangxiaoyan", clock: office.clock) },
            Row(who: "secretary", action: "adds a person to the org chart", rule: "org.notAdministrator", audited: nil) {
                _ = try s("lijing").addPerson(Person(login: "newcomer", name: "新人", role: .secretary, departmentCode: "ZFB")) },
            Row(who: "office director (not an administrator)", action: "grants administrator rights", rule: "org.grantNotAdministrator", audited: nil) {
                _ = try s("yangwentao").editPerson("lijing", expectedVersion: nil) { $0.isAdmin = true } },
            Row(who: "department head", action: "schedules an executive meeting", rule: "meeting.notScheduler", audited: nil) {
                _ = try s("xuwenbo").scheduleMeeting(MeetingRequest(kind: .executive, start: at)) },
            Row(who: "vice mayor", action: "schedules an executive meeting", rule: "meeting.notScheduler", audited: nil) {
                _ = try s("wangxiaoyan").scheduleMeeting(MeetingRequest(kind: .executive, start: at)) },
            Row(who: "street director", action: "marks attendance", rule: "attendance.notOfficeStaff", audited: nil) {
                _ = try s("fangweiguo").markAttendance(meetingId: f.executive, person: "xuwenbo", status: .present) },
            Row(who: "department head", action: "registers another head's absence", rule: "absence.notRegistrar", audited: nil) {
                _ = try s("xuwenbo").registerAbsence(person: "handongmei", from: Day(iso: "2026-03-16")!, to: Day(iso: "2026-03-16")!, kind: .trip, reason: "x") },
            Row(who: "an unrelated department head", action: "closes another department's follow-up", rule: "followUp.notOffice", audited: nil) {
                _ = try s("tanghongxia").completeFollowUp(f.followUp, note: "已完成") },
            Row(who: "secretary", action: "starts a new government term", rule: "term.notAdministrator", audited: nil) {
                _ = try s("lijing").startTerm(number: 2, name: "第二届", from: Day(iso: "2027-01-01")!) },
            Row(who: "department head", action: "backs up the database", rule: "store.notAdministrator", audited: nil) {
                try s("xuwenbo").backup(to: office.directory + "/stolen.sqlite") },
        ]
    }

    @Test("each forbidden action is refused naming its rule, changes nothing, and is audited exactly where the rules call for it",
          arguments: ScratchDatabase.engines)
    func matrix(engine: StoreEngine) throws {
        let f = try PermissionMatrixTests.fixture(engine)
        let rows = PermissionMatrixTests.rows(f)
        #expect(rows.count >= 20)
        var audited = 0
        for row in rows {
            let label = "\(row.who) \(row.action)"
            let events = try f.office.auditCount()
            let content = try f.office.contentChecksum()
            var refusal: Refusal?
            do { try row.attempt() } catch let r as Refusal { refusal = r } catch { Issue.record("\(label): \(error)") }
            guard let refusal else { Issue.record("\(label): allowed"); continue }
            #expect(refusal.kind == .rule, "\(label): \(refusal.code)")
            #expect(refusal.exitCode == 3, "\(label)")
            if row.rule.hasPrefix("R") {
                #expect(refusal.article == row.rule, "\(label): \(refusal.article ?? "no article") \(refusal.code)")
                #expect(refusal.text(.en).hasPrefix(row.rule + ": "), "\(label)")
            } else {
                #expect(refusal.code == row.rule, "\(label): \(refusal.code)")
            }
            #expect(try f.office.contentChecksum() == content, "\(label): a record changed")
            let added = try f.office.auditEvents(since: events)
            #expect(added.map(\.action) == (row.audited.map { [$0] } ?? []), "\(label): \(added.map(\.action))")
            if let event = added.first {
                audited += 1
                #expect(event.after.contains("\"code\":\"\(refusal.code)\""), "\(label): \(event.after)")
                #expect(event.before.isEmpty)
            }
        }
        print("permission matrix: \(rows.count) forbidden actions refused, \(audited) audited as refused.<action>, \(rows.count - audited) not audited")
        #expect(try f.office.session().verifyAudit().firstBreak == nil)
    }

    @Test("the refusal event names the real user, the identity used and the leader recorded for", arguments: ScratchDatabase.engines)
    func refusalEventNamesWho(engine: StoreEngine) throws {
        let f = try PermissionMatrixTests.fixture(engine)
        let events = try f.office.auditCount()
        // A secretary records an approval "on behalf of" the office director, who is not the
        // approver of a vice mayor's leave (the mayor is, R42).
        #expect(throws: Refusal.self) { try f.office.session("lijing", onBehalfOf: "yangwentao").approveLeave(f.vmLeave) }
        let event = try #require(try f.office.auditEvents(since: events).first)
        #expect(event.action == "refused.leave.approve")
        #expect(event.entity == "leave" && event.entityId == String(f.vmLeave))
        #expect(event.osUser == "root" && event.actor == "lijing" && event.onBehalfOf == "yangwentao")
        #expect(event.after.contains("\"article\":\"R42\""))
    }
}
