import Foundation

/// A file's bytes and modification time, to prove that something left a file untouched.
public struct FileFingerprint: Equatable, Sendable {
    public let bytes: Data
    public let modified: Date?
    public let permissions: Int?

    public init(_ path: String) throws {
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        modified = attributes[.modificationDate] as? Date
        permissions = attributes[.posixPermissions] as? Int
    }

    /// Whether SQLite left a write-ahead log or shared-memory file next to `path`.
    public static func sidecars(of path: String) -> [String] {
        ["-wal", "-shm", "-journal"].map { path + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }
}
