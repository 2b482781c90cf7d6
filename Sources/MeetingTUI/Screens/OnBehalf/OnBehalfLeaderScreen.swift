import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// "Record for whom?" (代录): a secretary picks the leader whose decisions they are about to
/// enter, as `huiwu --on-behalf-of LOGIN` does at start. `&` opens it anywhere; while
/// recording, the top bar says for whom, and `&` again stops. The list holds the people the
/// rules let this person record for (leaders first); the office checks the choice again.
public struct OnBehalfLeaderScreen: Screen {
    public enum Action { case choose, cancel }

    var picker = Picker(options: [])
    var loadError: Localized?

    public init() {}

    public func title(_ lang: Lang) -> String { Localized(zh: "代谁录入？", en: "Record for whom?").text(lang) }

    public var isModal: Bool { true }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.enter, .choose, Localized(zh: "开始代录", en: "record for them"), when: loadError == nil)
        map.add(.escape, .cancel, Localized(zh: "取消", en: "cancel"))
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        do {
            let org = try context.office.orgChart()
            let actor = context.office.actor
            let policy = AccessPolicy(org: org)
            let people = org.people.values.filter { !$0.isAdmin && $0.role != .admin }
            let allowed = people.filter { policy.refusal(for: .recordOnBehalfOf($0), by: actor) == nil }
            // Nobody to record for: the rule's own refusal says why (only office staff record).
            if allowed.isEmpty {
                let refusal = people.lazy.compactMap { policy.refusal(for: .recordOnBehalfOf($0), by: actor) }.first
                loadError = refusal.map { Localized(zh: $0.interfaceText(.zh), en: $0.interfaceText(.en)) }
                    ?? Localized(zh: "没有可以代录的人员", en: "there is nobody to record for")
                picker = Picker(options: [])
                return
            }
            let options = Picker.Option.people(allowed, titledIn: org, context.lang)
            picker = Picker(options: options, selecting: options.first?.id)
            loadError = nil
        } catch {
            loadError = .describing(error)
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .choose:
            guard let login = picker.selected?.id else { return .none }
            return .recordOnBehalf(login)
        case .cancel:
            return .pop
        }
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        _ = picker.handle(key)
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if let loadError {
            for (i, line) in WrappedText.rows(loadError.text(context.lang), width: area.width - 4).enumerated() {
                buffer.put(line, row: area.top + 1 + i, column: area.left + 2, style: .error)
            }
            return
        }
        var row = area.top + 1
        let intro = Localized(zh: "选择领导后，您录入的意见、审批和签发都记为代该领导录入，领导本人可确认或提出异议。代录中按 & 停止。", en: "Pick the leader: what you enter next (opinions, approvals, signatures) is recorded on their behalf, and they can confirm or dispute it. Press & to stop.").text(context.lang)
        for line in WrappedText.rows(intro, width: area.width - 4) {
            buffer.put(line, row: row, column: area.left + 2, style: .heading)
            row += 1
        }
        row += 1
        picker.draw(into: &buffer, rect: Rect(top: row, left: area.left + 2, height: area.bottom - row, width: area.width - 4), lang: context.lang)
    }
}
