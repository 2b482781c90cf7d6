import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu onbehalf …`: decisions a secretary recorded for a leader (代录, --on-behalf-of),
/// which the leader confirms or disputes, and whose disputes the office handles.
struct OnBehalfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onbehalf",
        abstract: "Decisions recorded on a leader's behalf: confirm or dispute them. 代录的决定：确认或提出异议。",
        discussion: """
            Every decision recorded with --on-behalf-of waits on the leader's home until the leader confirms or \
            disputes it (in person, not on behalf). A dispute is audited and shown to the government office, \
            which acknowledges it once handled.
            以 --on-behalf-of 代录的决定在领导首页待其本人确认或提出异议；异议记入审计日志并提交区政府办公室处理。
            """,
        subcommands: [List.self, Confirm.self, Dispute.self, Acknowledge.self])

    struct View: Encodable {
        var seq: Int64
        var leader: String
        var recordedBy: String
        var action: String
        var entity: String
        var entityId: String
        var at: String
        var status: OnBehalfRecord.Status
        var note: String?

        init(_ line: OnBehalfLine) {
            let r = line.record
            (seq, leader, recordedBy, action, entity, entityId, at, status, note) =
                (r.seq, r.leaderLogin, r.recorderLogin, r.action, r.entity, r.entityId, r.at, r.status, r.note)
        }
    }

    static func text(_ l: OnBehalfLine, _ lang: Lang) -> String {
        let r = l.record
        let who = Localized(zh: "\(l.recorderName) 代 \(l.leaderName)", en: "\(l.recorderName) for \(l.leaderName)").text(lang)
        return TextSafety.inert("#\(r.seq) \(r.at.prefix(16)) [\(r.status.rawValue)] \(who): \(r.action) \(r.entity) #\(r.entityId)"
            + (r.note.map { " — " + $0 } ?? ""))
    }

    static func emit(_ line: OnBehalfLine, _ context: CommandContext) {
        context.output.emit(View(line)) { OnBehalfCommand.text(line, context.lang) }
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list",
            abstract: "Yours as a leader; everyone's for the office. 列出代录的决定。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "pending, confirmed, disputed or acknowledged. 状态。") var status: OnBehalfRecord.Status?

        func run(_ context: CommandContext) throws {
            let lines = try context.office().onBehalfRecords(status: status)
            context.output.emit(lines.map(View.init)) {
                lines.isEmpty ? context.output.line(Localized(zh: "没有代录的决定", en: "nothing was recorded on a leader's behalf"))
                    : lines.map { OnBehalfCommand.text($0, context.lang) }.joined(separator: "\n")
            }
        }
    }

    struct Confirm: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "confirm", abstract: "Confirm it (the leader, in person). 确认。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record's number. 代录编号。") var seq: Int64

        func run(_ context: CommandContext) throws { OnBehalfCommand.emit(try context.office().confirmOnBehalf(seq), context) }
    }

    struct Dispute: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "dispute", abstract: "Dispute it (the leader, in person). 提出异议。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record's number. 代录编号。") var seq: Int64
        @Option(help: "Why. 理由。") var reason: String

        func run(_ context: CommandContext) throws { OnBehalfCommand.emit(try context.office().disputeOnBehalf(seq, reason: reason), context) }
    }

    struct Acknowledge: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "acknowledge", abstract: "The office has handled a dispute. 异议已处理。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record's number. 代录编号。") var seq: Int64
        @Option(help: "What was done. 处理说明。") var note: String

        func run(_ context: CommandContext) throws { OnBehalfCommand.emit(try context.office().acknowledgeOnBehalf(seq, note: note), context) }
    }
}
