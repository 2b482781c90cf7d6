import GRDB
import MeetingKit

/// Reads the register of absences from Beijing (R65).
package enum AbsenceRepository {
    package static func absence(_ db: Database, id: Int64) throws -> Absence {
        guard let absence = try Absence.fetchOne(db, key: id) else {
            throw Refusal.notFound("absence.unknown", "没有编号为 \(id) 的离京登记", "no absence with id \(id)")
        }
        return absence
    }

    /// Absences overlapping [from, to] (either bound optional), optionally of one person or
    /// status, by first day.
    package static func absences(_ db: Database, from: Day? = nil, to: Day? = nil, person: String? = nil,
                                status: Absence.Status? = nil) throws -> [Absence] {
        var request = Absence.order(Column("from_day"), Column("id"))
        if let from { request = request.filter(Column("to_day") >= from.iso) }
        if let to { request = request.filter(Column("from_day") <= to.iso) }
        if let person { request = request.filter(Column("person_login") == person) }
        if let status { request = request.filter(Column("status") == status.rawValue) }
        return try request.fetchAll(db)
    }
}
