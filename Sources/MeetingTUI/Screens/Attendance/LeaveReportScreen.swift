import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

/// The compiled leave report of a meeting (R42), as the mayor reads it. Opening it as the
/// mayor marks it read.
public struct LeaveReportScreen: Screen {
    let meetingId: Int64
    var report: LeaveReport?
    var loadError: Localized?
    var scroll = 0

    public init(meetingId: Int64) { self.meetingId = meetingId }

    public func title(_ lang: Lang) -> String { Localized(zh: "请假汇总报告", en: "Leave report").text(lang) }

    public enum Action { case back, print }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.print, .print, Localized(zh: "打印", en: "print"))
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            report = try context.office.leaveReport(meetingId: meetingId)
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .popAndReload
        case .print:
            let id = meetingId
            return DocumentPrinter.print(name: "leave-report-\(id)", context) { LeaveReportComposer.layout(try $0.leaveReportPaper(meetingId: id)) }
        }
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        let last = max(0, (report?.lines(context.lang).count ?? 0) - 1)
        if let next = TextScroll.scrolled(scroll, by: key, last: last) { scroll = next }
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if buffer.putLoadError(loadError, in: area, context.lang) { return }
        guard let report else { return }
        for (n, line) in report.lines(context.lang).dropFirst(scroll).prefix(area.height).enumerated() {
            let style: Style = line.hasPrefix("【") || line.hasPrefix("[") ? .heading : (n + scroll == 0 ? .title : .normal)
            buffer.put(" " + line, row: area.top + n, column: area.left, style: style == .title ? .heading : style, maxWidth: area.width - 1)
        }
    }
}
