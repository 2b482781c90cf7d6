import Foundation

/// A shell script a test puts on disk in place of a program the product starts (an editor,
/// xdg-open).
public enum StandInProgram {
    /// Writes `script` to `path` as an executable, through a descriptor closed on exec. A
    /// descriptor a child of a parallel test inherited would keep the file open for writing,
    /// and starting the script would fail with "Text file busy" (ETXTBSY) while that child
    /// lives; `String.write(toFile:)` leaves its descriptor open across exec.
    public static func write(_ script: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let bytes = Array(script.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fchmod(fd, 0o755) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
