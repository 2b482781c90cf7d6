/// The 第N次 numbers of one kind's meetings in a term (R37).
///
/// A number is tentative until the meeting's notices go out or it is held; from then on it
/// is fixed: it never changes and no other meeting of the kind and term ever gets it, even
/// when the meeting is later moved or cancelled. Tentative numbers follow date order after
/// the fixed ones before them, from the term's first number (an office that starts using
/// Huiwu mid-term sets it). A meeting added with a date before a meeting whose number is
/// fixed cannot take a smaller number without duplicating or changing a published one, so
/// it takes the next free number and carries a note saying why (``outOfOrderNote(for:among:)``).
/// A vice mayor's topical meeting not in the government's name takes no number.
public enum MeetingNumbering {
    /// The number of every meeting of `meetings` (one term, one kind), by id.
    public static func assign(_ meetings: [Meeting], firstNumber: Int = 1) -> [Int64: Int] {
        let ordered = meetings.filter(\.isInSeries).sorted { ($0.start, $0.id ?? 0) < ($1.start, $1.id ?? 0) }
        // Published numbers, each kept by the first meeting (in date order) that holds it;
        // a later holder of the same number (a duplicate from before this rule) is renumbered.
        var fixed: [Int: Int64] = [:]
        for m in ordered where m.numberFixed {
            if let n = m.number, let id = m.id, fixed[n] == nil { fixed[n] = id }
        }
        var result: [Int64: Int] = [:]
        var counter = firstNumber - 1
        for m in ordered {
            guard let id = m.id else { continue }
            if let n = m.number, fixed[n] == id {
                result[id] = n
                counter = max(counter, n)
                continue
            }
            if m.status == .cancelled && !m.numberFixed { continue }
            var candidate = counter + 1
            while fixed[candidate] != nil { candidate += 1 }
            result[id] = candidate
            counter = candidate
        }
        return result
    }

    /// Why `meeting`'s number is out of date order, when it is: a meeting of the same series
    /// dated after it carries a smaller number that was already published.
    public static func outOfOrderNote(for meeting: Meeting, among meetings: [Meeting]) -> Localized? {
        guard let number = meeting.number else { return nil }
        let earlier = meetings.filter {
            $0.id != meeting.id && $0.kind == meeting.kind && $0.termNumber == meeting.termNumber && $0.numberFixed
                && $0.start > meeting.start && ($0.number ?? Int.max) < number
        }
        guard let first = earlier.min(by: { ($0.number ?? 0) < ($1.number ?? 0) }), let published = first.number else { return nil }
        return Localized(
            zh: "编号说明：本次会议日期早于已通知或已召开的第\(published)次\(meeting.seriesName.zh)（\(first.start.day.iso)），已发布的编号不变、不重复，故编为第\(number)次（R37）",
            en: "numbering note: this meeting is dated before \(meeting.seriesName.en) No. \(published) (\(first.start.day.iso)), whose number was already published and never changes or repeats, so it is No. \(number) (R37)")
    }
}
