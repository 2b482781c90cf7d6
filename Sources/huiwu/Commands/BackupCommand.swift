import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

struct BackupCommand: HuiwuCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database while others keep working (administrators). 在线备份数据库。")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The new backup file (must not exist). 新的备份文件（不得与已有文件同名）。", valueName: "file")) var out: String

    func run(_ context: CommandContext) throws {
        try context.office().backup(to: out)
        context.output.emit(["backup": out]) { context.output.line(Localized(zh: "已备份到 \(out)", en: "backed up to \(out)")) }
    }
}
