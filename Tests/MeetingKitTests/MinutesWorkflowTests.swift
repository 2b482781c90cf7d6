import Testing
@testable import MeetingKit

@Suite("Minutes workflow, chain and documents")
struct MinutesWorkflowTests {
    let mayor = Person(login: "zhoulixin", name: "周立新", role: .mayor)
    let evm = Person(login: "chenhaifeng", name: "陈海峰", role: .executiveViceMayor)
    let vm = Person(login: "wangxiaoyan", name: "王晓燕", role: .viceMayor)
    let secretary = Person(login: "lijing", name: "李静", role: .secretary, departmentCode: "ZFB")
    let head = Person(login: "xuwenbo", name: "许文博", role: .departmentHead, departmentCode: "JW")
    let director = Person(login: "yangwentao", name: "杨文涛", role: .officeDirector, departmentCode: "ZFB")
    let now = LocalDateTime(iso: "2026-03-02T09:00")!

    var org: OrgChart {
        OrgChart(people: [mayor, evm, vm, secretary, head, director],
                 departments: [Department(code: "JW", name: "区教委", kind: .constituent, headLogin: "xuwenbo", supervisorLogin: "wangxiaoyan"),
                               Department(code: "FGW", name: "区发展改革委", kind: .constituent, supervisorLogin: "chenhaifeng")])
    }

    func meeting(_ kind: MeetingKind, chair: String, inGovernmentName: Bool = true) -> Meeting {
        Meeting(id: 1, kind: kind, termNumber: 17, number: 3, convenerLogin: chair, chairLogin: chair, start: now, durationMinutes: 60,
                status: .held, inGovernmentName: inGovernmentName)
    }

    func draft(_ route: MinutesRoute = .mayorSigns, drafter: String = "lijing") -> Minutes {
        Minutes(id: 1, meetingId: 1, meetingKind: .executive, route: route, drafterLogin: drafter, title: "第3次区政府常务会议纪要",
                body: "正文", createdAt: now)
    }

    func act(_ p: Person) -> Actor { Actor(osUser: p.login, person: p) }

    @Test("the route follows the meeting: R44 only for a vice mayor's topical meeting in the government's name")
    func routes() throws {
        #expect(try MinutesRoute.route(for: meeting(.executive, chair: "zhoulixin"), mayorLogin: "zhoulixin") == .mayorSigns)
        #expect(try MinutesRoute.route(for: meeting(.topical, chair: "zhoulixin"), mayorLogin: "zhoulixin") == .mayorSigns)
        #expect(try MinutesRoute.route(for: meeting(.topical, chair: "wangxiaoyan"), mayorLogin: "zhoulixin") == .governmentRequest)
        // Issue 17: a VM meeting not in the government's name gives the VM's own minutes, never mayor-signed government minutes (R44).
        #expect(try MinutesRoute.route(for: meeting(.topical, chair: "wangxiaoyan", inGovernmentName: false), mayorLogin: "zhoulixin") == .chairSigns)
    }

