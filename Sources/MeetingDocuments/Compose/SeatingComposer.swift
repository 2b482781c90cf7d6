import MeetingKit

/// Lays out a seating chart (座次表) as seen facing the head of the room: the presidium or
/// the long table's main side with its seats in the presidium order, the opposite side, the
/// rows of those who sit in; then the order of precedence as a list.
public enum SeatingComposer {
    public static func layout(_ chart: SeatingChart) -> DocumentLayout {
        var layout = DocumentLayout(title: chart.meetingTitle + "座次表")
        OfficialHeader.sheetHead(layout.title, start: chart.start, room: chart.room, into: &layout)
        let head = chart.row(.head)
        layout.add(Paragraph(.tableHeading, runs: [.init(chart.layout == .presidium ? "主　席　台" : "会　议　桌（主位一侧）")]))
        if !head.isEmpty { layout.blocks.append(.table(seatRow(head))) }
        if chart.layout == .longTable {
            layout.blocks.append(.table(Table(columns: [156], rows: [[Table.Cell("会　议　桌", alignment: .center, shaded: true)]], rowHeight: 12)))
            let opposite = chart.row(.opposite)
            if !opposite.isEmpty {
                layout.blocks.append(.table(seatRow(opposite)))
                layout.add(Paragraph(.tableHeading, runs: [.init("（对面一侧：特邀人员）")]))
            }
        }
        if chart.rowCount > 0 {
            layout.addBlankLine()
            layout.add(Paragraph(.tableHeading, runs: [.init(chart.layout == .presidium ? "台下座席（列席、特邀）" : "列　席　区")]))
            let width = 156 / Double(SeatingChart.seatsPerRow)
            let rows = (0..<chart.rowCount).map { r -> [Table.Cell] in
                let seats = chart.row(.rows, r)
                return seats.map(seatCell) + Array(repeating: Table.Cell(""), count: SeatingChart.seatsPerRow - seats.count)
            }
            layout.blocks.append(.table(Table(columns: Array(repeating: width, count: SeatingChart.seatsPerRow), rows: rows, rowHeight: 14)))
        }
        layout.add(Paragraph(.tableCell, runs: [.init("面向主席台，自左至右；主位居中，2 号居 1 号左手位（图中右侧），3 号居右手位，依次向外。"
                                                      + (chart.isAdjusted ? "座次已由办公室调整。" : ""))], alignment: .center))
        layout.blocks.append(.pageBreak)
        layout.add(.title, "座次顺序")
        layout.addBlankLine()
        layout.blocks.append(.table(Table(columns: [14, 28, 62, 52], header: Table.headings(["序号", "姓名", "职务（单位）", "座位"]),
                                          rows: chart.seats.map { seat in
                                              [Table.Cell(String(seat.rank), alignment: .center), Table.Cell(seat.name, alignment: .center),
                                               Table.Cell(seat.title), Table.Cell(place(seat, chart))]
                                          }, rowHeight: 8)))
        return layout
    }

    static func seatRow(_ seats: [SeatingChart.Seat]) -> Table {
        Table(columns: Array(repeating: 156 / Double(seats.count), count: seats.count), rows: [seats.map(seatCell)], rowHeight: 16)
    }

    /// A seat: its rank, the name, the title.
    static func seatCell(_ seat: SeatingChart.Seat) -> Table.Cell {
        Table.Cell([Paragraph(.tableCell, runs: [.init("\(seat.rank)")], alignment: .center),
                    Paragraph(.tableHeading, runs: [.init(seat.name)]),
                    Paragraph(.tableCell, runs: [.init(seat.title)], size: 9, alignment: .center)])
    }

    /// 主席台左起第 3 位, 列席区第 2 排左起第 5 位.
    static func place(_ seat: SeatingChart.Seat, _ chart: SeatingChart) -> String {
        switch seat.zone {
        case .head: return (chart.layout == .presidium ? "主席台" : "主位一侧") + "左起第 \(seat.column + 1) 位"
        case .opposite: return "对面一侧左起第 \(seat.column + 1) 位"
        case .rows: return (chart.layout == .presidium ? "台下" : "列席区") + "第 \(seat.row + 1) 排左起第 \(seat.column + 1) 位"
        }
    }
}
