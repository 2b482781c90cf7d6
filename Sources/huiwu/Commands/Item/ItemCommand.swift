import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu item …`: agenda items from the lead department's draft to the meeting's decision
/// (R41, R45(3), R5, R16, R18, R19, R39, R47(1)). Each step is one subcommand.
struct ItemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "item", abstract: "Agenda items: draft, opinions, approval, acceptance, meeting, decision. 议题：起草、征求意见、审核同意、受理、上会、决定。",
        subcommands: [Add.self, PlainStep<Submit>.self, Opinion.self, Coordinate.self, State.self, Confirm.self, Flags.self,
                      PlainStep<Approve>.self, PlainStep<Accept>.self,
                      Schedule.self, Unschedule.self, Decide.self, List.self, Show.self, Notices.self])

    struct Add: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Draft an item for the lead department. 起草议题。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Title. 标题。") var title: String
        @Option(help: "Lead department code, e.g. JW. 主办部门代码。") var lead: String
        @Option(help: "Related departments, comma-separated, e.g. WJW,MZJ. 相关部门代码，以逗号分隔。") var related: String?
        @Flag(help: "A major matter: plenary or executive meetings only (R5). 重大事项，须经全体会议或常务会议讨论决定。") var major = false
        @Flag(help: "A normative document in the government's name (R16, R47(1)). 以区政府名义制发的行政规范性文件。") var normative = false
        @Flag(name: .customLong("public-interest"), help: "Affects the public interest (R19). 涉及公共利益。") var publicInterest = false
        @Flag(help: "Affects market actors (R19, R47(1)). 涉及市场主体。") var market = false
        @Flag(help: "A hearing is held (R19): its record becomes a precondition. 举行听证会。") var hearing = false
        @Flag(name: .customLong("report-to-congress"), help: "The law requires a report to the People's Congress standing committee (R20). 依法须向区人大常委会报告。") var reportToCongress = false
        @Option(help: "Executive meeting task category 1-6 (R39). 常务会议主要任务类别（第一至六项）。") var category: Int?
        @Option(help: "Summary. 摘要。") var summary: String?

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let codes = (related ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let item = try office.addItem(title: title, lead: lead, related: codes, major: major, normative: normative,
                                           publicInterest: publicInterest, market: market, category: category, summary: summary ?? "",
                                           hearing: hearing, reportToCongress: reportToCongress)
            try ItemCommand.emit(item.id!, office, context) {
                context.output.line(Localized(zh: "已起草议题 #\(item.id!)：\(item.title)", en: "drafted item #\(item.id!): \(item.title)"))
            }
        }
    }

    // The steps that take nothing but the item: one row each (``StepRow``).
    enum Submit: StepRowName { static var row: StepRow<ItemStepTarget> { StepRow(name: "submit", abstract: "Send a draft out for opinions. 提交征求意见。", take: Office.submitItem) } }
    enum Approve: StepRowName { static var row: StepRow<ItemStepTarget> { StepRow(name: "approve", abstract: "Approve as the supervising vice mayor (R41). 审核同意。", take: Office.approveItem) } }
    enum Accept: StepRowName { static var row: StepRow<ItemStepTarget> { StepRow(name: "accept", abstract: "Accept for the office once preconditions are confirmed. 办公室受理。", take: Office.acceptItem) } }

    struct Opinion: RecordStep {
        static let configuration = CommandConfiguration(commandName: "opinion", abstract: "Give a related department's opinion. 提出部门意见。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ItemStepTarget
        @Option(name: .customLong("dept"), help: "The related department. 相关部门代码。") var department: String
        @Flag(help: "The department agrees. 同意。") var agree = false
        @Flag(help: "The department disagrees (give --reason). 不同意。") var disagree = false
        @Option(help: "Reasons (required with --disagree). 理由。") var reason: String?

        func validate() throws {
            guard agree != disagree else { throw ValidationError("give exactly one of --agree or --disagree") }
            if disagree && (reason ?? "").isEmpty { throw ValidationError("--disagree needs --reason (R41, R45(3))") }
        }

        func take(_ office: Office, _ id: Int64) throws -> AgendaItem {
            try office.giveOpinion(id, department: department, stance: agree ? .agree : .disagree, reason: reason, expectedVersion: target.expectVersion)
        }
    }

    struct Coordinate: RecordStep {
        static let configuration = CommandConfiguration(commandName: "coordinate",
            abstract: "Record the supervising vice mayor's coordination of a disagreement. 分管副区长协调。",
            discussion: "--unresolved records that coordination failed; the lead department then states the disagreement with its proposal (huiwu item state, R41, R45(3)). 协调后仍未达成一致的（--unresolved），由主办部门如实说明分歧并提出办理建议（huiwu item state）。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ItemStepTarget
        @Flag(help: "The departments now agree. 已达成一致。") var resolved = false
        @Flag(help: "Still no agreement. 仍有分歧。") var unresolved = false
        @Option(help: "Coordination note. 协调意见。") var note: String?

        func validate() throws {
            guard resolved != unresolved else { throw ValidationError("give exactly one of --resolved or --unresolved") }
        }

        func take(_ office: Office, _ id: Int64) throws -> AgendaItem {
            try office.coordinateItem(id, resolved ? .resolved : .unresolved, note: note, expectedVersion: target.expectVersion)
        }
    }

    struct State: RecordStep {
        static let configuration = CommandConfiguration(commandName: "state",
            abstract: "The lead department states a disagreement left after coordination, with its proposal (R45(3)). 主办部门说明分歧并提出办理建议。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ItemStepTarget
        @Option(help: "The disagreement, stated truthfully. 分歧情况。") var statement: String
        @Option(help: "How the lead department proposes to handle it. 办理建议。") var proposal: String

        func take(_ office: Office, _ id: Int64) throws -> AgendaItem {
            try office.stateDisagreement(id, statement: statement, proposal: proposal, expectedVersion: target.expectVersion)
        }
    }

    struct Flags: RecordStep {
        static let configuration = CommandConfiguration(commandName: "flags",
            abstract: "Correct an item's flags before acceptance, audited (R5, R16, R19, R20, R39). 办公室更正议题属性。",
            discussion: "--set lists every flag the item has after the correction: \(ItemFlags.codes.joined(separator: ", ")); an empty --set clears them. --set 列出更正后的全部属性。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ItemStepTarget
        @Option(name: .customLong("set"), help: "The flags, comma-separated. 属性，以逗号分隔。") var codes: String
        @Option(help: "Executive meeting task category 1-6 (R39). 常务会议任务类别。") var category: Int?
        @Option(help: "Why the flags change. 更正理由。") var reason: String

        func take(_ office: Office, _ id: Int64) throws -> AgendaItem {
            try office.correctItemFlags(id, to: try ItemFlags(codeList: codes, category: category), reason: reason, expectedVersion: target.expectVersion)
        }
    }

    struct Notices: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "notices",
            abstract: "Items whose meeting was cancelled or moved, for the lead department (R5, R18). 议题所在会议取消或改期的通知。")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Include notices already read. 包括已签收的。") var all = false
        @Option(help: "Acknowledge this notice. 签收此通知。") var ack: Int64?

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let lines = try ack.map { [try office.acknowledgeItemNotice($0)] } ?? office.itemNotices(includeRead: all)
            context.output.emit(lines) {
                if lines.isEmpty { return context.output.line(Localized(zh: "没有议题通知", en: "no item notices")) }
                return Output.table([Localized(zh: "编号", en: "id"), Localized(zh: "议题", en: "item"), Localized(zh: "会议", en: "meeting"), Localized(zh: "通知", en: "notice"), Localized(zh: "签收", en: "read")].map { $0.text(context.lang) },
                                    lines.map { l in
                                        ["\(l.notice.id!)", "#\(l.notice.itemId) \(l.itemTitle)", l.meetingTitle.text(context.lang),
                                         l.message.text(context.lang), l.notice.acknowledgedAt?.iso ?? ""]
                                    })
            }
        }
    }

    struct Confirm: RecordStep {
        static let configuration = CommandConfiguration(commandName: "confirm", abstract: "Confirm a precondition (R16, R18, R19, R47(1)). 确认前置程序。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ItemStepTarget
        @Option(help: "One of: \(Precondition.allCases.map(\.rawValue).joined(separator: ", ")). 须确认的前置程序。") var check: Precondition
        @Option(help: "Note, e.g. the review's reference. 说明。") var note: String?

        func take(_ office: Office, _ id: Int64) throws -> AgendaItem { try office.confirmPrecondition(id, check, note: note, expectedVersion: target.expectVersion) }
    }

    struct Schedule: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "schedule", abstract: "Place an accepted item on a meeting's agenda (R5, R39, R61). 安排上会。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var item: ItemStepTarget
        @Option(help: "Meeting id. 会议编号。") var meeting: Int64
        @Option(help: "Planned minutes (default \(AgendaWorkflow.defaultPlannedMinutes)). 计划用时（分钟）。") var minutes: Int?

        /// The result: the item, and the agenda's length against the meeting's (R61).
        struct View: Encodable {
            var item: ItemView
            var agendaMinutes: Int
            var meetingMinutes: Int
            var overrunMinutes: Int
            var warning: String?
        }

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let result = try office.scheduleItem(item.id, meeting: meeting, plannedMinutes: minutes ?? AgendaWorkflow.defaultPlannedMinutes,
                                                  expectedVersion: item.expectVersion)
            let dossier = try office.itemDossier(item.id)
            let agenda = result.agenda
            let warning = agenda.warning?.text(context.lang)
            let view = View(item: ItemView(dossier, lang: context.lang), agendaMinutes: agenda.totalMinutes,
                            meetingMinutes: agenda.meeting.durationMinutes, overrunMinutes: agenda.overrunMinutes, warning: warning)
            context.output.emit(view) {
                ItemCommand.summary(dossier.item, context) + "\n" + ItemCommand.agendaLength(agenda, context)
            }
            if let warning { Output.error(warning) }
        }
    }

    struct Unschedule: RecordStep {
        static let configuration = CommandConfiguration(commandName: "unschedule",
            abstract: "Take an item off its meeting's agenda before the meeting: back to accepted. 会前撤下议程。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ItemStepTarget
        @Option(help: "Why. 理由。") var reason: String?

        func take(_ office: Office, _ id: Int64) throws -> AgendaItem { try office.unscheduleItem(id, reason: reason, expectedVersion: target.expectVersion) }
    }

    struct Decide: RecordStep {
        static let configuration = CommandConfiguration(commandName: "decide",
            abstract: "Record the held meeting's outcome: decided, deferred, or withdrawn by the lead department (R5, R18). 记录会议对议题的决定。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: ItemStepTarget
        @Flag(help: "Decided (give --text). 已决定。") var decided = false
        @Flag(help: "Deferred to a later meeting: back to accepted. 暂缓。") var deferred = false
        @Flag(help: "Withdrawn by the lead department (give --reason). 撤回。") var withdrawn = false
        @Option(help: "The decision. 决定内容。") var text: String?
        @Option(help: "Why it was deferred or withdrawn. 理由。") var reason: String?

        func validate() throws {
            guard [decided, deferred, withdrawn].filter({ $0 }).count == 1 else {
                throw ValidationError("give exactly one of --decided, --deferred or --withdrawn")
            }
            if decided && (text ?? "").isEmpty { throw ValidationError("--decided needs --text") }
            if withdrawn && (reason ?? "").isEmpty { throw ValidationError("--withdrawn needs --reason") }
            if text != nil && !decided { throw ValidationError("--text goes with --decided") }
        }

        func take(_ office: Office, _ id: Int64) throws -> AgendaItem {
            if decided { return try office.decideItem(id, text: text ?? "", expectedVersion: target.expectVersion) }
            if deferred { return try office.deferItem(id, reason: reason, expectedVersion: target.expectVersion) }
            return try office.withdrawItem(id, reason: reason ?? "", expectedVersion: target.expectVersion)
        }
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list",
            abstract: "List items, newest first, a page at a time; with --meeting, the whole agenda in order with planned minutes (R61). 议题列表。")
        /// A page a person can read: ten years of items are 500,000 rows (issue 20).
        static let defaultLimit = 50

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this state: \(AgendaState.allCases.map(\.rawValue).joined(separator: ", ")). 只列此状态的议题。") var state: AgendaState?
        @Option(name: .customLong("dept"), help: "Only items this department leads or is asked about. 只列此部门主办或征求其意见的议题。") var department: String?
        @Option(help: "Only items on this meeting's agenda, in agenda order. 只列此次会议的议题，按议程顺序排列。") var meeting: Int64?
        @Option(help: "How many items, newest first (default \(defaultLimit)). 显示条数（默认 \(defaultLimit)）。") var limit: Int?
        @Option(help: "Only items older than this id: the next page. 只列编号小于此值的议题，即下一页。") var before: Int64?
        @Flag(help: "Every item that matches, the whole history. 列出全部符合条件的议题。") var all = false

        func validate() throws {
            if let limit, !(1...100_000).contains(limit) { throw ValidationError("--limit must be between 1 and 100000. --limit 须在 1 到 100000 之间。") }
            if all && (limit != nil || before != nil) { throw ValidationError("--all lists every item; leave out --limit and --before. --all 列出全部，不能再给 --limit 或 --before。") }
            if meeting != nil && (limit != nil || before != nil || all) {
                throw ValidationError("--meeting lists that meeting's whole agenda; leave out --limit, --before and --all. --meeting 列出该会议的全部议程，不能再给 --limit、--before 或 --all。")
            }
        }

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            var items: [AgendaItem]
            /// The page's total, and the id to continue from, when older items were left out.
            var rest: (total: Int, before: Int64)?
            if all || meeting != nil {
                items = try office.items(state: state, department: department, meeting: meeting)
            } else {
                let pageSize = limit ?? Self.defaultLimit
                // One more than the page tells whether an older page exists without counting it.
                let page = try office.itemPage(state: state, department: department, before: before, limit: pageSize + 1)
                items = Array(page.items.prefix(pageSize))
                if page.items.count > pageSize, let last = items.last?.id { rest = (page.total, last) }
            }
            let agenda = try meeting.map { try office.meetingAgenda($0) }
            var slots: [Int64: MeetingAgenda.Line] = [:]
            if let agenda {
                for line in agenda.lines { slots[line.slot.itemId] = line }
                let order = agenda.lines.map(\.slot.itemId)
                items.sort { (order.firstIndex(of: $0.id!) ?? Int.max) < (order.firstIndex(of: $1.id!) ?? Int.max) }
            }
            let lang = context.lang
            let views = items.map { item -> ItemLineView in
                var view = ItemLineView(item)
                if let line = slots[item.id!], line.counts {
                    view.position = line.slot.position
                    view.plannedMinutes = line.slot.plannedMinutes
                }
                return view
            }
            context.output.emit(views) {
                if items.isEmpty { return context.output.line(Localized(zh: "没有议题", en: "no items")) }
                var header = [Localized(zh: "编号", en: "id"), Localized(zh: "状态", en: "state"), Localized(zh: "主办", en: "lead"), Localized(zh: "相关", en: "related"), Localized(zh: "会议", en: "meeting"), Localized(zh: "标题", en: "title")].map { $0.text(lang) }
                if agenda != nil { header = ([Localized(zh: "序", en: "#"), Localized(zh: "分钟", en: "min")].map { $0.text(lang) }) + header }
                var text = Output.table(header, zip(items, views).map { item, view in
                    var row = [String(item.id!), item.state.name.text(lang) + (item.isFlagged ? (Localized(zh: " ⚠有分歧说明", en: " ⚠statement").text(lang)) : ""),
                               item.leadCode, item.relatedCodes.joined(separator: ","), item.meetingId.map(String.init) ?? "",
                               (item.major ? (Localized(zh: "【重大】", en: "[major] ").text(lang)) : "") + item.title]
                    if agenda != nil {
                        let deferred = slots[item.id!]?.slot.deferred == true
                        row = [view.position.map(String.init) ?? "-", view.plannedMinutes.map(String.init) ?? (deferred ? (Localized(zh: "暂缓", en: "deferred").text(lang)) : "")] + row
                    }
                    return row
                })
                for item in items {
                    if let statement = item.statement {
                        text += "\n" + context.output.line(Localized(zh: "⚠ #\(item.id!) 分歧说明：\(statement.text)", en: "⚠ #\(item.id!) statement of disagreement: \(statement.text)"))
                    }
                }
                if let agenda {
                    text += "\n" + ItemCommand.agendaLength(agenda, context)
                    if let warning = agenda.warning { text += "\n" + TextSafety.inert(warning.text(lang)) }
                }
                if let rest {
                    let next = nextPageCommand(before: rest.before)
                    text += "\n" + context.output.line(Localized(zh: "共 \(rest.total) 个议题，此处列出 \(items.count) 个；更早的一页：\(next)；全部：--all", en: "\(rest.total) items in all, \(items.count) shown; the older page: \(next); every item: --all"))
                }
                return text
            }
        }

        /// The command that prints the page after this one, with the same filters.
        private func nextPageCommand(before id: Int64) -> String {
            var words = ["huiwu", "item", "list"]
            if let state { words += ["--state", state.rawValue] }
            if let department { words += ["--dept", department] }
            if let limit { words += ["--limit", String(limit)] }
            return (words + ["--before", String(id)]).joined(separator: " ")
        }
    }

    struct Show: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an item with opinions, preconditions, statement and timeline. 议题详情。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Item id. 议题编号。") var id: Int64

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let dossier = try office.itemDossier(id)
            context.output.emit(ItemView(dossier, lang: context.lang)) { ItemText.show(dossier, lang: context.lang) }
        }
    }

    // MARK: Output shared by the step commands

    /// Prints the item after a step: one line of text, or the full item as JSON.
    static func stepped(_ item: AgendaItem, _ office: Office, _ context: CommandContext) throws {
        try emit(item.id!, office, context) { summary(item, context) }
    }

    /// Prints the item `id`: the line `text` builds, or the full item as JSON.
    static func emit(_ id: Int64, _ office: Office, _ context: CommandContext, text: () -> String) throws {
        let dossier = try office.itemDossier(id)
        context.output.emit(ItemView(dossier, lang: context.lang), text: text)
    }

    /// "议程合计 90 分钟，会议 120 分钟": the agenda's planned length against the meeting's (R61).
    static func agendaLength(_ agenda: MeetingAgenda, _ context: CommandContext) -> String {
        context.output.line(Localized(zh: "议程合计 \(agenda.totalMinutes) 分钟，会议 \(agenda.meeting.durationMinutes) 分钟", en: "agenda \(agenda.totalMinutes) min, meeting \(agenda.meeting.durationMinutes) min"))
    }

    /// "#3 关于…：已审核同意" with the statement flag when there is one.
    static func summary(_ item: AgendaItem, _ context: CommandContext) -> String {
        var zh = "议题 #\(item.id!) \(item.title)：\(item.state.name.zh)"
        var en = "item #\(item.id!) \(item.title): \(item.state.name.en)"
        if let statement = item.statement {
            zh += "（附分歧说明：\(statement.text)）"
            en += " (with statement: \(statement.text))"
        }
        return context.output.line(Localized(zh: zh, en: en))
    }
}
