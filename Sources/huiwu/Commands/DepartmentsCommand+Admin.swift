import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

extension DepartmentsCommand {
    /// A department with the version an edit must state (`--expect-version`).
    struct VersionedView: Encodable {
        var department: View
        var version: Int

        init(_ found: Versioned<Department>) {
            department = View(found.value)
            version = found.version
        }
    }

    struct Show: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one department and its version. 查看一个部门及其版本号。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The department code, e.g. FGW. 部门代码。") var code: String

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let found = try office.department(code)
            let org = try office.orgChart()
            let d = found.value
            context.output.emit(VersionedView(found)) {
                let o = context.output
                func who(_ login: String?) -> String {
                    guard let login else { return "" }
                    return (org.person(login)?.name ?? "") + " (" + login + ")"
                }
                let pairs: [(String, String)] = [
                    (o.line(Localized(zh: "代码", en: "code")), d.code), (o.line(Localized(zh: "名称", en: "name")), d.name),
                    (o.line(Localized(zh: "类别", en: "kind")), d.kind.title.text(context.lang)),
                    (o.line(Localized(zh: "负责人", en: "head")), who(d.headLogin)),
                    (o.line(Localized(zh: "分管领导", en: "supervisor")), who(d.supervisorLogin)),
                    (o.line(Localized(zh: "版本", en: "version")), String(found.version)),
                ]
                return Output.fields(pairs)
            }
        }
    }

    struct Add: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "Add a department, unit, street or outside body (administrators, office director). 添加部门、单位、街道或外部机构。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Code: upper-case letters and digits, e.g. FGW, JD16. 代码。") var code: String
        @Option(help: "Name. 名称。") var name: String
        @Option(help: "Kind. 类别。") var kind: Department.Kind
        @Option(help: ArgumentHelp("Login of the head. 负责人登录名。", valueName: "login")) var head: String?
        @Option(help: ArgumentHelp("Login of the supervising (executive) vice mayor (R6). 分管领导登录名。", valueName: "login")) var supervisor: String?

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let result = try office.addDepartment(Department(code: code, name: name, kind: kind, headLogin: head, supervisorLogin: supervisor))
            context.output.emit(VersionedView(result)) {
                context.output.line(Localized(zh: "已添加 \(result.value.name)（\(result.value.code)）", en: "added \(result.value.name) (\(result.value.code))"))
            }
        }
    }

    struct Edit: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "edit",
            abstract: "Change a department's name, kind, head or supervising leader (administrators, office director). 修改部门信息。",
            discussion: "Give --expect-version with the version you read (huiwu departments show) to be refused if someone changed it since. 指定 --expect-version 可防止覆盖他人的修改。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The department code. 部门代码。") var code: String
        @Option(help: "New name. 新名称。") var name: String?
        @Option(help: "New kind. 新类别。") var kind: Department.Kind?
        @Option(help: ArgumentHelp("Login of the new head. 新负责人登录名。", valueName: "login")) var head: String?
        @Flag(name: .customLong("no-head"), help: "Clear the head. 清除负责人。") var noHead = false
        @Option(help: ArgumentHelp("Login of the new supervising (executive) vice mayor (R6). 新分管领导登录名。", valueName: "login")) var supervisor: String?
        @Flag(name: .customLong("no-supervisor"), help: "Clear the supervising leader. 清除分管领导。") var noSupervisor = false
        @OptionGroup var version: ExpectVersionOption

        func validate() throws {
            if head != nil && noHead { throw ValidationError("--head and --no-head exclude each other. --head 与 --no-head 不能同时使用。") }
            if supervisor != nil && noSupervisor {
                throw ValidationError("--supervisor and --no-supervisor exclude each other. --supervisor 与 --no-supervisor 不能同时使用。")
            }
            if name == nil && kind == nil && head == nil && !noHead && supervisor == nil && !noSupervisor {
                throw ValidationError("nothing to change: give --name, --kind, --head or --supervisor. 没有要修改的内容。")
            }
        }

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let edit = DepartmentEdit(name: name, kind: kind,
                                      head: noHead ? .clear : head.map(FieldChange.set) ?? .keep,
                                      supervisor: noSupervisor ? .clear : supervisor.map(FieldChange.set) ?? .keep)
            let result = try office.editDepartment(code, expectedVersion: version.expectVersion, edit)
            context.output.emit(VersionedView(result)) {
                context.output.line(Localized(zh: "已保存 \(result.value.name)（\(result.value.code)），第 \(result.version) 版", en: "saved \(result.value.name) (\(result.value.code)), version \(result.version)"))
            }
        }
    }

    struct Entrust: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "entrust",
            abstract: "The head entrusts a deputy with signing off the department's items to the government (R45(2)). 委托主持工作的负责同志签发。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Department code. 部门代码。") var code: String
        @Option(help: "The deputy's login. 受委托的负责同志登录名。") var deputy: String?
        @Flag(help: "Withdraw the entrustment. 撤销委托。") var withdraw = false

        func validate() throws {
            guard (deputy == nil) == withdraw else { throw ValidationError("give either --deputy or --withdraw") }
        }

        func run(_ context: CommandContext) throws {
            let department = try context.office().entrustSignOff(department: code, to: deputy)
            context.output.emit(DepartmentsCommand.View(department)) {
                department.entrustedDeputyLogin.map { context.output.line(Localized(zh: "\(department.name)：由 \($0) 代为签发（R45(2)）", en: "\(department.name): \($0) signs off (R45(2))")) }
                    ?? context.output.line(Localized(zh: "\(department.name)：由主要负责人签发", en: "\(department.name): the head signs off"))
            }
        }
    }
}
