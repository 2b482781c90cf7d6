import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

/// A meeting's seating (座次): everyone in order of precedence with the seat the presidium
/// rule gives them. `K`/`J` move the selected person up or down (the order is saved with the
/// meeting), `r` restores the protocol order, `p` prints the chart, `c` the name cards.
public struct SeatingScreen: Screen {
    let meetingId: Int64
    var chart: SeatingChart?
    var loadError: Localized?
    var cursor = ListCursor()

    public init(meetingId: Int64) { self.meetingId = meetingId }

    public func title(_ lang: Lang) -> String { (chart?.meetingTitle ?? "") + (lang == .zh ? " · 座次" : " · Seating") }

    public func hints(_ lang: Lang) -> [KeyHint] {
        [KeyHint("K/J", "上移/下移", "move up/down"), KeyHint("r", "恢复默认", "protocol order"), KeyHint("p", "打印座次表", "print chart"),
         KeyHint("c", "打印桌签", "print name cards"), KeyHint("Esc", "返回", "back")]
    }

    public mutating func reload(_ context: ScreenContext) {
        do {
            chart = try context.office.seatingChart(meetingId: meetingId)
            loadError = nil
            cursor.count = chart?.seats.count ?? 0
        } catch {
            loadError = .describing(error)
        }
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        let id = meetingId
        switch key {
        case .escape: return .pop
        case .char("K"), .char("J"):
            guard let index = cursor.selected, let seat = chart?.seats[index] else { return .none }
            let offset = key == .char("K") ? -1 : 1
            do {
                chart = try context.office.moveSeat(meetingId: id, participantId: seat.participantId, by: offset)
                cursor.select(index + offset)
            } catch {
                return .failure(error)
            }
        case .char("r"):
            do {
                chart = try context.office.resetSeating(meetingId: id)
                return .status(Localized(zh: "已恢复默认座次", en: "back to the protocol order"), .ok)
            } catch {
                return .failure(error)
            }
        case .char("p"):
            return DocumentPrinter.print(name: "seating-\(id)", context) { SeatingComposer.layout(try $0.seatingChart(meetingId: id)) }
        case .char("c"):
            return DocumentPrinter.print(name: "name-cards-\(id)", context) { NameCardComposer.layout(try $0.seatingChart(meetingId: id)) }
        default:
            cursor.handle(key)
        }
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if let loadError {
            buffer.put(loadError.text(context.lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        guard let chart else { return }
        let layout = chart.layout == .presidium ? context.t("主席台", "presidium") : context.t("长桌", "long table")
        let order = chart.isAdjusted ? context.t("已调整的座次", "adjusted order") : context.t("默认座次（组织机构排序）", "protocol order")
        buffer.put(" \(layout) · \(order)", row: area.top, column: area.left, style: .heading, maxWidth: area.width)
        let head = chart.row(.head).map { "\($0.rank)" }.joined(separator: " ")
        buffer.put(context.t(" 面向主位自左至右：", " Facing the head, left to right: ") + head, row: area.top + 1, column: area.left,
                   style: .dim, maxWidth: area.width)
        let listRect = Rect(top: area.top + 3, left: area.left, height: area.height - 3, width: area.width)
        for (offset, index) in cursor.visible(rows: listRect.height).enumerated() {
            let seat = chart.seats[index]
            let row = listRect.top + offset
            let isSelected = index == cursor.selected
            defer { if isSelected { buffer.markSelection(row: row, column: area.left) } }
            let place: String
            switch seat.zone {
            case .head, .opposite: place = seat.zone.name.text(context.lang) + context.t(" 左起第 \(seat.column + 1) 位", " seat \(seat.column + 1) from the left")
            case .rows: place = context.t("第 \(seat.row + 1) 排 第 \(seat.column + 1) 位", "row \(seat.row + 1), seat \(seat.column + 1)")
            }
            let text = (isSelected ? "› " : "  ") + DisplayWidth.pad(String(seat.rank), to: 4) + DisplayWidth.pad(seat.name, to: 10)
                + DisplayWidth.pad(seat.title, to: 22) + place
            buffer.put(text, row: row, column: area.left, maxWidth: area.width)
        }
    }
}
