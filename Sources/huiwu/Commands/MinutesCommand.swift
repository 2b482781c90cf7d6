import ArgumentParser
import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu minutes …`: drafting, the review chain, the mayor's signature and export (R43, R44, R22, R48, R46).
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes", abstract: "Minutes of meetings: draft, review, sign (R43, R44). 会议纪要。",
        subcommands: [Draft.self, Edit.self, SetAttributes.self, PlainStep<Submit>.self, Review.self, Sign.self, Declassify.self, Dispatch.self,
                      Queue.self, Show.self, List.self, Export.self])

    /// Prints the document after a change: the full view with --json, one line of text otherwise.
    static func report(_ id: Int64, done: Localized, _ office: Office, _ context: CommandContext) throws {
        try emit(id, office, context) { detail in
            let m = detail.minutes
            let waiting = m.waitingOn.map { Localized(zh: "，待 \(detail.name($0))", en: ", waiting on \(detail.name($0))").text(context.lang) } ?? ""
            return context.output.line(Localized(zh: "\(done.zh) #\(id) \(m.title)：\(m.state.name.zh)\(waiting)", en: "\(done.en) #\(id) \(m.title): \(m.state.name.en)\(waiting)"))
        }
    }

    /// Prints the minutes `id`: the full view with --json, else the text `text` makes of them.
    static func emit(_ id: Int64, _ office: Office, _ context: CommandContext, text: (MinutesDetail) -> String) throws {
        let detail = try office.minutesDetail(id)
        context.output.emit(DetailView(detail, lang: context.lang)) { text(detail) }
    }

    /// Reads a body from `--file`, or from standard input when it is not a terminal.
    static func readBody(file: String?, required: Bool) throws -> String? {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Refusal.notFound("file.missing", "无法读取文件 \(file)", "cannot read file \(file)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw Refusal.invalid("file.notUTF8", "\(file) 不是有效的 UTF-8 文本", "\(file) is not valid UTF-8 text")
            }
            return text
        }
        guard required else { return nil }
        guard isatty(STDIN_FILENO) == 0 else {
            throw Refusal.invalid("minutes.noBody", "请用 --file 指定正文文件，或通过标准输入传入正文",
                                  "give the body with --file, or pipe it on standard input")
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw Refusal.invalid("input.notUTF8", "标准输入不是有效的 UTF-8 文本", "standard input is not valid UTF-8 text")
        }
        return text
    }

    struct Draft: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "draft",
            abstract: "Draft the minutes of a held meeting (or a correction of signed ones). 起草纪要。",
            discussion: """
                The draft is generated from the meeting (header, attendance, agenda items and decisions) unless --file gives the body.
                Office staff draft (R43). For a vice mayor's topical meeting the drafter chooses (R44, default: as the meeting was held):
                --in-government-name, the lead department's head drafts a request to the government (office, VM, EVM, mayor);
                --not-in-government-name, the office drafts the vice mayor's own minutes, which he signs.
                When the meeting's minutes are signed, the new document is a correction linked to them.
                草稿由会议记录生成（会议信息、出席情况、议题及决定）；办公室起草（R43）。副区长主持的专题会议由起草时选择（R44，默认按会议是否以区政府名义召开）：
                以区政府名义下发的，由议题主办单位以请示起草；不以区政府名义下发的，由办公室起草、主持会议的副区长签发。纪要已签发时，新起草的是更正件。
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id. 会议编号。") var meeting: Int64
        @Option(help: "Body from this UTF-8 file. 正文文件。") var file: String?
        @Flag(help: "A vice mayor's minutes issued in the government's name: the lead department's request (R44). 以区政府名义下发。") var inGovernmentName = false
        @Flag(help: "A vice mayor's own minutes, not in the government's name: he signs them (R44). 不以区政府名义下发。") var notInGovernmentName = false

        func validate() throws {
            if inGovernmentName && notInGovernmentName {
                throw ValidationError("give at most one of --in-government-name or --not-in-government-name")
            }
        }

        func run(_ context: CommandContext) throws {
            let body = try MinutesCommand.readBody(file: file, required: false)
            let office = try context.office()
            let choice: Bool? = inGovernmentName ? true : notInGovernmentName ? false : nil
            let minutes = try office.draftMinutes(meetingId: meeting, body: body, inGovernmentName: choice)
            let done = minutes.correctionOf == nil ? Localized(zh: "已起草", en: "drafted") : Localized(zh: "已起草更正件", en: "drafted correction")
            try MinutesCommand.report(minutes.id!, done: done, office, context)
        }
    }

    struct Edit: RecordStep {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Replace the body (the drafter; from --file or standard input). 修改正文。")
        var done: Localized { Localized(zh: "已修改", en: "edited") }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: MinutesStepTarget
        @Option(help: "Body from this UTF-8 file (default: standard input). 正文文件。") var file: String?

        func take(_ office: Office, _ id: Int64) throws -> Minutes {
            try office.editMinutes(id, body: try MinutesCommand.readBody(file: file, required: true)!, expectedVersion: target.expectVersion)
        }
    }

    struct SetAttributes: RecordStep {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set the disclosure attribute (R22) and classification (R48). 设置公开属性和密级。")
        var done: Localized { Localized(zh: "已设置", en: "set") }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: MinutesStepTarget
        @Option(help: "public, on-request or not-public (R22). 公开属性。") var disclosure: Disclosure?
        @Option(help: "Why not public (required with not-public). 不予公开的理由。") var reason: String?
        @Option(help: "none, internal, secret or confidential (R48). 密级：非涉密、内部、秘密、机密。") var classification: Classification?

        func validate() throws {
            if disclosure == nil && reason == nil && classification == nil {
                throw ValidationError("give --disclosure, --reason or --classification")
            }
        }

        func take(_ office: Office, _ id: Int64) throws -> Minutes {
            try office.setMinutesAttributes(id, disclosure: disclosure, reason: reason, classification: classification,
                                             expectedVersion: target.expectVersion)
        }
    }

    enum Submit: StepRowName { static var row: StepRow<MinutesStepTarget> { StepRow(name: "submit", abstract: "Send the draft along its chain (R43, R44; needs R22 disclosure). 提交审核签发。", done: Localized(zh: "已提交", en: "submitted"), take: Office.submitMinutes) } }

    struct Review: RecordStep {
        static let configuration = CommandConfiguration(commandName: "review", abstract: "Approve, or return to the drafter with a reason (R44). 审核：同意或退回。")
        var done: Localized { approve ? Localized(zh: "已审核同意", en: "approved") : Localized(zh: "已退回", en: "returned") }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: MinutesStepTarget
        @Flag(help: "Approve. 同意。") var approve = false
        @Flag(name: .customLong("return"), help: "Return to the drafter. 退回。") var sendBack = false
        @Option(help: "Why it is returned. 退回理由。") var reason: String?

        func validate() throws {
            guard approve != sendBack else { throw ValidationError("give exactly one of --approve and --return") }
            if sendBack && reason == nil { throw ValidationError("--return needs --reason") }
            if approve && reason != nil { throw ValidationError("--reason goes with --return") }
        }

        func take(_ office: Office, _ id: Int64) throws -> Minutes {
            if approve { return try office.approveMinutes(id, expectedVersion: target.expectVersion) }
            return try office.returnMinutes(id, reason: reason ?? "", expectedVersion: target.expectVersion)
        }
    }

    struct Sign: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "sign",
            abstract: "Sign (the mayor, R43): numbers the minutes and fixes their text. 区长签发。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var minutes: MinutesStepTarget

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let id = minutes.id
            let signed = try office.signMinutes(id, expectedVersion: minutes.expectVersion)
            let number = signed.number!
            try MinutesCommand.emit(id, office, context) { detail in
                context.output.line(Localized(zh: "已签发 #\(id)：\(number.text(.zh))，SHA-256 \(signed.sha256 ?? "")；生成督办事项 \(detail.followUps.count) 项", en: "signed #\(id): \(number.text(.en)), SHA-256 \(signed.sha256 ?? ""); \(detail.followUps.count) follow-ups created"))
            }
        }
    }

    struct Queue: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "queue",
            abstract: "What waits for a signature or review, oldest first, with R46 deadlines. 待签发、待审核队列。",
            discussion: "Default: your own queue when you are a leader, else the mayor's signature queue. 默认：领导本人的队列，其他人为区长签发队列。")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("for"), help: "Whose queue (login). 谁的队列。") var login: String?

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let entries = try office.minutesQueue(for: try login ?? office.minutesQueueOwner())
            let lang = context.lang
            context.output.emit(entries.map(QueueView.init)) {
                if entries.isEmpty { return context.output.line(Localized(zh: "没有待处理的纪要", en: "nothing waiting")) }
                return Output.table([Localized(zh: "编号", en: "id"), Localized(zh: "纪要", en: "minutes"), Localized(zh: "状态", en: "state"), Localized(zh: "送达", en: "since"), Localized(zh: "已等(工作日)", en: "waited (wd)"), Localized(zh: "期限", en: "due"), Localized(zh: "签发后编号", en: "number on signing")].map { $0.text(lang) },
                                    entries.map { e in
                                        ["\(e.minutes.id!)", e.minutes.title, e.minutes.state.name.text(lang), e.since.day.iso, "\(e.waitingDays)",
                                         e.due.iso + (e.isOverdue ? (Localized(zh: " 逾期", en: " OVERDUE").text(lang)) : ""), e.nextNumber?.text(lang) ?? ""]
                                    })
            }
        }
    }

    struct Show: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one document with its chain and timeline. 查看纪要。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Minutes id. 纪要编号。") var id: Int64

        func run(_ context: CommandContext) throws {
            try MinutesCommand.emit(id, try context.office(), context) { MinutesCommand.text($0, context) }
        }
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List minutes, newest first. 纪要列表。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this state: draft, inReview, awaitingSignature, signed, returned. 只看此状态。") var state: MinutesState?

        func run(_ context: CommandContext) throws {
            let list = try context.office().minutesList(state: state)
            let lang = context.lang
            context.output.emit(list.map(LineView.init)) {
                if list.isEmpty { return context.output.line(Localized(zh: "没有纪要", en: "no minutes")) }
                return Output.table([Localized(zh: "编号", en: "id"), Localized(zh: "纪要", en: "minutes"), Localized(zh: "状态", en: "state"), Localized(zh: "文号", en: "number"), Localized(zh: "待办人", en: "waiting on"), Localized(zh: "密级", en: "classification")].map { $0.text(lang) },
                                    list.map { m in
                                        ["\(m.id!)", m.title, m.state.name.text(lang), m.number?.text(lang) ?? "", m.waitingOn ?? "",
                                         m.classification.isClassified ? m.classification.name.text(lang) : ""]
                                    })
            }
        }
    }
}

extension MinutesCommand {
    struct Declassify: RecordStep {
        static let configuration = CommandConfiguration(commandName: "declassify",
            abstract: "Lower the classification, with the disclosure that then applies: its own audited step (R48, R22). 解密。",
            discussion: "The office director, the mayor or the signer decides; signed minutes accept this change only. 由区政府办公室主任、区长或签发人决定；已签发纪要只接受这一项变更。")
        var done: Localized { Localized(zh: "已解密", en: "declassified") }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: MinutesStepTarget
        @Option(help: "The new level: none, internal or secret. 新密级。") var to: Classification
        @Option(help: "The disclosure attribute after it: public, on-request or not-public. 解密后的公开属性。") var disclosure: Disclosure?
        @Option(name: .customLong("not-public-reason"), help: "Why it stays not public. 不予公开的理由。") var notPublicReason: String?
        @Option(help: "Why it is declassified. 解密理由。") var reason: String

        func take(_ office: Office, _ id: Int64) throws -> Minutes {
            try office.declassifyMinutes(id, to: to, disclosure: disclosure, disclosureReason: notPublicReason, reason: reason,
                                          expectedVersion: target.expectVersion)
        }
    }

    struct Dispatch: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "dispatch",
            abstract: "Record that signed minutes were sent back to the units (R46: within 1 working day). 已签发纪要转办。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Minutes id. 纪要编号。") var id: Int64

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            _ = try office.dispatchMinutes(id)
            try MinutesCommand.report(id, done: Localized(zh: "已转办", en: "sent back"), office, context)
        }
    }
}
