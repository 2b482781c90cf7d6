import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu demo`: the demo office's work that `huiwu init` seeds, dated from today.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The demo office's meetings, items, leave and minutes. 演示办公室的会议、议题、请假和纪要。",
        discussion: """
            huiwu init (without --empty or --no-demo) seeds them, dated from today, so each role finds work on its home \
            screen. huiwu demo remove puts the office back as it was just before (keeping the demo beside the database). \
            huiwu init 载入演示数据（按今天的日期生成）；huiwu demo remove 删除演示数据，恢复载入前的办公室。
            """,
        subcommands: [Status.self, Seed.self, Remove.self],
        defaultSubcommand: Status.self)

    struct Status: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "status",
            abstract: "Whether the office holds the demo, and whom to try it as. 是否有演示数据，可试用的角色。")
        @OptionGroup var global: GlobalOptions

        func run(_ context: CommandContext) throws {
            let status = try context.office().demoStatus()
            context.output.emit(status) {
                guard let status else { return context.output.line(Localized(zh: "本办公室没有演示数据", en: "this office holds no demo data")) }
                let roles = status.roles.map { "  huiwu --as \($0.login)    \($0.title.text(context.lang))：\($0.what.text(context.lang))" }
                return context.output.line(Localized(zh: "演示数据按 \(status.seededOn.iso) 生成；可以这些身份试用：", en: "demo data dated from \(status.seededOn.iso); try it as:"))
                    + "\n" + roles.joined(separator: "\n")
                    + "\n" + context.output.line(Localized(zh: "删除演示数据：huiwu demo remove", en: "remove the demo: huiwu demo remove"))
            }
        }
    }

    struct Seed: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "seed",
            abstract: "Seed the demo's work dated from today (administrators; an office without meetings or items). 载入演示数据（管理员，办公室尚无会议和议题时）。")
        @OptionGroup var global: GlobalOptions

        func run(_ context: CommandContext) throws {
            let report = try context.office().seedDemo()
            context.output.emit(report) {
                context.output.line(Localized(zh: "已载入演示数据：\(report.meetings) 次会议，\(report.items) 项议题，\(report.minutes) 份纪要，\(report.leave) 件请假", en: "demo seeded: \(report.meetings) meetings, \(report.items) items, \(report.minutes) minutes, \(report.leave) leave requests"))
            }
        }
    }

    struct Remove: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "remove",
            abstract: "Remove the demo: the office as it was just before it (administrators). 删除演示数据，恢复载入前的办公室（管理员）。")
        @OptionGroup var global: GlobalOptions

        func run(_ context: CommandContext) throws {
            let removal = try context.office().removeDemo()
            context.output.emit(removal) {
                // On PostgreSQL the demo's rows are deleted and no copy is kept (nothing to name).
                removal.keptAt.isEmpty
                    ? context.output.line(Localized(zh: "已删除演示数据", en: "demo removed"))
                    : context.output.line(Localized(zh: "已删除演示数据；含演示数据的办公室保存在 \(removal.keptAt)", en: "demo removed; the office with the demo is kept at \(removal.keptAt)"))
            }
        }
    }
}
