import Testing
import MeetingKit
import MeetingStore
@testable import MeetingTUI
import HuiwuTestSupport

/// An office with items in several states and an executive meeting with an agenda.
struct AgendaScene {
    let office: TestOffice
    let meeting: Meeting
    /// Disputed, coordinated without agreement (flagged), approved, accepted and scheduled.
    let flagged: Int64
    /// Out for opinions: WJW agreed, MZJ not yet.
    let consulting: Int64
    /// Consensus, waiting on the VM's approval.
    let consensus: Int64
    /// Withdrawn by its lead department.
    let withdrawn: Int64
    let scheduledSecond: Int64

    init() throws {
        office = try TestOffice()
        meeting = try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!, durationMinutes: 60,
                                                  room: "区政府常务会议室")
        let lijing = try office.session("lijing")
        flagged = try lijing.addItem(title: "关于调整中小学课后服务收费标准的议题", lead: "JW", related: ["WJW", "MZJ"], publicInterest: true,
                                     category: 1, summary: "拟将课后服务收费标准由每课时3元调整为4元").id!
        try office.session("xuwenbo").submitItem(flagged)
        try office.session("handongmei").giveOpinion(flagged, department: "WJW", stance: .disagree, reason: "缺少听证程序")
        try office.session("lijing", onBehalfOf: "fengguoqing").giveOpinion(flagged, department: "MZJ", stance: .agree)
        try office.session("wangxiaoyan").coordinateItem(flagged, .unresolved, note: "两次协调未果")
        try office.session("xuwenbo").stateDisagreement(flagged, statement: "区卫生健康委认为缺少听证程序；区教委认为已开展问卷调查，将在会上说明",
                                                        proposal: "建议会上听取两部门意见后决定")
        try office.session("wangxiaoyan").approveItem(flagged)
        try office.session("xuwenbo").confirmPrecondition(flagged, .stabilityRisk, note: "西教评〔2026〕3号")
        try office.session("yangwentao").acceptItem(flagged)
        try lijing.scheduleItem(flagged, meeting: meeting.id!, plannedMinutes: 30)

        scheduledSecond = try lijing.addItem(title: "关于区医保定点机构考核的议题", lead: "YBJ", category: 6).id!
        try office.session("lijing", onBehalfOf: "fanxiaohong").submitItem(scheduledSecond)
        try office.session("maliping").approveItem(scheduledSecond)
        try lijing.acceptItem(scheduledSecond)
        try lijing.scheduleItem(scheduledSecond, meeting: meeting.id!, plannedMinutes: 20)

        consulting = try lijing.addItem(title: "关于社区养老驿站运营补贴的议题", lead: "MZJ", related: ["WJW", "CZJ"], market: true).id!
        try office.session("lijing", onBehalfOf: "fengguoqing").submitItem(consulting)
        try office.session("handongmei").giveOpinion(consulting, department: "WJW", stance: .agree)

        consensus = try lijing.addItem(title: "关于校园周边交通秩序整治的议题", lead: "JW", related: ["CGW"], category: 1).id!
        try office.session("lijing", onBehalfOf: "xuwenbo").submitItem(consensus)
        try office.session("denglijun").giveOpinion(consensus, department: "CGW", stance: .agree)

        withdrawn = try lijing.addItem(title: "关于体育场馆开放时间的议题", lead: "TYJ").id!
        try office.session("lijing", onBehalfOf: "panyong").withdrawItem(withdrawn, reason: "已由部门自行解决")
    }

    func harness(_ login: String, rows: Int = 24, columns: Int = 100, root: (any Screen)? = nil, lang: Lang = .zh) throws -> ScreenHarness {
        ScreenHarness(session: try office.session(login), lang: lang, rows: rows, columns: columns, root: root)
    }
}

@Suite("Agenda screens")
struct AgendaScreenTests {
    @Test("the item list, and its filters by state, department and meeting")
    func list() throws {
        let scene = try AgendaScene()
        var h = try scene.harness("lijing", root: ItemListScreen())
        Snapshot.assert(h.text, named: "item-list")
        h.press(.char("f"), .char("1"), .down, .down, .down, .enter)  // by state: 全部, 草稿, 征求意见, 意见一致
        #expect(h.text.contains("状态：意见一致"))
        #expect(h.text.contains("共 1 项"))
        h.press(.char("f"), .char("4"), .char("f"), .char("3"), .down, .enter)  // clear, then by meeting
        #expect(h.text.contains("会议：第1次区政府常务会议"))
        #expect(h.text.contains("共 2 项"))
        h.press(.char("f"), .char("4"), .char("f"), .char("2"), .escape)  // clear, then by department, cancelled
        #expect(h.text.contains("共 5 项"))
        var byDepartment = try scene.harness("lijing", root: ItemListScreen(department: "WJW"))
        #expect(byDepartment.text.contains("共 2 项"))
        byDepartment.press(.enter)
        #expect(byDepartment.text.contains("议题 #3"))
    }

