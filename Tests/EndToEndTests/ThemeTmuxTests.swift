import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// The colours as a real terminal gets them (`tmux capture-pane -e`): in every theme of
/// config.toml, no character is drawn in black or white on the terminal's own background
/// (invisible on a dark or a light terminal) nor in its own background colour (issue 18: the
/// dim style was black on black).
@Suite("Themes in a real terminal (tmux capture-pane -e)", .requires(Tmux.isAvailable, "tmux"))
struct ThemeTmuxTests {
    /// The SGR state while reading a captured screen.
    struct Pen {
        var foreground: Int?  // nil: the terminal's default; 0–7 the basic colours, 8–15 bright, 16+ 256-colour
        var background: Int?
        var reverse = false

        mutating func apply(_ parameters: [Int]) {
            var i = 0
            let parameters = parameters.isEmpty ? [0] : parameters
            while i < parameters.count {
                let p = parameters[i]
                switch p {
                case 0: self = Pen()
                case 7: reverse = true
                case 27: reverse = false
                case 30...37: foreground = p - 30
                case 39: foreground = nil
                case 40...47: background = p - 40
                case 49: background = nil
                case 90...97: foreground = p - 90 + 8
                case 100...107: background = p - 100 + 8
                case 38, 48:
                    if i + 2 < parameters.count, parameters[i + 1] == 5 {
                        if p == 38 { foreground = parameters[i + 2] } else { background = parameters[i + 2] }
                        i += 2
                    }
                default: break
                }
                i += 1
            }
        }
    }

    /// The characters drawn invisibly: (row, character, pen) for each non-blank character whose
    /// colour is black or white on the default background, or its own background colour.
    static func invisible(in capture: String) -> [String] {
        var pen = Pen()
        var found: [String] = []
        for (row, line) in capture.components(separatedBy: "\n").enumerated() {
            var rest = Substring(line)
            while let c = rest.first {
                if c == "\u{1B}", rest.dropFirst().first == "[", let end = rest.firstIndex(where: { $0.isLetter }) {
                    if rest[end] == "m" {
                        let body = rest[rest.index(rest.startIndex, offsetBy: 2)..<end]
                        pen.apply(body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 })
                    }
                    rest = rest[rest.index(after: end)...]
                    continue
                }
                rest = rest.dropFirst()
                guard c != " ", !pen.reverse else { continue }
                let (fg, bg) = (pen.foreground.map { $0 % 8 }, pen.background.map { $0 % 8 })
                if (bg == nil && (fg == 0 || fg == 7)) || (fg != nil && fg == bg) {
                    found.append("row \(row) '\(c)' fg \(pen.foreground.map(String.init) ?? "default") bg \(pen.background.map(String.init) ?? "default")")
                }
            }
        }
        return found
    }

    @Test("no text in the background's colour, in every theme, on the home screen and a list", arguments: ["auto", "dark", "light"])
    func visibleText(theme: String) throws {
        let office = try TestOffice()
        try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-04T09:00")!, room: "区政府常务会议室")
        let home = TestOffice.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: home + "/.config/huiwu", withIntermediateDirectories: true)
        try "theme = \"\(theme)\"\n".write(toFile: home + "/.config/huiwu/config.toml", atomically: true, encoding: .utf8)
        var environment = Binary(database: office.path).environment
        environment.removeValue(forKey: "NO_COLOR")
        environment["HOME"] = home
        let tmux = try Tmux(command: ["env", "-u", "XDG_CONFIG_HOME", Binary.path, "--as", "lijing"], environment: environment, rows: 24, columns: 80)
        try tmux.waitFor("待我处理")
        let screens = [try tmux.captureWithAttributes()]
        try tmux.send("2")
        try tmux.waitFor("议题")
        let all = screens + [try tmux.captureWithAttributes()]
        #expect(all.allSatisfy { TerminalTests.colourCodes(in: $0) > 0 }, "the theme draws in colour")
        for screen in all {
            let problems = ThemeTmuxTests.invisible(in: screen)
            #expect(problems.isEmpty, "\(theme): \(problems.prefix(5))")
        }
        try tmux.send("q")
        try tmux.send("q")
    }

    @Test("the check finds black on the default background (the old dim style)")
    func checkCanFail() {
        #expect(!ThemeTmuxTests.invisible(in: "\u{1B}[30mlabel\u{1B}[0m").isEmpty)
        #expect(!ThemeTmuxTests.invisible(in: "\u{1B}[34;44mx").isEmpty)
        #expect(ThemeTmuxTests.invisible(in: "\u{1B}[2mdim\u{1B}[0m \u{1B}[37;44mtitle\u{1B}[30;46msel").isEmpty)
    }
}
