import ArgumentParser
import Foundation
import MeetingKit
import MeetingStore

/// What a command needs from the environment: the language, the clock, the OS user, the
/// store and a session. Commands stay thin: parse, call one use case, print.
struct CommandContext {
    let options: GlobalOptions
    let lang: Lang
    let clock: Clock
    let environment: [String: String]
    let output: Output
    /// The user's config.toml (docs/cli.md, "Configuration").
    let config: ConfigFile

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.options = options
        self.environment = environment
        config = try ConfigFile.load(environment: environment)
        // --lang, then config.toml, then the locale.
        lang = Lang.resolve(option: options.lang ?? config.config.language?.value.rawValue, environment: environment)
        output = Output(json: options.json, lang: lang)
        clock = try CommandContext.clock(environment)
    }

    /// `HUIWU_NOW=2026-03-02T09:00` fixes the clock for training and tests.
    static func clock(_ environment: [String: String]) throws -> Clock {
        guard let fixed = environment["HUIWU_NOW"], !fixed.isEmpty else { return .system }
        guard let moment = LocalDateTime(iso: fixed) else {
            throw Refusal.invalid("clock.badNow", "HUIWU_NOW=\(TextSafety.inert(fixed)) 不是有效时间（格式 2026-03-02T09:00）",
                                  "HUIWU_NOW=\(TextSafety.inert(fixed)) is not a valid time (format 2026-03-02T09:00)")
        }
        return .fixed(moment)
    }

    var storePath: StorePath { StorePath.resolve(option: options.db, environment: environment) }

    /// Opens the store. The default database is created and seeded on first use, so a new
    /// user sees a working office at once; an explicit `--db`/`HUIWU_DB` must exist (a typo
    /// should not silently start an empty office) unless `create` is set.
    func openStore(create: Bool = false) throws -> Store {
        let path = storePath
        if !Store.exists(at: path.path) && (path.isDefault || create) {
            let store = try Store.open(at: path.path, create: true)
            _ = try initialize(store, empty: false)
            return store
        }
        return try Store.open(at: path.path)
    }

    func initialize(_ store: Store, empty: Bool) throws -> Setup.Report {
        var seed: OfficeSeed?
        var holidays: [HolidayYear] = []
        if let data = DataDirectory.locate(environment: environment) {
            holidays = try data.holidayYears()
            if !empty { seed = try data.office() }
        } else if !empty {
            throw Refusal.notFound("seed.missing", "找不到演示数据目录 Data/（可设置 HUIWU_DATA）",
                                   "cannot find the demo data directory Data/ (set HUIWU_DATA)")
        }
        return try Setup.initialize(store: store, seed: seed, holidays: holidays, osUser: OSUser.login(), clock: clock)
    }

    func session(create: Bool = false) throws -> Session {
        try Session.open(store: try openStore(create: create), osUser: OSUser.login(), asLogin: options.asLogin,
                         onBehalfOf: options.onBehalfOf, clock: clock)
    }
}

/// A subcommand: parses its arguments, then runs with a context; refusals become a one-line
/// message on stderr and the documented exit code.
///
/// Every command names itself (`CommandConfiguration(commandName:)`): otherwise the parser
/// derives each name with `String(describing:)`, a runtime type lookup that cost 10 ms per
/// start across the whole command tree (docs/performance.md).
protocol HuiwuCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func run(_ context: CommandContext) throws
}

extension HuiwuCommand {
    func run() throws {
        var lang = Lang.resolve(option: global.lang, environment: ProcessInfo.processInfo.environment)
        do {
            let context = try CommandContext(global)
            lang = context.lang
            try run(context)
        } catch let refusal as Refusal {
            Output.error(refusal.text(lang))
            throw ExitCode(refusal.exitCode)
        }
    }
}
