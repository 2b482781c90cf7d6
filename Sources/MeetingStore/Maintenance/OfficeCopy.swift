import Foundation
import MeetingKit

/// Copies a whole office, records, audit chain and audit key, into a new database of either
/// engine, and checks the copy before it reports success (`huiwu admin copy`, issue 21):
/// SQLite file to PostgreSQL when an office outgrows one server, and back.
///
/// The copy is made of rows, not of statements replayed: ids, versions, timestamps and every
/// audit event stay as they are, so the chain the office's key sealed verifies on the target
/// (its MACs cover the events' fields, not the engine's bytes). The source is read in one
/// snapshot and the target written in one transaction, so a copy is whole or absent; a target
/// that holds any record is refused untouched. What the engines store differently (booleans,
/// the counters of auto-incremented keys, switching the refusing triggers off while signed
/// minutes and their timeline arrive together) is the dialect's (``SQLDialect``).
package enum OfficeCopy {
    /// What was copied, as checked on the target.
    package struct Report: Codable, Sendable {
        package var source: String
        package var target: String
        package var tables: [TableRows]
        /// Audit events on the target, verified under the key.
        package var auditEvents: Int
        package var auditHead: AuditHead?
        package var auditKeyId: String
        package var attachmentFiles: Int
    }

    /// The rows of one table, the same on the source and the target.
    package struct TableRows: Codable, Sendable, Equatable {
        package var table: String
        package var rows: Int
    }

    /// The office's tables in the order they were created, which is an order foreign keys
    /// allow (the few references back to a later table are deferred to the commit).
    static var tables: [String] {
        PostgresSchema.migrations.flatMap { $0.statements(PostgresDialect()) }.compactMap { statement in
            guard let match = statement.firstMatch(of: /^\s*CREATE TABLE (\w+)/), match.1 != contentTable else { return nil }
            return String(match.1)
        }
    }

    /// Where an office on PostgreSQL keeps attached files' bytes (``AttachmentStorage``): they
    /// go with the attachments to wherever the target keeps them, not as rows, since a file
    /// keeps them beside itself and leaves this table empty.
    static let contentTable = "attachment_content"

    /// Rows read and written per statement: well under both engines' limits on parameters.
    private static let batchParameters = 900
    private static let pageRows = 2_000

    /// Copies the office in `source` to `target` (a file path or a `postgresql://` URL), which
    /// must not hold an office: a new file, or an empty PostgreSQL database (the audit key and
    /// anchor go to ``Store/stateDirectory(environment:)``).
    package static func run(from source: Store, to target: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Report {
        guard let key = source.auditKey else {
            throw Refusal(.storage, code: "copy.sourceNotKeyed", Localized(
                zh: "\(source.path) 的审计日志尚未用密钥封存或本用户无法读取其密钥，不能复制；请由服务账户运行",
                en: "the audit log of \(source.path) is not sealed with a key this user can read; it cannot be copied. Run it as the service account"))
        }
        let verified = try source.snapshot { try AuditVerification.run($0, store: source) }
        if let broken = verified.firstBreak {
            throw Refusal(.storage, code: "copy.sourceChainBroken", Localized(
                zh: "\(source.path) 的审计链不完整，未复制：\(broken.message.zh)", en: "the audit chain of \(source.path) is broken; nothing was copied: \(broken.message.en)"))
        }
        let destination = try CopyDestination(target, environment: environment)
        try destination.refuseLeftovers()
        var counts: [TableRows] = []
        var files: [Attachment] = []
        var head: AuditHead?
        do {
            // The state directory of a new server, or the new file's directory, may not exist yet.
            try FileManager.default.createDirectory(atPath: (destination.keyPath as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try key.write(to: destination.keyPath, mode: 0o600)
            try source.snapshot { src in
                counts = try checkedTables(src, source: source.path)
                files = try Attachment.fetch(src)
                head = try AuditLog.head(src)
                try destination.create { dst in
                    try refuseRecords(dst, target: destination.name)
                    try dst.dialect.withoutRefusingTriggers(on: tables, dst) {
                        for table in tables { try copyRows(of: table, from: src, to: dst) }
                    }
                    for table in tables {
                        if let last = try src.dialect.lastIdentity(of: table, src), last > 0 {
                            try dst.dialect.setLastIdentity(of: table, to: last, dst)
                        }
                    }
                    if case .postgres = destination {
                        try copyContent(of: files, from: src, source: source) { a, bytes in
                            try AttachmentStorage.database(location: destination.name).record(bytes, sha256: a.sha256, in: dst)
                        }
                    }
                }
                if case .file = destination {
                    // A file cannot join the transaction: the copies follow its commit.
                    let copies = AttachmentFiles(databasePath: target)
                    try copyContent(of: files, from: src, source: source) { a, bytes in _ = try copies.store(bytes, name: a.name) }
                }
            }
            if let head { try AuditAnchor.record(head, at: destination.anchorPath, mode: 0o600) }
            // A fresh copy has no planner statistics: gathered once here, not left to the first
            // slow queries (or to an administrator remembering to run it).
            try destination.analyze()
        } catch {
            destination.removeLeftovers()
            throw error
        }
        return try check(destination, against: counts, head: head, source: source, attachmentFiles: files.count)
    }

    /// The source's tables must be exactly the office's: a table this program does not know
    /// would be left behind.
    private static func checkedTables(_ db: any SQLConnection, source: String) throws -> [TableRows] {
        let present = try db.dialect.recordTables(db).subtracting([contentTable])
        let unknown = present.subtracting(tables).sorted()
        let missing = Set(tables).subtracting(present).sorted()
        guard unknown.isEmpty, missing.isEmpty else {
            throw Refusal(.storage, code: "copy.unknownTables", Localized(
                zh: "\(source) 的表与本程序的不符（多出：\(unknown.joined(separator: "、"))；缺少：\(missing.joined(separator: "、"))），未复制",
                en: "the tables of \(source) are not this program's (extra: \(unknown.joined(separator: ", ")); missing: \(missing.joined(separator: ", "))); nothing was copied"))
        }
        return try tables.map { TableRows(table: $0, rows: try db.value(Int.self, "SELECT COUNT(*) FROM \($0)") ?? 0) }
    }

    /// The target must hold no record: a copy never merges into, or replaces, an office.
    private static func refuseRecords(_ db: any SQLConnection, target: String) throws {
        for table in tables {
            let rows = try db.value(Int.self, "SELECT COUNT(*) FROM \(table)") ?? 0
            guard rows == 0 else {
                throw Refusal(.conflict, code: "copy.targetNotEmpty", Localized(
                    zh: "\(target) 已有数据（\(table) 表有 \(rows) 行），不会覆盖或合并；请指定空数据库",
                    en: "\(target) already holds records (\(rows) rows in \(table)); a copy never overwrites or merges. Name an empty database"))
            }
        }
    }

    /// Copies every row of `table`, in key order (a correction after the minutes it corrects),
    /// a page at a time, converting flags to what the target stores.
    private static func copyRows(of table: String, from src: any SQLConnection, to dst: any SQLConnection) throws {
        let columns = try src.dialect.columns(of: table, src)
        let targetColumns = try dst.dialect.columns(of: table, dst)
        guard Set(columns.map(\.name)) == Set(targetColumns.map(\.name)) else {
            throw Refusal(.storage, code: "copy.columns", Localized(
                zh: "\(table) 表的列在两个数据库中不同，未复制", en: "the columns of \(table) differ between the two databases; nothing was copied"))
        }
        let names = columns.map(\.name)
        let booleans = Set(targetColumns.filter(\.isBoolean).map(\.name))
        let list = names.joined(separator: ", ")
        let rowsPerInsert = max(1, batchParameters / names.count)
        let placeholders = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
        func insert(_ rows: ArraySlice<SQLRow>) throws {
            let values = rows.flatMap { row in
                zip(names, row.values).map { name, value in booleans.contains(name) ? flag(value) : number(value) }
            }
            try dst.exec("INSERT INTO \(table) (\(list)) VALUES " + Array(repeating: placeholders, count: rows.count).joined(separator: ", "),
                         values)
        }
        func insertAll(_ rows: [SQLRow]) throws {
            var start = 0
            while start < rows.count {
                try insert(rows[start..<min(start + rowsPerInsert, rows.count)])
                start += rowsPerInsert
            }
        }
        guard let key = ["id", "seq"].first(where: names.contains) else {
            try insertAll(try src.rows("SELECT \(list) FROM \(table)"))
            return
        }
        var after = Int64.min
        while true {
            let page = try src.rows("SELECT \(list) FROM \(table) WHERE \(key) > ? ORDER BY \(key) LIMIT \(pageRows)", after)
            try insertAll(page)
            guard page.count == pageRows, let last = page.last else { return }
            after = try last.get(key)
        }
    }

    /// A flag as the target's boolean column takes it (SQLite stores 0 and 1).
    private static func flag(_ value: SQLValue) -> SQLValue {
        if case .integer(let v) = value { return .boolean(v != 0) }
        return value
    }

    /// A value for a column that is not a flag.
    private static func number(_ value: SQLValue) -> SQLValue {
        if case .boolean(let b) = value { return .integer(b ? 1 : 0) }
        return value
    }

    /// Reads each attached file's content where the source keeps it, checks it against the
    /// SHA-256 its record holds, and hands it to `put` (once per stored copy).
    private static func copyContent(of attachments: [Attachment], from db: any SQLConnection, source: Store,
                                    put: (Attachment, Data) throws -> Void) throws {
        let storage = AttachmentStorage(source)
        var done: Set<String> = []
        for a in attachments where done.insert(a.storedPath).inserted {
            guard let bytes = try storage.content(of: a, in: db), SHA256.hex(bytes: Array(bytes)) == a.sha256 else {
                throw Refusal(.storage, code: "copy.attachmentDamaged", Localized(
                    zh: "附件 \(a.storedPath) 缺失或与记录的 SHA-256 不符，未复制",
                    en: "the attachment \(a.storedPath) is missing or does not match its SHA-256; nothing was copied"))
            }
            try put(a, bytes)
        }
    }

    /// Opens the copy as any command would, and checks it: the same rows in every table, and
    /// the whole chain verified under the key with the source's head.
    private static func check(_ destination: CopyDestination, against counts: [TableRows], head: AuditHead?, source: Store,
                              attachmentFiles: Int) throws -> Report {
        let copy = try destination.open()
        let (copied, verification) = try copy.snapshot { db in
            (try counts.map { TableRows(table: $0.table, rows: try db.value(Int.self, "SELECT COUNT(*) FROM \($0.table)") ?? 0) },
             try AuditVerification.run(db, store: copy))
        }
        let targetHead = try copy.snapshot(AuditLog.head)
        guard copied == counts, verification.firstBreak == nil, targetHead == head,
              let keyId = verification.keyId else {
            throw Refusal(.storage, code: "copy.mismatch", Localized(
                zh: "复制后的 \(copy.path) 与源不符（行数或审计链），请勿使用，联系管理员",
                en: "the copy in \(copy.path) does not match the source (row counts or audit chain); do not use it, ask the administrator"))
        }
        return Report(source: source.path, target: copy.path, tables: copied, auditEvents: verification.events,
                      auditHead: targetHead, auditKeyId: keyId, attachmentFiles: attachmentFiles)
    }
}
