/// The selection and scroll position of a list; only the visible rows are drawn.
public struct ListCursor: Hashable, Sendable {
    public var count: Int = 0 {
        didSet { index = count == 0 ? 0 : min(index, count - 1) }
    }
    public private(set) var index = 0
    public private(set) var offset = 0

    public init(count: Int = 0) { self.count = count }

    public var selected: Int? { count == 0 ? nil : index }

    public mutating func select(_ i: Int) { index = count == 0 ? 0 : max(0, min(count - 1, i)) }

    /// Moves for navigation keys; returns whether the key was one.
    @discardableResult
    public mutating func handle(_ key: Key, pageSize: Int = 10) -> Bool {
        switch key {
        case .down, .char("j"): select(index + 1)
        case .up, .char("k"): select(index - 1)
        case .pageDown: select(index + pageSize)
        case .pageUp: select(index - pageSize)
        case .home, .char("g"): select(0)
        case .end, .char("G"): select(count - 1)
        default: return false
        }
        return true
    }

    /// The indices to draw in `rows` rows, keeping the selection in view.
    public mutating func visibleRange(rows: Int) -> Range<Int> {
        guard rows > 0, count > 0 else { return 0..<0 }
        if index < offset { offset = index }
        if index >= offset + rows { offset = index - rows + 1 }
        offset = max(0, min(offset, max(0, count - rows)))
        return offset..<min(count, offset + rows)
    }

    /// Like ``visibleRange(rows:)`` without moving the scroll position (for drawing).
    public func visible(rows: Int) -> Range<Int> {
        var copy = self
        return copy.visibleRange(rows: rows)
    }
}
