import Foundation

/// The source of "now" for every rule that depends on time.
///
/// The domain never reads the system clock itself: the store, the CLI and the TUI inject
/// one, and tests and training sessions fix it (`HUIWU_NOW=2026-03-02T09:00`).
public struct Clock: Sendable {
    /// Seconds since 1970-01-01T00:00 Beijing wall time.
    private let readSeconds: @Sendable () -> Int

    public init(secondsSinceEpochInBeijing read: @escaping @Sendable () -> Int) { self.readSeconds = read }

    /// The current second, counted from 1970-01-01T00:00 Beijing wall time.
    public var secondsSinceEpochInBeijing: Int { readSeconds() }

    /// The current minute in Beijing time.
    public var now: LocalDateTime { LocalDateTime(minuteNumber: Clock.floorDiv(readSeconds(), 60)) }
    public var today: Day { now.day }

    /// The current moment with seconds, for audit events: `2026-03-02T09:00:05+08:00`.
    public var timestamp: String {
        let s = readSeconds()
        let moment = LocalDateTime(minuteNumber: Clock.floorDiv(s, 60))
        let sec = s - Clock.floorDiv(s, 60) * 60
        return moment.iso + ":" + (sec < 10 ? "0" : "") + String(sec) + "+08:00"
    }

    /// A clock that always answers `moment`.
    public static func fixed(_ moment: LocalDateTime) -> Clock {
        let seconds = moment.minuteNumber * 60
        return Clock { seconds }
    }

    /// The system clock converted to Beijing time (UTC+8; China has no daylight saving).
    public static let system = Clock { systemSeconds() }

    /// The system clock's reading in Beijing wall-time seconds.
    public static func systemSeconds() -> Int {
        Int(Date().timeIntervalSince1970.rounded(.down)) + 8 * 3600
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }
}
