import Foundation
import Glibc

/// A program running in a pseudo-terminal, as a user's SSH session would run it: the bench
/// times its first screen and counts the bytes it writes per key.
final class PseudoTerminal {
    let pid: pid_t
    let master: Int32
    private(set) var output: [UInt8] = []

    /// Starts `arguments` in a `rows`×`columns` terminal with `environment`.
    init(_ arguments: [String], environment: [String: String], rows: UInt16 = 24, columns: UInt16 = 80) throws {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = 0
        // Prepare everything the child needs before fork: only exec runs after it.
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let child = forkpty(&fd, nil, nil, &size)
        if child == 0 {
            execve(argv[0], argv, envp)
            _exit(127)
        }
        for p in argv { free(p) }
        for p in envp { free(p) }
        guard child > 0 else { throw BenchError("forkpty failed: \(String(cString: strerror(errno)))") }
        pid = child
        master = fd
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Reads what is available within `timeout` seconds; returns the number of new bytes.
    @discardableResult
    func read(timeout: Double) -> Int {
        var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(timeout * 1000)) > 0 else { return 0 }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = Glibc.read(master, &chunk, chunk.count)
        guard n > 0 else { return 0 }
        output.append(contentsOf: chunk[0..<n])
        return n
    }

    /// Reads until `marker` (UTF-8) appears in the output; returns the seconds it took, or nil.
    func waitFor(_ marker: String, timeout: Double = 20) -> Double? {
        let start = DispatchTime.now().uptimeNanoseconds
        let needle = Array(marker.utf8)
        var searchedUpTo = 0
        while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < timeout {
            read(timeout: 0.05)
            if output.count >= needle.count {
                let from = max(0, searchedUpTo - needle.count)
                if PseudoTerminal.contains(output, needle, from: from) {
                    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                }
                searchedUpTo = output.count
            }
        }
        return nil
    }

    /// Reads until nothing arrives for `quiet` seconds; returns the bytes received meanwhile.
    func drain(quiet: Double = 0.15) -> Int {
        var total = 0
        while true {
            let n = read(timeout: quiet)
            if n == 0 { return total }
            total += n
        }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Peak resident memory of the program so far (VmHWM), in kilobytes.
    func peakRSSKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8], from: Int) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && Array(haystack[i..<i + needle.count]) == needle { return true }
            i += 1
        }
        return false
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
