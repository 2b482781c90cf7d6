import GRDB
import MeetingKit

/// Turns SQLite errors into messages a secretary can act on; users never see a raw
/// "database is locked".
enum StoreError {
    static func refusal(for error: DatabaseError, path: String) -> Refusal {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return Refusal(.storage, code: "store.busy", Localized(
                zh: "数据库正忙（其他用户正在写入），请稍后重试；未写入任何内容",
                en: "the database is busy (another user is writing); nothing was written, please try again"))
        case .SQLITE_FULL:
            return Refusal(.storage, code: "store.full", Localized(
                zh: "磁盘已满或数据库已达上限，未写入任何内容：\(path)",
                en: "the disk is full or the database reached its size limit; nothing was written: \(path)"))
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return Refusal(.storage, code: "store.readOnly", Localized(
                zh: "无法写入 \(path)（只读或权限不足），未写入任何内容",
                en: "cannot write to \(path) (read-only or no permission); nothing was written"))
        case .SQLITE_IOERR:
            return Refusal(.storage, code: "store.ioError", Localized(
                zh: "读写 \(path) 时磁盘出错，未写入任何内容；请检查磁盘后运行 huiwu doctor",
                en: "the disk failed while reading or writing \(path); nothing was written. Check the disk, then run huiwu doctor"))
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return Refusal(.storage, code: "store.corrupt", Localized(
                zh: "\(path) 已损坏或不是数据库文件，未作任何修改",
                en: "\(path) is damaged or not a database; it was not modified"))
        case .SQLITE_CONSTRAINT:
            return Refusal(.conflict, code: "store.constraint", Localized(
                zh: "记录不一致，已拒绝：\(error.message ?? "")",
                en: "refused because records would be inconsistent: \(error.message ?? "")"))
        default:
            return Refusal(.storage, code: "store.error", Localized(
                zh: "数据库错误：\(error.message ?? "\(error.resultCode)")",
                en: "database error: \(error.message ?? "\(error.resultCode)")"))
        }
    }
}
