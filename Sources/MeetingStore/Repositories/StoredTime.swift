import MeetingKit

/// Days and times as the store writes them (`2026-03-02`, `2026-03-02T09:00`), parsed from
/// their UTF-8 bytes: a list of thousands of rows parses several per row, and the general
/// parsers (`Day(iso:)`, `LocalDateTime(iso:)`, which split strings) cost microseconds each.
/// Anything not in exactly the stored form goes to the general parser, so the result is the
/// same for every text.
enum StoredTime {
    static func day(_ text: String) -> Day? {
        var text = text
        return text.withUTF8 { b in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
                  let y = number(b, 0, 4), let m = number(b, 5, 2), let d = number(b, 8, 2) else { return nil }
            return Day(year: y, month: m, day: d)
        } ?? Day(iso: text)
    }

    static func dateTime(_ text: String) -> LocalDateTime? {
        var text = text
        return text.withUTF8 { b in
            guard b.count == 16, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
                  b[13] == UInt8(ascii: ":"), let y = number(b, 0, 4), let mo = number(b, 5, 2), let d = number(b, 8, 2),
                  let h = number(b, 11, 2), let mi = number(b, 14, 2), let day = Day(year: y, month: mo, day: d) else { return nil }
            return LocalDateTime(day: day, hour: h, minute: mi)
        } ?? LocalDateTime(iso: text)
    }

    /// The decimal number in `count` ASCII digits from `start`; nil if any is not a digit.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<start + count {
            let digit = Int(bytes[i]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
