/// An optional that a JSON document always writes: `null` when absent, where synthesized
/// `Encodable` would leave the key out. For documents whose shape scripts rely on (`huiwu item
/// show --json`, `huiwu minutes show --json`, the org chart export), so a view declares its
/// fields once and lets the compiler write them.
///
/// ```swift
/// struct View: Encodable { var id: Int64; @AlwaysWritten var note: String? }
/// // {"id": 1, "note": null}
/// ```
@propertyWrapper
public struct AlwaysWritten<Value: Encodable>: Encodable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}
