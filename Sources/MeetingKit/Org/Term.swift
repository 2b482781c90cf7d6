/// A government term (届). Meetings are numbered in sequence per kind within a term.
public struct Term: Hashable, Sendable, Codable {
    /// The ordinal, e.g. 17 for 第十七届.
    public var number: Int
    /// The display name, e.g. 第十七届区人民政府.
    public var name: String
    public var startDay: Day

    public init(number: Int, name: String, startDay: Day) {
        self.number = number
        self.name = name
        self.startDay = startDay
    }
}
