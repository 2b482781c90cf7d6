import Foundation
import MeetingKit

/// `huiwu doctor` on an office on PostgreSQL (issue 21): the same questions as on a file where
/// they apply to a database the cluster owns: the migrations, the triggers that enforce the
/// rules (present and enabled), the keyed audit chain and its anchor in the state directory,
/// the attached files' bytes in the database, and the state directory's permissions. What is
/// the cluster's own business (its disk, WAL, integrity of pages) is left to PostgreSQL's tools.
extension StoreDoctor {
    /// How an office on PostgreSQL goes back to a backup (docs/admin.md).
    static let postgresRestore = Localized(
        zh: "用 pg_restore 从最近的 pg_dump 备份恢复，或按时间点恢复基础备份（docs/admin.md）",
        en: "restore the latest pg_dump with pg_restore, or a base backup to a point in time (docs/admin.md)")

    /// Checks the office in the PostgreSQL database `url` names, without writing to it.
    static func run(postgres url: String) -> [Check] {
        let store: Store
        do {
            store = try Store.open(at: url)
        } catch let refusal as Refusal {
            return [Check(name: "open", ok: false, detail: refusal.message,
                          fix: Localized(zh: "按上面的说明处理", en: "act on the message above"))]
        } catch {
            return [Check(name: "open", ok: false, detail: Localized(zh: "\(error)", en: "\(error)"), fix: nil)]
        }
        defer { store.postgres?.close() }
        return run(postgres: store)
    }

    /// Checks an open office on PostgreSQL (a server's own store: its state directory's key and anchor).
    static func run(postgres store: Store) -> [Check] {
        var checks = permissionChecks(path: store.auditKeyPath)
        checks.append(Check(name: "access", ok: true, detail: Localized(zh: "已连接 \(store.path)", en: "connected to \(store.path)"), fix: nil))
        do {
            checks += try store.snapshot { db in try databaseChecks(db, store: store) }
        } catch let refusal as Refusal {
            checks.append(Check(name: "open", ok: false, detail: refusal.message, fix: nil))
        } catch {
            checks.append(Check(name: "open", ok: false, detail: Localized(zh: "\(error)", en: "\(error)"), fix: nil))
        }
        return checks
    }

    private static func databaseChecks(_ db: any SQLConnection, store: Store) throws -> [Check] {
        var checks: [Check] = []
        let known = PostgresSchema.migrations.map(\.identifier)
        let applied = try PostgresSchema.applied(db)
        let missing = known.filter { !applied.contains($0) }
        let unknown = applied.subtracting(known)
        checks.append(Check(
            name: "schema", ok: missing.isEmpty && unknown.isEmpty,
            detail: Localized(zh: "数据库结构版本：\(applied.count)/\(known.count) 个迁移", en: "schema: \(applied.count)/\(known.count) migrations applied"),
            fix: unknown.isEmpty ? (missing.isEmpty ? nil : Localized(zh: "由服务账户运行 huiwu serve --migrate 完成升级",
                                                                      en: "run huiwu serve --migrate as the service account, to upgrade it"))
                : Localized(zh: "数据库来自更新版本的会务（\(unknown.sorted().joined(separator: ","))），请升级程序",
                            en: "the database comes from a newer Huiwu (\(unknown.sorted().joined(separator: ","))); upgrade the program")))
        checks.append(guarded("triggers", fix: postgresRestore) { try triggersCheck(db, applied: applied) })
        checks.append(auditCheck(restore: postgresRestore) { try AuditVerification.run(db, store: store) })
        checks.append(guarded("attachments", fix: postgresRestore) {
            try attachmentsCheck(db, storage: .database(location: store.path), hasTable: true, fix: Localized(
                zh: "附件内容在数据库中被删除或改动：" + postgresRestore.zh + "，再运行 huiwu attach verify",
                en: "attached content in the database was deleted or altered: " + postgresRestore.en + ", then run huiwu attach verify"))
        })
        return checks
    }

    /// The triggers the applied migrations create, each present and enabled: `ALTER TABLE …
    /// DISABLE TRIGGER` would lift a rule's protection (R43) as surely as dropping it.
    private static func triggersCheck(_ db: any SQLConnection, applied: Set<String>) throws -> Check {
        // A migration may drop a trigger and create it anew under the same name.
        let expected = Set(PostgresSchema.migrations.filter { applied.contains($0.identifier) }
            .flatMap { $0.statements(PostgresDialect()) }
            .compactMap { $0.firstMatch(of: /^\s*CREATE TRIGGER (\w+)/).map { String($0.1) } })
        let enabled = Set(try db.rows("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'")
            .map { try $0.get("tgname", as: String.self) })
        let missing = expected.filter { !enabled.contains($0) }.sorted()
        return Check(
            name: "triggers", ok: missing.isEmpty,
            detail: missing.isEmpty
                ? Localized(zh: "触发器：\(expected.count) 个，齐全且已启用", en: "triggers: all \(expected.count) present and enabled")
                : Localized(zh: "缺少或已停用的触发器：\(missing.joined(separator: "、"))", en: "missing or disabled triggers: \(missing.joined(separator: ", "))"),
            fix: missing.isEmpty ? nil : Localized(zh: "规则保护已被移除：保留现状作证据，并" + postgresRestore.zh,
                                                    en: "rule protections were removed: keep the database as evidence and " + postgresRestore.en))
    }
}
