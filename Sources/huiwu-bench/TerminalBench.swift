import Foundation
import MeetingTUI

/// What a slow SSH link feels: bytes the program writes per cursor move and per screen
/// switch, and the memory it holds at the home screen.
struct TerminalBench {
    let huiwu: String
    let env: [String: String]
    let runs: Int

    static let homeMarker = "机构"

    func run() throws -> (cursorMoveBytes: [Double], screenSwitchBytes: [Double], peakRSS: [Double]) {
        var moves: [Double] = []
        var switches: [Double] = []
        var rss: [Double] = []
        for _ in 0..<max(1, runs / 2) {
            let pty = try PseudoTerminal([huiwu], environment: env)
            guard pty.waitFor(TerminalBench.homeMarker) != nil else { throw BenchError("huiwu drew no home screen") }
            _ = pty.drain()
            rss.append(Double(pty.peakRSSKilobytes() ?? 0) / 1024)
            for i in 0..<20 {
                pty.send(i < 10 ? "j" : "k")
                moves.append(Double(pty.drain()))
            }
            // The week view's section key (one key per section, declared once in the keymap).
            pty.send(String(Section.calendar.rawValue))
            switches.append(Double(pty.drain()))
            pty.send("q")
            switches.append(Double(pty.drain()))
            pty.send("q")
        }
        return (moves, switches, rss)
    }

    static func peakRSS(_ command: [String], marker: String, env: [String: String], runs: Int) throws -> [Double] {
        try (0..<runs).map { _ in
            let pty = try PseudoTerminal(command, environment: env)
            guard pty.waitFor(marker) != nil else { throw BenchError("\(command[0]) drew no first screen") }
            _ = pty.drain()
            return Double(pty.peakRSSKilobytes() ?? 0) / 1024
        }
    }
}
