import MeetingKit
import TextLayout

/// A one-line text input that takes Chinese from an input method (`get_wch` delivers whole
/// characters) and scrolls by display width, so the cursor always sits after the character
/// it follows, whatever its width.
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Position of the cursor in characters, 0...count.
    public private(set) var cursor: Int
    /// Maximum length in characters (InputLimits).
    public var limit: Int

    public init(_ text: String = "", limit: Int = InputLimits.title) {
        characters = Array(text)
        cursor = characters.count
        self.limit = limit
    }

    public var text: String { String(characters) }

    /// Edits for a key; returns false when the key is not an editing key (Enter, Esc, Tab …).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            guard characters.count < limit, c.unicodeScalars.allSatisfy({ !TextSafety.isDangerous($0) }) else { return true }
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"): characters.removeFirst(cursor); cursor = 0
        case .control("k"): characters.removeLast(characters.count - cursor)
        default: return false
        }
        return true
    }

    /// Draws the field in `width` columns at (row, column) and, when focused, places the
    /// terminal cursor. Text before the cursor scrolls out of view by whole characters.
    public func draw(into buffer: inout ScreenBuffer, row: Int, column: Int, width: Int, focused: Bool) {
        guard width > 1 else { return }
        buffer.fill(Rect(top: row, left: column, height: 1, width: width), style: .input)
        // Start far enough right that the cursor (one column after the text) fits.
        var start = 0
        var widthBeforeCursor = characters[..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while widthBeforeCursor > width - 1, start < cursor {
            widthBeforeCursor -= DisplayWidth.of(characters[start])
            start += 1
        }
        buffer.put(String(characters[start...]), row: row, column: column, style: .input, maxWidth: width)
        if focused { buffer.cursor = (row, column + widthBeforeCursor) }
    }
}
