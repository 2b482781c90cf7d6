import MeetingKit
import MeetingStore
import TextLayout

/// Colours and small texts shared by the minutes screens.
enum MinutesStyle {
    static func style(for state: MinutesState) -> Style {
        switch state {
        case .draft: return .dim
        case .inReview: return .accent
        case .awaitingSignature: return .warning
        case .signed: return .ok
        case .returned: return .error
        }
    }

    static func style(for step: MinutesChainStep.Status) -> Style {
        switch step {
        case .done: return .ok
        case .current: return .accent
        case .pending: return .dim
        }
    }

    /// Runs a use case and turns a refusal into a status-line message.
    static func attempt(_ body: () throws -> Localized) -> Effect {
        do {
            return .status(try body(), .ok)
        } catch {
            return .failure(error)
        }
    }

    /// Draws a centred box with a list to choose from.
    static func drawChoice(_ list: ChoiceList, title: String, into buffer: inout ScreenBuffer, area: Rect) {
        let width = min(area.width - 4, max(30, (list.options.map(DisplayWidth.of).max() ?? 10) + 8))
        let rect = area.centered(height: list.options.count + 2, width: width)
        buffer.fill(rect)
        buffer.box(rect, title: title, style: .accent)
        list.draw(into: &buffer, rect: rect.inset(1))
    }

    /// Draws a centred box with a prompt and a one-line text field.
    static func drawField(_ field: TextField, prompt: String, into buffer: inout ScreenBuffer, area: Rect) {
        let rect = area.centered(height: 5, width: min(area.width - 4, 70))
        buffer.fill(rect)
        buffer.box(rect, title: prompt, style: .accent)
        field.draw(into: &buffer, row: rect.top + 2, column: rect.left + 2, width: rect.width - 4, focused: true)
    }
}
