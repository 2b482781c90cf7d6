import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// The dialog that adds one meeting. The chair the rules pick (R7) and the conflicts are
/// checked as the fields are filled and shown before saving; after saving, the result
/// (number, conflicts) stays on screen until Esc, Enter opens the meeting. F2 saves from any
/// field (as in every form); Enter saves on the last field and goes on elsewhere.
public struct MeetingFormScreen: Screen {
    enum Field: Int, CaseIterable { case kind, start, duration, chair, room, title }

    var kind: MeetingKind = .topical
    var start: TextField
    var duration = TextField("90", limit: 4)
    /// The chair chosen (a login), or nil for the one the rules pick.
    var chair: String?
    var chairPicker: Picker?
    var leaders: [Picker.Option] = []
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

    public enum Action { case next, previous, enter, save, cancel, open, close }

    public var isModal: Bool { created == nil }
    public var hasUnsavedInput: Bool { created == nil && (!title.text.isEmpty || !room.text.isEmpty || chair != nil) }

    public func title(_ lang: Lang) -> String { Localized(zh: "新建会议", en: "New meeting").text(lang) }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if created != nil {
            map.add(.enter, .open, Localized(zh: "查看会议", en: "open meeting"))
            map.addBack(.close)
            return map
        }
        if chairPicker != nil {
            map.addPicking(choose: .enter, close: .cancel)
            return map
        }
        map.addFieldMoves(next: .next, previous: .previous)
        map.add(.enter, .enter, focus == .title ? Localized(zh: "保存", en: "save") : focus == .chair ? Localized(zh: "选择主持人", en: "choose the chair")
                    : Localized(zh: "下一项", en: "next"))
        map.add(.functionTwo, .save, Localized(zh: "保存", en: "save"), footer: focus != .title)
        map.add(.escape, .cancel, Localized(zh: "放弃", en: "discard"))
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        guard leaders.isEmpty, let org = try? context.office.orgChart() else { return }
        let roles: [Role] = [.mayor, .executiveViceMayor, .viceMayor]
        leaders = [Picker.Option(id: "", text: Localized(zh: "按规则（R7、R39、R40）", en: "as the rules pick (R7, R39, R40)").text(context.lang), detail: "")]
            + roles.flatMap { org.activePeople(role: $0) }.map { Picker.Option.person($0, detail: $0.role.title.text(context.lang)) }
    }

    /// The request the fields describe, or the refusal saying which field is wrong.
    func makeRequest(_ context: ScreenContext) throws -> MeetingRequest {
        let at = try SchedulingInput.moment(start.text, field: Localized(zh: "开始时间", en: "start").text(context.lang))
        let minutes = try MeetingDuration.parse(duration.text)
        let roomText = room.text.trimmingCharacters(in: .whitespaces)
        return MeetingRequest(kind: kind, start: at, durationMinutes: minutes, chair: chair,
                              room: roomText.isEmpty ? nil : roomText, title: title.text.trimmingCharacters(in: .whitespaces))
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        if let created {
            switch action {
            case .open: return .push(MeetingDetailScreen(id: created.meeting.id!))
            default: return .popAndReload
            }
        }
        if var picker = chairPicker {
            switch action {
            case .enter:
                if case .chosen(let ids)? = picker.handle(.enter) { chair = ids.first.flatMap { $0.isEmpty ? nil : $0 } }
                chairPicker = nil
                return check(context)
            default:
                chairPicker = nil
                return .none
            }
        }
        switch action {
        case .cancel: return .pop
        case .save: return save(context)
        case .next: return move(by: 1, context)
        case .previous: return move(by: -1, context)
        case .enter:
            if focus == .title { return save(context) }
            if focus == .chair {
                chairPicker = Picker(options: leaders, selecting: chair ?? "")
                return .none
            }
            return move(by: 1, context)
        case .open, .close: return .none
        }
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if created != nil { return .none }
        if var picker = chairPicker {
            _ = picker.handle(key)
            chairPicker = picker
            return .none
        }
        switch key {
        case .down: return move(by: 1, context)
        case .up: return move(by: -1, context)
        case .left where focus == .kind, .right where focus == .kind, .char(" ") where focus == .kind:
            let all = MeetingKind.allCases
            let i = all.firstIndex(of: kind)!
            kind = all[(i + (key == .left ? all.count - 1 : 1)) % all.count]
            duration = TextField(String(context.config.cadence(for: kind).durationMinutes), limit: 4)
            return check(context)
        default:
            switch focus {
            case .kind, .chair: break
            case .start: start.handle(key)
            case .duration: duration.handle(key)
            case .room: room.handle(key)
            case .title: title.handle(key)
            }
        }
        return .none
    }

    private mutating func move(by step: Int, _ context: ScreenContext) -> Effect {
        let all = Field.allCases
        focus = all[(focus.rawValue + step + all.count) % all.count]
        return check(context)
    }

    /// Previews the chair and conflicts, or says what is wrong with the fields so far.
    mutating func check(_ context: ScreenContext) -> Effect {
        let request: MeetingRequest
        do {
            request = try makeRequest(context)
        } catch {
            preview = nil
            self.error = .describing(error)
            return .none
        }
        return .call("previewMeeting", on: MeetingFormScreen.self, { office -> (ScheduledMeeting, String?) in
            let result = try office.previewMeeting(request)
            return (result, try office.orgChart().person(result.meeting.chairLogin)?.name)
        }) { screen, result, _ in
            switch result {
            case .success(let (meeting, name)):
                screen.preview = meeting
                screen.previewChairName = name
                screen.error = nil
            case .failure(let error):
                screen.preview = nil
                screen.error = .describing(error)
            }
            return .none
        }
    }

    private mutating func save(_ context: ScreenContext) -> Effect {
        let request: MeetingRequest
        do {
            request = try makeRequest(context)
        } catch {
            self.error = .describing(error)
            return .failure(error)
        }
        return .call("scheduleMeeting", on: MeetingFormScreen.self, { try $0.scheduleMeeting(request) }) { screen, result, _ in
            switch result {
            case .success(let created):
                screen.created = created
                return .status(Localized(zh: "已添加 \(created.meeting.numberedTitle(.zh))", en: "added \(created.meeting.numberedTitle(.en))"),
                               created.conflicts.isEmpty ? .ok : .warning)
            case .failure(let error):
                screen.error = .describing(error)
                return .failure(error)
            }
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
            .duration: Localized(zh: "时长（分钟）", en: "Minutes"), .chair: Localized(zh: "主持人", en: "Chair"),
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
                MeetingStyle.drawKinds(into: &buffer, chosen: kind, focused: focused, row: row, column: fieldLeft, lang)
            case .start: start.draw(into: &buffer, row: row, column: fieldLeft, width: fieldWidth, focused: focused)
            case .duration: duration.draw(into: &buffer, row: row, column: fieldLeft, width: 8, focused: focused)
            case .chair:
                let chosen = chair.flatMap { id in leaders.first { $0.id == id }?.text } ?? Localized(zh: "按规则", en: "as the rules pick").text(context.lang)
                buffer.fill(Rect(top: row, left: fieldLeft, height: 1, width: 20), style: focused ? .selected : .input)
                buffer.put(chosen, row: row, column: fieldLeft, style: focused ? .selected : .input, maxWidth: 20)
                if let p = preview {
                    var text = "→ " + (previewChairName ?? p.meeting.chairLogin)
                    if let d = p.meeting.chairDelegation { text += Localized(zh: "（\(d.article)）", en: " (\(d.article))").text(context.lang) }
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
                buffer.put(Localized(zh: "没有冲突", en: "No conflicts").text(context.lang), row: row, column: left, style: .ok)
            } else {
                buffer.put(Localized(zh: "冲突（保存后仍可处理）：", en: "Conflicts (you may still save):").text(context.lang), row: row, column: left, style: .heading)
                for c in preview.conflicts.prefix(max(0, area.bottom - row - 1)) {
                    row += 1
                    buffer.put("⚠ " + c.message.text(lang), row: row, column: left, style: .warning, maxWidth: area.width - 4)
                }
            }
        }
        chairPicker?.drawBox(title: Localized(zh: "主持人", en: "Chair").text(context.lang), into: &buffer, area: area, lang: lang)
    }

    private func drawResult(_ result: ScheduledMeeting, into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        let m = result.meeting
        var row = area.top + 1
        buffer.put(Localized(zh: "已添加：", en: "Added: ").text(context.lang) + m.numberedTitle(lang), row: row, column: area.left + 2, style: .ok, maxWidth: area.width - 4)
        row += 1
        buffer.put("\(m.start.day.iso) \(m.start.day.weekday.shortName.text(lang)) \(m.start.timeText)–\(m.end.timeText)  id \(m.id ?? 0)",
                   row: row, column: area.left + 2)
        if m.approval == .awaiting {
            row += 1
            buffer.put(Localized(zh: "待区长批准（R61），批准前不能发通知", en: "awaiting the mayor's approval (R61): no notices before it").text(context.lang),
                       row: row, column: area.left + 2, style: .warning, maxWidth: area.width - 4)
        }
        if let d = m.chairDelegation {
            row += 1
            buffer.put(d.name.text(lang), row: row, column: area.left + 2, style: .warning, maxWidth: area.width - 4)
        }
        row += 2
        if result.conflicts.isEmpty {
            buffer.put(Localized(zh: "没有冲突", en: "No conflicts").text(context.lang), row: row, column: area.left + 2, style: .ok)
        }
        for c in result.conflicts where row < area.bottom {
            buffer.put("⚠ " + c.message.text(lang), row: row, column: area.left + 2, style: .warning, maxWidth: area.width - 4)
            row += 1
        }
    }
}
