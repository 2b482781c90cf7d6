import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu admin`: what the service account does to the office as a whole, outside any server.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Whole-office operations for the service account. 服务账户的整库操作。",
        subcommands: [Copy.self])

    struct Copy: HuiwuCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy a whole office, with its audit chain, into a new database. 把整个办公室（含审计链）复制到新数据库。",
            discussion: """
                Run it as the service account with the office's servers stopped: it reads the source and its audit key, and \
                writes a new SQLite file or an empty PostgreSQL database (postgresql://...; the key and the chain's head go to \
                HUIWU_STATE_DIR). A target that holds any record is refused. The copy is checked before it is reported: the \
                same rows in every table and the audit chain verified under the key (docs/deployment.md). \
                请以服务账户运行并先停止服务器；目标须为新文件或空的 PostgreSQL 数据库；复制后核对各表行数和审计链。
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The office to copy: a database file or a postgresql:// URL. 源：数据库文件或 postgresql:// 地址。",
                                   valueName: "file-or-url")) var from: String
        @Option(help: ArgumentHelp("The new database: a file that does not exist, or an empty PostgreSQL database. 目标：不存在的文件或空的 PostgreSQL 数据库。",
                                   valueName: "file-or-url")) var to: String

        func run(_ context: CommandContext) throws {
            let report = try Office.copy(from: from, to: to)
            context.output.emit(report) {
                let rows = report.tables.reduce(0) { $0 + $1.rows }
                return context.output.line(Localized(zh: "已复制到 \(report.target)：\(report.tables.count) 张表共 \(rows) 行，核对一致；审计链 \(report.auditEvents) 条，用密钥 \(report.auditKeyId) 校验无误"
                        + (report.attachmentFiles > 0 ? "；附件 \(report.attachmentFiles) 个" : ""), en: "copied to \(report.target): \(rows) rows in \(report.tables.count) tables, counts match; audit chain of \(report.auditEvents) events verified with key \(report.auditKeyId)"
                        + (report.attachmentFiles > 0 ? "; \(report.attachmentFiles) attachments" : "")))
            }
        }
    }
}
