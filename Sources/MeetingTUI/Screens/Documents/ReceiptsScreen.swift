import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// The receipts of a meeting's notice (签收/回执): the office sees who confirmed, who asked
/// for leave and, first of all, who has not answered. A unit confirms its line (`a`) or asks
/// for leave through it (`v`, R42); the office sends the notice (`N`) and prints it (`P`).
public struct ReceiptsScreen: Screen {
    public enum Action { case back, confirm, leave, notify, filter, print }

    let meetingId: Int64
    var board: ReceiptBoard?
    var loadError: Localized?
    var cursor = ListCursor()
    var unansweredOnly = false

    public init(meetingId: Int64) { self.meetingId = meetingId }

    public func title(_ lang: Lang) -> String {
        (board?.title ?? "") + (Localized(zh: " · 会议通知回执", en: " · Notice receipts").text(lang))
    }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        let open = selected?.person != nil && selected?.receipt.status == .pending
        map.add(.approve, .confirm, Localized(zh: "签收", en: "confirm"), when: open)
        map.add(.leave, .leave, Localized(zh: "回执请假", en: "ask for leave"), when: open)
        map.add(.notify, .notify, Localized(zh: "发通知", en: "send notice"), when: board != nil && board?.sentAt == nil)
        map.add(.filter, .filter, unansweredOnly ? Localized(zh: "显示全部", en: "show all") : Localized(zh: "只看未答复", en: "unanswered only"),
                when: board?.sentAt != nil)
        map.add(.print, .print, Localized(zh: "打印通知", en: "print notice"))
        map.addBack(.back)
        return map
    }

    var lines: [ReceiptBoard.Line] { (unansweredOnly ? board?.unanswered : board?.lines) ?? [] }
    var selected: ReceiptBoard.Line? { cursor.selected.flatMap { lines.indices.contains($0) ? lines[$0] : nil } }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            let first = board == nil
            board = try context.office.meetingReceipts(meetingId)
            cursor.count = lines.count
            // A unit's own line is selected when it opens the screen from "waiting for me".
            let me = context.me
            if first, let own = lines.firstIndex(where: { $0.person == me }) { cursor.select(own) }
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        let id = meetingId
        switch action {
        case .back: return .popAndReload
        case .confirm:
            guard let person = selected?.person else { return .none }
            return .change("answerReceipt", on: ReceiptsScreen.self, { try $0.answerReceipt(meetingId: id, person: person, answer: .confirm) }) { answered in
                Localized(zh: "已签收：\(answered.unit) \(answered.name)", en: "confirmed: \(answered.unit) \(answered.name)")
            }
        case .leave:
            guard let line = selected, let person = line.person else { return .none }
            return .push(LeaveRequestDialog(meetingId: id, meetingTitle: board?.title ?? "", person: person, viaReceipt: true))
        case .notify:
            return .call("sendNotice", on: ReceiptsScreen.self, { try $0.sendNotice(meetingId: id) }) { _, result, _ in
                switch result {
                case .success(let sent):
                    if let warning = sent.timing?.warning { return .batch([.reload, .status(warning, .warning)]) }
                    return .batch([.reload, .status(Localized(zh: "已发出通知，回执 \(sent.lines.count) 份", en: "notice sent, \(sent.lines.count) receipts"), .ok)])
                case .failure(let error): return .failure(error)
                }
            }
        case .filter:
            unansweredOnly.toggle()
            cursor.count = lines.count
            cursor.select(0)
        case .print:
            return DocumentPrinter.print(name: "notice-\(id)", context) { NoticeComposer.layout(try $0.meetingNotice(id)) }
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        cursor.handle(key)
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if buffer.putLoadError(loadError, in: area, context.lang) { return }
        guard let board else { return }
        guard let sentAt = board.sentAt else {
            buffer.put(Localized(zh: " 通知尚未发出：按 N 发出，各单位即可签收回执", en: " The notice has not gone out: N sends it and opens the receipts").text(context.lang),
                       row: area.top, column: area.left, style: .warning, maxWidth: area.width)
            return
        }
        var sent = Localized(zh: " 通知 \(sentAt.day.iso) \(sentAt.timeText) 由 \(board.sentByName ?? "") 发出", en: " Notice sent \(sentAt.day.iso) \(sentAt.timeText) by \(board.sentByName ?? "")").text(context.lang)
        if let due = board.timing?.receiptsDue { sent += Localized(zh: " · 回执截止 \(due.day.iso) \(due.timeText)", en: " · receipts due \(due.day.iso) \(due.timeText)").text(context.lang) }
        buffer.put(sent, row: area.top, column: area.left, maxWidth: area.width)
        buffer.put(" " + board.summary.text(context.lang), row: area.top + 1, column: area.left, style: .heading, maxWidth: area.width)
        let waiting = board.unanswered.map { "\($0.unit)（\($0.name)）" }
        if !waiting.isEmpty {
            buffer.put(Localized(zh: " 未答复：", en: " Not answered: ").text(context.lang) + waiting.joined(separator: Localized(zh: "、", en: ", ").text(context.lang)), row: area.top + 2,
                       column: area.left, style: .warning, maxWidth: area.width)
        }
        let unitW = 18, nameW = 8, statusW = context.lang == .zh ? 26 : 36
        let header = "  " + DisplayWidth.pad(Localized(zh: "单位", en: "Unit").text(context.lang), to: unitW) + " " + DisplayWidth.pad(Localized(zh: "姓名", en: "Name").text(context.lang), to: nameW) + " "
            + DisplayWidth.pad(Localized(zh: "回执", en: "Receipt").text(context.lang), to: statusW) + " " + Localized(zh: "答复", en: "Answered").text(context.lang)
        buffer.put(header, row: area.top + 4, column: area.left, style: .dim, maxWidth: area.width)
        let listRect = Rect(top: area.top + 5, left: area.left, height: area.height - 5, width: area.width)
        for (offset, index) in cursor.visible(rows: listRect.height).enumerated() {
            let line = lines[index]
            let row = listRect.top + offset
            let isSelected = index == cursor.selected
            var status = line.receipt.status.name.text(context.lang)
            if line.receipt.status == .leave, let substitute = line.attendeeName { status += Localized(zh: "（\(substitute)代会）", en: " (\(substitute) attends)").text(context.lang) }
            let answered = line.receipt.answeredAt.map { "\($0.day.iso.dropFirst(5)) \($0.timeText)" } ?? ""
            let text = "  " + DisplayWidth.pad(line.unit, to: unitW) + " " + DisplayWidth.pad(line.name, to: nameW) + " "
                + DisplayWidth.pad(status, to: statusW) + " " + answered
            buffer.listRow(text, row: row, column: area.left, selected: isSelected, style: line.receipt.status == .pending ? .warning : .normal, maxWidth: area.width)
        }
    }
}
