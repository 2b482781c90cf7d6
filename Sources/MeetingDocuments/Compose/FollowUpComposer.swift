import MeetingKit

/// Lays out follow-ups (R53–R55): the whole list as a ledger (督办台账) on a landscape page,
/// or one unit's items as a follow-up notice (督办通知) addressed to it.
public enum FollowUpComposer {
    public static func layout(_ paper: FollowUpPaper) -> DocumentLayout {
        paper.unit.map { notice(paper, unit: $0) } ?? ledger(paper)
    }

    static func ledger(_ paper: FollowUpPaper) -> DocumentLayout {
        var layout = DocumentLayout(title: "督办事项台账", page: .landscape)
        layout.add(.title, layout.title)
        layout.add(Paragraph(.number, runs: [.init("\(paper.office)　截至\(paper.compiledOn.chinese)")]))
        layout.addBlankLine()
        let rows = paper.rows.enumerated().map { i, row in
            [Table.Cell(String(i + 1), alignment: .center), Table.Cell(row.source), Table.Cell(row.decision), Table.Cell(row.unit),
             Table.Cell(row.due.chinese, alignment: .center), Table.Cell(status(row), alignment: .center), Table.Cell(row.doneNote ?? "")]
        }
        layout.blocks.append(.table(Table(columns: [12, 44, 82, 30, 32, 17, 40],
                                          header: Table.headings(["序号", "来源", "议定事项", "主办单位", "办理期限", "状态", "办理情况"]),
                                          rows: rows, rowHeight: 10)))
        layout.addBlankLine()
        let overdue = paper.rows.filter(\.isOverdue).count
        layout.add(.flush, "共 \(paper.rows.count) 项，其中办理中 \(paper.rows.filter { $0.status == .open }.count) 项，逾期 \(overdue) 项。")
        return layout
    }

    static func notice(_ paper: FollowUpPaper, unit: String) -> DocumentLayout {
        var layout = DocumentLayout(title: "关于督办\(unit)承办事项的通知")
        OfficialHeader.officeHead(paper.office, title: layout.title, into: &layout)
        layout.add(.flush, unit + "：")
        let open = paper.rows.filter { $0.status == .open }
        layout.add(.body, open.isEmpty ? "截至\(paper.compiledOn.chinese)，你单位承办的区政府会议议定事项均已办结。"
                   : "根据区政府会议纪要，你单位承办的以下议定事项尚在办理中，请抓紧落实，于办理期限前将办理情况书面报送区政府办公室。")
        for (i, row) in open.enumerated() {
            layout.add(.body, "\(MinutesDraft.chineseOrdinal(i + 1))、\(row.source)：\(row.decision)（办理期限：\(row.due.chinese)\(row.isOverdue ? "，已逾期" : "")）")
        }
        layout.addBlankLine()
        layout.addBlankLine()
        layout.add(.signature, paper.office)
        layout.add(.signature, paper.compiledOn.chinese)
        layout.imprint = Imprint(distribution: [], printer: paper.office, printed: paper.compiledOn.chinese + "印发")
        return layout
    }

    static func status(_ row: FollowUpPaper.Row) -> String {
        row.status == .done ? "已办结" : row.isOverdue ? "逾期" : "办理中"
    }
}
