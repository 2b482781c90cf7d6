/// Parses what people type when scheduling (CLI options, TUI fields) into domain values,
/// refusing bad input with a message that names the field and says what is wrong.
///
/// Each parser takes the `field` label the person sees: the option (`--from`) on the command
/// line, the field's caption in the TUI. No message names a CLI flag of its own accord, so the
/// TUI can show every one of them.
public enum SchedulingInput {
    /// `2026-03-02`; an impossible date such as `2026-02-30` is named as such.
    public static func day(_ text: String, field: String) throws -> Day {
        if let day = Day(iso: text) { return day }
        throw badDate(text, field: field, example: "2026-03-02")
    }

    /// Refuses a range of days whose end is before its start.
    public static func requireOrdered(from: Day, to: Day) throws {
        guard from <= to else {
            throw Refusal.invalid("range.reversed", "结束日期 \(to.iso) 早于开始日期 \(from.iso)", "the end date \(to.iso) is before the start date \(from.iso)")
        }
    }

    /// `2026-03-02T09:00` (a space instead of `T` also works).
    public static func moment(_ text: String, field: String) throws -> LocalDateTime {
        if let moment = LocalDateTime(iso: text) { return moment }
        if text.count >= 10, Day(iso: text.prefix(10)) == nil { throw badDate(text, field: field, example: "2026-03-02T09:00") }
        throw Refusal.invalid("input.badTime", "\(field) \(safe(text))：不是有效时间（格式 2026-03-02T09:00）",
                              "\(field) \(safe(text)): not a valid time (format 2026-03-02T09:00)")
    }

    /// `09:00` as minutes after midnight.
    public static func time(_ text: String, field: String) throws -> Int {
        guard let (h, m) = LocalDateTime.parseTime(text) else {
            throw Refusal.invalid("input.badTime", "\(field) \(safe(text))：不是有效时刻（格式 09:00）",
                                  "\(field) \(safe(text)): not a valid time of day (format 09:00)")
        }
        return h * 60 + m
    }

    public static func kind(_ text: String) throws -> MeetingKind {
        if let kind = MeetingKind(rawValue: text.lowercased()) { return kind }
        throw Refusal.invalid("meeting.unknownKind", "未知的会议种类 “\(safe(text))”：可用 plenary（全体会议）、executive（常务会议）、topical（专题会议）",
                              "unknown meeting kind '\(safe(text))': use plenary, executive or topical")
    }

    public static func weekday(_ text: String, field: String) throws -> Weekday {
        if let weekday = Weekday(text: text) { return weekday }
        throw Refusal.invalid("input.badWeekday", "\(field) \(safe(text))：不是星期几（mon … fri）",
                              "\(field) \(safe(text)): not a weekday (mon … fri)")
    }

    /// A meeting or absence id.
    public static func id(_ text: String, what: Localized) throws -> Int64 {
        if let id = Int64(text), id > 0 { return id }
        throw Refusal.invalid("input.badId", "\(what.zh)编号 “\(safe(text))” 无效（应为正整数）",
                              "the \(what.en) id '\(safe(text))' is invalid (a positive number)")
    }

    public static func participation(_ text: String, field: String) throws -> Participation {
        if let p = Participation(rawValue: text) { return p }
        throw Refusal.invalid("input.badRole", "\(field) \(safe(text))：可用 member（出席）、sitsIn（列席）、invited（邀请）",
                              "\(field) \(safe(text)): use member, sitsIn or invited")
    }

    public static func absenceKind(_ text: String, field: String) throws -> Absence.Kind {
        if let k = Absence.Kind(rawValue: text) { return k }
        throw Refusal.invalid("input.badAbsenceKind", "\(field) \(safe(text))：可用 trip（出差）、visit（出访）、leave（休假）",
                              "\(field) \(safe(text)): use trip, visit or leave")
    }

    public static func absenceStatus(_ text: String, field: String) throws -> Absence.Status {
        if let s = Absence.Status(rawValue: text) { return s }
        throw Refusal.invalid("input.badStatus", "\(field) \(safe(text))：可用 pending、approved、refused",
                              "\(field) \(safe(text)): use pending, approved or refused")
    }

    /// `MM-DD` (a yearly meeting's date) or `spring-festival`.
    public static func yearlyAnchor(_ text: String, field: String) throws -> Cadence.YearlyAnchor {
        if text == "spring-festival" { return .afterSpringFestival }
        let parts = text.split(separator: "-")
        if parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }), let m = Int(parts[0]), let d = Int(parts[1]),
           Day(year: 2024, month: m, day: d) != nil {
            return .date(month: m, day: d)
        }
        throw Refusal.invalid("input.badDate", "\(field) \(safe(text))：应为 MM-DD（如 03-05）或 spring-festival",
                              "\(field) \(safe(text)): use MM-DD (e.g. 03-05) or spring-festival")
    }

    private static func badDate(_ text: String, field: String, example: String) -> Refusal {
        let datePart = String(text.prefix(10))
        let parts = datePart.split(separator: "-")
        if parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d > 0 {
            let days = Day.daysInMonth(year: y, month: m)
            return .invalid("input.noSuchDate", "\(field) \(safe(text))：没有这一天（\(y) 年 \(m) 月只有 \(days) 天）",
                            "\(field) \(safe(text)): there is no such date (\(y)-\(parts[1]) has \(days) days)")
        }
        return .invalid("input.badDate", "\(field) \(safe(text))：不是有效日期（格式 \(example)）",
                        "\(field) \(safe(text)): not a valid date (format \(example))")
    }

    private static func safe(_ text: String) -> String { TextSafety.inert(String(text.prefix(60))) }
}
