import MeetingKit

/// Lays out a meeting notice (会议通知) in the general format of GB/T 9704: the office's red
/// masthead, the title, the units addressed, the meeting's time, place and chair, the agenda
/// with reporting and sitting-in units, who attends, the requests (receipt, materials,
/// contact), the office's name and date; then the receipt form (回执) as an attachment.
public enum NoticeComposer {
    public static func layout(_ notice: MeetingNotice) -> DocumentLayout {
        var layout = DocumentLayout(title: "关于召开\(notice.meetingTitle)的通知")
        if notice.sentAt == nil { layout.add(Paragraph(.mark, runs: [.init("草稿（未发出）")], alignment: .right)) }
        OfficialHeader.officeHead(notice.office, title: layout.title, into: &layout)
        layout.add(.flush, addressees(notice) + "：")
        layout.add(.body, "经区政府领导同意，定于\(OfficialHeader.when(notice.start))在\(notice.room ?? "（会议室另行通知）")召开\(notice.meetingTitle)，"
                   + "由\(notice.chair)主持。现将有关事项通知如下：")
        var section = 0
        func heading(_ text: String) {
            section += 1
            layout.add(.heading1, "\(MinutesDraft.chineseOrdinal(section))、\(text)")
        }
        if !notice.items.isEmpty {
            heading("会议议题")
            for (i, item) in notice.items.enumerated() {
                var line = "（\(MinutesDraft.chineseOrdinal(i + 1))）\(item.title)。汇报单位：\(item.reportingUnit)"
                if !item.sittingIn.isEmpty { line += "；列席单位：\(item.sittingIn.joined(separator: "、"))" }
                layout.add(.body, line + "（\(item.minutes)分钟）。")
            }
        }
        heading("参会人员")
        for (label, names) in [("出席", notice.members), ("列席", notice.sitsIn.isEmpty ? [] : [notice.sitsIn.joined(separator: "、") + "主要负责同志"]),
                               ("邀请", notice.invited)] where !names.isEmpty {
            layout.add(.labelled(LabelledLine(label, names.joined(separator: "、"))))
        }
        heading("有关要求")
        var requests = ["请各单位于\(notice.timing.receiptsDue.day.chinese)\(notice.timing.receiptsDue.timeText)前签收回执，报参会人员；"
                        + "不能出席的，请通过回执请假并说明代会人员。", "会议材料：\(notice.materials)"]
        if notice.liveBroadcast { requests.append("本次会议进行网络直播，请参会人员提前10分钟入场。") }
        requests.append("联系人：\(notice.contact)。")
        for (i, request) in requests.enumerated() { layout.add(.body, "（\(MinutesDraft.chineseOrdinal(i + 1))）\(request)") }
        layout.addBlankLine()
        layout.add(.body, "附件：回执")
        layout.addBlankLine()
        layout.addBlankLine()
        layout.add(.signature, notice.office)
        layout.add(.signature, notice.sentAt?.day.chinese ?? "　　年　月　日")
        receiptForm(notice, into: &layout)
        layout.imprint = Imprint(distribution: [], printer: notice.office, printed: (notice.sentAt?.day.chinese ?? "　　年　月　日") + "印发")
        return layout
    }

    /// 区政府领导，有关部门、单位，各街道办事处.
    static func addressees(_ notice: MeetingNotice) -> String {
        var parts = ["区政府有关领导"]
        if notice.sitsIn.contains(where: { !$0.hasSuffix("街道") }) || notice.members.count > 1 { parts.append("有关部门、单位") }
        if notice.sitsIn.contains(where: { $0.hasSuffix("街道") }) { parts.append("各街道办事处") }
        return parts.joined(separator: "，")
    }

    /// The 回执 on a page of its own (§7.3.7: 附件 at the top left, its title centred).
    static func receiptForm(_ notice: MeetingNotice, into layout: inout DocumentLayout) {
        layout.blocks.append(.pageBreak)
        layout.add(.mark, "附件")
        layout.addBlankLine()
        layout.add(.title, "回　执")
        layout.add(Paragraph(.number, runs: [.init(notice.meetingTitle + "（" + OfficialHeader.when(notice.start) + "）")]))
        layout.addBlankLine()
        let blank = Array(repeating: Table.Cell(""), count: 5)
        layout.blocks.append(.table(Table(columns: [36, 24, 28, 30, 38], header: Table.headings(["单位", "姓名", "职务", "是否出席", "备注（请假事由、代会人员）"]),
                                          rows: Array(repeating: blank, count: 3), rowHeight: 14)))
        layout.addBlankLine()
        layout.add(.body, "请于\(notice.timing.receiptsDue.day.chinese)\(notice.timing.receiptsDue.timeText)前反馈。联系人：\(notice.contact)。")
    }
}
