import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing
import TextLayout

/// The real binary in a real terminal (tmux): what a secretary sees over SSH.
@Suite("The full-screen interface in a real terminal",
       .requires(Tmux.isAvailable, "tmux"))
struct TerminalTests {
    /// Monday 2026-03-02 09:00 with two meetings this week.
    let office: TestOffice
    let directory: String

    init() throws {
        TerminalLocale.activate()
        office = try TestOffice()
        let admin = try office.session()
        try admin.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-04T09:00")!, room: "区政府常务会议室")
        try admin.addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-02T15:00")!, chair: "wangxiaoyan",
                             title: "研究中小学课后服务工作")
        directory = TestOffice.temporaryDirectory()
    }

    /// Starts `huiwu --as lijing` under `sh`, which records the terminal settings before and after.
    /// With `blocking`, huiwu starts with those signals blocked, as a parent's mask would hand
    /// them down (a test runner's threads, a service manager).
    func start(rows: Int, columns: Int, environment extra: [String: String] = [:], blocking: [Int32] = []) throws -> Tmux {
        var environment = Binary(database: office.path).environment
        environment.removeValue(forKey: "NO_COLOR")  // the test runner may set it; colours are tested
        for (key, value) in extra { environment[key] = value }
        let masked = blocking.isEmpty ? "" : "python3 -c 'import os, signal, sys; signal.pthread_sigmask(signal.SIG_BLOCK, {"
            + blocking.map(String.init).joined(separator: ", ") + "}); os.execv(sys.argv[1], sys.argv[1:])' "
        let script = "stty -a > '\(directory)/before.txt'; \(masked)'\(Binary.path)' --as lijing; stty -a > '\(directory)/after.txt'"
        return try Tmux(command: ["sh", "-c", script], environment: environment, rows: rows, columns: columns)
    }

    /// What the in-memory backend draws for the same office, actor, clock and size, after `keys`.
    func expectedBuffer(rows: Int, columns: Int, keys: [Key] = []) throws -> ScreenBuffer {
        var harness = ScreenHarness(session: try office.session("lijing"), lang: .zh, rows: rows, columns: columns)
        harness.press(keys)
        return harness.buffer
    }

    func expectedScreen(rows: Int, columns: Int, keys: [Key] = []) throws -> [String] {
        try expectedBuffer(rows: rows, columns: columns, keys: keys).text.components(separatedBy: "\n")
    }

    /// The terminal's rows, trailing spaces removed, as many as the terminal has.
    static func lines(_ capture: String, rows: Int) -> [String] {
        var lines = capture.components(separatedBy: "\n").map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        while lines.count > rows { lines.removeLast() }
        while lines.count < rows { lines.append("") }
        return lines
    }

    /// Waits until the terminal shows exactly `expected`; records the difference otherwise.
    func waitForScreen(_ tmux: Tmux, _ expected: [String], _ what: String) throws {
        do {
            try tmux.waitUntil { TerminalTests.lines($0, rows: expected.count) == expected }
        } catch {
            let actual = TerminalTests.lines(try tmux.capture(), rows: expected.count)
            Issue.record("\(what): the terminal differs from the in-memory screen.\n--- expected\n\(expected.joined(separator: "\n"))\n--- terminal\n\(actual.joined(separator: "\n"))")
            throw error
        }
    }

    /// The display column where `text` starts in `line`.
    static func column(of text: String, in line: String) -> Int? {
        line.range(of: text).map { DisplayWidth.of(String(line[..<$0.lowerBound])) }
    }

    /// The terminal's settings after the program ended must match those before: echo and
    /// canonical mode on, nothing left raw.
    func expectSaneTerminal(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let after = try String(contentsOfFile: directory + "/after.txt", encoding: .utf8)
        let flags = Set(after.split { " ;\n".contains($0) }.map(String.init))
        #expect(flags.contains("echo") && !flags.contains("-echo"), "echo is off:\n\(after)", sourceLocation: sourceLocation)
        #expect(flags.contains("icanon") && !flags.contains("-icanon"), "canonical mode is off:\n\(after)", sourceLocation: sourceLocation)
        #expect(flags.contains("icrnl") && flags.contains("opost") && flags.contains("isig"), "\(after)", sourceLocation: sourceLocation)
        // Everything but the first line (speed, rows, columns: the window may have been resized).
        let before = try String(contentsOfFile: directory + "/before.txt", encoding: .utf8)
        #expect(before.split(separator: "\n").dropFirst() == after.split(separator: "\n").dropFirst(), sourceLocation: sourceLocation)
    }

    @Test("Chinese lands in the right columns; ? shows help; a resize redraws cleanly; q quits leaving the terminal sane",
          arguments: [(24, 80), (40, 120)])
    func session(rows: Int, columns: Int) throws {
        let tmux = try start(rows: rows, columns: columns)
        try waitForScreen(tmux, try expectedScreen(rows: rows, columns: columns), "home at \(columns)x\(rows)")

        let screen = TerminalTests.lines(try tmux.capture(), rows: rows)
        // The title bar: the office at column 1, the acting person ending one column before the edge.
        #expect(TerminalTests.column(of: "西城区政府", in: screen[0]) == 1)
        #expect(screen[0].hasSuffix("李静"))
        #expect(DisplayWidth.of(screen[0]) == columns - 1)
        // Box borders reach the right edge exactly, whatever Chinese text is inside.
        let boxed = screen.filter { $0.hasPrefix("┌") || $0.hasPrefix("│") || $0.hasPrefix("└") }
        #expect(boxed.count >= rows - 5)
        for line in boxed {
            #expect(DisplayWidth.of(line) == columns, "\(line)")
            #expect(line.hasSuffix("┐") || line.hasSuffix("│") || line.hasSuffix("┘"), "\(line)")
        }
        // The meeting title starts in the terminal at the cell where the model put it (after
        // " 03-04 周三 09:00 ", which holds two Chinese characters).
        let model = try expectedBuffer(rows: rows, columns: columns)
        let row = try #require((0..<rows).first { model.line($0).contains("第1次区政府常务会议") })
        let cell = try #require((0..<columns - 1).first { model[row, $0].text == "第" && model[row, $0 + 2].text == "1" })
        #expect(TerminalTests.column(of: "第1次区政府常务会议", in: screen[row]) == cell)
        // "周三" is two characters but four columns: the title starts 4 + 1 + 5 + 1 columns after it.
        #expect(TerminalTests.column(of: "周三", in: screen[row]).map { cell - $0 } == 4 + 1 + 5 + 1)

        try tmux.send("?")
        try waitForScreen(tmux, try expectedScreen(rows: rows, columns: columns, keys: [.char("?")]), "help")
        #expect(try tmux.capture().contains("所有界面"))
        try tmux.send("Escape")
        try waitForScreen(tmux, try expectedScreen(rows: rows, columns: columns), "back from help")

        // Resize: larger or smaller, the new frame has no leftovers of the old one.
        for (newRows, newColumns) in [(rows == 24 ? 40 : 24, columns == 80 ? 120 : 80), (30, 100)] {
            try tmux.resize(rows: newRows, columns: newColumns)
            try waitForScreen(tmux, try expectedScreen(rows: newRows, columns: newColumns), "after resizing to \(newColumns)x\(newRows)")
            let tops = TerminalTests.lines(try tmux.capture(), rows: newRows).filter { $0.hasPrefix("┌") }
            #expect(!tops.isEmpty)
            for line in tops { #expect(line.hasSuffix("┐") && DisplayWidth.of(line) == newColumns, "\(line)") }
        }

        try tmux.send("q")
        try tmux.waitUntilDead()
        try expectSaneTerminal()
    }

    @Test("SIGTERM and SIGHUP (the SSH link dropped) restore the terminal, also when the parent handed them down blocked",
          arguments: [SIGTERM, SIGHUP], [false, true])
    func signals(signal: Int32, blocked: Bool) throws {
        let tmux = try start(rows: 24, columns: 80, blocking: blocked ? [SIGTERM, SIGHUP] : [])
        try tmux.waitFor("本周和未来七天")
        let shell = try tmux.panePID()
        let huiwu = try #require(Tmux.children(of: shell).first, "huiwu is not running under the pane's shell")
        #expect(kill(huiwu, signal) == 0)
        try tmux.waitUntilDead()
        try expectSaneTerminal()
    }

    @Test("colours are used on a colour terminal and turned off with NO_COLOR")
    func noColor() throws {
        let colored = try start(rows: 24, columns: 80)
        try colored.waitFor("本周和未来七天")
        let withColor = try colored.captureWithAttributes()
        #expect(TerminalTests.colourCodes(in: withColor) > 0)

        let plain = try start(rows: 24, columns: 80, environment: ["NO_COLOR": "1"])
        try plain.waitFor("本周和未来七天")
        let withoutColor = try plain.captureWithAttributes()
        #expect(TerminalTests.colourCodes(in: withoutColor) == 0, "\(withoutColor.debugDescription)")
        #expect(withoutColor.contains("\u{1B}[7m"))  // the title bar is still set apart, in reverse video
    }

    /// SGR parameters that set a foreground or background colour (30–37, 40–47, 90–97, 38;… 48;…).
    static func colourCodes(in text: String) -> Int {
        var count = 0
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "m") else { break }
            for parameter in rest[..<end].split(separator: ";") {
                if let n = Int(parameter), (30...49).contains(n) || (90...107).contains(n), n != 39, n != 49 { count += 1 }
            }
            rest = rest[end...]
        }
        return count
    }
}
