import Foundation

/// Newline-delimited messages over a connected stream socket (docs/architecture.md, "The
/// wire"). JSON escapes every newline inside strings, so one line is one message.
///
/// One thread reads; any thread may send (the server's change notices come from whichever
/// connection wrote), so sends are serialised. A line longer than ``limit`` is refused
/// before it is buffered whole, so a client cannot make the server hold unbounded memory.
final class LineChannel: @unchecked Sendable {
    let fileDescriptor: Int32
    let limit: Int
    private var buffer: [UInt8] = []
    /// Where the unread part of ``buffer`` starts.
    private var start = 0
    private let sendLock = NSLock()

    init(fileDescriptor: Int32, limit: Int) {
        self.fileDescriptor = fileDescriptor
        self.limit = limit
    }

    deinit { close(fileDescriptor) }

    /// True when a whole line is already buffered: the socket will not announce it again.
    var hasBufferedLine: Bool { buffer[start...].contains(0x0A) }

    /// The next line without its newline, or nil at the end of the stream.
    func readLine() throws -> [UInt8]? {
        var searched = start
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                if start == buffer.count { buffer.removeAll(keepingCapacity: true); start = 0 }
                return line
            }
            searched = buffer.count
            if buffer.count - start > limit { throw WireFailure.tooLong(limit: limit) }
            if start > 0 { buffer.removeFirst(start); searched -= start; start = 0 }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fileDescriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WireFailure.io(errno)
            }
            if n == 0 { return nil }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// Sends one message and its newline, whole.
    func send(_ message: [UInt8]) throws {
        sendLock.lock()
        defer { sendLock.unlock() }
        var bytes = message
        bytes.append(0x0A)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Foundation.send(fileDescriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WireFailure.io(errno)
            }
            sent += n
        }
    }

    /// Stops reading: a blocked ``readLine()`` returns nil, sends still go out.
    func stopReading() { shutdown(fileDescriptor, Int32(SHUT_RD)) }
}

/// Why the wire failed (not a refusal of the office: the connection itself).
enum WireFailure: Error {
    case tooLong(limit: Int)
    case io(Int32)
    case closed
    case malformed(String)
}
