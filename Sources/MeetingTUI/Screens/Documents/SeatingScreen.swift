import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// A meeting's seating (座次): everyone in order of precedence with the seat the presidium
/// rule gives them. `K`/`J` move the selected person up or down (the order is saved with the
/// meeting), `w` takes the adjustments back (the protocol order), `P` prints the chart or the
/// name cards.
public struct SeatingScreen: Screen {
    public enum Action { case back, up, down, reset, print }

    let meetingId: Int64
    var chart: SeatingChart?
    /// The meeting's numbered title in both languages (the chart's is the printed, Chinese one).
    var meetingTitle: Localized?
    var loadError: Localized?
    var cursor = ListCursor()

    public init(meetingId: Int64) { self.meetingId = meetingId }

    public func title(_ lang: Lang) -> String {
        (meetingTitle?.text(lang) ?? chart?.meetingTitle ?? "") + (Localized(zh: " · 座次", en: " · Seating").text(lang))
    }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.moveUp, .up, when: cursor.selected != nil)
        map.add(.moveDown, .down, when: cursor.selected != nil)
        map.add(.withdraw, .reset, Localized(zh: "恢复默认座次", en: "protocol order"), when: chart?.isAdjusted == true)
        map.add(.print, .print, Localized(zh: "打印座次表/桌签", en: "print chart/cards"))
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            chart = try context.office.seatingChart(meetingId: meetingId)
            let meeting = try context.office.meeting(meetingId)
            meetingTitle = Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en))
            cursor.count = chart?.seats.count ?? 0
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        let id = meetingId
        switch action {
        case .back: return .pop
        case .up, .down:
            guard let index = cursor.selected, let seat = chart?.seats[index] else { return .none }
            let offset = action == .up ? -1 : 1
            return .call("moveSeat", on: SeatingScreen.self, { try $0.moveSeat(meetingId: id, participantId: seat.participantId, by: offset) }) { screen, result, _ in
                switch result {
                case .success(let chart):
                    screen.chart = chart
                    screen.cursor.select(index + offset)
                    return .none
                case .failure(let error): return .failure(error)
                }
            }
        case .reset:
            return .change("resetSeating", on: SeatingScreen.self, { try $0.resetSeating(meetingId: id) }) { _ in
                Localized(zh: "已恢复默认座次", en: "back to the protocol order")
            }
        case .print:
            return DocumentPrinter.menu(Localized(zh: "打印", en: "Print"), [
                .init(label: Localized(zh: "座次表", en: "Seating chart"), name: "seating-\(id)", format: nil) { SeatingComposer.layout(try $0.seatingChart(meetingId: id)) },
                .init(label: Localized(zh: "桌签", en: "Name cards"), name: "name-cards-\(id)", format: nil) { NameCardComposer.layout(try $0.seatingChart(meetingId: id)) },
            ], context)
        }
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        cursor.handle(key)
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if buffer.putLoadError(loadError, in: area, context.lang) { return }
        guard let chart else { return }
        let layout = chart.layout == .presidium ? Localized(zh: "主席台", en: "presidium").text(context.lang) : Localized(zh: "长桌", en: "long table").text(context.lang)
        let order = chart.isAdjusted ? Localized(zh: "已调整的座次", en: "adjusted order").text(context.lang) : Localized(zh: "默认座次（组织机构排序）", en: "protocol order").text(context.lang)
        buffer.put(" \(layout) · \(order)", row: area.top, column: area.left, style: .heading, maxWidth: area.width)
        let head = chart.row(.head).map { "\($0.rank)" }.joined(separator: " ")
        buffer.put(Localized(zh: " 面向主位自左至右：", en: " Facing the head, left to right: ").text(context.lang) + head, row: area.top + 1, column: area.left,
                   style: .dim, maxWidth: area.width)
        let listRect = Rect(top: area.top + 3, left: area.left, height: area.height - 3, width: area.width)
        for (offset, index) in cursor.visible(rows: listRect.height).enumerated() {
            let seat = chart.seats[index]
            let row = listRect.top + offset
            let isSelected = index == cursor.selected
            let place: String
            switch seat.zone {
            case .head, .opposite: place = seat.zone.name.text(context.lang) + Localized(zh: " 左起第 \(seat.column + 1) 位", en: " seat \(seat.column + 1) from the left").text(context.lang)
            case .rows: place = Localized(zh: "第 \(seat.row + 1) 排 第 \(seat.column + 1) 位", en: "row \(seat.row + 1), seat \(seat.column + 1)").text(context.lang)
            }
            let text = "  " + DisplayWidth.pad(String(seat.rank), to: 4) + DisplayWidth.pad(seat.name, to: 10)
                + DisplayWidth.pad(seat.title, to: 22) + place
            buffer.listRow(text, row: row, column: area.left, selected: isSelected, maxWidth: area.width)
        }
    }
}
