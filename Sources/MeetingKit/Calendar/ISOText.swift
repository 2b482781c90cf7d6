/// Reads ISO dates and times from their UTF-8 bytes. Lists read stored dates by the
/// thousand (a ten-year office's follow-ups, its open items at every start), and splitting
/// strings into substrings cost microseconds per date.
enum ISOText {
    /// Runs `body` on the UTF-8 bytes of `text`, copying only when they are not contiguous.
    static func withBytes<R>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The number written in `count` ASCII digits from `start`; nil if one is not a digit.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<start + count {
            let digit = Int(bytes[i]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// `YYYY-MM-DD` in the first ten bytes (the caller checks there are ten).
    static func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = number(bytes, 0, 4), let m = number(bytes, 5, 2), let d = number(bytes, 8, 2) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