    @Test("the R44 chain is the supervising VM, the EVM, the mayor; the EVM reviews once when supervising the lead department")
    func chains() throws {
        // Issue 17 (R47): documents in the government's name are checked by the office director first.
        #expect(try MinutesChain.chain(route: .mayorSigns, leadDepartmentCode: nil, chairLogin: "zhoulixin", org: org) == ["yangwentao", "zhoulixin"])
        #expect(try MinutesChain.chain(route: .governmentRequest, leadDepartmentCode: "JW", chairLogin: "wangxiaoyan", org: org)
                == ["yangwentao", "wangxiaoyan", "chenhaifeng", "zhoulixin"])
        #expect(try MinutesChain.chain(route: .governmentRequest, leadDepartmentCode: "FGW", chairLogin: "chenhaifeng", org: org)
                == ["yangwentao", "chenhaifeng", "zhoulixin"])
        #expect(try MinutesChain.chain(route: .governmentRequest, leadDepartmentCode: "JW", chairLogin: "wangxiaoyan", org: org, officeCheck: false)
                == ["wangxiaoyan", "chenhaifeng", "zhoulixin"])
    }

    @Test("submitting needs the disclosure attribute, and a reason when not public (R22)")
    func disclosure() throws {
        var m = draft()
        #expect { try MinutesWorkflow.transition(m, .submit(chain: ["zhoulixin"]), by: act(secretary), org: org, at: now) }
            throws: { ($0 as? Refusal)?.article == "R22" }
        m.disclosure = .notPublic
        #expect { try MinutesWorkflow.transition(m, .submit(chain: ["zhoulixin"]), by: act(secretary), org: org, at: now) }
            throws: { ($0 as? Refusal)?.code == "minutes.disclosureReasonMissing" }
        m.disclosureReason = "依法不予公开"
        #expect(try MinutesWorkflow.transition(m, .submit(chain: ["zhoulixin"]), by: act(secretary), org: org, at: now).state == .awaitingSignature)
        #expect { try MinutesWorkflow.transition(draft(), .setAttributes(disclosure: .public, reason: "x", classification: nil), by: act(secretary), org: org, at: now) }
            throws: { ($0 as? Refusal)?.code == "minutes.reasonNotNeeded" }
    }

    @Test("a chain must end with the mayor's signature (R43)")
    func chainEndsWithMayor() throws {
        var m = draft()
        m.disclosure = .public
        #expect { try MinutesWorkflow.transition(m, .submit(chain: ["chenhaifeng"]), by: act(secretary), org: org, at: now) }
            throws: { ($0 as? Refusal)?.article == "R43" }
    }

    @Test("approvals go in order and a return restarts the chain; signing records number, signer and hash")
    func walkTheChain() throws {
        var m = draft(.governmentRequest, drafter: "xuwenbo")
        m.disclosure = .public
        let later = LocalDateTime(iso: "2026-03-04T10:00")!
        m = try MinutesWorkflow.transition(m, .submit(chain: ["wangxiaoyan", "chenhaifeng", "zhoulixin"]), by: act(head), org: org, at: now)
        #expect(m.state == .inReview && m.waitingOn == "wangxiaoyan" && m.stepSince == now)
        m = try MinutesWorkflow.transition(m, .approve, by: act(vm), org: org, at: later)
        #expect(m.waitingOn == "chenhaifeng" && m.stepSince == later)
        m = try MinutesWorkflow.transition(m, .return(reason: "补充"), by: act(evm), org: org, at: later)
        #expect(m.state == .returned && m.waitingOn == "xuwenbo" && m.step == 0)
        m = try MinutesWorkflow.transition(m, .submit(chain: ["wangxiaoyan", "chenhaifeng", "zhoulixin"]), by: act(head), org: org, at: later)
        #expect(m.waitingOn == "wangxiaoyan")
        m = try MinutesWorkflow.transition(m, .approve, by: act(vm), org: org, at: later)
        m = try MinutesWorkflow.transition(m, .approve, by: act(evm), org: org, at: later)
        #expect(m.state == .awaitingSignature)
        #expect { try MinutesWorkflow.transition(m, .approve, by: act(self.mayor), org: self.org, at: later) }
            throws: { ($0 as? Refusal)?.code == "minutes.approveAtSignature" }
        let version = m.version
        #expect { try MinutesWorkflow.transition(m, .sign(number: MinutesNumber(kind: .topical, year: 2026, sequence: 4), signedText: "全文"),
                                                 by: act(self.mayor), org: self.org, at: later) } throws: { ($0 as? Refusal)?.code == "minutes.numberMismatch" }
        m = try MinutesWorkflow.transition(m, .sign(number: MinutesNumber(kind: .executive, year: 2026, sequence: 4), signedText: "全文"),
                                           by: act(mayor), org: org, at: later)
        #expect(m.state == .signed && m.signedBy == "zhoulixin" && m.number?.text(.zh) == "常务会议纪要〔2026〕4号")
        #expect(m.sha256 == SHA256.hex("全文") && m.version == version + 1 && m.waitingOn == nil)
    }

    @Test("numbers read like the office writes them")
    func numbers() {
        #expect(MinutesNumber(kind: .executive, year: 2026, sequence: 12).text(.zh) == "常务会议纪要〔2026〕12号")
        #expect(MinutesNumber(kind: .plenary, year: 2026, sequence: 1).text(.zh) == "全体会议纪要〔2026〕1号")
        #expect(MinutesNumber(kind: .topical, year: 2027, sequence: 3).text(.en) == "Topical Meeting Minutes [2027] No. 3")
    }

    @Test("the draft lists each item in order with its lead department, the disagreement statement, and the outcome")
    func draftBody() {
        let items = [
            MinutesDraft.Item(title: "关于学位供给的议题", leadDepartment: "区教委", disagreementStatement: "区财政局对经费来源有不同意见", outcome: .decided("原则同意，由区教委会同区财政局落实。")),
            MinutesDraft.Item(title: "关于老旧小区改造的议题", leadDepartment: "区住房城市建设委", outcome: .deferred),
            MinutesDraft.Item(title: "关于停车管理的议题", leadDepartment: "区城市管理委", outcome: .withdrawn(reason: "另行研究")),
        ]
        let attendance = MinutesDraft.Attendance(present: ["周立新", "陈海峰"], onLeave: [(name: "王晓燕", substitute: nil), (name: "许文博", substitute: "张三")],
                                                 sitsIn: ["方卫国"], invited: ["区人大代表（区人大）"])
        let body = MinutesDraft(meeting: meeting(.executive, chair: "zhoulixin"), chair: "周立新（区长）", attendance: attendance, items: items).body
        let lines = body.split(separator: "\n").map(String.init)
        #expect(lines.contains("请假：王晓燕、许文博（张三代）"))
        #expect(lines.contains("一、关于学位供给的议题（主办：区教委）"))
        #expect(lines.contains("分歧意见说明：区财政局对经费来源有不同意见"))
        #expect(lines.contains("会议决定：原则同意，由区教委会同区财政局落实。"))
        #expect(lines.contains("二、关于老旧小区改造的议题（主办：区住房城市建设委）"))
        #expect(lines.contains("该议题已撤回（另行研究）。"))
        #expect(body.contains("研究了3项议题"))
        #expect([1, 9, 10, 11, 20, 21, 99].map(MinutesDraft.chineseOrdinal) == ["一", "九", "十", "十一", "二十", "二十一", "九十九"])
    }

    @Test("the signed text starts with the classification, the issuer and the number; drafts are marked")
    func signedText() {
        let doc = MinutesDocument(issuer: "北京市西城区人民政府", number: "常务会议纪要〔2026〕1号", title: "第1次<会议>纪要",
                                  body: "一、议题\n<script>alert(1)</script> & 'x'", classification: .confidential, disclosure: .onRequest,
                                  signer: "区长 周立新", signedOn: Day(iso: "2026-03-05"), corrects: nil)
        #expect(doc.text.contains("（此件依申请公开）") && doc.text.contains("2026年3月5日"))
        #expect(doc.text.hasPrefix("机密\n北京市西城区人民政府\n常务会议纪要〔2026〕1号\n"))
        let unsigned = MinutesDocument(issuer: "x", number: nil, title: "t", body: "b", classification: .none, disclosure: nil,
                                       signer: nil, signedOn: nil, corrects: nil)
        #expect(unsigned.text.hasPrefix("【草稿，未签发】"))
    }

    @Test("classified bodies are for the chain, the drafter, attendees and administrators (R48)")
    func classifiedAccess() {
        var m = draft()
        m.classification = .secret
        m.chain = ["zhoulixin"]
        let policy = AccessPolicy(org: org)
        #expect(policy.refusal(for: .readMinutesBody(m, attendees: []), by: act(head))?.article == "R48")
        #expect(policy.refusal(for: .readMinutesBody(m, attendees: ["xuwenbo"]), by: act(head)) == nil)
        #expect(policy.refusal(for: .readMinutesBody(m, attendees: []), by: act(mayor)) == nil)
        #expect(policy.refusal(for: .readMinutesBody(m, attendees: []), by: act(secretary)) == nil)
        m.classification = .none
        #expect(policy.refusal(for: .readMinutesBody(m, attendees: []), by: act(head)) == nil)
    }
}
