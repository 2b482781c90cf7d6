import MeetingKit

/// The `:` command line: the huiwu subcommands that open something, typed as on the
/// command line (`:meeting 12`, `:item show 5`, `:minutes 3`, `:leave`, `:as lijing`,
/// `:on-behalf-of zhoulixin` (`:on-behalf-of` alone stops), `:search 经费`, `:quit`). What changes records stays on the screens' keys, with their
/// confirmations; a command it does not know is answered with the ones it knows.
enum CommandPrompt {
    static func effect(for line: String, _ context: ScreenContext) -> Effect {
        var words = line.split(separator: " ").map(String.init)
        guard let command = words.first?.lowercased() else { return .none }
        words.removeFirst()
        if words.first == "show" || words.first == "list" { words.removeFirst() }
        let number = words.first.flatMap { Int64($0) }
        if let id = number {
            switch command {
            case "meeting", "m": return .push(MeetingDetailScreen(id: id))
            case "item", "i": return .push(ItemDetailScreen(itemId: id))
            case "minutes": return .push(MinutesViewScreen(id: id))
            default: break
            }
        }
        switch command {
        case "minutes":
            return .jump(Sections.screen(.minutes, context))
        case "calendar", "meeting", "m":
            return .jump(Sections.screen(.calendar, context))
        case "item", "i":
            return .jump(Sections.screen(.items, context))
        case "leave", "attendance":
            return .jump(Sections.screen(.leave, context))
        case "followup", "followups":
            return .jump(Sections.screen(.followUps, context))
        case "report", "due":
            return .jump(Sections.screen(.reports, context))
        case "people", "departments", "org", "portfolio":
            return .jump(Sections.screen(.org, context))
        case "absence", "absences":
            return .jump(Sections.screen(.absences, context))
        case "as":
            return .actAs(words.first)
        case "on-behalf-of", "for":
            return .recordOnBehalf(words.first)
        case "search", "find":
            return .push(SearchScreen(query: words.joined(separator: " ")))
        case "help":
            return .none
        case "quit", "q", "exit":
            return .quit
        default:
            break
        }
        return .status(Localized(zh: "未知命令“\(line)”。可用：meeting ID、item ID、minutes ID、calendar、item、leave、followup、report、org、absence、as 登录名、on-behalf-of 登录名、search 词、quit",
                                 en: "unknown command '\(line)'. Known: meeting ID, item ID, minutes ID, calendar, item, leave, followup, report, org, absence, as LOGIN, on-behalf-of LOGIN, search WORDS, quit"),
                       .error)
    }
}
