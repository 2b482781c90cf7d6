import MeetingTUI
import TextLayout

/// Switches the test process to a UTF-8 locale exactly once, so `wcwidth` measures Chinese
/// as two columns. `setlocale` is process-wide and not thread-safe, and tests run in
/// parallel: every test that measures text goes through this one-time initializer.
public enum TerminalLocale {
    public static let activated: Void = DisplayWidth.activateUTF8Locale()

    public static func activate() { _ = activated }
}
