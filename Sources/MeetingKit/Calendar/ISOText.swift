/// Reads ISO dates and times from their UTF-8 bytes. Lists read stored dates by the
/// thousand (a ten-year office's follow-ups, its open items at every start), and splitting
/// strings into substrings cost microseconds per date.
enum ISOText {
    /// `YYYY-MM-DD`, exactly.
    ///
    /// Each reader states its own result type rather than sharing a helper generic over it:
    /// the callers are generic over the string and are not specialised across modules, and a
    /// generic result made every call look up its optional's metadata at run time (21 M
    /// instructions in a year's report, which reads 63,000 dates).
    static func day(in text: some StringProtocol) -> Day? {
        text.utf8.withContiguousStorageIfAvailable(tenByteDay) ?? Array(text.utf8).withUnsafeBufferPointer(tenByteDay)
    }

    /// `YYYY-MM-DDTHH:MM`, exactly: the form every time is stored in.
    static func storedDateTime(in text: some StringProtocol) -> LocalDateTime? {
        text.utf8.withContiguousStorageIfAvailable(sixteenByteDateTime) ?? Array(text.utf8).withUnsafeBufferPointer(sixteenByteDateTime)
    }

    private static func tenByteDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        bytes.count == 10 ? day(bytes) : nil
    }

    private static func sixteenByteDateTime(_ b: UnsafeBufferPointer<UInt8>) -> LocalDateTime? {
        guard b.count == 16, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), let day = day(b),
              let hour = number(b, 11, 2), let minute = number(b, 14, 2) else { return nil }
        return LocalDateTime(day: day, hour: hour, minute: minute)
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
