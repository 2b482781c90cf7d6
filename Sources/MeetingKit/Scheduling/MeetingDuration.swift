/// How long a meeting may last, decided once for every place that takes a duration: the
/// scheduling use cases, a move, a cadence, config.toml and the screens' forms.
public enum MeetingDuration {
    /// From one minute to a whole day.
    public static let allowedMinutes = 1...1440

    /// What is wrong with a duration, in words a form, a file or a refusal can all use.
    public static let problem = Localized(zh: "会议时长须在 1 到 1440 分钟之间", en: "the duration must be 1 to 1440 minutes")

    /// Refuses a duration outside ``allowedMinutes``.
    public static func check(_ minutes: Int) throws {
        guard allowedMinutes.contains(minutes) else { throw Refusal(.invalidInput, code: "meeting.badDuration", problem) }
    }

    /// The minutes typed into a form, or the refusal for text that is no allowed duration.
    public static func parse(_ text: String) throws -> Int {
        guard let minutes = Int(text) else { throw Refusal(.invalidInput, code: "meeting.badDuration", problem) }
        try check(minutes)
        return minutes
    }
}
