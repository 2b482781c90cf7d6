import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

struct RestoreCommand: HuiwuCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a verified backup, keeping the old content (administrators). 从备份恢复。")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The backup file. 备份文件。", valueName: "file")) var file: String

    func run(_ context: CommandContext) throws {
        let kept = try context.office().restore(from: file)
        context.output.emit(["restoredFrom": file, "previousKeptAt": kept]) {
            context.output.line(Localized(zh: "已从 \(file) 恢复；原数据保存在 \(kept)", en: "restored from \(file); the previous content is kept at \(kept)"))
        }
    }
}
