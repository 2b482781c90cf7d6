/// The paper and the type area (版心), in millimetres, with the body's line pitch.
public struct PageSetup: Hashable, Sendable {
    public var width: Double
    public var height: Double
    /// 天头: from the top edge to the type area.
    public var top: Double
    /// 订口: from the left edge to the type area.
    public var left: Double
    /// The type area (版心).
    public var textWidth: Double
    public var textHeight: Double
    /// Body lines per page: the line pitch is ``textHeight`` divided by this.
    public var lines: Int
    /// Characters of 3号 (16pt) per body line: the character pitch is ``textWidth`` divided by this.
    public var charactersPerLine: Int

    /// GB/T 9704-2012 §5.2: A4, type area 156 × 225 mm, 37 mm from the top and 28 mm from
    /// the left, 22 lines of 28 characters in 3号.
    public static let gbt9704 = PageSetup(width: 210, height: 297, top: 37, left: 28, textWidth: 156, textHeight: 225,
                                          lines: 22, charactersPerLine: 28)

    /// A4 turned sideways with 20 mm margins: name cards and wide tables.
    public static let landscape = PageSetup(width: 297, height: 210, top: 20, left: 20, textWidth: 257, textHeight: 170,
                                            lines: 17, charactersPerLine: 46)

    public var right: Double { width - left - textWidth }
    public var bottom: Double { height - top - textHeight }
    public var isLandscape: Bool { width > height }

    /// The body's line pitch in points (28.95pt on the standard page: 225 mm / 22).
    public var linePitch: Double { (textHeight / Double(lines) * Units.pointsPerMillimetre * 20).rounded(.down) / 20 }

    /// The extra space after each 16pt character that puts exactly ``charactersPerLine`` on a
    /// line, in points (negative: the standard's 28 characters are narrower than 16pt).
    /// Rounded down to a twentieth of a point so the last character still fits.
    public var characterSpacing: Double {
        let pitch = textWidth * Units.pointsPerMillimetre / Double(charactersPerLine)
        return ((pitch - 16) * 20).rounded(.down) / 20
    }
}

/// Conversions between the units of paper (mm), type (pt) and Word (twips, 1/20 pt).
public enum Units {
    public static let pointsPerMillimetre = 72 / 25.4

    public static func points(mm: Double) -> Double { mm * pointsPerMillimetre }
    public static func twips(mm: Double) -> Int { Int((mm * pointsPerMillimetre * 20).rounded()) }
    public static func twips(points: Double) -> Int { Int((points * 20).rounded()) }
}
