import Foundation
import GRDB
import MeetingKit

/// Where ``OfficeCopy`` writes: a new SQLite file, or an empty PostgreSQL database, with the
/// audit key and anchor where ``Store`` will look for them when it opens the copy.
enum CopyDestination {
    case file(String)
    /// The database, and the state directory its key and anchor go to.
    case postgres(PostgresStore, stateDirectory: String)

    init(_ target: String, environment: [String: String]) throws {
        if PostgresURL.isURL(target) {
            let url = try PostgresURL(target, osUser: FileAccess.processUser)
            let directory = Store.stateDirectory(environment: environment)
            self = .postgres(PostgresStore(url: url, stateDirectory: directory), stateDirectory: directory)
        } else {
            self = .file(target)
        }
    }

    /// The target in messages (a URL without its password).
    var name: String {
        switch self {
        case .file(let path): path
        case .postgres(let store, _): store.url.description
        }
    }

    var keyPath: String {
        switch self {
        case .file(let path): AuditKey.path(forDatabase: path)
        case .postgres(let store, _): store.keyPath
        }
    }

    var anchorPath: String {
        switch self {
        case .file(let path): AuditAnchor.path(forDatabase: path)
        case .postgres(let store, _): store.anchorPath
        }
    }

    /// The files a copy creates outside the database: the new file (for a file), the key, the anchor.
    private var files: [String] {
        if case .file(let path) = self { return [path, keyPath, anchorPath] }
        return [keyPath, anchorPath]
    }

    /// A file, key or anchor already there belongs to another office (or to an earlier copy):
    /// it is never overwritten.
    func refuseLeftovers() throws {
        for path in files where FileManager.default.fileExists(atPath: path) {
            throw Refusal.conflict("copy.targetExists", "\(path) 已存在，不会覆盖；复制只写入新的数据库",
                                   "\(path) already exists and will not be overwritten; a copy only goes to a new database")
        }
    }

    /// Creates the schema (PostgreSQL: the migrations it lacks, each committed) and runs
    /// `body` in one write transaction on it.
    func create(_ body: (any SQLConnection) throws -> Void) throws {
        switch self {
        case .file(let path):
            do {
                try FileAccess.writeNew(Data(), to: path, mode: Store.fileMode(for: path))
                let queue = try DatabaseQueue(path: path, configuration: Store.configuration())
                defer { try? queue.close() }
                try Schema.migrator.migrate(queue)
                try queue.write { db in try body(db) }
            } catch let error as DatabaseError {
                throw StoreError.refusal(for: error, path: path)
            }
        case .postgres(let store, _):
            do {
                try store.direct { db in
                    let foreign = try db.dialect.recordTables(db).subtracting(OfficeCopy.tables + [OfficeCopy.contentTable])
                    guard foreign.isEmpty else {
                        throw Refusal(.storage, code: "store.notHuiwu", Localized(
                            zh: "PostgreSQL 数据库 \(store.url) 中有其他程序的表（\(foreign.sorted().joined(separator: "、"))），未作任何修改",
                            en: "the PostgreSQL database \(store.url) holds another program's tables (\(foreign.sorted().joined(separator: ", "))); it was not modified"))
                    }
                    try PostgresSchema.migrate(db)
                    let newer = try PostgresSchema.applied(db).subtracting(PostgresSchema.migrations.map(\.identifier))
                    guard newer.isEmpty else {
                        throw Refusal(.storage, code: "store.newerSchema", Localized(
                            zh: "\(store.url) 的数据结构比本程序新（\(newer.sorted().joined(separator: "、"))），未作任何修改；请升级 huiwu",
                            en: "\(store.url) has a newer schema than this program (\(newer.sorted().joined(separator: ", "))); nothing was changed. Upgrade huiwu"))
                    }
                }
                try store.write(body)
            } catch let failure as PostgresFailure {
                throw StoreError.refusal(for: failure, url: store.url)
            }
        }
    }

    /// Gathers the planner's statistics on the copy (`ANALYZE`, outside the copy's transaction):
    /// a new database has none, and without them both engines plan the history's queries as
    /// if every table were small (SQLite without `sqlite_stat1`, PostgreSQL until autovacuum
    /// comes round to the new tables).
    func analyze() throws {
        switch self {
        case .file(let path):
            do {
                let queue = try DatabaseQueue(path: path, configuration: Store.configuration())
                defer { try? queue.close() }
                try queue.writeWithoutTransaction { db in try db.execute(sql: "ANALYZE") }
            } catch let error as DatabaseError {
                throw StoreError.refusal(for: error, path: path)
            }
        case .postgres(let store, _):
            do {
                try store.direct { db in _ = try db.exec("ANALYZE", []) }
            } catch let failure as PostgresFailure {
                throw StoreError.refusal(for: failure, url: store.url)
            }
        }
    }

    /// The copy, opened as any command opens an office.
    func open() throws -> Store {
        switch self {
        case .file(let path): try Store.open(at: path)
        case .postgres(let store, let directory): try Store.open(url: store.url, stateDirectory: directory)
        }
    }

    /// Removes what a failed copy left: the file, the key and the anchor (on PostgreSQL the
    /// transaction rolled back; the empty schema stays and a new copy may use it).
    func removeLeftovers() {
        var paths = files
        if case .file(let path) = self { paths += ["-wal", "-shm", "-journal"].map { path + $0 } }
        for path in paths { unlink(path) }
        if case .postgres(let store, _) = self { store.close() }
    }
}
