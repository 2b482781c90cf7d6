import Foundation
import MeetingKit
import MeetingStore

/// One client of `huiwu serve`: its kernel-given identity, then its calls one at a time.
///
/// The login comes from the socket's peer credentials and nothing else; the hello may only
/// ask for `--as` (administrators) and `--on-behalf-of` (secretaries), which the org chart
/// checks on every call, like everything the call does.
final class ServerConnection: @unchecked Sendable {
    /// A call (an attachment included) is at most this long; a longer one closes the connection.
    static let callLimit = 48 << 20

    let channel: LineChannel
    let server: OfficeServer
    let peer: PeerCredentials

    init(fileDescriptor: Int32, server: OfficeServer) {
        channel = LineChannel(fileDescriptor: fileDescriptor, limit: ServerConnection.callLimit)
        self.server = server
        peer = PeerCredentials.of(fileDescriptor) ?? PeerCredentials(pid: 0, uid: uid_t.max, gid: gid_t.max)
        // A client that stops reading (a suspended TUI) must not hold up the others' notices.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fileDescriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Serves until the client leaves or the server stops.
    func serve() {
        guard let office = greet() else { return }
        server.broadcaster.add(self)
        defer { server.broadcaster.remove(self) }
        while let line = try? channel.readLine() {
            let data = Data(line)
            let reply = answer(data, office: office)
            guard (try? channel.send(Array(reply))) != nil else { break }
            server.broadcaster.publishNewChanges()
        }
    }

    /// Reads the hello and answers it with the acting person; nil when the caller is refused.
    private func greet() -> InProcessTransport? {
        guard let line = try? channel.readLine() else { return nil }
        let decoder = JSONDecoder()
        let header = try? decoder.decode(WireCallHeader.self, from: Data(line))
        let id = header?.id ?? 0
        do {
            guard header?.method == HelloCall.method,
                  let hello = try? decoder.decode(WireCallParams<HelloCall>.self, from: Data(line)).params else {
                throw WireError(code: -32600, message: "the first call must be hello")
            }
            guard hello.protocolVersion == Hello.protocolVersion else {
                throw ServerUnavailable.protocolError("protocol \(hello.protocolVersion), server speaks \(Hello.protocolVersion)")
            }
            guard let login = peer.login else {
                throw Refusal(.notFound, code: "server.unknownUid", Localized(
                    zh: "用户编号 \(peer.uid) 没有登录名，无法识别", en: "user id \(peer.uid) has no login name; cannot tell who is calling"))
            }
            let office = server.office(for: login, asLogin: hello.asLogin, onBehalfOf: hello.onBehalfOf)
            let actor = try office.session().actor
            server.log("connected: \(login) (uid \(peer.uid), pid \(peer.pid))" + (actor.person.login == login ? "" : " as \(actor.person.login)")
                       + (actor.onBehalfOf.map { " on behalf of \($0.login)" } ?? ""))
            let reading = ClockReading(seconds: server.configuration.clock.secondsSinceEpochInBeijing, fixed: server.configuration.clockIsFixed)
            try channel.send(Array(try JSONEncoder().encode(WireReply(id: id, result: Hello(actor: actor, clock: reading)))))
            return office
        } catch {
            _ = try? channel.send(Array(ServerConnection.errorReply(error, id: id)))
            return nil
        }
    }

    /// The answer to one call: its result, or the refusal or error it ended with.
    private func answer(_ call: Data, office: InProcessTransport) -> Data {
        let header = try? JSONDecoder().decode(WireCallHeader.self, from: call)
        guard let header, let id = header.id, let method = header.method else {
            return ServerConnection.errorReply(WireError(code: -32700, message: "not a call"), id: header?.id)
        }
        guard let handler = UseCaseRegistry.handlers[method] else {
            return ServerConnection.errorReply(WireError(code: -32601, message: "unknown method \(method)"), id: id)
        }
        do {
            return try handler(call, id, office)
        } catch {
            if !(error is Refusal) && !(error is WireError) { server.log("\(method) failed: \(error)") }
            return ServerConnection.errorReply(error, id: id)
        }
    }

    static func errorReply(_ error: Error, id: Int?) -> Data {
        let wire: WireError
        switch error {
        case let refusal as Refusal: wire = WireError(refusal)
        case let broken as WireError: wire = broken
        default:
            // Details stay in the server's log; the client learns only that it failed.
            wire = WireError(Refusal(.storage, code: "server.internal", Localized(
                zh: "会务服务器处理失败，未作修改；详情见服务器日志", en: "the office server failed to do this and changed nothing; see the server's log")))
        }
        return (try? JSONEncoder().encode(WireErrorReply(id: id, error: wire))) ?? Data()
    }
}
