import ArgumentParser

/// Options every command takes: where the database is, who acts, the language, JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Database file (default: $HUIWU_DB, else $XDG_DATA_HOME/huiwu/huiwu.sqlite). 数据库文件。", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The office server's socket (default: $HUIWU_SERVER, else server in config.toml). 会务服务器的套接字。", valueName: "path"))
    var server: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Act as another person (administrators only). 以他人身份操作（仅管理员）。", valueName: "login"))
    var asLogin: String?

    @Option(name: .customLong("on-behalf-of"), help: ArgumentHelp("Record a leader's decision on their behalf (secretaries). 代录领导决定。", valueName: "login"))
    var onBehalfOf: String?

    @Option(name: .long, help: ArgumentHelp("Language: zh or en (default from the locale). 界面语言。", valueName: "zh|en"))
    var lang: String?

    @Flag(name: .long, help: "Print JSON for scripts. 输出 JSON。")
    var json = false

    func validate() throws {
        if let lang, lang != "zh" && lang != "en" {
            throw ValidationError("--lang must be zh or en (got '\(lang)')")
        }
    }
}
