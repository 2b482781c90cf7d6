import ArgumentParser
import Foundation
import MeetingKit

/// Every way `huiwu` can fail ends in one line on standard error and a documented exit code
/// (docs/cli.md): refusals (from the commands), usage errors (from the argument parser,
/// which would otherwise print the usage block as well) and unexpected errors alike. Scripts
/// and the hostile-input corpus (Tests/EndToEndTests/Corpus/) rely on it.
extension Huiwu {
    /// Refuses a command line with bytes that are not UTF-8 before anything parses it.
    static func checkArgumentEncoding() {
        let argv = ArgumentBytes.commandLine()
        guard let bad = ArgumentBytes.firstInvalid(argv) else { return }
        let refusal = ArgumentBytes.refusal(index: bad.index, shown: bad.shown)
        Output.error(refusal.text(languageFromRawArguments(argv)))
        Foundation.exit(refusal.exitCode)
    }

    /// Prints `error` as one line (help and `--version` still print in full) and exits.
    static func exitReporting(_ error: Error) -> Never {
        let code = exitCode(for: error)
        if error is ExitCode || error is CleanExit || code == .success {
            exit(withError: error)  // already reported by the command, or help/version output
        }
        let full = fullMessage(for: error)
        // The parser's message may list the allowed values on further lines; keep them, drop
        // its "Help:" and "Usage:" blocks, and make it one line.
        let lines = message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Help:") && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") }
        var message = lines.joined(separator: " ").replacingOccurrences(of: "Error: ", with: "")
        if message.isEmpty { message = "\(error)" }
        let lang = languageFromRawArguments(ArgumentBytes.commandLine())
        if lang == .zh { message = UsageMessage.chinese(message) ?? message }
        // The argument parser's "See 'huiwu meeting move --help' for more information." becomes a hint.
        if let see = full.range(of: "See '"), let end = full[see.upperBound...].firstIndex(of: "'") {
            message += Localized(zh: "（\(full[see.upperBound..<end]) 查看用法）", en: " (\(full[see.upperBound..<end]))").text(lang)
        }
        Output.error(message)
        Foundation.exit(code.rawValue)
    }

    /// `--lang` as typed (before parsing), else the locale: for messages given before parsing.
    private static func languageFromRawArguments(_ argv: [[UInt8]]) -> Lang {
        let args = argv.map { String(decoding: $0, as: UTF8.self) }
        var option: String?
        for (i, arg) in args.enumerated() {
            if arg == "--lang", i + 1 < args.count { option = args[i + 1] }
            if arg.hasPrefix("--lang=") { option = String(arg.dropFirst("--lang=".count)) }
        }
        return Lang.resolve(option: option == "zh" || option == "en" ? option : nil, environment: ProcessInfo.processInfo.environment)
    }
}
