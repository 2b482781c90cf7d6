import MeetingKit
import MeetingService

/// What an action asks the app to do besides changing the screen's own state.
public indirect enum Effect {
    case none
    /// Open a screen on top of this one.
    case push(any Screen)
    /// Close this screen and return to the one below.
    case pop
    /// Close this screen and reload the one below (its data changed).
    case popAndReload
    /// Reload this screen's data.
    case reload
    /// Show a message on the status line.
    case status(Localized, Style)
    /// Leave the program.
    case quit
    /// Leave the full-screen interface to run a program on the real terminal (an editor),
    /// then come back and apply the effect the task returns.
    case suspend(TerminalTask)
    /// Run a use case of the office, then hand its outcome back to this screen.
    case task(OfficeTask)
    /// Open a section right above the home screen (the digits).
    case jump(any Screen)
    /// Act as someone else from now on (an administrator's `--as`; nil: as oneself).
    case actAs(String?)
    /// Record on this leader's behalf from now on (a secretary's `--on-behalf-of`; nil: stop).
    case recordOnBehalf(String?)
    /// Several effects, in order.
    case batch([Effect])
    /// Changes the top screen itself, later (what a confirmation's "yes" opens).
    case local((inout any Screen) -> Effect)

    /// A change of this screen (of type `S`), run when the effect is applied.
    public static func local<S: Screen>(on screen: S.Type, _ body: @escaping (inout S) -> Effect) -> Effect {
        .local { screen in
            guard var typed = screen as? S else { return .none }
            let effect = body(&typed)
            screen = typed
            return effect
        }
    }

    /// A use case whose outcome this screen (of type `S`) takes in `then`.
    public static func call<S: Screen, Value>(_ name: String, on screen: S.Type,
                                              _ perform: @escaping (Office) throws -> Value,
                                              then: @escaping (inout S, Result<Value, any Error>, ScreenContext) -> Effect) -> Effect {
        .task(OfficeTask(name: name, perform: { office in
            let result: Result<Any, any Error> = Result { try perform(office) }
            return result
        }, resume: { screen, outcome, context in
            guard var typed = screen as? S else { return .none }
            let effect = then(&typed, outcome.map { $0 as! Value }, context)
            screen = typed
            return effect
        }))
    }
}
