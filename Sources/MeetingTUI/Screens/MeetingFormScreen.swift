import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// The dialog that adds one meeting. The chair the rules pick (R7) and the conflicts are
/// checked as the fields are filled and shown before saving; after saving, the result
/// (number, conflicts) stays on screen until Esc, Enter opens the meeting.
public struct MeetingFormScreen: Screen {
    enum Field: Int, CaseIterable { case kind, start, duration, chair, room, title }

    var kind: MeetingKind = .topical
    var start: TextField
    var duration = TextField("90", limit: 4)
    var chair = TextField("", limit: 32)
    var room = TextField("", limit: InputLimits.name)
    var title = TextField("", limit: InputLimits.title)
    var focus: Field = .kind
    var preview: ScheduledMeeting?
    var previewChairName: String?
    var error: Localized?
    var created: ScheduledMeeting?

    public init(day: Day) {
        start = TextField(LocalDateTime(day: day, minuteOfDay: 9 * 60).iso, limit: 16)
    }

    public var capturesText: Bool { created == nil }

    public func title(_ lang: Lang) -> String { lang == .zh ? "新建会议" : "New meeting" }

    public func hints(_ lang: Lang) -> [KeyHint] {
        if created != nil { return [KeyHint("Enter", "查看会议", "open meeting"), KeyHint("Esc", "返回日历", "back to calendar")] }
        return [KeyHint("Tab/↓", "下一项", "next"), KeyHint("←→", "选种类", "kind"), KeyHint("Enter", "下一项/保存", "next/save"),
                KeyHint("Esc", "放弃", "discard")]
    }

    /// The request the fields describe, or the refusal saying which field is wrong.
    func makeRequest(_ context: ScreenContext) throws -> MeetingRequest {
        let at = try SchedulingInput.moment(start.text, option: context.t("开始时间", "start"))
        guard let minutes = Int(duration.text), (1...1440).contains(minutes) else {
            throw Refusal.invalid("meeting.badDuration", "会议时长须在 1 到 1440 分钟之间", "the duration must be 1 to 1440 minutes")
        }
        let chairText = chair.text.trimmingCharacters(in: .whitespaces)
        let roomText = room.text.trimmingCharacters(in: .whitespaces)
        return MeetingRequest(kind: kind, start: at, durationMinutes: minutes, chair: chairText.isEmpty ? nil : chairText,
                              room: roomText.isEmpty ? nil : roomText, title: title.text.trimmingCharacters(in: .whitespaces))
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        if let created {
            switch key {
            case .enter: return .push(MeetingDetailScreen(id: created.meeting.id!))
            case .escape, .char("q"): return .popAndReload
            default: return .none
            }
        }
        switch key {
        case .escape:
            return .pop
        case .tab, .down:
            move(by: 1, context)
        case .backTab, .up:
            move(by: -1, context)
        case .enter:
            if focus == .title { return save(context) }
            move(by: 1, context)
        case .left where focus == .kind, .right where focus == .kind, .char(" ") where focus == .kind:
            let all = MeetingKind.allCases
            let i = all.firstIndex(of: kind)!
            kind = all[(i + (key == .left ? all.count - 1 : 1)) % all.count]
            duration = TextField(String(context.config.cadence(for: kind).durationMinutes), limit: 4)
            check(context)
        default:
            switch focus {
            case .kind: break
            case .start: start.handle(key)
            case .duration: duration.handle(key)
            case .chair: chair.handle(key)
            case .room: room.handle(key)
            case .title: title.handle(key)
            }
        }
        return .none
    }

    private mutating func move(by step: Int, _ context: ScreenContext) {
        let all = Field.allCases
        focus = all[(focus.rawValue + step + all.count) % all.count]
        check(context)
    }

    /// Previews the chair and conflicts, or says what is wrong with the fields so far.
    mutating func check(_ context: ScreenContext) {
        do {
            let result = try context.office.previewMeeting(try makeRequest(context))
            preview = result
            previewChairName = try context.office.orgChart().person(result.meeting.chairLogin)?.name
            error = nil
        } catch let refusal as Refusal {
            preview = nil
            error = .describing(refusal)
        } catch {
            preview = nil
            self.error = .same("\(error)")
        }
    }

