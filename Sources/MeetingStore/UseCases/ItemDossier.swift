import MeetingKit

/// Everything shown about one agenda item, read in one snapshot: the item (with its
/// opinions and confirmations), its timeline, its meeting and place on the agenda, what it
/// waits on, and the steps the acting person may take now.
public struct ItemDossier: Sendable, Codable {
    public var item: AgendaItem
    public var timeline: [AgendaTimelineEntry]
    /// The meeting the item is on now, if any.
    public var meeting: Meeting?
    /// The decision is the words of classified minutes the reader may not read: left out (R48).
    public var decisionWithheld: Bool
    /// Its place on that meeting's agenda.
    public var slot: AgendaSlot?
    /// What the item waits on, with R46 due dates.
    public var pending: [PendingStep]
    /// The steps the acting person may take in the item's current state.
    public var allowedSteps: [AgendaStep]
    /// The org chart of the snapshot, for names.
    public var org: OrgChart
    public var today: Day

    /// "区教委（JW）" or the bare code when unknown.
    public func departmentName(_ code: String) -> String { org.department(code)?.name ?? code }

    /// "王晓燕" or the bare login when unknown.
    public func personName(_ login: String) -> String { org.person(login)?.name ?? login }
}
