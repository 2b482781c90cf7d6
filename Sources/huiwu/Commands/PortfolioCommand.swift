import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio", abstract: "Vice mayors' portfolios of departments (R6). 副区长分管部门。",
        subcommands: [List.self, Set.self])

    struct Line: Encodable {
        var leader: String
        var name: String
        var portfolio: [String]
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List each (executive) vice mayor's portfolio. 列出各位副区长的分管部门。")
        @OptionGroup var global: GlobalOptions

        func run(_ context: CommandContext) throws {
            let org = try context.office().orgChart()
            let leaders = org.activePeople(role: .executiveViceMayor) + org.activePeople(role: .viceMayor)
            let lines = leaders.map { Line(leader: $0.login, name: $0.name, portfolio: org.portfolio(of: $0.login).map(\.code)) }
            context.output.emit(lines) {
                Output.table([Localized(zh: "登录名", en: "login"), Localized(zh: "姓名", en: "name"), Localized(zh: "分管部门", en: "portfolio")].map { $0.text(context.lang) },
                             lines.map { [$0.leader, $0.name, $0.portfolio.joined(separator: ",")] })
            }
        }
    }

    struct Set: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "set",
            abstract: "Make DEPTS exactly a vice mayor's portfolio (administrators, office director). 设定副区长的分管部门。",
            discussion: "Departments named are taken over from whoever held them; departments left out no longer have a supervising leader. 列出的部门从原分管领导处转来；未列出的原分管部门将无分管领导。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Login of the (executive) vice mayor. 副区长登录名。") var leader: String
        @Argument(help: "Comma-separated department codes, e.g. JW,WJW,MZJ (\"\" for none). 逗号分隔的部门代码。") var departments: String

        func run(_ context: CommandContext) throws {
            let codes = departments.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let result = try context.office().setPortfolio(of: leader, to: codes)
            context.output.emit(result) {
                let o = context.output
                var lines = [o.line(Localized(zh: "\(leader) 分管：\(result.portfolio.joined(separator: ","))", en: "\(leader) supervises: \(result.portfolio.joined(separator: ","))"))]
                for code in result.added {
                    if let from = result.takenFrom[code] {
                        lines.append(o.line(Localized(zh: "  + \(code)（原由 \(from) 分管）", en: "  + \(code) (was \(from)'s)")))
                    } else {
                        lines.append("  + \(code)")
                    }
                }
                for code in result.removed {
                    lines.append(o.line(Localized(zh: "  - \(code)（现无分管领导）", en: "  - \(code) (now without a supervising leader)")))
                }
                if result.added.isEmpty && result.removed.isEmpty { lines.append(o.line(Localized(zh: "没有变化", en: "nothing changed"))) }
                return lines.joined(separator: "\n")
            }
        }
    }
}
