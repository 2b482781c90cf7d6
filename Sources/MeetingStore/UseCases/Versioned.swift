/// A record with the version it had when read. An edit states this version; when the
/// stored one has moved on, someone else changed the record in between and the edit is
/// refused (optimistic locking) instead of silently overwriting their change.
public struct Versioned<Value: Sendable>: Sendable {
    public var value: Value
    public var version: Int

    public init(_ value: Value, version: Int) {
        self.value = value
        self.version = version
    }
}

extension Versioned: Equatable where Value: Equatable {}
extension Versioned: Codable where Value: Codable {}
