import MeetingService
import MeetingKit

extension Localized {
    /// What a screen shows when loading or an action fails: a refusal in its own words, with
    /// its article and the key that resolves it (``Refusal/interfaceText(_:)``, never a
    /// command line); any other error as it describes itself.
    static func describing(_ error: any Error) -> Localized {
        if let refusal = error as? Refusal { return Localized(zh: refusal.interfaceText(.zh), en: refusal.interfaceText(.en)) }
        return .same("\(error)")
    }
}

extension Effect {
    /// The status-line message of a failed action: ``Localized/describing(_:)`` as an error.
    static func failure(_ error: any Error) -> Effect { .status(.describing(error), .error) }
}

extension Effect {
    /// Runs a change of the office for a screen of type `S`: on success it reloads the screen
    /// and says `done`, on refusal it reloads and shows the refusal (with its article).
    static func change<S: Screen, Value>(_ name: String, on screen: S.Type, _ perform: @escaping (Office) throws -> Value,
                                        done: @escaping (Value) -> Localized) -> Effect {
        .call(name, on: S.self, perform) { _, result, _ in
            switch result {
            case .success(let value): return .batch([.reload, .status(done(value), .ok)])
            case .failure(let error): return .batch([.reload, .failure(error)])
            }
        }
    }
}

extension Effect {
    /// Runs the change a form asks for: on success the form (at `form`) closes, the screen
    /// reloads and says `done`; a refusal stays in the form, with its input, to be corrected.
    static func submit<S: Screen, Value>(_ name: String, on screen: S.Type, form: WritableKeyPath<S, Form?>,
                                        _ perform: @escaping (Office) throws -> Value, done: @escaping (Value) -> Localized) -> Effect {
        .call(name, on: S.self, perform) { screen, result, _ in
            switch result {
            case .success(let value):
                screen[keyPath: form] = nil
                return .batch([.reload, .status(done(value), .ok)])
            case .failure(let error):
                screen[keyPath: form]?.error = .describing(error)
                return .none
            }
        }
    }
}

extension ScreenBuffer {
    /// Draws what went wrong loading a screen in place of its content, and says whether it
    /// did, so `draw` stops there: `if buffer.putLoadError(loadError, in: area, lang) { return }`.
    mutating func putLoadError(_ error: Localized?, in area: Rect, _ lang: Lang) -> Bool {
        guard let error else { return false }
        put(error.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
        return true
    }
}

extension Localized {
    /// Runs a screen's loading and says what went wrong, nil when it loaded:
    /// `loadError = .loading { report = try context.office.leaveReport(meetingId: id) }`.
    static func loading(_ load: () throws -> Void) -> Localized? {
        do {
            try load()
            return nil
        } catch {
            return .describing(error)
        }
    }
}
