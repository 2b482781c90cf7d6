import MeetingKit
import MeetingService
import MeetingStore
import MeetingTUI

/// Drives the interface in memory: keys in, screen text out. What the terminal would show
/// is exactly what ``text`` returns, wide characters included.
public struct ScreenHarness {
    public var model: AppModel
    public var rows: Int
    public var columns: Int

    package init(session: Session, lang: Lang = .zh, rows: Int = 24, columns: Int = 80, root: (any Screen)? = nil) {
        self.init(context: ScreenContext(office: Office.embedded(session), lang: lang), rows: rows, columns: columns, root: root)
    }

    /// With a context of one's own: an environment and a config.toml.
    public init(context: ScreenContext, rows: Int = 24, columns: Int = 80, root: (any Screen)? = nil) {
        TerminalLocale.activate()
        model = root.map { AppModel(context: context, root: $0) } ?? AppModel(context: context)
        self.rows = rows
        self.columns = columns
    }

    public mutating func press(_ keys: Key...) { for key in keys { model.handle(key) } }
    public mutating func press(_ keys: [Key]) { for key in keys { model.handle(key) } }
    public mutating func type(_ text: String) { press(Key.typing(text)) }

    public var buffer: ScreenBuffer {
        var buffer = ScreenBuffer(rows: rows, columns: columns)
        model.draw(into: &buffer)
        return buffer
    }

    public var text: String { buffer.text }
}
