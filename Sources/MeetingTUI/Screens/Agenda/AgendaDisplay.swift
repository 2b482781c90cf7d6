import MeetingKit
import MeetingStore
import TextLayout

/// Presentation shared by the agenda screens: state colours, text wrapping by display
/// width, and turning a refusal into a status-line message.
enum AgendaDisplay {
    static func style(for state: AgendaState) -> Style {
        switch state {
        case .draft, .consulting: return .normal
        case .consensus, .approved, .accepted: return .ok
        case .disputed: return .warning
        case .scheduled: return .accent
        case .decided, .withdrawn: return .dim
        }
    }

    /// Splits `text` into lines of at most `width` columns and at newlines: the one wrapper of
    /// the screens (``WrappedText``), so item pages break as every other text does.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 1 else { return [text] }
        return WrappedText.rows(text, width: width)
    }

    /// "03-12 周四 09:00 第3次区政府常务会议" for lists of meetings.
    static func meetingLine(_ m: Meeting, lang: Lang) -> String {
        "\(m.start.day.iso.dropFirst(5)) \(m.start.day.weekday.shortName.text(lang)) \(m.start.timeText) \(m.numberedTitle(lang))"
    }
}
