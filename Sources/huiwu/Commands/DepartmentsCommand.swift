import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

struct DepartmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "departments", abstract: "Departments, units and streets. 部门、单位和街道。",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Entrust.self])

    /// A department as printed by the CLI.
    struct View: Encodable {
        var code: String
        var name: String
        var kind: Department.Kind
        var head: String?
        /// Login of the supervising vice mayor.
        var supervisor: String?
        /// Login of the deputy the head entrusted with the sign-off (R45(2)).
        var entrustedDeputy: String?

        init(_ d: Department) {
            code = d.code
            name = d.name
            kind = d.kind
            head = d.headLogin
            supervisor = d.supervisorLogin
            entrustedDeputy = d.entrustedDeputyLogin
        }
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List departments. 列出部门。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this kind. 只列此类别。") var kind: Department.Kind?

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let org = try office.orgChart()
            let views = try office.departments(kind: kind).map(View.init)
            context.output.emit(views) {
                Output.table([Localized(zh: "代码", en: "code"), Localized(zh: "名称", en: "name"), Localized(zh: "类别", en: "kind"), Localized(zh: "负责人", en: "head"), Localized(zh: "分管领导", en: "supervisor")].map { $0.text(context.lang) },
                             views.map { v in
                                 [v.code, v.name, v.kind.title.text(context.lang),
                                  v.head.flatMap { org.person($0)?.name } ?? "",
                                  v.supervisor.flatMap { org.person($0)?.name } ?? ""]
                             })
            }
        }
    }
}
