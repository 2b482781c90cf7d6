import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("Minutes: drafting, the review chain and signing on both engines")
struct MinutesEngineTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    @Test("on PostgreSQL too, signed minutes cannot be edited, and the database itself refuses UPDATE and DELETE of the row (R43)",
          .postgres)
    func signedIsImmutableOnPostgres() throws {
        let office = try TestOffice(.postgresql)
        let id = try MinutesFixtures.awaitingSignature(office).id!
        let signed = try office.session("zhoulixin", now: "2026-03-03T10:00").signMinutes(id)
        #expect(signed.state == .signed && signed.number?.text(.zh) == "常务会议纪要〔2026〕1号")
        let before = try office.auditCount()
        #expect(refusal { try office.session("lijing").editMinutes(id, body: "篡改") }?.code == "minutes.signedImmutable")
        #expect(refusal { try office.session("zhoulixin").signMinutes(id) }?.code == "minutes.alreadySigned")
        #expect(try office.auditActions(since: before) == ["refused.minutes.edit"])
        for sql in ["UPDATE minutes SET body = 'forged' WHERE id = ?", "UPDATE minutes SET state = 'draft' WHERE id = ?",
                    "DELETE FROM minutes WHERE id = ?", "DELETE FROM minutes_history WHERE minutes_id = ?"] {
            #expect(throws: (any Error).self, "\(sql)") { try office.store.transaction { db, _ in try db.exec(sql, id) } }
        }
        let detail = try office.session().minutesDetail(id)
        #expect(detail.minutes.state == .signed && detail.hashVerified == true && !detail.minutes.body.contains("forged"))
        // The export is exactly the text that was signed.
        #expect(try office.session("lijing").exportMinutes(id) == signed.signedText)
        #expect(try office.session().verifyAudit().firstBreak == nil)
    }

    @Test("an executive meeting's minutes go from the drafting secretary to the mayor, who signs and numbers them (R43)", arguments: ScratchDatabase.engines)
    func mayorSigns(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office)
        let secretary = try office.session("lijing")
        // The members came and were signed in: the draft lists what was recorded (issue 17).
        for line in try secretary.roster(meetingId: meeting.id!).lines where line.participation == .member {
            try secretary.markAttendance(meetingId: meeting.id!, participantId: line.participantId, status: .present)
        }
        let draft = try secretary.draftMinutes(meetingId: meeting.id!)
        #expect(draft.state == .draft)
        #expect(draft.title == "第1次区政府常务会议纪要")
        #expect(draft.body.contains("时间：2026年3月2日（周一）09:00"))
        #expect(draft.body.contains("地点：区政府第一会议室"))
        #expect(draft.body.contains("主持：周立新（区长）"))
        #expect(draft.body.contains("出席：周立新、陈海峰"))
        #expect(draft.body.contains("列席：") && draft.body.contains("许文博"))
        #expect(draft.body.contains("邀请：区人大代表（区人大）"))

        try secretary.setMinutesAttributes(draft.id!, disclosure: .public, reason: nil, classification: nil)
        let submitted = try secretary.submitMinutes(draft.id!)
        // Issue 17 (R47): the office director checks a document in the government's name before the mayor signs.
        #expect(submitted.state == .inReview)
        #expect(submitted.waitingOn == "yangwentao")
        #expect(submitted.chain == ["yangwentao", "zhoulixin"])
        let checked = try office.session("yangwentao").approveMinutes(draft.id!)
        #expect(checked.state == .awaitingSignature && checked.waitingOn == "zhoulixin")

        let signed = try office.session("zhoulixin", now: "2026-03-03T10:00").signMinutes(draft.id!)
        #expect(signed.state == .signed)
        #expect(signed.number?.text(.zh) == "常务会议纪要〔2026〕1号")
        #expect(signed.signedBy == "zhoulixin")
        #expect(signed.signedAt == LocalDateTime(iso: "2026-03-03T10:00"))
        let text = try #require(signed.signedText)
        #expect(signed.sha256 == SHA256.hex(text))
        #expect(text.contains("常务会议纪要〔2026〕1号") && text.contains("签发：区长 周立新") && text.contains("（此件主动公开）"))
        #expect(try office.session().verifyAudit().firstBreak == nil)
        #expect(try office.session().auditEvents(limit: 1).first?.action == "minutes.sign")
    }

    @Test("only the mayor signs (R43), and nothing is written when someone else tries", arguments: ScratchDatabase.engines)
    func onlyMayorSigns(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let minutes = try MinutesFixtures.awaitingSignature(office)
        let before = try office.auditCount()
        for login in ["lijing", "chenhaifeng", "yangwentao", "root"] {
            let r = refusal { try office.session(login).signMinutes(minutes.id!) }
            #expect(r?.article == "R43", "\(login)")
            #expect(r?.code == "minutes.onlyMayorSigns")
        }
        // The minutes are unchanged; each refused signature is audited (docs/reliability.md).
        #expect(try office.auditActions(since: before) == Array(repeating: "refused.minutes.sign", count: 4))
        #expect(try office.session().minutesDetail(minutes.id!).minutes == minutes)
        #expect(try office.session().minutesDetail(minutes.id!).minutes.state == .awaitingSignature)
    }

    @Test("a secretary may record the mayor's signature on his behalf (代录), stored with both names", arguments: ScratchDatabase.engines)
    func signOnBehalf(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let minutes = try MinutesFixtures.awaitingSignature(office)
        let signed = try office.session("lijing", onBehalfOf: "zhoulixin").signMinutes(minutes.id!)
        #expect(signed.signedBy == "zhoulixin")
        let event = try #require(try office.session().auditEvents(limit: 1).first)
        #expect(event.actor == "lijing" && event.onBehalfOf == "zhoulixin")
        let entry = try #require(try office.session().minutesDetail(minutes.id!).history.last)
        #expect(entry.actorLogin == "zhoulixin" && entry.recordedBy == "lijing" && entry.action == "sign")
    }

    @Test("submitting without a disclosure attribute, or not public without a reason, is refused (R22)", arguments: ScratchDatabase.engines)
    func disclosureRequired(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office)
        let secretary = try office.session("lijing")
        let draft = try secretary.draftMinutes(meetingId: meeting.id!)
        let before = try office.auditCount()
        let missing = refusal { try secretary.submitMinutes(draft.id!) }
        #expect(missing?.article == "R22")
        #expect(missing?.code == "minutes.disclosureMissing")
        let noReason = refusal { try secretary.setMinutesAttributes(draft.id!, disclosure: .notPublic, reason: nil, classification: nil) }
        #expect(noReason?.article == "R22")
        let blankReason = refusal { try secretary.setMinutesAttributes(draft.id!, disclosure: .notPublic, reason: "  ", classification: nil) }
        #expect(blankReason?.article == "R22")
        #expect(try office.auditCount() == before)

        try secretary.setMinutesAttributes(draft.id!, disclosure: .notPublic, reason: "涉及个人隐私", classification: .internal)
        let submitted = try secretary.submitMinutes(draft.id!)
        #expect(submitted.disclosure == .notPublic && submitted.disclosureReason == "涉及个人隐私")
        #expect(submitted.classification == .internal)
    }

    @Test("a vice mayor's topical meeting in the government's name: lead department drafts, VM then EVM review, the mayor signs (R44)", arguments: ScratchDatabase.engines)
    func governmentRequestChain(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, chair: "wangxiaoyan", title: "学位供给", members: ["xuwenbo"])
        let before = try office.auditCount()
        let bySecretary = refusal { try office.session("lijing").draftMinutes(meetingId: meeting.id!) }
        #expect(bySecretary?.article == "R44")
        #expect(bySecretary?.code == "minutes.notLeadDepartment")
        #expect(try office.auditCount() == before)

        let head = try office.session("xuwenbo")
        let draft = try head.draftMinutes(meetingId: meeting.id!, body: "关于学位供给的请示……")
        #expect(draft.route == .governmentRequest && draft.leadDepartmentCode == "JW")
        try head.setMinutesAttributes(draft.id!, disclosure: .onRequest, reason: nil, classification: nil)
        try head.submitMinutes(draft.id!)
        // Issue 17 (R47): the office checks the request first.
        let submitted = try office.session("yangwentao").approveMinutes(draft.id!)
        #expect(submitted.state == .inReview)
        #expect(submitted.chain == ["yangwentao", "wangxiaoyan", "chenhaifeng", "zhoulixin"])
        #expect(submitted.waitingOn == "wangxiaoyan")

        let early = try office.auditCount()
        let mayorTooSoon = refusal { try office.session("zhoulixin").signMinutes(draft.id!) }
        #expect(mayorTooSoon?.article == "R44" && mayorTooSoon?.code == "minutes.reviewPending")
        let evmTooSoon = refusal { try office.session("chenhaifeng").approveMinutes(draft.id!) }
        #expect(evmTooSoon?.article == "R44" && evmTooSoon?.code == "minutes.chainOrder")
        let outsider = refusal { try office.session("sunmingyuan").approveMinutes(draft.id!) }
        #expect(outsider?.article == "R44" && outsider?.code == "minutes.notReviewer")
        // The minutes are unchanged; each refused review or signature is audited (docs/reliability.md).
        #expect(try office.auditActions(since: early) == ["refused.minutes.sign", "refused.minutes.approve", "refused.minutes.approve"])
        #expect(try head.minutesDetail(draft.id!).minutes == submitted)

        #expect(try office.session("wangxiaoyan").approveMinutes(draft.id!).waitingOn == "chenhaifeng")
        let reviewed = try office.session("chenhaifeng").approveMinutes(draft.id!)
        #expect(reviewed.state == .awaitingSignature && reviewed.waitingOn == "zhoulixin")
        let signed = try office.session("zhoulixin").signMinutes(draft.id!)
        #expect(signed.number?.text(.zh) == "专题会议纪要〔2026〕1号")
        let steps = try office.session().minutesDetail(draft.id!).steps
        #expect(steps.map(\.login) == ["xuwenbo", "yangwentao", "wangxiaoyan", "chenhaifeng", "zhoulixin"])
        #expect(steps.allSatisfy { $0.status == .done })
    }

    @Test("a secretary may draft the lead department's request on its head's behalf (R44)", arguments: ScratchDatabase.engines)
    func requestOnBehalf(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, chair: "wangxiaoyan", members: ["xuwenbo"])
        let draft = try office.session("lijing", onBehalfOf: "xuwenbo").draftMinutes(meetingId: meeting.id!)
        #expect(draft.drafterLogin == "xuwenbo")
    }

    @Test("a return goes back to the drafter with its reason, and the chain restarts from the first reviewer", arguments: ScratchDatabase.engines)
    func returnRestartsChain(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, chair: "wangxiaoyan", members: ["xuwenbo"])
        let head = try office.session("xuwenbo")
        let id = try head.draftMinutes(meetingId: meeting.id!, body: "初稿").id!
        try head.setMinutesAttributes(id, disclosure: .public, reason: nil, classification: nil)
        try head.submitMinutes(id)
        try MinutesFixtures.officeCheck(office, id)
        try office.session("wangxiaoyan").approveMinutes(id)
        let returned = try office.session("chenhaifeng").returnMinutes(id, reason: "第二项决定表述不准确")
        #expect(returned.state == .returned && returned.waitingOn == "xuwenbo")
        #expect(returned.returnReason == "第二项决定表述不准确")
        let drafterSees = try office.session("xuwenbo").homeSnapshot().waiting
        #expect(drafterSees.contains { $0.ref == .minutes(id) })

        #expect(refusal { try office.session("chenhaifeng").returnMinutes(id, reason: "again") }?.code == "minutes.notSubmitted")
        try head.editMinutes(id, body: "修改稿")
        let resubmitted = try head.submitMinutes(id)
        #expect(resubmitted.state == .inReview && resubmitted.waitingOn == "yangwentao" && resubmitted.step == 0)

        let history = try office.session().minutesDetail(id).history
        #expect(history.map(\.action) == ["draft", "set", "submit", "approve", "approve", "return", "edit", "submit"])
        #expect(history[5].note == "第二项决定表述不准确" && history[5].actorLogin == "chenhaifeng")
    }

    @Test("the mayor may return minutes instead of signing; only the drafter edits and resubmits", arguments: ScratchDatabase.engines)
    func mayorReturns(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let minutes = try MinutesFixtures.awaitingSignature(office)
        let id = minutes.id!
        #expect(refusal { try office.session("lijing").returnMinutes(id, reason: "x") }?.article == "R43")
        #expect(refusal { try office.session("lijing").editMinutes(id, body: "x") }?.code == "minutes.inChain")
        try office.session("zhoulixin").returnMinutes(id, reason: "补充出席人员")
        #expect(refusal { try office.session("zhangyuhang").editMinutes(id, body: "x") }?.code == "minutes.notDrafter")
        #expect(refusal { try office.session("lijing").returnMinutes(id, reason: "") }?.code == "minutes.notSubmitted")
        try office.session("lijing").editMinutes(id, body: "补充后")
        #expect(try office.session("lijing").submitMinutes(id).state == .inReview)  // the office checks it again (R47)
    }

    @Test("signed minutes cannot be edited, and the database itself refuses UPDATE and DELETE of the row (R43)")
    func signedIsImmutable() throws {
        let office = try TestOffice()
        let minutes = try MinutesFixtures.awaitingSignature(office)
        let id = minutes.id!
        try office.session("zhoulixin").signMinutes(id)
        let before = try office.auditCount()
        let edit = refusal { try office.session("lijing").editMinutes(id, body: "篡改") }
        #expect(edit?.article == "R43" && edit?.code == "minutes.signedImmutable")
        #expect(refusal { try office.session("lijing").setMinutesAttributes(id, disclosure: .onRequest, reason: nil, classification: nil) }?.article == "R43")
        #expect(refusal { try office.session("zhoulixin").signMinutes(id) }?.code == "minutes.alreadySigned")
        // Nothing changed; the attempts to alter signed minutes are audited (docs/reliability.md).
        #expect(try office.auditActions(since: before) == ["refused.minutes.edit", "refused.minutes.set"])

        #expect(throws: DatabaseError.self) {
            try office.store.writer.write { try $0.execute(sql: "UPDATE minutes SET body = 'forged' WHERE id = ?", arguments: [id]) }
        }
        #expect(throws: DatabaseError.self) {
            try office.store.writer.write { try $0.execute(sql: "UPDATE minutes SET state = 'draft' WHERE id = ?", arguments: [id]) }
        }
        #expect(throws: DatabaseError.self) {
            try office.store.writer.write { try $0.execute(sql: "DELETE FROM minutes WHERE id = ?", arguments: [id]) }
        }
        #expect(throws: DatabaseError.self) {
            try office.store.writer.write { try $0.execute(sql: "DELETE FROM minutes_history WHERE minutes_id = ?", arguments: [id]) }
        }
        let detail = try office.session().minutesDetail(id)
        #expect(detail.minutes.state == .signed && detail.hashVerified == true)
        #expect(!detail.minutes.body.contains("forged"))
        #expect(try office.session().verifyAudit().firstBreak == nil)
    }

    @Test("a correction is a new document linked to the signed original, numbered when it is signed", arguments: ScratchDatabase.engines)
    func correction(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let original = try MinutesFixtures.awaitingSignature(office)
        try office.session("zhoulixin").signMinutes(original.id!)
        let secretary = try office.session("lijing")
        let correction = try secretary.draftMinutes(meetingId: original.meetingId)
        #expect(correction.correctionOf == original.id)
        #expect(correction.disclosure == .public)
        #expect(refusal { try secretary.draftMinutes(meetingId: original.meetingId) }?.code == "minutes.exists")
        try secretary.editMinutes(correction.id!, body: "更正后的正文")
        try secretary.submitMinutes(correction.id!)
        try MinutesFixtures.officeCheck(office, correction.id!)
        let signed = try office.session("zhoulixin").signMinutes(correction.id!)
        #expect(signed.number?.sequence == 2)
        #expect(signed.signedText?.contains("（本件更正常务会议纪要〔2026〕1号）") == true)
        #expect(try office.session().minutesDetail(original.id!).correctedBy == correction.id)
    }

    @Test("numbers run per kind and per year without gaps", arguments: ScratchDatabase.engines)
    func numbering(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let mayor = try office.session("zhoulixin", now: "2026-03-05T09:00")
        let e1 = try MinutesFixtures.awaitingSignature(office, kind: .executive, start: "2026-03-02T09:00")
        let e2 = try MinutesFixtures.awaitingSignature(office, kind: .executive, start: "2026-03-03T09:00")
        let p1 = try MinutesFixtures.awaitingSignature(office, kind: .plenary, start: "2026-03-04T09:00")
        let e3 = try MinutesFixtures.awaitingSignature(office, kind: .executive, start: "2026-03-04T15:00")
        #expect(try office.session("zhoulixin").minutesDetail(e1.id!).nextNumber?.text(.zh) == "常务会议纪要〔2026〕1号")
        #expect(try mayor.signMinutes(e2.id!).number?.text(.zh) == "常务会议纪要〔2026〕1号")
        #expect(try mayor.signMinutes(p1.id!).number?.text(.zh) == "全体会议纪要〔2026〕1号")
        #expect(try mayor.signMinutes(e1.id!).number?.text(.zh) == "常务会议纪要〔2026〕2号")
        let nextYear = try office.session("zhoulixin", now: "2027-01-04T09:00")
        #expect(try nextYear.signMinutes(e3.id!).number?.text(.zh) == "常务会议纪要〔2027〕1号")
    }

    @Test("a classified document's body is not shown to a department head who did not attend (R48)")
    func classifiedBody() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, title: "信访维稳", members: ["xuwenbo"])
        let secretary = try office.session("lijing")
        let id = try secretary.draftMinutes(meetingId: meeting.id!, body: "涉密内容：某事项处置方案").id!
        try secretary.setMinutesAttributes(id, disclosure: .notPublic, reason: "涉及国家秘密", classification: .secret)

        let outsider = try office.session("tanghongxia")
        let detail = try outsider.minutesDetail(id)
        #expect(!detail.bodyVisible)
        #expect(detail.minutes.body.isEmpty)
        #expect(detail.withheld?.article == "R48")
        #expect(detail.minutes.title == meeting.numberedTitle(.zh).replacingOccurrences(of: "：信访维稳", with: "") + "纪要（信访维稳）")
        #expect(try outsider.minutesList().contains { $0.id == id && $0.body.isEmpty })
        #expect(refusal { _ = try outsider.exportMinutes(id) }?.article == "R48")
        #expect(refusal { _ = try outsider.minutesPaper(id) }?.article == "R48", "the document's values never leave the store either")

        #expect(try office.session("xuwenbo").minutesDetail(id).minutes.body.contains("处置方案"))
        #expect(try office.session("zhoulixin").minutesDetail(id).bodyVisible)
        #expect(try office.session("root").minutesDetail(id).bodyVisible)
        #expect(try secretary.minutesDetail(id).bodyVisible)
        let audit = try office.session().auditEvents(limit: 50, entity: "minutes")
        #expect(!audit.contains { $0.after.contains("处置方案") || $0.before.contains("处置方案") })
    }

    @Test("the mayor's queue: oldest first, waiting time in working days, due after 5 working days (R46), overdue marked", arguments: ScratchDatabase.engines)
    func signatureQueue(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let older = try MinutesFixtures.awaitingSignature(office, kind: .executive, start: "2026-02-10T09:00")
        let newer = try MinutesFixtures.awaitingSignature(office, kind: .topical, start: "2026-02-26T09:00")
        let mayor = try office.session("zhoulixin", now: "2026-02-27T09:00")
        let queue = try mayor.minutesQueue()
        #expect(queue.map(\.minutes.id) == [older.id, newer.id])
        // After 2026-02-10: Feb 11, 12, 13, the adjusted Saturday 14, then 24–27 after the Spring Festival.
        #expect(queue[0].waitingDays == 8)
        #expect(queue[0].due == Day(iso: "2026-02-24"))
        #expect(queue[0].isOverdue)
        #expect(queue[1].waitingDays == 1 && !queue[1].isOverdue && queue[1].due == Day(iso: "2026-03-04"))  // Feb 27, the adjusted Saturday 28, Mar 2, 3, 4
        #expect(queue[0].nextNumber?.text(.zh) == "常务会议纪要〔2026〕1号")
        #expect(queue[1].nextNumber?.text(.zh) == "专题会议纪要〔2026〕1号")
        #expect(try office.session("lijing").minutesQueue(for: "zhoulixin").count == 2)
        #expect(try office.session("lijing").minutesQueue().isEmpty)

        let waiting = try mayor.homeSnapshot().waiting
        #expect(waiting.contains { $0.ref == .minutes(older.id!) && $0.isOverdue && $0.due == Day(iso: "2026-02-24") })
        let detail = try mayor.minutesDetail(older.id!)
        #expect(detail.due == Day(iso: "2026-02-24") && detail.isOverdue && detail.waitingDays == 8)
    }

    @Test("a reviewer's waiting list shows the minutes at their step", arguments: ScratchDatabase.engines)
    func reviewerWaiting(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, chair: "wangxiaoyan", members: ["xuwenbo"])
        let head = try office.session("xuwenbo")
        let id = try head.draftMinutes(meetingId: meeting.id!, body: "请示").id!
        try head.setMinutesAttributes(id, disclosure: .public, reason: nil, classification: nil)
        try head.submitMinutes(id)
        // Issue 17 (R47): the office's check comes first; the director sees it, the vice mayor not yet.
        #expect(try office.session("yangwentao").homeSnapshot().waiting.contains { $0.ref == .minutes(id) && $0.due != nil })
        #expect(try !office.session("wangxiaoyan").homeSnapshot().waiting.contains { $0.ref == .minutes(id) })
        try MinutesFixtures.officeCheck(office, id)
        #expect(try office.session("wangxiaoyan").homeSnapshot().waiting.contains { $0.ref == .minutes(id) && $0.due != nil })
        #expect(try office.session("chenhaifeng").homeSnapshot().waiting.isEmpty)
        #expect(try office.session("zhoulixin").minutesQueue().isEmpty)
    }

    @Test("minutes are drafted only for held meetings, once, by the office (R43)", arguments: ScratchDatabase.engines)
    func draftingPreconditions(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let planned = try office.session("lijing").addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-09T09:00")!)
        #expect(refusal { try office.session("lijing").draftMinutes(meetingId: planned.id!) }?.code == "minutes.meetingNotHeld")
        let held = try MinutesFixtures.heldMeeting(office)
        #expect(refusal { try office.session("xuwenbo").draftMinutes(meetingId: held.id!) }?.code == "minutes.notOfficeStaff")
        try office.session("lijing").draftMinutes(meetingId: held.id!)
        #expect(refusal { try office.session("zhangyuhang").draftMinutes(meetingId: held.id!) }?.code == "minutes.exists")
        #expect(refusal { try office.session("lijing").draftMinutes(meetingId: 999) }?.kind == .notFound)
        #expect(refusal { try office.session("lijing").editMinutes(999, body: "x") }?.kind == .notFound)
        #expect(refusal { try office.session("lijing").editMinutes(1, body: "bad \u{1B}[2J") }?.code == "input.controlCharacters")
    }
}
