/// The commonest command line, the full-screen interface with global options only (`huiwu`,
/// `huiwu --as lijing --lang zh`), read without swift-argument-parser. Its parse of the root
/// command costs 18 M instructions, a fifth of a first screen (docs/performance.md): the Swift
/// runtime's first conformance lookups for the parser's own types, and its check for
/// `--generate-completion-script`, which it cannot skip.
///
/// Only the plainest form is read here: each option of ``options`` at most once, as `--name
/// value`, with a value that does not start with `-`. Anything else (a subcommand, a flag,
/// help, `--name=value`, a repeated or unknown option, an invalid language) is left to the
/// parser, so the two never disagree on a command line both accept: `FullScreenStartTests`
/// compares them, and checks that ``options`` names every option of ``GlobalOptions``.
enum FullScreenStart {
    /// The global options that take a value.
    static let options: Set<String> = ["--db", "--server", "--as", "--on-behalf-of", "--lang"]

    /// The command `arguments` (without the program's name) ask for, when they hold only
    /// global options in the plainest form; nil when the parser must read them.
    static func command(_ arguments: [String]) -> Huiwu? {
        var values: [String: String] = [:]
        var rest = arguments[...]
        while let name = rest.popFirst() {
            guard options.contains(name), values[name] == nil,
                  let value = rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
            values[name] = value
        }
        // Each property is set, not modified: a parsable property that was never given a
        // value may not be read, and a modification reads it first.
        var global = GlobalOptions()
        global.db = values["--db"]
        global.server = values["--server"]
        global.asLogin = values["--as"]
        global.onBehalfOf = values["--on-behalf-of"]
        global.lang = values["--lang"]
        global.json = false
        guard (try? global.validate()) != nil else { return nil }
        var command = Huiwu()
        command.global = global
        return command
    }
}
