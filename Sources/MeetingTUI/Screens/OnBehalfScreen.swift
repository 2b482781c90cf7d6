import MeetingKit
import MeetingService
import MeetingStore

/// Decisions a secretary recorded on a leader's behalf (代录): the leader confirms (c) or
/// disputes (d, with a reason) each; the office acknowledges a dispute (k, with a note)
/// once it has dealt with it.
public struct OnBehalfScreen: Screen {
    enum Mode {
        case browse
        case confirm(ConfirmDialog, OnBehalfLine)
        case text(TextField, OnBehalfLine, dispute: Bool)
    }

    var lines: [OnBehalfLine] = []
    var loadError: Localized?
    var cursor = ListCursor()
    var mode: Mode = .browse
    var selecting: Int64?

    public init(selecting: Int64? = nil) { self.selecting = selecting }

    public func title(_ lang: Lang) -> String { lang == .zh ? "代录确认" : "Recorded on your behalf" }

    public var capturesText: Bool {
        if case .text = mode { return true }
        return false
    }

    public func hints(_ lang: Lang) -> [KeyHint] {
        switch mode {
        case .browse:
            return [KeyHint("c", "确认", "confirm"), KeyHint("d", "提出异议", "dispute"), KeyHint("k", "异议已处理", "acknowledge"),
                    KeyHint("Esc", "返回", "back")]
        case .confirm:
            return [KeyHint("y", "确认", "confirm"), KeyHint("n", "取消", "cancel")]
        case .text:
            return [KeyHint("Enter", "提交", "submit"), KeyHint("Esc", "取消", "cancel")]
        }
    }

    public mutating func reload(_ context: ScreenContext) {
        do {
            let keep = selecting ?? cursor.selected.flatMap { lines.indices.contains($0) ? lines[$0].record.seq : nil }
            lines = try context.office.onBehalfRecords()
            loadError = nil
            cursor.count = lines.count
            if let keep, let i = lines.firstIndex(where: { $0.record.seq == keep }) { cursor.select(i) }
            selecting = nil
        } catch {
            loadError = .describing(error)
        }
    }

    var selected: OnBehalfLine? { cursor.selected.flatMap { lines.indices.contains($0) ? lines[$0] : nil } }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch mode {
        case .confirm(var dialog, let line):
            guard let answer = dialog.handle(key) else { mode = .confirm(dialog, line); return .none }
            mode = .browse
            return answer ? perform(context) { try $0.confirmOnBehalf(line.record.seq) } : .none
        case .text(var field, let line, let dispute):
            switch key {
            case .escape: mode = .browse
            case .enter:
                mode = .browse
                let text = field.text
                return perform(context) { office in
                    dispute ? try office.disputeOnBehalf(line.record.seq, reason: text) : try office.acknowledgeOnBehalf(line.record.seq, note: text)
                }
            default:
                field.handle(key)
                mode = .text(field, line, dispute: dispute)
            }
            return .none
        case .browse:
            break
        }
        switch key {
        case .escape: return .popAndReload
        case .char("c"):
            if let line = selected {
                mode = .confirm(ConfirmDialog(Localized(zh: "确认 \(line.recorderName) 代您录入的这项决定？",
                                                        en: "Confirm the decision \(line.recorderName) recorded for you?")), line)
            }
        case .char("d"):
            if let line = selected { mode = .text(TextField("", limit: InputLimits.reason), line, dispute: true) }
        case .char("k"):
            if let line = selected { mode = .text(TextField("", limit: InputLimits.reason), line, dispute: false) }
        default:
            cursor.handle(key)
        }
        return .none
    }

    private mutating func perform(_ context: ScreenContext, _ body: (Office) throws -> OnBehalfLine) -> Effect {
        do {
            let line = try body(context.office)
            reload(context)
            let status = OnBehalfScreen.statusText(line.record.status)
            return .status(Localized(zh: "代录 #\(line.record.seq)：\(status.zh)", en: "record #\(line.record.seq): \(status.en)"), .ok)
        } catch {
            reload(context)
            return .failure(error)
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let loadError {
            buffer.put(loadError.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        if lines.isEmpty {
            buffer.put(context.t("没有代录的决定", "Nothing was recorded on anyone's behalf"), row: area.top + 1, column: area.left + 2, style: .dim)
            return
        }
        for (offset, index) in cursor.visible(rows: area.height - 2).enumerated() {
            let line = lines[index]
            let row = area.top + offset
            let isSelected = index == cursor.selected
            defer { if isSelected { buffer.markSelection(row: row, column: area.left) } }
            let status = OnBehalfScreen.statusText(line.record.status).text(lang)
            let text = (isSelected ? "› " : "  ") + line.record.at.prefix(16).replacingOccurrences(of: "T", with: " ") + "  "
                + DisplayWidth.pad(status, to: 8) + " " + context.t("\(line.recorderName) 代 \(line.leaderName)：", "\(line.recorderName) for \(line.leaderName): ")
                + "\(line.record.action) \(line.record.entity) #\(line.record.entityId)" + (line.record.note.map { "  — " + $0 } ?? "")
            buffer.put(text, row: row, column: area.left, style: line.record.status == .disputed ? .warning : .normal, maxWidth: area.width)
        }
        switch mode {
        case .browse:
            break
        case .confirm(let dialog, _):
            dialog.draw(into: &buffer, area: area, lang: lang)
        case .text(let field, _, let dispute):
            let row = area.bottom - 1
            buffer.fill(Rect(top: row, left: area.left, height: 1, width: area.width))
            let label = dispute ? context.t(" 异议理由：", " Why you dispute it: ") : context.t(" 处理说明：", " How it was handled: ")
            let used = buffer.put(label, row: row, column: area.left, style: .heading)
            field.draw(into: &buffer, row: row, column: area.left + used, width: area.width - used - 1, focused: true)
        }
    }

    static func statusText(_ status: OnBehalfRecord.Status) -> Localized {
        switch status {
        case .pending: return Localized(zh: "待确认", en: "pending")
        case .confirmed: return Localized(zh: "已确认", en: "confirmed")
        case .disputed: return Localized(zh: "有异议", en: "disputed")
        case .acknowledged: return Localized(zh: "已处理", en: "handled")
        }
    }
}
