import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "People in the org chart. 人员。",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Retire.self])

    /// A person as printed by the CLI.
    struct View: Encodable {
        var login: String
        var name: String
        var role: Role
        var department: String?
        var admin: Bool
        var retired: Bool
        /// Department codes a (executive) vice mayor supervises.
        var portfolio: [String]?

        init(_ p: Person, org: OrgChart) {
            login = p.login
            name = p.name
            role = p.role
            department = p.departmentCode
            admin = p.isAdmin
            retired = p.isRetired
            portfolio = p.role.supervisesPortfolio ? org.portfolio(of: p.login).map(\.code) : nil
        }
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List people. 列出人员。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this role. 只列此角色。") var role: Role?
        @Flag(help: "Include retired people. 包括已退出人员。") var all = false

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let org = try office.orgChart()
            let views = try office.people(role: role, includeRetired: all).map { View($0, org: org) }
            context.output.emit(views) {
                Output.table([Localized(zh: "登录名", en: "login"), Localized(zh: "姓名", en: "name"), Localized(zh: "角色", en: "role"), Localized(zh: "部门", en: "department"), Localized(zh: "分管", en: "portfolio")].map { $0.text(context.lang) },
                             views.map { v in
                                 [v.login, v.name, v.role.title.text(context.lang),
                                  v.department.flatMap { org.department($0)?.name } ?? "",
                                  v.portfolio?.joined(separator: ",") ?? ""]
                             })
            }
        }
    }

    struct Add: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person (administrators). 添加人员。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "OS login. 操作系统登录名。") var login: String
        @Option(help: "Full name. 姓名。") var name: String
        @Option(help: "Role. 角色。") var role: Role
        @Option(name: .customLong("dept"), help: "Department code. 部门代码。") var department: String?
        @Flag(help: "Make the person an administrator (administrators only). 设为管理员（仅管理员可授予）。") var admin = false

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let person = try office.addPerson(Person(login: login, name: name, role: role, departmentCode: department, isAdmin: admin))
            context.output.emit(View(person, org: try office.orgChart())) {
                context.output.line(Localized(zh: "已添加 \(person.name)（\(person.login)）", en: "added \(person.name) (\(person.login))"))
            }
        }
    }
}
