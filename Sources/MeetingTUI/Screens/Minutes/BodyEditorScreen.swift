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

    public func title(_ lang: Lang) -> String { (lang == .zh ? "编辑纪要 #" : "Edit minutes #") + "\(minutesId)" }
    public var capturesText: Bool { true }

    public func hints(_ lang: Lang) -> [KeyHint] {
        [KeyHint("Ctrl-O/F2", "保存", "save"), KeyHint("Esc", "放弃", "discard"), KeyHint("Tab", "段首缩进", "indent")]
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch key {
        case .control("o"), .function(2):
            do {
                try context.office.editMinutes(minutesId, body: area.text, expectedVersion: version)
                return .popAndReload
            } catch {
                return .failure(error)
            }
        case .escape:
            return .pop
        default:
            area.handle(key)
            return .none
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area rect: Rect, _ context: ScreenContext) {
        let status = area.isModified ? context.t(" 已修改，未保存", " modified, not saved") : context.t(" 未修改", " unchanged")
        buffer.put(status + context.t("  第 \(area.row + 1) 行", "  line \(area.row + 1)"), row: rect.top, column: rect.left,
                   style: area.isModified ? .warning : .dim)
        area.draw(into: &buffer, rect: Rect(top: rect.top + 1, left: rect.left + 1, height: rect.height - 1, width: rect.width - 2), focused: true)
    }
}
