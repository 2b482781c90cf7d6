import CNcursesw
import Foundation

/// The real terminal through ncursesw: reads keys with `get_wch`, and copies a
/// ``ScreenBuffer`` to the screen, writing only the cells that changed since the last frame.
final class CursesTerminal {
    private var previous: ScreenBuffer?
    private let colors: Bool
    nonisolated(unsafe) private static var active = false

    init(environment: [String: String], theme: Theme) {
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(huiwu_stdscr(), true)
        set_escdelay(25)
        // A terminal without colours gets the attributes-only theme whatever was asked.
        self.theme = has_colors() ? theme : .mono
        colors = self.theme != .mono
        if colors {
            start_color()
            use_default_colors()
            for style in Style.allCases {
                let look = self.theme.look(style)
                if !look.usesDefaultColors { init_pair(Int16(style.rawValue + 1), look.foreground.rawValue, look.background.rawValue) }
            }
        }
        CursesTerminal.active = true
        CursesTerminal.installSignalHandlers()
    }

    /// The theme in use (``Theme/mono`` when the terminal has no colours).
    let theme: Theme

    /// Restores the terminal; safe to call more than once.
    static func restore() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
    }

    /// SIGINT, SIGTERM and SIGHUP (the SSH link dropped) leave the terminal usable. They are
    /// unblocked too: a mask inherited from the parent (a test runner, a service manager)
    /// would otherwise hold them back, and the interface would ignore the request to stop.
    private static func installSignalHandlers() {
        let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
        for sig in signals {
            signal(sig) { received in
                CursesTerminal.restore()
                _exit(128 + received)
            }
        }
        var handled = sigset_t()
        sigemptyset(&handled)
        for sig in signals { sigaddset(&handled, sig) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    var size: (rows: Int, columns: Int) { (Int(huiwu_rows()), Int(huiwu_cols())) }

    /// What woke the interface.
    enum Event: Equatable {
        case key(Key)
        /// The office changed (a notice from the server, or the database file was written).
        case officeChanged
        /// Nothing happened for as long as asked.
        case idle
        /// The terminal is gone (the SSH link dropped).
        case hangup
    }

    /// Sleeps until a key, a resize, a change of the office (`changeSignal` readable) or
    /// `timeoutMilliseconds` (negative: no limit): an idle interface costs no CPU.
    func nextEvent(changeSignal: Int32?, timeoutMilliseconds: Int32) -> Event {
        // Keys ncurses has already read from the terminal come first: poll cannot see them.
        let buffered = readKey(timeoutMilliseconds: 0)
        if buffered != .tick { return .key(buffered) }
        var entries = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if let changeSignal { entries.append(pollfd(fd: changeSignal, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&entries, nfds_t(entries.count), timeoutMilliseconds)
        if ready < 0 {
            // A signal (SIGWINCH for a resize): ncurses reports it as a key.
            let key = readKey(timeoutMilliseconds: 0)
            return key == .tick ? .idle : .key(key)
        }
        if ready == 0 { return .idle }
        if entries[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
        if entries[0].revents != 0 {
            // The rest of an escape sequence follows at once; ESCDELAY bounds the wait.
            let key = readKey(timeoutMilliseconds: 50)
            return key == .tick ? .idle : .key(key)
        }
        return .officeChanged
    }

    /// Waits up to `timeoutMilliseconds` for a key (negative: forever); `.tick` on timeout.
    func readKey(timeoutMilliseconds: Int32) -> Key {
        wtimeout(huiwu_stdscr(), timeoutMilliseconds)
        var ch: UInt32 = 0
        let result = huiwu_get_wch(&ch)
        if result == huiwu_err() { return .tick }
        if result == huiwu_key_code_yes() { return CursesTerminal.decode(keyCode: Int32(ch)) }
        switch ch {
        case 0x1B: return .escape
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(ch + 0x60)!))
        default:
            guard let scalar = Unicode.Scalar(ch) else { return .tick }
            return .char(Character(scalar))
        }
    }

    private static func decode(keyCode: Int32) -> Key {
        switch keyCode {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case huiwu_key_resize(): return .resize
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(keyCode - KEY_F0))
        default: return .tick
        }
    }

    /// Hands the terminal to `body` (an external editor) and takes it back afterwards, as mutt
    /// and git do: curses is ended, our signal handlers are set aside so Ctrl-C reaches only
    /// the editor, and the next frame is redrawn in full.
    func suspend<T>(_ body: () -> T) -> T {
        def_prog_mode()
        endwin()
        let interrupt = signal(SIGINT, SIG_IGN)
        let quit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, interrupt)
            signal(SIGQUIT, quit)
            reset_prog_mode()
            invalidate()
            wrefresh(huiwu_stdscr())
        }
        return body()
    }

    /// Forgets the last frame so the next ``present(_:)`` redraws everything (after a resize).
    func invalidate() {
        previous = nil
        wclear(huiwu_stdscr())
    }

    /// Copies `buffer` to the terminal, writing only runs of changed cells.
    func present(_ buffer: ScreenBuffer) {
        let full = previous == nil || previous!.rows != buffer.rows || previous!.columns != buffer.columns
        if full { werase(huiwu_stdscr()) }
        // One buffer for every run's characters, and no array per cell: a first screen writes
        // every cell.
        var scalars: [UInt32] = []
        scalars.reserveCapacity(buffer.columns)
        for row in 0..<buffer.rows {
            var column = 0
            while column < buffer.columns {
                if !full, let previous, previous[row, column] == buffer[row, column] { column += 1; continue }
                // A run of changed cells with one style, starting at a character's first column.
                var start = column
                while start > 0 && buffer[row, start].isContinuation { start -= 1 }
                let style = buffer[row, start].style
                var end = column
                scalars.removeAll(keepingCapacity: true)
                while end < buffer.columns {
                    let cell = buffer[row, end]
                    if cell.style != style && !cell.isContinuation { break }
                    if !full, end > column, let previous, previous[row, end] == cell, !cell.isContinuation { break }
                    for scalar in cell.text.unicodeScalars { scalars.append(scalar.value) }
                    end += 1
                }
                if end == start { end = start + 1 }
                attrset(attributes(for: style))
                huiwu_mvaddwstr(Int32(row), Int32(start), scalars, Int32(scalars.count))
                column = end
            }
        }
        attrset(0)
        if let cursor = buffer.cursor {
            curs_set(1)
            wmove(huiwu_stdscr(), Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(huiwu_stdscr())
        previous = buffer
    }

    private func attributes(for style: Style) -> Int32 {
        let look = theme.look(style)
        var value: Int32 = colors && !look.usesDefaultColors ? huiwu_color_pair(Int32(style.rawValue) + 1) : 0
        if look.attributes.contains(.bold) { value |= huiwu_attr_bold() }
        if look.attributes.contains(.dim) { value |= huiwu_attr_dim() }
        if look.attributes.contains(.reverse) { value |= huiwu_attr_reverse() }
        if look.attributes.contains(.underline) { value |= huiwu_attr_underline() }
        return value
    }
}