    private mutating func save(_ context: ScreenContext) -> Effect {
        do {
            let result = try context.office.scheduleMeeting(try makeRequest(context))
            created = result
            return .status(Localized(zh: "已添加 \(result.meeting.numberedTitle(.zh))", en: "added \(result.meeting.numberedTitle(.en))"),
                           result.conflicts.isEmpty ? .ok : .warning)
        } catch let refusal as Refusal {
            error = .describing(refusal)
            return .status(error!, .error)
        } catch {
            return .status(.same("\(error)"), .error)
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let created {
            drawResult(created, into: &buffer, area: area, context)
            return
        }
        let labels: [Field: Localized] = [
            .kind: Localized(zh: "种类", en: "Kind"), .start: Localized(zh: "开始时间", en: "Start"),
            .duration: Localized(zh: "时长（分钟）", en: "Minutes"), .chair: Localized(zh: "主持人（登录名）", en: "Chair (login)"),
            .room: Localized(zh: "会议室", en: "Room"), .title: Localized(zh: "议题/标题", en: "Title"),
        ]
        let left = area.left + 2
        let fieldLeft = left + 18
        let fieldWidth = max(10, min(48, area.width - fieldLeft - 2))
        for field in Field.allCases {
            let row = area.top + 1 + field.rawValue * 2
            let focused = field == focus
            buffer.put(labels[field]!.text(lang), row: row, column: left, style: focused ? .accent : .normal)
            switch field {
            case .kind:
                var col = fieldLeft
                for k in MeetingKind.allCases {
                    let text = (k == kind ? "[" : " ") + k.shortName.text(lang) + (k == kind ? "]" : " ")
                    col += buffer.put(text, row: row, column: col, style: k == kind ? (focused ? .selected : MeetingStyle.style(forKind: k.rawValue)) : .dim) + 1
                }
            case .start: start.draw(into: &buffer, row: row, column: fieldLeft, width: fieldWidth, focused: focused)
            case .duration: duration.draw(into: &buffer, row: row, column: fieldLeft, width: 8, focused: focused)
            case .chair:
                chair.draw(into: &buffer, row: row, column: fieldLeft, width: 20, focused: focused)
                if let p = preview {
                    var text = "→ " + (previewChairName ?? p.meeting.chairLogin)
                    if let d = p.meeting.chairDelegation { text += "（\(d.article)）" }
                    buffer.put(text, row: row, column: fieldLeft + 22, style: p.meeting.chairDelegation == nil ? .dim : .warning,
                               maxWidth: area.right - fieldLeft - 22)
                }
            case .room: room.draw(into: &buffer, row: row, column: fieldLeft, width: fieldWidth, focused: focused)
            case .title: title.draw(into: &buffer, row: row, column: fieldLeft, width: fieldWidth, focused: focused)
            }
        }
        var row = area.top + 1 + Field.allCases.count * 2
        if let error {
            buffer.put(error.text(lang), row: row, column: left, style: .error, maxWidth: area.width - 4)
        } else if let preview {
            if preview.conflicts.isEmpty {
                buffer.put(context.t("没有冲突", "No conflicts"), row: row, column: left, style: .ok)
            } else {
                buffer.put(context.t("冲突（保存后仍可处理）：", "Conflicts (you may still save):"), row: row, column: left, style: .heading)
                for c in preview.conflicts.prefix(max(0, area.bottom - row - 1)) {
                    row += 1
                    buffer.put("⚠ " + c.message.text(lang), row: row, column: left, style: .warning, maxWidth: area.width - 4)
                }
            }
        }
    }

    private func drawResult(_ result: ScheduledMeeting, into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        let m = result.meeting
        var row = area.top + 1
        buffer.put(context.t("已添加：", "Added: ") + m.numberedTitle(lang), row: row, column: area.left + 2, style: .ok, maxWidth: area.width - 4)
        row += 1
        buffer.put("\(m.start.day.iso) \(m.start.day.weekday.shortName.text(lang)) \(m.start.timeText)–\(m.end.timeText)  id \(m.id ?? 0)",
                   row: row, column: area.left + 2)
        if m.approval == .awaiting {
            row += 1
            buffer.put(context.t("待区长批准（R61），批准前不能发通知", "awaiting the mayor's approval (R61): no notices before it"),
                       row: row, column: area.left + 2, style: .warning, maxWidth: area.width - 4)
        }
        if let d = m.chairDelegation {
            row += 1
            buffer.put(d.name.text(lang), row: row, column: area.left + 2, style: .warning, maxWidth: area.width - 4)
        }
        row += 2
        if result.conflicts.isEmpty {
            buffer.put(context.t("没有冲突", "No conflicts"), row: row, column: area.left + 2, style: .ok)
        }
        for c in result.conflicts where row < area.bottom {
            buffer.put("⚠ " + c.message.text(lang), row: row, column: area.left + 2, style: .warning, maxWidth: area.width - 4)
            row += 1
        }
    }
}
