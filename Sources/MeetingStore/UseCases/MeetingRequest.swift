import MeetingKit

/// What the office asks for when it adds one meeting (`huiwu meeting add`, the create dialog).
public struct MeetingRequest: Hashable, Sendable, Codable {
    public var kind: MeetingKind
    public var start: LocalDateTime
    public var durationMinutes: Int
    /// The chair's login; nil for the rules' default (the mayor, or the convener of a topical meeting).
    public var chair: String?
    /// Who calls it; nil for the mayor (plenary, executive) or the chair (topical).
    public var convener: String?
    public var room: String?
    public var title: String
    /// Held in the government's name (R61); a vice mayor's topical meeting may be held in his own.
    public var inGovernmentName: Bool
    /// Departments whose items are on a topical meeting's agenda: their heads (and supervising
    /// vice mayors) join the roster (R40).
    public var departments: [String]

    public init(kind: MeetingKind, start: LocalDateTime, durationMinutes: Int = 120, chair: String? = nil,
                convener: String? = nil, room: String? = nil, title: String = "", inGovernmentName: Bool = true,
                departments: [String] = []) {
        self.kind = kind
        self.start = start
        self.durationMinutes = durationMinutes
        self.chair = chair
        self.convener = convener
        self.room = room
        self.title = title
        self.inGovernmentName = inGovernmentName
        self.departments = departments
    }
}

/// A meeting as stored after a change, with the conflicts it has now (warnings, R65 …).
public struct ScheduledMeeting: Sendable, Codable {
    public var meeting: Meeting
    public var conflicts: [Conflict]
    /// Why its number is out of date order, when a published number made it so (R37).
    public var numberNote: Localized?
}

/// The result of planning a cadence over a range: the plan (moves, skips, warnings) and, when
/// committed, the meetings made with their conflicts.
public struct PlanReport: Sendable, Codable {
    public var plan: CadencePlan
    /// The meetings created, in date order, keyed by the occurrence's cadence date.
    public var created: [Day: ScheduledMeeting]
    public var committed: Bool

    /// The meeting made for an occurrence, if any.
    public func meeting(for occurrence: CadencePlan.Occurrence) -> ScheduledMeeting? {
        occurrence.nominal.flatMap { created[$0] }
    }
}
