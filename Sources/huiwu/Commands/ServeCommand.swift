import ArgumentParser
import Foundation
import MeetingKit
import MeetingService

/// `huiwu serve`: the office as a service for every user of the machine (docs/deployment.md).
struct ServeCommand: HuiwuCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the office on a Unix socket; run by the service account. 以服务账号运行会务服务器。",
        discussion: """
            Owns the database (run it as the account that ran init; the file must be private to it) and \
            listens on a Unix socket. Each caller is known by the kernel (peer credentials): no password. \
            Clients find it with --server, HUIWU_SERVER or server in /etc/huiwu/config.toml. SIGTERM stops it \
            after the calls in progress. HUIWU_NOW fixes its clock (training and tests only).
            拥有数据库并在 Unix 套接字上服务；由内核识别每个调用者。SIGTERM 时处理完进行中的请求后退出。
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The socket to listen on. 监听的套接字。", valueName: "path"))
    var socket = "/run/huiwu/huiwu.sock"
    @Option(help: ArgumentHelp("The socket's mode: 0666 lets every local user connect, 0660 only the group. 套接字权限。", valueName: "mode"))
    var socketMode = "0666"
    @Option(help: ArgumentHelp("The socket's group (with --socket-mode 0660). 套接字所属组。", valueName: "group"))
    var socketGroup: String?
    @Option(help: ArgumentHelp("Where backup writes and restore reads (default: backups/ beside the database). 备份目录。", valueName: "dir"))
    var backupDir: String?

    func validate() throws {
        guard let mode = UInt32(socketMode, radix: 8), mode <= 0o777 else {
            throw ValidationError("--socket-mode must be an octal mode such as 0666 or 0660")
        }
    }

    func run(_ context: CommandContext) throws {
        let database = try context.databaseFile(for: "serve")
        var group: gid_t?
        if let socketGroup {
            guard let entry = getgrnam(socketGroup) else {
                throw Refusal.notFound("server.unknownGroup", "没有名为 \(TextSafety.inert(socketGroup)) 的用户组",
                                       "there is no group named \(TextSafety.inert(socketGroup))")
            }
            group = entry.pointee.gr_gid
        }
        let backups = backupDir ?? ((database as NSString).deletingLastPathComponent + "/backups")
        let configuration = OfficeServer.Configuration(
            socketPath: socket, socketMode: mode_t(UInt32(socketMode, radix: 8)!), socketGroup: group,
            clock: try context.localClock(), clockIsFixed: context.environment["HUIWU_NOW"].map { !$0.isEmpty } ?? false,
            backupDirectory: backups, log: { line in FileHandle.standardError.write(Data(("huiwu serve: " + line + "\n").utf8)) })
        try OfficeServer(database: database, configuration: configuration).run()
    }
}
