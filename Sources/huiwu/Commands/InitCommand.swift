import ArgumentParser
import MeetingKit
import MeetingStore

struct InitCommand: HuiwuCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database and seed the demo office from Data/. 创建数据库并载入演示办公室。",
        discussion: """
            The OS user who runs it becomes an administrator. The demo office's work (meetings, items, leave, minutes) is \
            dated from today; huiwu demo remove takes it out again. Running init again changes nothing. \
            运行者成为管理员；演示数据按今天的日期生成，huiwu demo remove 可删除；重复运行不作改动。
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Create an empty office (holiday data only). 只建空库。") var empty = false
    @Flag(help: "The demo org chart without the demo's meetings, items and minutes. 只载入演示组织机构，不载入演示会议等。") var noDemo = false

    func run(_ context: CommandContext) throws {
        let report = try context.initialize(database: try context.databaseFile(for: "init"), empty: empty, demo: !noDemo)
        context.output.emit(report) {
            if report.alreadyInitialized {
                return context.output.line(Localized(zh: "数据库已初始化，未作改动：\(report.path)", en: "already initialized, nothing changed: \(report.path)"))
            }
            return context.output.line(Localized(zh: "已创建 \(report.path)：\(report.people) 人，\(report.departments) 个部门，假日数据 \(report.holidayYears.map(String.init).joined(separator: "、")) 年；管理员 \(report.admin)", en: "created \(report.path): \(report.people) people, \(report.departments) departments, holiday data for \(report.holidayYears.map(String.init).joined(separator: ", ")); administrator \(report.admin)"))
                + (report.demo ? "\n" + context.output.line(Localized(zh: "已载入演示数据（按今天的日期）：huiwu demo 查看可试用的角色，huiwu demo remove 删除", en: "demo data seeded, dated from today: huiwu demo shows whom to try it as, huiwu demo remove takes it out")) : "")
        }
    }
}
