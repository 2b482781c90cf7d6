import Foundation
import MeetingKit

/// Stores each year's holiday data as the JSON it was imported from (on the database port).
package enum HolidayRepository {
    /// The holidays and adjusted working days as stored now; read once per snapshot (``ReadSnapshot``).
    package static func calendar(_ db: any SQLConnection) throws -> HolidayCalendar {
        guard let snapshot = db.readSnapshot else { return try read(db) }
        return try snapshot.memo(\.holidayCalendar) { try read(db) }
    }

    private static func read(_ db: any SQLConnection) throws -> HolidayCalendar {
        let rows = try db.rows("SELECT data FROM holiday_year ORDER BY year").map { try $0.get("data", as: String.self) }
        return HolidayCalendar(try rows.map { try JSONDecoder().decode(HolidayYear.self, from: Data($0.utf8)) })
    }

    static func save(_ db: any SQLConnection, _ year: HolidayYear) throws {
        try db.exec("INSERT INTO holiday_year(year, data) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET data = excluded.data",
                    year.year, AuditSummary.of(year))
    }
}
