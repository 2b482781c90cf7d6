import Foundation

/// SIGTERM and SIGINT as a readable pipe, so the server's accept loop can wait on both.
enum StopSignal {
    nonisolated(unsafe) private static var writeEnd: Int32 = -1

    /// Installs the handlers; returns the pipe's read end.
    static func install() -> Int32 {
        var ends: [Int32] = [0, 0]
        pipe(&ends)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        writeEnd = ends[1]
        signal(SIGPIPE, SIG_IGN)
        // A parent may hand over a mask that blocks them (test runners do): a service must stop.
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for number in [SIGTERM, SIGINT] { sigaddset(&stopping, number) }
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        for number in [SIGTERM, SIGINT] {
            signal(number) { _ in
                var byte: UInt8 = 1
                _ = write(StopSignal.writeEnd, &byte, 1)  // async-signal-safe
            }
        }
        return ends[0]
    }
}
