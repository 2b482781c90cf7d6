import ArgumentParser
import Foundation
import MeetingKit
import MeetingService
import MeetingStore
import MeetingFormats

/// What a command needs from the environment: the language, the output, the settings, and
/// where the office is. Commands stay thin: parse, call one use case, print.
struct CommandContext {
    let options: GlobalOptions
    let lang: Lang
    let environment: [String: String]
    let output: Output
    /// The user's config.toml (docs/cli.md, "Configuration").
    let config: ConfigFile
    /// /etc/huiwu/config.toml: where the administrator names the office's server.
    let systemConfig: ConfigFile

    init(_ options: GlobalOptions, environment: [String: String]) throws {
        self.options = options
        self.environment = environment
        config = try ConfigFile.load(environment: environment)
        systemConfig = try ConfigFile.loadSystem(environment: environment)
        // --lang, then config.toml, then the locale.
        lang = Lang.resolve(option: options.lang ?? config.config.language?.value.rawValue, environment: environment)
        output = Output(json: options.json, lang: lang)
    }

    /// Where the office is (docs/deployment.md): `--server`, else `--db`, else `HUIWU_SERVER`,
    /// else `HUIWU_DB`, else `server` in the user's or the system's config.toml, else the
    /// private database of embedded mode. A configured server is never replaced by a private
    /// file when it cannot be reached.
    var location: OfficeLocation {
        if let server = options.server, !server.isEmpty { return .server(socket: server) }
        if options.db != nil { return .embedded(database: storePath.path) }
        if let server = environment["HUIWU_SERVER"], !server.isEmpty { return .server(socket: server) }
        if let db = environment["HUIWU_DB"], !db.isEmpty { return .embedded(database: storePath.path) }
        if let server = config.config.server?.value ?? systemConfig.config.server?.value { return .server(socket: server) }
        return .embedded(database: storePath.path)
    }

    var storePath: StorePath { StorePath.resolve(option: options.db, environment: environment) }

    /// This process's clock, for embedded mode: `HUIWU_NOW=2026-03-02T09:00` fixes it for
    /// training and tests. In server mode only the server's clock counts.
    func localClock() throws -> Clock {
        guard let fixed = environment["HUIWU_NOW"], !fixed.isEmpty else { return .system }
        guard let moment = LocalDateTime(iso: fixed) else {
            throw Refusal.invalid("clock.badNow", "HUIWU_NOW=\(TextSafety.inert(fixed)) 不是有效时间（格式 2026-03-02T09:00）",
                                  "HUIWU_NOW=\(TextSafety.inert(fixed)) is not a valid time (format 2026-03-02T09:00)")
        }
        return .fixed(moment)
    }

    /// The office: the server's, or the private database (created and seeded with the demo
    /// office on first use, so a new user sees a working office at once; an explicit
    /// `--db`/`HUIWU_DB` must exist, so a typo does not silently start an empty office).
    /// `watchingChanges` is for the full-screen interface (``Office/changeSignal``).
    func office(watchingChanges: Bool = false) throws -> Office {
        switch location {
        case .server(let socket):
            return try Office.connect(socket: socket, asLogin: options.asLogin, onBehalfOf: options.onBehalfOf)
        case .embedded(let path):
            let clock = try localClock()
            if !Office.exists(database: path) && storePath.isDefault { _ = try initialize(database: path, empty: false) }
            let lang = self.lang
            return try Office.embedded(database: path, osUser: OSUser.login(), asLogin: options.asLogin,
                                       onBehalfOf: options.onBehalfOf, clock: clock, watchingChanges: watchingChanges) { migrations in
                Output.error(Localized(
                    zh: "正在升级数据库结构（\(migrations.joined(separator: "、"))）：大的办公室可能需要几分钟",
                    en: "upgrading the database (\(migrations.joined(separator: ", "))): a large office may take a few minutes").text(lang))
            }
        }
    }

    /// Creates (or finds already made) the office in a database file, seeded from `Data/`.
    func initialize(database path: String, empty: Bool, demo: Bool = true) throws -> Setup.Report {
        var seed: OfficeSeed?
        var holidays: [HolidayYear] = []
        if let data = DataDirectory.locate(environment: environment) {
            holidays = try data.holidayYears()
            if !empty { seed = try data.office() }
        } else if !empty {
            throw Refusal.notFound("seed.missing", "找不到演示数据目录 Data/（可设置 HUIWU_DATA）",
                                   "cannot find the demo data directory Data/ (set HUIWU_DATA)")
        }
        var report = try Office.initialize(database: path, seed: seed, holidays: holidays, osUser: OSUser.login(), clock: try localClock())
        if seed != nil && demo && !report.alreadyInitialized && Office.canSeedDemoWork(in: path) {
            // The demo's work goes through the use cases, as the people the rules name.
            try Office.embedded(database: path, osUser: OSUser.login(), clock: try localClock()).seedDemo()
            report.demo = true
        }
        return report
    }

    /// The database file of a command that works on a file itself (`init`, `serve`, embedded
    /// `doctor`): refused when a server is configured and no `--db` says which file.
    func databaseFile(for command: String) throws -> String {
        guard case .embedded(let path) = location else {
            throw Refusal.invalid("server.needsFile", "已配置会务服务器；huiwu \(command) 需要用 --db 指定数据库文件",
                                  "an office server is configured; huiwu \(command) needs --db to name the database file")
        }
        return path
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
        try CommandContext.run(global) { try run($0) }
    }
}

extension CommandContext {
    /// Runs `body` with the context `global` gives; a refusal becomes a one-line message on
    /// stderr, in the context's language once it is known, and the documented exit code.
    static func run(_ global: GlobalOptions, _ body: (CommandContext) throws -> Void) throws {
        // Read once: Foundation builds the whole dictionary at each ask (0.4 M instructions).
        let environment = ProcessInfo.processInfo.environment
        var lang = Lang.resolve(option: global.lang, environment: environment)
        do {
            let context = try CommandContext(global, environment: environment)
            lang = context.lang
            try body(context)
        } catch let refusal as Refusal {
            Output.error(refusal.text(lang))
            throw ExitCode(refusal.exitCode)
        }
    }
}
