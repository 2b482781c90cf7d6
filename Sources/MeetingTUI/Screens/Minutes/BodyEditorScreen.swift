import MeetingKit
import MeetingService
import MeetingStore

/// The built-in multi-line editor for a draft's body, used when neither `$VISUAL` nor
/// `$EDITOR` is set. Ctrl-O or F2 saves; Esc leaves without saving.
public struct BodyEditorScreen: Screen {
    let minutesId: Int64
    var area: TextArea
    /// The version the text was read at: saving states it, so a change made meanwhile (in
    /// another window, by another user) is refused rather than overwritten.
    let version: Int?

    public init(minutesId: Int64, text: String, version: Int? = nil) {
        self.minutesId = minutesId
        area = TextArea(text)
        self.version = version
    }

    public enum Action { case save, discard, question(Question.Action) }

    var question: Question?

    public func title(_ lang: Lang) -> String { (Localized(zh: "编辑纪要 #", en: "Edit minutes #").text(lang)) + "\(minutesId)" }
    public var isModal: Bool { true }
    public var hasUnsavedInput: Bool { area.isModified }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let question { map.merge(question.keymap(), Action.question); return map }
        map.add(.controlO, .save, Localized(zh: "保存", en: "save"))
        map.add(.escape, .discard, Localized(zh: "放弃", en: "discard"))
        return map
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .save:
            let id = minutesId, text = area.text, version = self.version
            return .call("editMinutes", on: BodyEditorScreen.self, { try $0.editMinutes(id, body: text, expectedVersion: version) }) { _, result, _ in
                switch result {
                case .success: return .batch([.popAndReload, .status(Localized(zh: "正文已保存", en: "body saved"), .ok)])
                case .failure(let error): return .failure(error)
                }
            }
        case .discard:
            guard area.isModified else { return .pop }
            question = Question(Localized(zh: "放弃对正文的修改？", en: "Discard the changes to the body?"), then: .pop)
            return .none
        case .question(let answer):
            return question.close(answering: answer)
        }
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if question != nil { question?.input(key) } else { area.handle(key) }
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area rect: Rect, _ context: ScreenContext) {
        let status = area.isModified ? Localized(zh: " 已修改，未保存", en: " modified, not saved").text(context.lang) : Localized(zh: " 未修改", en: " unchanged").text(context.lang)
        buffer.put(status + Localized(zh: "  第 \(area.row + 1) 行", en: "  line \(area.row + 1)").text(context.lang), row: rect.top, column: rect.left,
                   style: area.isModified ? .warning : .dim)
        area.draw(into: &buffer, rect: Rect(top: rect.top + 1, left: rect.left + 1, height: rect.height - 1, width: rect.width - 2), focused: question == nil)
        question?.dialog.draw(into: &buffer, area: rect, lang: context.lang)
    }
}
