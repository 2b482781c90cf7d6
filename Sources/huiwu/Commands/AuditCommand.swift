import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit log of every change. 审计日志。",
        subcommands: [List.self, Verify.self])

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show recent changes, newest first. 最近的变更。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many events. 显示条数。") var limit = 20
        @Option(help: "Only events about this kind of record (meeting, item, ...). 只看此类记录。") var entity: String?

        func validate() throws {
            guard (1...100_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 100000") }
        }

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let events = try office.auditEvents(limit: limit, entity: entity)
            context.output.emit(events) {
                Output.table([Localized(zh: "序号", en: "seq"), Localized(zh: "时间", en: "at"), Localized(zh: "系统用户", en: "os user"), Localized(zh: "操作人", en: "actor"), Localized(zh: "代", en: "for"), Localized(zh: "动作", en: "action"), Localized(zh: "对象", en: "record")].map { $0.text(context.lang) },
                             events.map { [String($0.seq), String($0.at.prefix(19)), $0.osUser, $0.actor, $0.onBehalfOf ?? "", $0.action, "\($0.entity) \($0.entityId)"] })
            }
        }
    }

    struct Verify: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the hash chain; exit 1 at the first altered event. 校验审计链。")
        @OptionGroup var global: GlobalOptions

        struct Result: Encodable {
            var ok: Bool
            var events: Int
            var brokenAt: Int64?
            var problem: String?
            var keyId: String?
            var keyPath: String
            var anchoredSeq: Int64?
        }

        func run(_ context: CommandContext) throws {
            let verification = try context.office().verifyAudit()
            let (count, broken) = (verification.events, verification.firstBreak)
            let result = Result(ok: broken == nil, events: count, brokenAt: broken?.seq, problem: broken?.message.text(context.lang),
                                keyId: verification.keyId, keyPath: verification.keyPath, anchoredSeq: verification.anchor?.seq)
            if let broken, !context.output.json {
                // A broken chain is an error: stderr, like every other failure.
                Output.error(broken.message.text(context.lang) + Localized(zh: "（" + verification.keyLine.zh + "）", en: " (" + verification.keyLine.en + ")").text(context.lang))
                throw ExitCode(1)
            }
            context.output.emit(result) {
                context.output.line(Localized(zh: "审计链完整：\(count) 个事件；\(verification.keyLine.zh)", en: "audit chain intact: \(count) events; \(verification.keyLine.en)"))
            }
            if broken != nil { throw ExitCode(1) }
        }
    }
}
