import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

struct WhoamiCommand: HuiwuCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami", abstract: "Show who you are acting as. 显示当前身份。")

    @OptionGroup var global: GlobalOptions

    struct View: Encodable {
        var osUser: String
        var login: String
        var name: String
        var role: Role
        var admin: Bool
        var onBehalfOf: String?
        /// The database file in embedded mode.
        var database: String?
        /// The server's socket in server mode.
        var server: String?
    }

    func run(_ context: CommandContext) throws {
        let office = try context.office()
        let a = office.actor
        var view = View(osUser: a.osUser, login: a.person.login, name: a.person.name, role: a.person.role,
                        admin: a.person.isAdmin, onBehalfOf: a.onBehalfOf?.login, database: nil, server: nil)
        let whereLine: String
        switch office.location {
        case .embedded(let path):
            view.database = path
            whereLine = context.output.line(Localized(zh: "数据库：\(path)", en: "database: \(path)"))
        case .server(let socket):
            view.server = socket
            whereLine = context.output.line(Localized(zh: "会务服务器：\(socket)", en: "office server: \(socket)"))
        }
        context.output.emit(view) {
            let lang = context.lang
            var text = "\(a.person.name) (\(a.person.login)) — \(a.person.role.title.text(lang))"
            if a.person.isAdmin { text += Localized(zh: "，管理员", en: ", administrator").text(lang) }
            if a.osUser != a.person.login { text += Localized(zh: "（系统用户 \(a.osUser)）", en: " (OS user \(a.osUser))").text(lang) }
            if let leader = a.onBehalfOf { text += Localized(zh: "，代 \(leader.name)", en: ", on behalf of \(leader.name)").text(lang) }
            return TextSafety.inert(text) + "\n" + whereLine
        }
    }
}
