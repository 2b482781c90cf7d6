/// A rectangle of the screen, in rows and columns.
public struct Rect: Hashable, Sendable {
    public var top: Int
    public var left: Int
    public var height: Int
    public var width: Int

    public init(top: Int, left: Int, height: Int, width: Int) {
        self.top = top
        self.left = left
        self.height = max(0, height)
        self.width = max(0, width)
    }

    public var bottom: Int { top + height }
    public var right: Int { left + width }

    /// The rectangle shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect { Rect(top: top + n, left: left + n, height: height - 2 * n, width: width - 2 * n) }

    /// Splits into a left part of `leftWidth` columns and the rest, `gap` columns apart.
    public func splitColumns(leftWidth: Int, gap: Int = 1) -> (Rect, Rect) {
        (Rect(top: top, left: left, height: height, width: leftWidth),
         Rect(top: top, left: left + leftWidth + gap, height: height, width: width - leftWidth - gap))
    }

    /// A centred rectangle of at most the given size inside this one.
    public func centered(height h: Int, width w: Int) -> Rect {
        let hh = min(h, height), ww = min(w, width)
        return Rect(top: top + (height - hh) / 2, left: left + (width - ww) / 2, height: hh, width: ww)
    }
}
