import ArgumentParser
import Foundation
import MeetingKit
import MeetingService
import MeetingStore
import MeetingFormats

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Export and import the org chart as CSV or JSON. 导出、导入组织机构（CSV 或 JSON）。",
        subcommands: [Export.self, Import.self])

    /// The format from `--format`, else from the file's extension.
    static func format(_ option: OrgFileFormat?, file: String) throws -> OrgFileFormat {
        if let option { return option }
        if let inferred = OrgFileFormat.inferred(from: file) { return inferred }
        let safe = TextSafety.inert(file)
        throw Refusal.invalid("org.unknownFormat", "无法从文件名 \(safe) 判断格式：请用 .csv 或 .json 结尾，或加 --format csv|json",
                              "cannot tell the format of \(safe): name it .csv or .json, or give --format csv|json")
    }

    struct Export: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "export",
            abstract: "Write the org chart (people, departments, portfolios) to FILE, or - for standard output. 导出组织机构到文件（- 为标准输出）。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The file to write (.csv or .json), or -. 输出文件。") var file: String
        @Option(help: "csv or json (default: from the file's extension). 格式。") var format: OrgFileFormat?
        @Flag(help: "Overwrite FILE if it exists. 覆盖已有文件。") var force = false

        func run(_ context: CommandContext) throws {
            let chosen = try OrgCommand.format(format ?? (file == "-" ? .csv : nil), file: file)
            let text = try context.office().exportOrg(chosen)
            if file == "-" {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            let safe = TextSafety.inert(file)
            if FileManager.default.fileExists(atPath: file) && !force {
                throw Refusal.conflict("file.exists", "\(safe) 已存在；加 --force 覆盖", "\(safe) already exists; add --force to overwrite it")
            }
            guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8)) else {
                throw Refusal(.storage, code: "file.unwritable", Localized(zh: "无法写入 \(safe)", en: "cannot write \(safe)"))
            }
            struct Written: Encodable { var file: String; var format: OrgFileFormat }
            context.output.emit(Written(file: file, format: chosen)) {
                context.output.line(Localized(zh: "已导出到 \(file)", en: "exported to \(file)"))
            }
        }
    }

    struct Import: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "import",
            abstract: "Show what importing FILE would change; --apply writes it in one transaction (administrators, office director). 导入组织机构：默认只显示差异，加 --apply 才写入。",
            discussion: """
                Rows replace the people and departments with the same login or code. Nothing is written when any row is wrong: \
                every problem is listed with its line (CSV) or path (JSON). People missing from the file are kept unless \
                --retire-missing. File layout: docs/data.md.
                按登录名或部门代码覆盖现有记录。任何一行有误都不会写入，并列出所有问题的行号（CSV）或路径（JSON）。文件中没有的人员保持不变，除非加 --retire-missing。
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The file to read (.csv or .json), or - for standard input with --format. 输入文件。") var file: String
        @Option(help: "csv or json (default: from the file's extension). 格式。") var format: OrgFileFormat?
        @Flag(help: "Write the changes (default: a dry run). 写入（默认只预览）。") var apply = false
        @Flag(help: "Retire active people the file does not list. 让文件中没有的人员退出。") var retireMissing = false

        func run(_ context: CommandContext) throws {
            let chosen = try OrgCommand.format(format, file: file)
            let bytes = try read()
            let office = try context.office()
            let result = try office.importOrg(bytes, format: chosen, source: file, retireMissing: retireMissing, apply: apply)
            let plan = result.plan
            let org = try office.orgChart()
            context.output.emit(ImportView(result, file: file, lang: context.lang)) {
                plan.problems.isEmpty ? ImportView.text(plan, applied: result.applied, file: file, org: org, context) : ""
            }
            if !plan.problems.isEmpty {
                let lang = context.lang
                let head = Localized(zh: "\(file) 有 \(plan.problems.count) 处问题，未作任何修改：", en: "\(file) has \(plan.problems.count) problem\(plan.problems.count == 1 ? "" : "s"); nothing was changed:").text(lang)
                Output.error(head)
                for problem in plan.problems { Output.errorDetail("  " + problem.text(lang)) }
                throw ExitCode(2)
            }
        }

        func read() throws -> [UInt8] {
            if file == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Refusal.notFound("file.missing", "无法读取文件 \(TextSafety.inert(file))", "cannot read file \(TextSafety.inert(file))")
            }
            return Array(data)
        }
    }
}

/// `org import --json`: the diff, the problems and whether it was applied.
struct ImportView: Encodable {
    struct Problem: Encodable {
        var line: Int?
        var path: String?
        var message: String
    }

    var file: String
    var applied: Bool
    var addedPeople: [Person]
    var changedPeople: [OrgImportPlan.Changed<Person>]
    var retiredPeople: [OrgImportPlan.Changed<Person>]
    var addedDepartments: [Department]
    var changedDepartments: [OrgImportPlan.Changed<Department>]
    var peopleNotInFile: [String]
    var departmentsNotInFile: [String]
    var problems: [Problem]

    init(_ result: OrgImportResult, file: String, lang: Lang) {
        let p = result.plan
        self.file = file
        applied = result.applied
        addedPeople = p.addedPeople
        changedPeople = p.changedPeople
        retiredPeople = p.retiredPeople
        addedDepartments = p.addedDepartments
        changedDepartments = p.changedDepartments
        peopleNotInFile = p.peopleNotInFile
        departmentsNotInFile = p.departmentsNotInFile
        problems = p.problems.map { problem in
            switch problem.location {
            case .file: return Problem(line: nil, path: nil, message: problem.message.text(lang))
            case .line(let n): return Problem(line: n, path: nil, message: problem.message.text(lang))
            case .path(let path): return Problem(line: nil, path: path, message: problem.message.text(lang))
            }
        }
    }

    /// The diff as lines people read: + added, ~ changed, - retired.
    static func text(_ plan: OrgImportPlan, applied: Bool, file: String, org: OrgChart, _ context: CommandContext) -> String {
        let o = context.output
        let lang = context.lang
        var lines: [String] = []
        if plan.isEmpty {
            lines.append(o.line(Localized(zh: "\(file) 与现有组织机构一致，没有变化", en: "\(file) matches the org chart; nothing to change")))
        } else if applied {
            lines.append(o.line(Localized(zh: "已从 \(file) 导入：", en: "imported from \(file):")))
        } else {
            lines.append(o.line(Localized(zh: "预览 \(file) 的导入（未写入；加 --apply 写入）：", en: "dry run of \(file) (nothing written; add --apply to write):")))
        }
        lines.append(o.line(Localized(zh: "人员：新增 \(plan.addedPeople.count)，修改 \(plan.changedPeople.count)，退出 \(plan.retiredPeople.count)；部门：新增 \(plan.addedDepartments.count)，修改 \(plan.changedDepartments.count)", en: "people: \(plan.addedPeople.count) added, \(plan.changedPeople.count) changed, \(plan.retiredPeople.count) retired; departments: \(plan.addedDepartments.count) added, \(plan.changedDepartments.count) changed")))
        let personWord = o.line(Localized(zh: "人员", en: "person"))
        let departmentWord = o.line(Localized(zh: "部门", en: "department"))
        for d in plan.addedDepartments {
            lines.append("+ \(departmentWord) \(d.code) \(d.name) (\(d.kind.title.text(lang)))")
        }
        for c in plan.changedDepartments {
            lines.append("~ \(departmentWord) \(c.after.code): " + c.fields.map { field(field: $0, c.before, c.after, lang) }.joined(separator: "; "))
        }
        for p in plan.addedPeople {
            lines.append("+ \(personWord) \(p.login) \(p.name) (\(p.role.title.text(lang))\(p.departmentCode.map { ", " + $0 } ?? ""))")
        }
        for c in plan.changedPeople {
            lines.append("~ \(personWord) \(c.after.login): " + c.fields.map { field(field: $0, c.before, c.after, lang) }.joined(separator: "; "))
        }
        for c in plan.retiredPeople {
            lines.append("- \(personWord) \(c.after.login) \(c.after.name) " + o.line(Localized(zh: "退出", en: "retired")))
        }
        if !plan.peopleNotInFile.isEmpty || !plan.departmentsNotInFile.isEmpty {
            lines.append(o.line(Localized(zh: "文件未提及、保持不变：人员 \(plan.peopleNotInFile.count) 名，部门 \(plan.departmentsNotInFile.count) 个", en: "not in the file, kept: \(plan.peopleNotInFile.count) people, \(plan.departmentsNotInFile.count) departments")))
        }
        return lines.map { TextSafety.inert($0) }.joined(separator: "\n")
    }

    static func field(field: String, _ a: Person, _ b: Person, _ lang: Lang) -> String {
        switch field {
        case "name": return Localized(zh: "姓名", en: "name").text(lang) + " \(a.name) → \(b.name)"
        case "role": return Localized(zh: "角色", en: "role").text(lang) + " \(a.role.title.text(lang)) → \(b.role.title.text(lang))"
        case "department": return Localized(zh: "部门", en: "department").text(lang) + " \(a.departmentCode ?? "—") → \(b.departmentCode ?? "—")"
        case "admin": return Localized(zh: "管理员", en: "admin").text(lang) + " \(a.isAdmin) → \(b.isAdmin)"
        default: return Localized(zh: "退出", en: "retired").text(lang) + " \(a.isRetired) → \(b.isRetired)"
        }
    }

    static func field(field: String, _ a: Department, _ b: Department, _ lang: Lang) -> String {
        switch field {
        case "name": return Localized(zh: "名称", en: "name").text(lang) + " \(a.name) → \(b.name)"
        case "kind": return Localized(zh: "类别", en: "kind").text(lang) + " \(a.kind.title.text(lang)) → \(b.kind.title.text(lang))"
        case "head": return Localized(zh: "负责人", en: "head").text(lang) + " \(a.headLogin ?? "—") → \(b.headLogin ?? "—")"
        default: return Localized(zh: "分管领导", en: "supervisor").text(lang) + " \(a.supervisorLogin ?? "—") → \(b.supervisorLogin ?? "—")"
        }
    }

}

extension Output {
    /// A further line of an error already announced with ``error(_:)``, without the prefix.
    static func errorDetail(_ message: String) {
        FileHandle.standardError.write(Data((TextSafety.inert(message) + "\n").utf8))
    }
}
