import Foundation
import MeetingKit
import MeetingStore

extension Office {
    /// Copies the database while others keep working (administrators). In server mode
    /// `destination` is a file name in the server's backup directory, never a path.
    @discardableResult
    public func backup(to destination: String) throws -> BackupManifest {
        try run(BackupCall(destination: destination))
    }

    /// Replaces the database with a verified backup (administrators); returns where the
    /// replaced content was kept. In server mode `source` names a file in the backup directory.
    public func restore(from source: String) throws -> String {
        try run(RestoreCall(source: source))
    }

    /// `huiwu doctor` through the office (administrators in server mode).
    public func doctor() throws -> [StoreDoctor.Check] {
        try run(DoctorCall())
    }

    /// `huiwu doctor` on a database file this process opens itself (embedded mode): it needs
    /// no one in the org chart, so it can report on an office nobody can log into.
    public static func doctor(database path: String) -> [StoreDoctor.Check] {
        StoreDoctor.run(path: path)
    }
}

struct BackupCall: UseCase {
    static let name = "backup"
    var destination: String
    func run(in session: Session) throws -> BackupManifest { try session.backup(to: destination) }

    func confined(to directory: String) throws -> BackupCall {
        BackupCall(destination: try BackupDirectory.path(of: destination, in: directory))
    }
}

struct RestoreCall: UseCase {
    static let name = "restore"
    var source: String
    func run(in session: Session) throws -> String { try session.restore(from: source) }

    func confined(to directory: String) throws -> RestoreCall {
        RestoreCall(source: try BackupDirectory.path(of: source, in: directory))
    }
}

struct DoctorCall: UseCase {
    static let name = "doctor"
    func run(in session: Session) throws -> [StoreDoctor.Check] { try session.doctor() }
}

/// The server's backup directory: a client names a file there, and cannot name anything else.
enum BackupDirectory {
    static func path(of name: String, in directory: String) throws -> String {
        guard !name.isEmpty, !name.contains("/"), name != ".", name != "..", !name.hasPrefix(".") else {
            throw Refusal.invalid("backup.notAName",
                                  "通过会务服务器备份或恢复时只能给出备份目录 \(directory) 中的文件名，不能给出路径",
                                  "through the office server, name a file in its backup directory \(directory), not a path")
        }
        return directory + "/" + name
    }
}
