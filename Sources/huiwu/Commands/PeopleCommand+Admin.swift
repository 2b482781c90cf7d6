import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

extension PeopleCommand {
    /// A person with the version an edit must state (`--expect-version`).
    struct VersionedView: Encodable {
        var person: View
        var version: Int

        init(_ found: Versioned<Person>, org: OrgChart) {
            person = View(found.value, org: org)
            version = found.version
        }
    }

    struct Show: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one person and their version. 查看一名人员及其版本号。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's login. 登录名。") var login: String

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let found = try office.person(login)
            let view = VersionedView(found, org: try office.orgChart())
            context.output.emit(view) { PeopleCommand.describe(found, context) }
        }
    }

    struct Edit: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "edit",
            abstract: "Change a person's name, role, department or administrator rights (administrators, office director). 修改人员信息。",
            discussion: "Give --expect-version with the version you read (huiwu people show) to be refused if someone changed the person since. 指定 --expect-version 可防止覆盖他人的修改。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's login. 登录名。") var login: String
        @Option(help: "New full name. 新姓名。") var name: String?
        @Option(help: "New role. 新角色。") var role: Role?
        @Option(name: .customLong("dept"), help: "New department code. 新部门代码。") var department: String?
        @Flag(name: .customLong("no-dept"), help: "Clear the department. 清除所属部门。") var noDepartment = false
        @Flag(inversion: .prefixedNo, help: "Grant or withdraw administrator rights (administrators only). 授予或撤销管理员权限。") var admin: Bool?
        @OptionGroup var version: ExpectVersionOption

        func validate() throws {
            if department != nil && noDepartment { throw ValidationError("--dept and --no-dept exclude each other. --dept 与 --no-dept 不能同时使用。") }
            if name == nil && role == nil && department == nil && !noDepartment && admin == nil {
                throw ValidationError("nothing to change: give --name, --role, --dept, --no-dept or --admin. 没有要修改的内容。")
            }
        }

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let edit = PersonEdit(name: name, role: role, department: noDepartment ? .clear : department.map(FieldChange.set) ?? .keep,
                                  isAdmin: admin)
            let result = try office.editPerson(login, expectedVersion: version.expectVersion, edit)
            let view = VersionedView(result, org: try office.orgChart())
            context.output.emit(view) {
                context.output.line(Localized(zh: "已保存 \(result.value.name)（\(result.value.login)），第 \(result.version) 版", en: "saved \(result.value.name) (\(result.value.login)), version \(result.version)"))
            }
        }
    }

    struct Retire: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "retire",
            abstract: "Retire a person: history is kept, they can no longer log in or act (administrators, office director). 人员退出：保留历史，不能再登录或操作。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's login. 登录名。") var login: String
        @OptionGroup var version: ExpectVersionOption

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let result = try office.retirePerson(login, expectedVersion: version.expectVersion)
            let view = VersionedView(result, org: try office.orgChart())
            context.output.emit(view) {
                context.output.line(Localized(zh: "\(result.value.name)（\(result.value.login)）已退出；历史记录保留", en: "\(result.value.name) (\(result.value.login)) is retired; their history is kept"))
            }
        }
    }

    static func describe(_ found: Versioned<Person>, _ context: CommandContext) -> String {
        let p = found.value
        let lang = context.lang
        let o = context.output
        let pairs: [(String, String)] = [
            (o.line(Localized(zh: "登录名", en: "login")), p.login),
            (o.line(Localized(zh: "姓名", en: "name")), p.name),
            (o.line(Localized(zh: "角色", en: "role")), p.role.title.text(lang)),
            (o.line(Localized(zh: "部门", en: "department")), p.departmentCode ?? ""),
            (o.line(Localized(zh: "管理员", en: "administrator")), p.isAdmin ? o.line(Localized(zh: "是", en: "yes")) : o.line(Localized(zh: "否", en: "no"))),
            (o.line(Localized(zh: "状态", en: "status")), p.isRetired ? o.line(Localized(zh: "已退出", en: "retired")) : o.line(Localized(zh: "在任", en: "active"))),
            (o.line(Localized(zh: "版本", en: "version")), String(found.version)),
        ]
        return Output.fields(pairs)
    }
}
