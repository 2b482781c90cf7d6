import MeetingKit

/// Lays out the office's leave report to the mayor (请假情况报告, R42): a report in the
/// general format, the numbers in one paragraph, each request in a table, the office's name.
public enum LeaveReportComposer {
    public static func layout(_ paper: LeaveReportPaper) -> DocumentLayout {
        let report = paper.report
        var layout = DocumentLayout(title: "关于\(report.title.zh)请假情况的报告")
        OfficialHeader.officeHead(paper.office, title: layout.title, into: &layout)
        layout.add(.flush, "区长：")
        let (approved, rejected, pending) = (report.count(.approved), report.count(.rejected), report.count(.pending))
        var summary = "\(report.title.zh)定于\(OfficialHeader.when(report.start))召开。截至\(report.compiledAt.day.chinese)\(report.compiledAt.timeText)，"
        summary += report.entries.isEmpty ? "无人请假。" : "共有\(report.entries.count)人请假，其中已批准\(approved)人、不予批准\(rejected)人、待答复\(pending)人。具体情况如下："
        layout.add(.body, summary)
        if !report.entries.isEmpty {
            layout.blocks.append(.table(Table(columns: [13, 20, 33, 34, 22, 34],
                                              header: Table.headings(["序号", "姓名", "职务（单位）", "事由", "代会人员", "审批情况"]),
                                              rows: report.entries.enumerated().map { i, e in
                                                  [Table.Cell(String(i + 1), alignment: .center), Table.Cell(e.name, alignment: .center),
                                                   Table.Cell(e.departmentName ?? e.role?.title.zh ?? ""), Table.Cell(e.reason),
                                                   Table.Cell(e.substituteName ?? "—", alignment: .center), Table.Cell(decision(e))]
                                              }, rowHeight: 10)))
        }
        layout.addBlankLine()
        layout.add(.body, "特此报告。")
        layout.addBlankLine()
        layout.addBlankLine()
        layout.add(.signature, paper.office)
        layout.add(.signature, report.compiledAt.day.chinese)
        layout.imprint = Imprint(distribution: [], printer: paper.office, printed: report.compiledAt.day.chinese + "印发")
        return layout
    }

    /// 已批准（杨文涛，3月3日）, 不予批准：理由, 待周立新审批.
    static func decision(_ e: LeaveReport.Entry) -> String {
        switch e.status {
        case .pending: return "待\(e.approverName)审批"
        case .approved: return "已批准（\(e.approverName)\(e.decidedAt.map { "，\($0.day.month)月\($0.day.day)日" } ?? "")）"
        case .rejected: return "不予批准（\(e.approverName)）" + (e.decisionReason.map { "：\($0)" } ?? "")
        }
    }
}
