import Foundation
import GRDB
import Testing
@testable import MeetingStore

/// The cached column-name conversion names every column of the schema as Foundation's
/// `convertFromSnakeCase` (which GRDB's own strategy copies) does.
@Suite struct SnakeCaseColumnsTests {
    /// Decodes any JSON object and keeps the keys as the decoder presented them.
    struct KeysSeen: Decodable {
        let keys: [String]
        struct AnyKey: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        init(from decoder: Decoder) throws {
            keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        }
    }

    @Test func everyColumnOfTheSchemaConvertsAsFoundationDoes() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        let columns = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'").flatMap { table in
                try db.columns(in: table).map(\.name)
            }
        }
        #expect(columns.count > 100)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        for column in Set(columns) {
            let json = Data(("{\"" + column + "\": 0}").utf8)
            let foundation = try decoder.decode(KeysSeen.self, from: json).keys
            #expect([SnakeCaseColumns.camelCase(column)] == foundation, "column \(column)")
        }
    }
}
