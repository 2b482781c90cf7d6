import ArgumentParser
import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu attach …`: files attached to agenda items and minutes, copied into the data
/// directory with their SHA-256 (R41, R43, R48).
struct AttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach", abstract: "Files attached to agenda items and minutes. 议题和纪要的附件。",
        discussion: """
            The file is copied into attachments/ next to the database (private like it) and its SHA-256 recorded; \
            list and verify report a copy that went missing or changed. Signed minutes take no attachment (R43); \
            classified minutes' attachments are for their readers only (R48).
            文件复制到数据库旁的 attachments/ 目录并记录 SHA-256；已签发纪要不能再添加附件（R43）；涉密纪要的附件仅对有权阅读者可见（R48）。
            """,
        subcommands: [Add.self, List.self, Open.self, Verify.self])

    /// An attachment as printed with --json.
    struct View: Encodable {
        var id: Int64
        var itemId: Int64?
        var minutesId: Int64?
        var name: String
        var size: Int64
        var sha256: String
        var path: String
        var status: AttachmentStatus
        var addedBy: String
        var addedAt: LocalDateTime

        init(_ line: AttachmentLine) {
            let a = line.attachment
            id = a.id!
            itemId = a.itemId
            minutesId = a.minutesId
            name = a.name
            size = a.size
            sha256 = a.sha256
            path = line.path
            status = line.status
            addedBy = a.addedBy
            addedAt = a.addedAt
        }
    }

    /// `--item ID` or `--minutes ID`, exactly one.
    struct OwnerOptions: ParsableArguments {
        @Option(help: "The agenda item. 议题编号。") var item: Int64?
        @Option(help: "The minutes. 纪要编号。") var minutes: Int64?

        func validate() throws {
            guard (item == nil) != (minutes == nil) else { throw ValidationError("give exactly one of --item and --minutes") }
        }

        var owner: Attachment.Owner { item.map(Attachment.Owner.item) ?? .minutes(minutes!) }
    }

    static func table(_ lines: [AttachmentLine], _ lang: Lang) -> String {
        Output.table([Localized(zh: "编号", en: "id"), Localized(zh: "文件", en: "file"), Localized(zh: "大小", en: "size"), Localized(zh: "SHA-256", en: "SHA-256"), Localized(zh: "添加人", en: "added by"), Localized(zh: "时间", en: "at"), Localized(zh: "状态", en: "state")].map { $0.text(lang) },
                     lines.map { l in
                         let a = l.attachment
                         return ["\(a.id!)", a.name, Attachment.sizeText(a.size), String(a.sha256.prefix(12)), l.addedByName,
                                 "\(a.addedAt.day.iso) \(a.addedAt.timeText)", l.status.name.text(lang)]
                     })
    }

    struct Add: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Attach a file (copied; SHA-256 recorded). 添加附件。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: OwnerOptions
        @Argument(help: "The file. 文件路径。") var file: String

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let attachment = try office.attach(file: file, to: target.owner)
            let line = try office.attachment(attachment.id!)
            context.output.emit(View(line)) {
                context.output.line(Localized(zh: "已添加附件 #\(attachment.id!) \(attachment.name)（\(Attachment.sizeText(attachment.size))，SHA-256 \(attachment.sha256)）", en: "attached #\(attachment.id!) \(attachment.name) (\(Attachment.sizeText(attachment.size)), SHA-256 \(attachment.sha256))"))
            }
        }
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the attachments, each copy checked. 附件列表。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: OwnerOptions

        func run(_ context: CommandContext) throws {
            let lines = try context.office().attachments(of: target.owner)
            context.output.emit(lines.map(View.init)) {
                lines.isEmpty ? context.output.line(Localized(zh: "没有附件", en: "no attachments")) : AttachCommand.table(lines, context.lang)
            }
        }
    }

    struct Open: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "open",
            abstract: "Open with xdg-open when there is a display, else print the path. 打开附件。",
            discussion: "Over SSH (no $DISPLAY or $WAYLAND_DISPLAY) the path is printed. A missing or changed copy is refused. 通过 SSH 使用时显示文件路径。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Attachment id. 附件编号。") var id: Int64

        struct Result: Encodable {
            var id: Int64
            var path: String
            var opened: Bool
        }

        func run(_ context: CommandContext) throws {
            let env = context.environment
            let cache = (env["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.cache")
                + "/huiwu/attachments"
            let path = try context.office().localCopy(ofAttachment: id, cacheDirectory: cache)
            let display = !(env["DISPLAY"] ?? "").isEmpty || !(env["WAYLAND_DISPLAY"] ?? "").isEmpty
            let opened = display && AttachCommand.xdgOpen(path, environment: env)
            context.output.emit(Result(id: id, path: path, opened: opened)) {
                opened ? context.output.line(Localized(zh: "已打开 \(path)", en: "opened \(path)")) : TextSafety.inert(path)
            }
        }
    }

    /// Starts `xdg-open PATH` (found on $PATH) without waiting for the viewer; false when it cannot start.
    static func xdgOpen(_ path: String, environment: [String: String]) -> Bool {
        guard let tool = Executable.find("xdg-open", path: environment["PATH"]) else { return false }
        // xdg-open hands the file to the viewer and returns.
        return (try? Executable.run(tool, [path], environment: environment, output: .discarded)) == 0
    }

    struct Verify: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "verify",
            abstract: "Check every attachment's copy against its SHA-256; exit 1 when one is missing or changed. 校验附件。")
        @OptionGroup var global: GlobalOptions

        struct Result: Encodable {
            var checked: Int
            var problems: [View]
        }

        func run(_ context: CommandContext) throws {
            let lines = try context.office().verifyAttachments()
            let problems = lines.filter { $0.status != .ok }
            context.output.emit(Result(checked: lines.count, problems: problems.map(View.init))) {
                if problems.isEmpty { return context.output.line(Localized(zh: "已校验 \(lines.count) 个附件，全部完好", en: "checked \(lines.count) attachments: all intact")) }
                return context.output.line(Localized(zh: "已校验 \(lines.count) 个附件，\(problems.count) 个有问题：", en: "checked \(lines.count) attachments, \(problems.count) with problems:"))
                    + "\n" + problems.map { l in
                        TextSafety.inert("#\(l.attachment.id!) \(l.attachment.name) (\(l.ownerTitle)): \(l.status.name.text(context.lang)) \(l.path)")
                    }.joined(separator: "\n")
            }
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}
