import MeetingKit

/// Why the office server cannot be reached: refusals of kind `storage` (exit 6), in words a
/// user can act on. A configured server that cannot be reached is always an error, never a
/// reason to fall back to a private database.
enum ServerUnavailable {
    static func notRunning(socket: String) -> Refusal {
        Refusal(.storage, code: "server.notRunning", Localized(
            zh: "会务服务器没有在 \(socket) 运行；请联系管理员",
            en: "the office server is not running at \(socket); ask the administrator"))
    }

    static func forbidden(socket: String) -> Refusal {
        Refusal(.storage, code: "server.forbidden", Localized(
            zh: "无权连接 \(socket) 上的会务服务器；请管理员开通",
            en: "you may not connect to the office server at \(socket); ask the administrator for access"))
    }

    static func lost(socket: String, answerLost: Bool) -> Refusal {
        answerLost
            ? Refusal(.storage, code: "server.answerLost", Localized(
                zh: "与 \(socket) 上的会务服务器的连接在答复前中断；刚才的操作可能已经生效，请先查看再决定是否重做",
                en: "the connection to the office server at \(socket) broke before it answered; the last action may have been done: check before repeating it"))
            : Refusal(.storage, code: "server.lost", Localized(
                zh: "与 \(socket) 上的会务服务器的连接已中断；操作未发出，请重试",
                en: "the connection to the office server at \(socket) was lost; nothing was sent, try again"))
    }

    static func protocolError(_ detail: String) -> Refusal {
        Refusal(.storage, code: "server.protocol", Localized(
            zh: "会务服务器的答复无法理解（\(detail)）；客户端与服务器版本可能不一致",
            en: "the office server's answer could not be understood (\(detail)); client and server versions may differ"))
    }
}
