import Foundation
import MeetingKit

/// Stores each year's holiday data as the JSON it was imported from (on the database port).
package enum HolidayRepository {
    package static func calendar(_ db: any SQLConnection) throws -> HolidayCalendar {
        let rows = try db.rows("SELECT data FROM holiday_year ORDER BY year").map { try $0.get("data", as: String.self) }
        return HolidayCalendar(try rows.map { try JSONDecoder().decode(HolidayYear.self, from: Data($0.utf8)) })
    }

    static func save(_ db: any SQLConnection, _ year: HolidayYear) throws {
        try db.exec("INSERT INTO holiday_year(year, data) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET data = excluded.data",
                    year.year, AuditSummary.of(year))
    }
}
