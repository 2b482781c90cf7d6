/// Who is doing something: the OS user behind the process, the person whose identity is used,
/// and, when a secretary records a leader's decision (代录), the leader.
public struct Actor: Hashable, Sendable, Codable {
    /// The OS login of the real user id.
    public let osUser: String
    /// The person acting (the OS user's own record, or the `--as` target for administrators).
    public let person: Person
    /// The leader a secretary acts for, if any.
    public let onBehalfOf: Person?

    public init(osUser: String, person: Person, onBehalfOf: Person? = nil) {
        self.osUser = osUser
        self.person = person
        self.onBehalfOf = onBehalfOf
    }

    /// The person whose authority the action uses: the represented leader when recording on
    /// behalf of one, otherwise the acting person.
    public var principal: Person { onBehalfOf ?? person }

    /// A short text for status lines: "张三" or "李秘书 代 王区长".
    public func displayName(_ lang: Lang) -> String {
        guard let leader = onBehalfOf else { return person.name }
        return lang == .zh ? "\(person.name) 代 \(leader.name)" : "\(person.name) for \(leader.name)"
    }
}
