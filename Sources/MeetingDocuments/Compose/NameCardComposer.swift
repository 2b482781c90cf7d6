import MeetingKit

/// Lays out name cards (桌签): one A4 sheet, turned sideways, per seat in order of
/// precedence, the name large in the lower half, so that the sheet folded along its middle
/// stands as a tent card with the name towards the room (or goes into a card holder).
public enum NameCardComposer {
    public static func layout(_ chart: SeatingChart) -> DocumentLayout {
        var layout = DocumentLayout(title: chart.meetingTitle + "桌签", page: .landscape, pageNumbers: false)
        let page = PageSetup.landscape
        let style = ParagraphStyle.cardName
        for (i, seat) in chart.seats.enumerated() {
            if i > 0 { layout.blocks.append(.pageBreak) }
            let size = min(style.size, (Units.points(mm: page.textWidth) * 0.9 / Double(max(2, seat.name.count))).rounded(.down))
            let line = (style.lineHeight ?? size) / style.size * size
            // Centred in the lower half: the fold is the sheet's middle.
            let centre = Units.points(mm: page.height * 3 / 4 - page.top)
            layout.add(Paragraph(style, runs: [.init(seat.name)], size: size, spaceBefore: max(0, centre - line / 2)))
        }
        return layout
    }
}
