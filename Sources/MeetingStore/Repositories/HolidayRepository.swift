import Foundation
import GRDB
import MeetingKit

/// Stores each year's holiday data as the JSON it was imported from.
package enum HolidayRepository {
    package static func calendar(_ db: Database) throws -> HolidayCalendar {
        let rows = try String.fetchAll(db.cachedStatement(sql: "SELECT data FROM holiday_year ORDER BY year"))
        return HolidayCalendar(try rows.map { try JSONDecoder().decode(HolidayYear.self, from: Data($0.utf8)) })
    }

    static func save(_ db: Database, _ year: HolidayYear) throws {
        try db.execute(sql: "INSERT INTO holiday_year(year, data) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET data = excluded.data",
                       arguments: [year.year, AuditSummary.of(year)])
    }
}
