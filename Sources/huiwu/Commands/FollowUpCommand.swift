import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu followup …`: decisions of signed minutes tracked to completion (督办, R53–R55).
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup", abstract: "Follow-ups of decisions in signed minutes (R53-R55). 督办事项。",
        subcommands: [List.self, Show.self, Report.self, Done.self, Due.self, Export.self])

    /// A follow-up as printed (the description is null when classified and not for the reader, R48).
    struct View: Encodable {
        var id: Int64
        var minutesId: Int64
        var minutesNumber: String?
        var itemId: Int64?
        var lead: String
        var leadName: String
        var description: String?
        var due: Day
        var status: FollowUp.Status
        var overdue: Bool
        var doneNote: String?
        var doneAt: LocalDateTime?
        var doneBy: String?
        /// The other units the decision names (R54).
        var coUnits: [String]
        /// A unit's report the office has yet to act on: completed or extension.
        var pendingRequest: FollowUpReport.Kind?
        var dueWarning: String?

        init(_ line: FollowUpLine, lang: Lang = .zh) {
            let f = line.followUp
            id = f.id!
            minutesId = f.minutesId
            minutesNumber = line.minutesNumber
            itemId = f.itemId
            lead = f.leadDepartmentCode
            leadName = line.departmentName
            description = line.descriptionVisible ? f.description : nil
            due = f.dueDay
            status = f.status
            overdue = line.isOverdue
            doneNote = line.descriptionVisible ? f.doneNote : nil
            doneAt = f.doneAt
            doneBy = f.doneBy
            coUnits = line.coUnits
            pendingRequest = f.pendingRequest
            dueWarning = line.dueWarning?.text(lang)
        }
    }

    static func line(_ l: FollowUpLine, _ lang: Lang) -> String {
        let f = l.followUp
        let what = l.descriptionVisible ? f.description : (Localized(zh: "（涉密，内容不显示）", en: "(classified, not shown)").text(lang))
        let state = f.status == .done ? f.status.name.text(lang) : (l.isOverdue ? (Localized(zh: "逾期", en: "OVERDUE").text(lang)) : f.status.name.text(lang))
        return "#\(f.id!) \(l.departmentName) \(f.dueDay.iso) [\(state)] \(what)"
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List follow-ups by due day, a page at a time. 督办事项列表。")
        /// A page a person can read: ten years of follow-ups are 416,000 rows (issue 20).
        static let defaultLimit = 50

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only overdue ones. 只看逾期。") var overdue = false
        @Option(name: .customLong("dept"), help: "Only this lead unit (department code). 主办单位。") var department: String?
        @Option(help: "How many, by due day (default \(defaultLimit)). 显示条数（默认 \(defaultLimit)）。") var limit: Int?
        @Option(help: "Skip this many first: the next page. 跳过前若干条，即下一页。") var offset: Int?
        @Flag(help: "Every follow-up that matches, the whole history. 列出全部符合条件的督办事项。") var all = false

        func validate() throws {
            if let limit, !(1...100_000).contains(limit) { throw ValidationError("--limit must be between 1 and 100000. --limit 须在 1 到 100000 之间。") }
            if let offset, offset < 0 { throw ValidationError("--offset cannot be negative. --offset 不能为负。") }
            if all && (limit != nil || offset != nil) { throw ValidationError("--all lists every follow-up; leave out --limit and --offset. --all 列出全部，不能再给 --limit 或 --offset。") }
        }

        func run(_ context: CommandContext) throws {
            let pageSize = limit ?? Self.defaultLimit
            let skipped = offset ?? 0
            // One more than the page tells whether a next page exists without counting them all.
            var lines = try context.office().followUps(overdueOnly: overdue, department: department,
                                                       limit: all ? nil : pageSize + 1, offset: skipped)
            let hasMore = !all && lines.count > pageSize
            if hasMore { lines.removeLast() }
            let lang = context.lang
            context.output.emit(lines.map { View($0, lang: context.lang) }) {
                if lines.isEmpty { return context.output.line(Localized(zh: "没有督办事项", en: "no follow-ups")) }
                return Output.table([Localized(zh: "编号", en: "id"), Localized(zh: "主办单位", en: "lead unit"), Localized(zh: "期限", en: "due"), Localized(zh: "状态", en: "status"), Localized(zh: "纪要", en: "minutes"), Localized(zh: "事项", en: "decision")].map { $0.text(lang) },
                                    lines.map { l in
                                        let f = l.followUp
                                        return ["\(f.id!)", l.departmentName, f.dueDay.iso,
                                                f.status == .open && l.isOverdue ? (Localized(zh: "逾期", en: "OVERDUE").text(lang)) : f.status.name.text(lang),
                                                l.minutesNumber ?? "", l.descriptionVisible ? f.description : (Localized(zh: "（涉密）", en: "(classified)").text(lang))]
                                    })
                    + (hasMore ? "\n" + context.output.line(Localized(zh: "此处列出第 \(skipped + 1)–\(skipped + lines.count) 个；下一页：\(nextPageCommand(offset: skipped + lines.count))；全部：--all", en: "\(skipped + 1)–\(skipped + lines.count) shown; next page: \(nextPageCommand(offset: skipped + lines.count)); every follow-up: --all")) : "")
            }
        }

        /// The command that prints the page after this one, with the same filters.
        private func nextPageCommand(offset next: Int) -> String {
            var words = ["huiwu", "followup", "list"]
            if overdue { words.append("--overdue") }
            if let department { words += ["--dept", department] }
            if let limit { words += ["--limit", String(limit)] }
            return (words + ["--offset", String(next)]).joined(separator: " ")
        }
    }

    struct Show: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A follow-up with its units and their reports (R54). 督办事项详情。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Follow-up id. 督办事项编号。") var id: Int64

        struct DetailView: Encodable {
            var followUp: View
            var reports: [FollowUpReport]
        }

        func run(_ context: CommandContext) throws {
            let detail = try context.office().followUpDetail(id)
            let lang = context.lang
            context.output.emit(DetailView(followUp: View(detail.line, lang: lang), reports: detail.reports)) {
                var lines = [TextSafety.inert(FollowUpCommand.line(detail.line, lang))]
                if !detail.line.coUnitNames.isEmpty {
                    lines.append(context.output.line(Localized(zh: "协办单位：", en: "co-responsible: ")) + detail.line.coUnitNames.joined(separator: Localized(zh: "、", en: ", ").text(lang)))
                }
                if let warning = detail.line.dueWarning { lines.append("⚠ " + warning.text(lang)) }
                for r in detail.reports {
                    let due = r.dueDay.map { " → \($0.iso)" } ?? ""
                    lines.append(TextSafety.inert("  \(r.at.iso) \(r.kind.name.text(lang))\(due) \(r.by) \(r.text)"))
                }
                return lines.joined(separator: "\n")
            }
        }
    }

    struct Report: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "report",
            abstract: "A responsible unit reports progress, reports it done, or asks for more time (R54). 承办单位报告进展、办结或申请延期。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Follow-up id. 督办事项编号。") var id: Int64
        @Option(help: "Progress so far. 办理进展。") var progress: String?
        @Option(name: .customLong("done"), help: "The work is done: what was done (the office then closes it). 办结情况。") var completed: String?
        @Option(name: .customLong("more-time"), help: "The due day asked for, YYYY-MM-DD (give --reason). 申请延期至。") var moreTime: String?
        @Option(help: "Why more time is needed. 延期理由。") var reason: String?

        func validate() throws {
            guard [progress != nil, completed != nil, moreTime != nil].filter({ $0 }).count == 1 else {
                throw ValidationError("give exactly one of --progress, --done or --more-time")
            }
            if moreTime != nil && (reason ?? "").isEmpty { throw ValidationError("--more-time needs --reason") }
        }

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let kind: FollowUpReport.Kind = progress != nil ? .progress : completed != nil ? .completed : .moreTime
            let due = try moreTime.map { try SchedulingInput.day($0, field: "--more-time") }
            let report = try office.reportFollowUp(id, kind, text: progress ?? completed ?? reason ?? "", due: due)
            context.output.emit(report) {
                context.output.line(Localized(zh: "督办事项 #\(id)：已\(kind.name.zh)", en: "follow-up #\(id): \(kind.name.en)"))
            }
        }
    }

    struct Done: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "The office closes a follow-up with a note (R54). 办公室办结。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Follow-up id. 督办事项编号。") var id: Int64
        @Option(help: "What was done. 办结说明。") var note: String

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let followUp = try office.completeFollowUp(id, note: note)
            try FollowUpCommand.report(followUp, office, context)
        }
    }

    struct Due: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "due",
            abstract: "The office moves a follow-up's due day on the unit's request, with a reason (R54; default 20 working days). 办公室调整办理期限。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Follow-up id. 督办事项编号。") var id: Int64
        @Option(help: "New due day, YYYY-MM-DD. 新期限。") var due: String
        @Option(help: "Why (the unit's request). 调整理由。") var reason: String

        func run(_ context: CommandContext) throws {
            let day = try SchedulingInput.day(due, field: "--due")
            let office = try context.office()
            let followUp = try office.setFollowUpDue(id, due: day, reason: reason)
            try FollowUpCommand.report(followUp, office, context)
        }
    }

    static func report(_ followUp: FollowUp, _ office: Office, _ context: CommandContext) throws {
        guard let id = followUp.id, let line = try office.followUpLine(id) else { return }
        context.output.emit(View(line, lang: context.lang)) { TextSafety.inert(FollowUpCommand.line(line, context.lang)) }
    }
}
