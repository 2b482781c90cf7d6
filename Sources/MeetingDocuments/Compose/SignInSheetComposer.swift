import MeetingKit

/// Lays out a sign-in sheet (签到表): 序号, 单位, 职务, 姓名, a blank for the signature,
/// 签到时间 and 备注, with the header repeated on every page and the counts under it.
/// `forSigning` prints it before the meeting for handwritten signatures: no times, and
/// counts left blank to fill in.
public enum SignInSheetComposer {
    public static func layout(_ sheet: SignInSheet, forSigning: Bool = false) -> DocumentLayout {
        var layout = DocumentLayout(title: sheet.meetingTitle + "签到表")
        OfficialHeader.sheetHead(layout.title, start: sheet.start, room: sheet.room, into: &layout)
        let rows = sheet.rows.enumerated().map { i, row in
            [Table.Cell(String(i + 1), alignment: .center), Table.Cell(row.unit), Table.Cell(row.title), Table.Cell(row.name, alignment: .center),
             Table.Cell(""), Table.Cell(forSigning ? "" : row.signedAt ?? "", alignment: .center), Table.Cell(row.remark)]
        }
        layout.blocks.append(.table(Table(columns: [12, 29, 25, 18, 22, 20, 30],
                                          header: Table.headings(["序号", "单位", "职务", "姓名", "签名", "签到时间", "备注"]),
                                          rows: rows, rowHeight: 10)))
        layout.addBlankLine()
        layout.add(.flush, counts(sheet, forSigning: forSigning))
        return layout
    }

    /// 应到 54 人，实到 50 人，请假 2 人（其中代会 1 人），缺席 1 人.
    static func counts(_ sheet: SignInSheet, forSigning: Bool) -> String {
        let c = sheet.counts
        guard !forSigning, sheet.hasSignIn else { return "应到 \(c.expected) 人，实到＿＿人，请假 \(c.leave) 人，缺席＿＿人。" }
        var text = "应到 \(c.expected) 人，实到 \(c.present) 人，请假 \(c.leave) 人"
        if c.substitutes > 0 { text += "（其中代会 \(c.substitutes) 人）" }
        text += "，缺席 \(c.absent) 人"
        if c.unmarked > 0 { text += "，未签到 \(c.unmarked) 人" }
        return text + "。"
    }
}
