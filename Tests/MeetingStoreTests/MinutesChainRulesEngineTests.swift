import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// Who drafts, checks and signs a minutes document: the vice mayor's choice of R44, the
/// office's check of documents in the government's name (R47).
@Suite("Minutes chains: R44 chosen per document, the office's check (R47) on both engines")
struct MinutesChainRulesEngineTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    @Test("a VM meeting held in the government's name may still give the VM's own minutes: the office drafts, the VM signs, no government number (R44)", arguments: ScratchDatabase.engines)
    func ownMinutesOfAGovernmentMeeting(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, chair: "wangxiaoyan", title: "学位供给", members: ["xuwenbo"])
        #expect(meeting.inGovernmentName)
        let secretary = try office.session("lijing")
        let own = try secretary.draftMinutes(meetingId: meeting.id!, body: "会议议定事项……", inGovernmentName: false)
        #expect(own.route == .chairSigns && own.title == "第1次区政府专题会议纪要（学位供给）")
        try secretary.setMinutesAttributes(own.id!, disclosure: .onRequest, reason: nil, classification: nil)
        let submitted = try secretary.submitMinutes(own.id!)
        #expect(submitted.chain == ["wangxiaoyan"] && submitted.state == .awaitingSignature)
        let byMayor = refusal { try office.session("zhoulixin").signMinutes(own.id!) }
        #expect(byMayor?.article == "R44" && byMayor?.code == "minutes.onlyChair")
        let signed = try office.session("wangxiaoyan").signMinutes(own.id!)
        #expect(signed.state == .signed && signed.number == nil && signed.signedBy == "wangxiaoyan")
        #expect(signed.signedText?.contains("签发：副区长 王晓燕") == true)
        #expect(try office.session().minutesDetail(own.id!).steps.last?.task.zh == "副区长签发")
    }

    @Test("a VM meeting not in the government's name gives mayor-signed minutes only as the lead department's request, reviewed by the VM and the EVM (R44)", arguments: ScratchDatabase.engines)
    func requestOfAMeetingNotInTheGovernmentsName(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, chair: "wangxiaoyan", inGovernmentName: false, title: "学位供给",
                                                      members: ["xuwenbo"])
        // By default its minutes are the VM's own, never government minutes signed by the mayor alone.
        let byDefault = try office.session("lijing").draftMinutes(meetingId: meeting.id!)
        #expect(byDefault.route == .chairSigns)
        #expect(refusal { try office.session("lijing").draftMinutes(meetingId: meeting.id!, inGovernmentName: true) }?.code == "minutes.exists")

        let other = try MinutesFixtures.heldMeeting(office, kind: .topical, start: "2026-03-03T09:00", chair: "wangxiaoyan",
                                                    inGovernmentName: false, members: ["xuwenbo"])
        #expect(refusal { try office.session("lijing").draftMinutes(meetingId: other.id!, inGovernmentName: true) }?.code == "minutes.notLeadDepartment")
        let request = try office.session("xuwenbo").draftMinutes(meetingId: other.id!, inGovernmentName: true)
        #expect(request.route == .governmentRequest && request.title.hasPrefix("关于印发") && request.title.hasSuffix("的请示"))
        // It reads as a request to the government from the lead department.
        #expect(request.body.hasPrefix("区政府：") && request.body.contains("妥否，请批示。") && request.body.hasSuffix("区教委\n2026年3月3日"))
        try office.session("xuwenbo").setMinutesAttributes(request.id!, disclosure: .public, reason: nil, classification: nil)
        #expect(try office.session("xuwenbo").submitMinutes(request.id!).chain == ["yangwentao", "wangxiaoyan", "chenhaifeng", "zhoulixin"])
    }

    @Test("the minutes of executive, plenary and the mayor's meetings are always the government's (R43)", arguments: ScratchDatabase.engines)
    func governmentMinutesOnly(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office)
        let r = refusal { try office.session("lijing").draftMinutes(meetingId: meeting.id!, inGovernmentName: false) }
        #expect(r?.code == "minutes.alwaysGovernment" && r?.article == "R43")
    }

    @Test("documents in the government's name are checked by the office director or a deputy before the mayor signs (R47)", arguments: ScratchDatabase.engines)
    func officeChecks(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        try office.session().addPerson(Person(login: "zhaoli", name: "赵丽", role: .officeDeputyDirector, departmentCode: "ZFB"))
        let meeting = try MinutesFixtures.heldMeeting(office)
        let secretary = try office.session("lijing")
        let id = try secretary.draftMinutes(meetingId: meeting.id!).id!
        try secretary.setMinutesAttributes(id, disclosure: .public, reason: nil, classification: nil)
        let submitted = try secretary.submitMinutes(id)
        #expect(submitted.waitingOn == "yangwentao" && submitted.state == .inReview)
        let tooSoon = refusal { try office.session("zhoulixin").signMinutes(id) }
        #expect(tooSoon?.article == "R47" && tooSoon?.code == "minutes.reviewPending")
        let notOffice = refusal { try office.session("chenhaifeng").approveMinutes(id) }
        #expect(notOffice?.article == "R47" && notOffice?.code == "minutes.officeCheck")
        // The deputy director sees it waiting and may take the office's check.
        #expect(try office.session("zhaoli").homeSnapshot().waiting.contains { $0.ref == .minutes(id) })
        let checked = try office.session("zhaoli").approveMinutes(id)
        #expect(checked.state == .awaitingSignature && checked.waitingOn == "zhoulixin")
        #expect(try office.session().minutesDetail(id).history.last?.actorLogin == "zhaoli")
        #expect(try office.session("zhoulixin").signMinutes(id).state == .signed)
    }

    @Test("only an administrator's setting skips the office's check, audited (R47)", arguments: ScratchDatabase.engines)
    func officeCheckSetting(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        #expect(try office.session().ruleSettings().officeCheck)
        #expect(throws: Refusal.self) { try office.session("yangwentao").setOfficeCheck(false) }
        try office.session().setOfficeCheck(false)
        #expect(try office.session().auditEvents(limit: 1).first?.action == "setting.officeCheck")
        let meeting = try MinutesFixtures.heldMeeting(office)
        let secretary = try office.session("lijing")
        let id = try secretary.draftMinutes(meetingId: meeting.id!).id!
        try secretary.setMinutesAttributes(id, disclosure: .public, reason: nil, classification: nil)
        #expect(try secretary.submitMinutes(id).chain == ["zhoulixin"])
    }
}
