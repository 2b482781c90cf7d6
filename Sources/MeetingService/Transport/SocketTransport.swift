import Foundation
import MeetingKit
import MeetingStore

/// Sends use cases to `huiwu serve` over its Unix socket and collects its change notices.
///
/// Calls are synchronous: one call is on the wire at a time, and notices that arrive while
/// waiting for an answer are kept for ``takeChanges()``. A connection the server closed
/// (it restarted, or failed over) is opened again before the next call; a call whose answer
/// was lost is reported, never silently sent twice.
final class SocketTransport: Transport, @unchecked Sendable {
    /// Answers can be long lists; a larger one is refused rather than held.
    static let answerLimit = 256 << 20

    let socketPath: String
    let hello: HelloCall
    private let lock = NSLock()
    private var channel: LineChannel?
    private var nextId = 1
    private var pending: [RecordChange] = []

    private init(socketPath: String, hello: HelloCall) {
        self.socketPath = socketPath
        self.hello = hello
    }

    static func connect(socket: String, asLogin: String?, onBehalfOf: String?) throws -> (SocketTransport, Hello) {
        let transport = SocketTransport(socketPath: socket, hello: HelloCall(protocolVersion: Hello.protocolVersion,
                                                                             asLogin: asLogin, onBehalfOf: onBehalfOf))
        transport.lock.lock()
        defer { transport.lock.unlock() }
        let hello = try transport.open()
        return (transport, hello)
    }

    /// Connects and greets; the server answers with the acting person and its clock.
    private func open() throws -> Hello {
        let fd = try UnixSocket.connect(path: socketPath)
        let channel = LineChannel(fileDescriptor: fd, limit: SocketTransport.answerLimit)
        self.channel = channel
        do {
            return try exchange(HelloCall.method, hello, as: Hello.self, on: channel)
        } catch {
            self.channel = nil
            throw error
        }
    }

    func perform<U: UseCase>(_ useCase: U) throws -> U.Result {
        lock.lock()
        defer { lock.unlock() }
        if channel == nil { _ = try open() }
        return try exchange(U.name, useCase, as: U.Result.self, on: channel!)
    }

    /// Sends one call and waits for its answer, keeping the notices that come first.
    private func exchange<P: Encodable, R: Decodable>(_ method: String, _ params: P, as: R.Type, on channel: LineChannel) throws -> R {
        let id = nextId
        nextId += 1
        let encoder = JSONEncoder()
        do {
            try channel.send(Array(try encoder.encode(WireCall(id: id, method: method, params: params))))
        } catch {
            // Nothing reached the server: the next call connects again.
            self.channel = nil
            throw ServerUnavailable.lost(socket: socketPath, answerLost: false)
        }
        let decoder = JSONDecoder()
        while true {
            let line: [UInt8]?
            do { line = try channel.readLine() } catch { line = nil }
            guard let line else {
                self.channel = nil
                throw ServerUnavailable.lost(socket: socketPath, answerLost: true)
            }
            let data = Data(line)
            let header = try decoder.decode(WireAnswerHeader.self, from: data)
            if header.id == nil, header.method == ChangeNotice.method {
                pending += try decoder.decode(WireNotice.self, from: data).params.records
                continue
            }
            guard header.id == id else { continue }
            if let error = header.error { throw error.data ?? ServerUnavailable.protocolError(error.message) }
            return try decoder.decode(WireAnswerResult<R>.self, from: data).result
        }
    }

    func takeChanges() -> [RecordChange] {
        lock.lock()
        defer { lock.unlock() }
        // Read whatever notices are waiting, without blocking.
        while let channel, channel.hasBufferedLine || UnixSocket.isReadable(channel.fileDescriptor) {
            guard let line = try? channel.readLine() else {
                self.channel = nil  // the server went away: the next call reconnects
                pending.append(RecordChange(entity: "office", id: "reconnect"))
                break
            }
            if let notice = try? JSONDecoder().decode(WireNotice.self, from: Data(line)) {
                pending += notice.params.records
            }
        }
        defer { pending.removeAll() }
        return pending
    }

    var changeSignal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return channel?.fileDescriptor
    }

    var hasBufferedChanges: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !pending.isEmpty || channel?.hasBufferedLine == true
    }
}
