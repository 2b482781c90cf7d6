import ArgumentParser
@testable import huiwu
import Testing

/// The full-screen start's own reading of global options agrees with swift-argument-parser on
/// every command line it accepts, and leaves every other to the parser.
@Suite("The full-screen start's command line")
struct FullScreenStartTests {
    @Test("global options only, in the plainest form: read as the parser reads them", arguments: [
        [],
        ["--as", "lijing"],
        ["--lang", "zh", "--as", "chenhaifeng"],
        ["--db", "/srv/huiwu/office.sqlite", "--server", "/run/huiwu/huiwu.sock", "--on-behalf-of", "zhoulixin", "--lang", "en", "--as", "lijing"],
        ["--db", "会务 数据库.sqlite"],
    ])
    func sameAsParser(_ arguments: [String]) throws {
        let start = try #require(FullScreenStart.command(arguments))
        let parsed = try #require(try Huiwu.parseAsRoot(arguments) as? Huiwu)
        let fields: [(String, KeyPath<GlobalOptions, String?>)] = [
            ("--db", \.db), ("--server", \.server), ("--as", \.asLogin), ("--on-behalf-of", \.onBehalfOf), ("--lang", \.lang),
        ]
        #expect(Set(fields.map(\.0)) == FullScreenStart.options)
        for (name, field) in fields { #expect(start.global[keyPath: field] == parsed.global[keyPath: field], "\(name)") }
        #expect(start.global.json == parsed.global.json)
    }

    @Test("anything else is left to the parser", arguments: [
        ["meeting", "list"], ["--json"], ["--help"], ["-h"], ["--version"], ["help"], ["--as=lijing"], ["--as"],
        ["--as", "lijing", "--as", "wangxiaoyan"], ["--lang", "fr"], ["--as", "-x"], ["--as", ""], ["--bogus", "x"],
        ["--as", "lijing", "meeting"], ["--generate-completion-script", "bash"],
    ])
    func leftToParser(_ arguments: [String]) {
        #expect(FullScreenStart.command(arguments) == nil)
    }

    @Test("the start names every option of GlobalOptions and every property of Huiwu, so none is left unset")
    func namesEveryOption() {
        let start = FullScreenStart.command([])!
        let labels = Set(Mirror(reflecting: start.global).children.compactMap(\.label))
        #expect(labels == Set(["_db", "_server", "_asLogin", "_onBehalfOf", "_lang", "_json"]),
                "a new global option must be read by FullScreenStart too (or the start must leave it to the parser)")
        #expect(FullScreenStart.options.count == labels.count - 1)
        #expect(Mirror(reflecting: start).children.compactMap(\.label) == ["_global"])
    }
}
