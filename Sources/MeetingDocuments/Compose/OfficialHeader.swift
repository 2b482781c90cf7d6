import MeetingKit

/// The top of an official document's first page (GB/T 9704 §7.2), shared by the document kinds.
enum OfficialHeader {
    /// 份号 on the first line and 密级 on the second for secret and confidential documents;
    /// 内部 alone for internal ones. Returns the number of lines added.
    static func marks(_ classification: Classification, copy: Int, into layout: inout DocumentLayout) -> Int {
        guard classification.isClassified else { return 0 }
        if classification == .internal {
            layout.add(.mark, classification.name.zh)
            return 1
        }
        layout.add(.flush, copyNumber(copy))
        layout.add(.mark, classification.name.zh)
        return 2
    }

    /// Six digits, as §7.2.1 asks: 000001.
    static func copyNumber(_ copy: Int) -> String {
        let digits = String(max(1, min(copy, 999_999)))
        return String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// The red masthead, sized so that it fits one line, with its top edge 35 mm below the
    /// top of the type area (§7.2.4, §10.3) after `linesAbove` body lines.
    static func masthead(_ text: String, linesAbove: Int, page: PageSetup = .gbt9704) -> Paragraph {
        let size = min(36, (Units.points(mm: page.textWidth) * 0.95 / Double(max(1, text.count))).rounded(.down))
        let style = ParagraphStyle.masthead
        let lineHeight = (style.lineHeight ?? size) / style.size * size
        // The glyphs sit in the middle of the line box, so the box starts half its leading higher.
        let top = Units.points(mm: 35) - (lineHeight - size) / 2 - Double(linesAbove) * page.linePitch
        return Paragraph(style, runs: [.init(text)], size: size, spaceBefore: max(0, top))
    }

    /// The 版头 of a document the office issues (§7.2): its name in red with the red rule
    /// under it, then the title two lines down (§7.3.1).
    static func officeHead(_ office: String, title: String, into layout: inout DocumentLayout) {
        var masthead = masthead(office, linesAbove: 0)
        masthead.ruleBelow = .masthead
        layout.add(masthead)
        layout.addBlankLine()
        layout.add(.title, title)
        layout.addBlankLine()
    }

    /// A sheet's heading (sign-in sheet, seating chart): the title and a line of when and where.
    static func sheetHead(_ title: String, start: LocalDateTime, room: String?, into layout: inout DocumentLayout) {
        layout.add(.title, title)
        layout.add(Paragraph(.number, runs: [.init(when(start) + (room.map { "　" + $0 } ?? ""))]))
        layout.addBlankLine()
    }

    /// 2026年3月5日（星期四）9:00, as notices write a meeting's time.
    static func when(_ start: LocalDateTime) -> String {
        let weekdays = ["一", "二", "三", "四", "五", "六", "日"]
        return "\(start.day.chinese)（星期\(weekdays[start.day.weekday.rawValue - 1])）\(start.hour):\(start.timeText.suffix(2))"
    }
}
