import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu rules …`: the office-wide settings of how the rules apply (docs/rules-map.md).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Office-wide rule settings, e.g. the office's check of documents (R47). 规则设置。",
        subcommands: [Show.self, OfficeCheck.self])

    struct Show: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the rule settings. 查看规则设置。")
        @OptionGroup var global: GlobalOptions

        func run(_ context: CommandContext) throws {
            let settings = try context.office().ruleSettings()
            context.output.emit(settings) { RulesCommand.text(settings, context) }
        }
    }

    struct OfficeCheck: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "office-check",
            abstract: "Turn the office's check of documents in the government's name before a leader signs on or off (R47; administrators). 开启或关闭办公室审核（R47）。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "on or off. 开启（on）或关闭（off）。") var state: Switch

        enum Switch: String, ExpressibleByArgument, CaseIterable { case on, off }

        func run(_ context: CommandContext) throws {
            let settings = try context.office().setOfficeCheck(state == .on)
            context.output.emit(settings) { RulesCommand.text(settings, context) }
        }
    }

    static func text(_ settings: RuleSettings, _ context: CommandContext) -> String {
        settings.officeCheck
            ? context.output.line(Localized(zh: "R47 办公室审核：开启（以区政府名义的纪要先经办公室主任或副主任审核）", en: "R47 office check: on (minutes in the government's name are checked by the office director or a deputy first)"))
            : context.output.line(Localized(zh: "R47 办公室审核：关闭（管理员设置）", en: "R47 office check: off (set by an administrator)"))
    }
}
