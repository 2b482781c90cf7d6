import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

struct TermCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "term", abstract: "Government terms and the change of term. 区政府届次与换届。",
        subcommands: [List.self, Start.self, Numbering.self])

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the terms, the current one last. 列出各届，当前一届在最后。")
        @OptionGroup var global: GlobalOptions

        func run(_ context: CommandContext) throws {
            let terms = try context.office().terms()
            context.output.emit(terms) {
                Output.table([Localized(zh: "届次", en: "number"), Localized(zh: "名称", en: "name"), Localized(zh: "开始", en: "from")].map { $0.text(context.lang) },
                             terms.map { [String($0.number), $0.name, $0.startDay.iso] })
            }
        }
    }

    struct Start: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "start",
            abstract: "Start a new term: meetings are numbered from 1 again; history is kept (administrators). 换届：会议重新从第1次编号，历史保留。",
            discussion: "Planned meetings on or after --from move to the new term and are renumbered; held meetings keep their numbers. 开始日及以后尚未召开的会议转入新一届并重新编号。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The term's ordinal, e.g. 18. 届次。") var number: Int
        @Option(help: "Its name, e.g. 第十八届区人民政府. 名称。") var name: String
        @Option(help: ArgumentHelp("First day (YYYY-MM-DD). 开始日期。", valueName: "date")) var from: String
        @Option(name: .customLong("next-number"),
                help: ArgumentHelp("Where numbering starts, for an office joining mid-term: N for every kind, or KIND=N (repeatable), e.g. executive=39 (R37). 起始编号。",
                                   valueName: "N|kind=N"))
        var nextNumbers: [String] = []

        func run(_ context: CommandContext) throws {
            guard let day = Day(iso: from) else {
                throw Refusal.invalid("input.badDate", "日期 “\(TextSafety.inert(from))” 无效（格式 2026-03-02）",
                                      "the date '\(TextSafety.inert(from))' is invalid (format 2026-03-02)")
            }
            var numbers: [MeetingKind: Int] = [:]
            for text in nextNumbers {
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard let n = Int(parts.last ?? "") else {
                    throw Refusal.invalid("term.badNextNumber", "--next-number \(TextSafety.inert(text))：应为 N 或 kind=N（如 executive=39）",
                                          "--next-number \(TextSafety.inert(text)): use N or kind=N (e.g. executive=39)")
                }
                for kind in try parts.count == 2 ? [SchedulingInput.kind(parts[0])] : MeetingKind.allCases { numbers[kind] = n }
            }
            let result = try context.office().startTerm(number: number, name: name, from: day, nextNumbers: numbers)
            context.output.emit(result) {
                context.output.line(Localized(zh: "\(result.term.name)自 \(day.iso) 开始；\(result.movedMeetings.count) 个已安排的会议转入新一届", en: "\(result.term.name) starts on \(day.iso); \(result.movedMeetings.count) planned meetings moved to the new term"))
            }
        }
    }

    struct Numbering: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "numbering",
            abstract: "Set the number the current term's next meeting of a kind takes, for an office joining mid-term (R37). 设置本届会议起始编号。",
            discussion: "The number must follow every number already published (notified or held). 须大于已通知或已召开会议的编号。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "plenary, executive or topical. 会议类别。") var kind: String
        @Option(help: "The next number, e.g. 39. 下一次会议的编号。") var next: Int

        func run(_ context: CommandContext) throws {
            let kind = try SchedulingInput.kind(kind)
            let result = try context.office().setNextMeetingNumber(kind: kind, next: next)
            context.output.emit(result) {
                context.output.line(Localized(zh: "第\(result.term)届\(kind.name.zh)下一次为第\(next)次", en: "term \(result.term): the next \(kind.name.en.lowercased()) is No. \(next)"))
            }
        }
    }
}
