import MeetingKit

/// Pick one of a few options with the arrow keys or j/k, Enter to choose, Esc to cancel.
public struct ChoiceList: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case chosen(Int)
        case cancelled
    }

    public let options: [String]
    public private(set) var cursor: ListCursor

    public init(options: [String], selected: Int = 0) {
        self.options = options
        cursor = ListCursor(count: options.count)
        cursor.select(selected)
    }

    public var selectedIndex: Int? { cursor.selected }

    /// Returns an outcome when the key ends the choice, nil when it only moved.
    public mutating func handle(_ key: Key) -> Outcome? {
        switch key {
        case .enter: return cursor.selected.map(Outcome.chosen)
        case .escape: return .cancelled
        case .char(let c) where c.isNumber:
            if let n = c.wholeNumberValue, n >= 1, n <= options.count { return .chosen(n - 1) }
            return nil
        default:
            cursor.handle(key)
            return nil
        }
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, focused: Bool = true) {
        for (offset, index) in cursor.visible(rows: rect.height).enumerated() {
            let selected = index == cursor.selected
            let style: Style = selected && focused ? .selected : .normal
            if selected { buffer.fill(Rect(top: rect.top + offset, left: rect.left, height: 1, width: rect.width), style: style) }
            buffer.put((selected ? "› " : "  ") + options[index], row: rect.top + offset, column: rect.left, style: style, maxWidth: rect.width)
        }
    }
}
