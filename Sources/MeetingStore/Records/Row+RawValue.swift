import GRDB

extension Row {
    /// A value stored as its enum's raw text; an unknown text is a decoding error, not a crash.
    func decodeRawValue<Value: RawRepresentable>(forColumn column: String) throws -> Value where Value.RawValue == String {
        let text: String = try decode(forColumn: column)
        guard let value = Value(rawValue: text) else {
            throw DatabaseError(message: "unknown \(column) '\(text)' in the database")
        }
        return value
    }
}
