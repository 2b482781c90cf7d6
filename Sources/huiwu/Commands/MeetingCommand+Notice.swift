import ArgumentParser
import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

extension MeetingCommand {
    /// `huiwu meeting notice ID [--send] [--format …] [--out FILE]`: the meeting notice
    /// (会议通知) with its receipt form; `--send` records that it went out and opens the receipts.
    struct Notice: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "notice",
            abstract: "The meeting notice as a document; --send records that it went out. 会议通知。",
            discussion: """
                Notices should go out one to two working days ahead; each participant's unit then confirms or asks for leave through its receipt (huiwu meeting receipt).
                通知应提前 1 至 2 个工作日发出；各单位通过回执签收或请假（huiwu meeting receipt）。
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id. 会议编号。") var id: Int64
        @Flag(help: "Record that the notice went out (the meeting becomes notified; receipts open). 发出通知。") var send = false
        @Option(help: "The contact printed on the notice (with --send). 联系人。") var contact: String?
        @Option(help: "What to bring (with --send). 会议材料要求。") var materials: String?
        @OptionGroup var document: DocumentOptions

        func validate() throws {
            if !send && (contact != nil || materials != nil) { throw ValidationError("--contact and --materials go with --send") }
        }

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            if send {
                let board = try office.sendNotice(meetingId: id, contact: contact, materials: materials)
                if let warning = board.timing?.warning { Output.error(warning.text(context.lang)) }
                if document.out == nil && document.format == nil {
                    context.output.emit(board) {
                        context.output.line(Localized(zh: "已发出通知：\(board.title)，回执 \(board.lines.count) 份", en: "notice sent: \(board.title), \(board.lines.count) receipts"))
                    }
                    return
                }
            }
            let notice = try office.meetingNotice(id)
            try document.write(NoticeComposer.layout(notice), value: notice, context)
        }
    }

    /// `huiwu meeting receipts ID`: who confirmed, who asked for leave, who has not answered.
    struct Receipts: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "receipts",
            abstract: "The receipts of a meeting's notice; --unanswered lists only units that have not answered. 回执情况。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id. 会议编号。") var id: Int64
        @Flag(help: "Only those that have not answered. 只看未答复。") var unanswered = false

        func run(_ context: CommandContext) throws {
            var board = try context.office().meetingReceipts(id)
            if unanswered { board.lines = board.unanswered }
            let lang = context.lang
            context.output.emit(board) {
                guard board.sentAt != nil || !board.lines.isEmpty else {
                    return context.output.line(Localized(zh: "\(board.title)的通知尚未发出", en: "the notice of \(board.title) has not gone out"))
                }
                let header = context.output.line(Localized(zh: "\(board.title)：\(board.summary.zh)", en: "\(board.title): \(board.summary.en)"))
                let rows = board.lines.map { line in
                    [line.unit, line.name, line.receipt.status.name.text(lang), line.attendeeName ?? "",
                     line.receipt.answeredAt.map { "\($0.day.iso) \($0.timeText)" } ?? ""]
                }
                return header + "\n" + Output.table([Localized(zh: "单位", en: "unit"), Localized(zh: "姓名", en: "name"), Localized(zh: "回执", en: "receipt"), Localized(zh: "参会/代会", en: "attends"), Localized(zh: "答复时间", en: "answered")].map { $0.text(lang) }, rows)
            }
        }
    }

    /// `huiwu meeting receipt ID --confirm | --leave --reason …`: a unit answers its receipt.
    struct Receipt: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "receipt",
            abstract: "Answer a notice: confirm, or ask for leave (R42). 签收回执或请假。",
            discussion: "Default: your own receipt. A colleague of the unit, or office staff, may answer with --person. 默认为本人；本单位人员或办公室工作人员可用 --person 代为签收。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id. 会议编号。") var id: Int64
        @Option(help: "Whose receipt (login). 谁的回执。") var person: String?
        @Flag(help: "Received; the person will come. 签收，按时出席。") var confirm = false
        @Flag(help: "Received; the person asks for leave (needs --reason). 签收并请假。") var leave = false
        @Option(help: "Why (with --leave). 请假事由。") var reason: String?
        @Option(help: "Who attends instead (with --leave). 代会人员登录名。") var substitute: String?

        func validate() throws {
            guard confirm != leave else { throw ValidationError("give exactly one of --confirm and --leave") }
            if leave && reason == nil { throw ValidationError("--leave needs --reason") }
            if confirm && (reason != nil || substitute != nil) { throw ValidationError("--reason and --substitute go with --leave") }
        }

        func run(_ context: CommandContext) throws {
            let answer: ReceiptAnswer = confirm ? .confirm : .leave(reason: reason ?? "", substitute: substitute)
            let line = try context.office().answerReceipt(meetingId: id, person: person, answer: answer)
            context.output.emit(line) {
                context.output.line(Localized(zh: "\(line.unit) \(line.name)：\(line.receipt.status.name.zh)", en: "\(line.unit) \(line.name): \(line.receipt.status.name.en)"))
            }
        }
    }
}
