import MeetingKit
import MeetingStore

// The messages of the wire, JSON-RPC 2.0 in shape (docs/architecture.md, "The wire"):
//   → {"jsonrpc":"2.0","id":7,"method":"approveLeave","params":{"id":12}}
//   ← {"jsonrpc":"2.0","id":7,"result":{…}}
//   ← {"jsonrpc":"2.0","id":7,"error":{"code":-32001,"message":"R42: …","data":{refusal}}}
//   ← {"jsonrpc":"2.0","method":"changed","params":{"seq":120,"records":[{"entity":"leave","id":"12"}]}}

/// A call from the client.
struct WireCall<Params: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var id: Int
    var method: String
    var params: Params
}

/// What the server reads first, to find the use case before decoding its parameters.
struct WireCallHeader: Decodable {
    var id: Int?
    var method: String?
}

/// The parameters of a call, once the use case is known.
struct WireCallParams<Params: Decodable>: Decodable {
    var params: Params
}

/// A successful answer.
struct WireReply<Result: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var id: Int
    var result: Result
}

/// A failed answer: a refusal of the office (with its article), or a broken call.
struct WireErrorReply: Encodable {
    var jsonrpc = "2.0"
    var id: Int?
    var error: WireError
}

struct WireError: Codable, Error {
    /// JSON-RPC's codes for broken calls (-32700 parse error, -32600 invalid request,
    /// -32601 unknown method, -32602 invalid parameters); ``refused`` for the office's refusals.
    var code: Int
    var message: String
    /// The refusal itself, so the client shows it in the user's language and exits with its code.
    var data: Refusal?

    static let refused = -32001

    init(code: Int, message: String, data: Refusal? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    init(_ refusal: Refusal) {
        self.init(code: WireError.refused, message: refusal.text(.en), data: refusal)
    }
}

/// What the client reads first: an answer to one of its calls (``id``) or a notice (``method``).
struct WireAnswerHeader: Decodable {
    var id: Int?
    var method: String?
    var error: WireError?
}

/// The result of an answer, once it is known to be one.
struct WireAnswerResult<Result: Decodable>: Decodable {
    var result: Result
}

/// The server's notice that records changed: ids only, never content (R48).
struct ChangeNotice: Codable {
    static let method = "changed"
    /// The newest audit event covered.
    var seq: Int64
    var records: [RecordChange]
}

struct WireNotice: Codable {
    var jsonrpc = "2.0"
    var method = ChangeNotice.method
    var params: ChangeNotice
}

/// The first call on every connection: who the client asks to act as.
struct HelloCall: Codable {
    static let method = "hello"
    /// The protocol this client speaks; the server refuses one it does not know.
    var protocolVersion: Int
    var asLogin: String?
    var onBehalfOf: String?
}

/// The server's answer to ``HelloCall``.
struct Hello: Codable, Sendable {
    /// 2: a home's waiting entries and meeting lines travel as arrays, record references as `kind:id`.
    static let protocolVersion = 2
    var actor: Actor
    var clock: ClockReading
}

/// The server's time when it answered, so a client shows the office's "today".
struct ClockReading: Codable, Sendable {
    /// Seconds since 1970-01-01T00:00 Beijing wall time.
    var seconds: Int
    /// The server runs on a fixed clock (`HUIWU_NOW` for training or tests).
    var fixed: Bool

    /// A clock that keeps the server's reading: fixed, or the local clock moved by the difference.
    func clock() -> Clock {
        if fixed { let s = seconds; return Clock { s } }
        let offset = seconds - Clock.systemSeconds()
        return Clock { Clock.systemSeconds() + offset }
    }
}