    @Test("the detail: statement highlighted, opinions table, preconditions checklist, timeline")
    func detail() throws {
        let scene = try AgendaScene()
        let h = try scene.harness("lijing", rows: 40, root: ItemDetailScreen(itemId: scene.flagged))
        Snapshot.assert(h.text, named: "item-detail")
        let buffer = h.buffer
        let row = try #require((0..<buffer.rows).first { buffer.line($0).contains("⚠ 分歧说明") })
        let column = try #require(buffer.line(row).firstIndex(of: "⚠")).utf16Offset(in: buffer.line(row))
        #expect(buffer[row, column].style == .warning)
        let consulting = try scene.harness("lijing", rows: 30, root: ItemDetailScreen(itemId: scene.consulting), lang: .en)
        Snapshot.assert(consulting.text, named: "item-detail-consulting-en")
    }

    @Test("only the steps the acting person may take are offered as keys")
    func keys() throws {
        let scene = try AgendaScene()
        var vm = try scene.harness("wangxiaoyan", root: ItemDetailScreen(itemId: scene.consensus))
        let footer = vm.buffer.line(23)
        #expect(footer.contains("a 审核同意"))
        #expect(!footer.contains("受理"))
        #expect(!footer.contains("w 撤回"))
        var other = try scene.harness("zhaojianguo", root: ItemDetailScreen(itemId: scene.consensus))
        #expect(!other.buffer.line(23).contains("审核同意"))
        other.press(.char("a"))
        #expect(!other.text.contains("确认"))
        #expect(try scene.office.session().itemDossier(scene.consensus).item.state == .consensus)

        vm.press(.char("a"))
        #expect(vm.text.contains("审核同意议题 #\(scene.consensus)？"))
        vm.press(.char("y"))
        #expect(vm.text.contains("审核同意：议题 #\(scene.consensus) 现为“已审核同意”"))
        #expect(try scene.office.session().itemDossier(scene.consensus).item.state == .approved)
        #expect(!vm.buffer.line(23).contains("a 审核同意"))
    }

    @Test("a head gives a disagreeing opinion through the form; an empty reason is refused and keeps the form")
    func opinionForm() throws {
        let scene = try AgendaScene()
        let before = try scene.office.auditCount()
        var h = try scene.harness("hexuemei", root: ItemDetailScreen(itemId: scene.consulting))
        h.press(.char("o"), .down, .enter, .enter)
        #expect(h.text.contains("不同意须说明理由"))
        #expect(h.text.contains("部门意见 #\(scene.consulting)"))
        #expect(try scene.office.auditCount() == before)
        h.type("补贴资金未列入年度预算")
        h.press(.enter)
        let item = try scene.office.session().itemDossier(scene.consulting).item
        #expect(item.state == .disputed)
        #expect(item.opinion(of: "CZJ")?.reason == "补贴资金未列入年度预算")
        #expect(h.text.contains("现为“有分歧”"))
    }

    @Test("the agenda editor: order, planned minutes, the R61 overrun warning")
    func agendaEditor() throws {
        let scene = try AgendaScene()
        var h = try scene.harness("lijing", root: AgendaEditorScreen(meetingId: scene.meeting.id!))
        Snapshot.assert(h.text, named: "agenda-editor")
        h.press(.down, .char("K"))
        #expect(try scene.office.session().meetingAgenda(scene.meeting.id!).lines.map(\.slot.itemId) == [scene.scheduledSecond, scene.flagged])
        h.press(.char("+"), .char("+"))
        #expect(h.text.contains("合计 60 分钟 / 会议 60 分钟"))
        h.press(.char("e"), .backspace, .backspace)
        h.type("45")
        h.press(.enter)
        #expect(h.text.contains("R61：议程计划 75 分钟，超出会议时长 60 分钟 15 分钟"))
        Snapshot.assert(h.text, named: "agenda-editor-overrun")
        var head = try scene.harness("xuwenbo", root: AgendaEditorScreen(meetingId: scene.meeting.id!))
        head.press(.char("K"))
        #expect(head.text.contains("R61"))
        #expect(try scene.office.session().meetingAgenda(scene.meeting.id!).lines.first?.slot.itemId == scene.scheduledSecond)
    }

    @Test("from home: 2 opens the items; Enter on a waiting entry opens the item")
    func fromHome() throws {
        let scene = try AgendaScene()
        var h = try scene.harness("wangxiaoyan")
        #expect(h.text.contains("审核议题 #\(scene.consensus)"))
        h.press(.tab, .enter)
        #expect(h.text.contains("关于校园周边交通秩序整治的议题"))
        h.press(.escape, .char("2"))
        #expect(h.text.contains("共 5 项"))
    }

    @Test("a disagreeing department's reasons show in full at 80×24, wrapped under its opinion")
    func longReasons() throws {
        let office = try TestOffice()
        let id = try office.session("xuwenbo").addItem(title: "关于校园午餐配送的议题", lead: "JW", related: ["WJW"]).id!
        try office.session("xuwenbo").submitItem(id)
        let reason = "食品安全责任划分不清，配送企业资质审核、留样检测和突发事件处置的牵头单位均未明确，补贴标准缺少测算依据"
        try office.session("handongmei").giveOpinion(id, department: "WJW", stance: .disagree, reason: reason)
        for lang in [Lang.zh, .en] {
            let ui = ScreenHarness(session: try office.session("xuwenbo"), lang: lang, rows: 24, columns: 80, root: ItemDetailScreen(itemId: id))
            let joined = ui.text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
            #expect(joined.contains(reason), "\(ui.text)")
        }
    }
}
