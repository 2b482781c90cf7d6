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
}
