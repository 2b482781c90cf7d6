import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// The screens in docs/guide.zh.md and docs/guide.en.md are real: this test plays the
/// secretary's day (``GuideStory``) on a fresh office, runs the real binary in an 80×24 tmux
/// terminal with the clock fixed at each moment, captures each screen with `capture-pane`,
/// and compares it with the text between `<!-- capture:NAME -->` and `<!-- /capture -->` in
/// the guide of its language. `GUIDE_RECORD=1 swift test --filter GuideCaptureTests` writes
/// the current screens into the guides instead.
@Suite("The guides' screen captures are the current screens", .requires(Tmux.isAvailable, "tmux"), .serialized)
struct GuideCaptureTests {
    static let guides: [(Lang, String)] = [(.zh, "docs/guide.zh.md"), (.en, "docs/guide.en.md")]

    @Test("every capture in both guides matches the real binary's screen")
    func captures() throws {
        let office = try TestOffice(admin: NSUserName())
        var screens: [Lang: [String: String]] = [.zh: [:], .en: [:]]
        for stage in GuideStory.stages {
            try stage.script(office)
            for capture in stage.captures {
                for (lang, _) in GuideCaptureTests.guides {
                    do {
                        screens[lang]![capture.name] = try GuideCaptureTests.screen(capture, lang: lang, database: office.path)
                    } catch {
                        Issue.record("capture \(capture.name) (\(lang.rawValue)): \(error)")
                        return
                    }
                }
            }
        }
        let record = ProcessInfo.processInfo.environment["GUIDE_RECORD"] == "1"
        for (lang, path) in GuideCaptureTests.guides {
            let file = TestOffice.packageRoot + "/" + path
            var text = try String(contentsOfFile: file, encoding: .utf8)
            for capture in GuideStory.stages.flatMap(\.captures) {
                let screen = screens[lang]![capture.name]!
                guard let range = GuideCaptureTests.block(capture.name, in: text) else {
                    Issue.record("\(path) has no <!-- capture:\(capture.name) --> … <!-- /capture --> block")
                    continue
                }
                let current = String(text[range])
                let wanted = "\n```text\n" + screen + "\n```\n"
                if current != wanted {
                    if record {
                        text.replaceSubrange(range, with: wanted)
                    } else {
                        Issue.record("\(path): the capture \(capture.name) differs from the screen (GUIDE_RECORD=1 rewrites it):\n--- guide\(current)--- screen\(wanted)")
                    }
                }
            }
            if record { try text.write(toFile: file, atomically: true, encoding: .utf8) }
        }
    }

    /// The text between a capture's markers.
    static func block(_ name: String, in text: String) -> Range<String.Index>? {
        guard let open = text.range(of: "<!-- capture:\(name) -->"),
              let close = text.range(of: "<!-- /capture -->", range: open.upperBound..<text.endIndex) else { return nil }
        return open.upperBound..<close.lowerBound
    }

    /// The screen of `capture` in `lang`: started, keys sent, captured once it is ready and
    /// has stopped changing; trailing spaces and empty trailing rows removed.
    static func screen(_ capture: GuideStory.Capture, lang: Lang, database: String) throws -> String {
        let binary = Binary(database: database, now: capture.now)
        let tmux = try Tmux(command: [Binary.path, "--as", capture.login, "--lang", lang.rawValue], environment: binary.environment)
        // Every screen with keys is reached from the home screen.
        if !capture.keys.isEmpty { try tmux.waitFor(lang == .zh ? "待我处理" : "Waiting for me") }
        for key in capture.keys {
            if key.hasPrefix("literal:") { try tmux.send(String(key.dropFirst(8)), literal: true) } else { try tmux.send(key) }
            usleep(150_000)
        }
        try tmux.waitFor(capture.ready.text(lang))
        var previous = ""
        var screen = try tmux.capture()
        var tries = 0
        while screen != previous && tries < 25 {
            tries += 1
            usleep(200_000)
            previous = screen
            screen = try tmux.capture()
        }
        try tmux.send("C-c")
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
