import MeetingFormats
import MeetingKit
import MeetingStore

/// An agenda item as `huiwu item show --json` prints it: the state, the lead and related
/// departments, opinions, preconditions, the statement, the meeting and the timeline.
/// Every key is written, absent values as null (`AlwaysWritten`), so scripts can rely on the shape.
struct ItemView: Encodable {
    struct StatementView: Encodable {
        var text: String
        /// The lead department's proposal for handling the disagreement (R45(3)).
        var proposal: String?
        /// The head whose statement it is.
        var givenBy: String?
        var recordedBy: String
        var at: LocalDateTime
    }

    struct OpinionView: Encodable {
        var department: String
        var stance: Opinion.Stance
        var reason: String?
        var givenBy: String
        var recordedBy: String
        var at: LocalDateTime
    }

    struct PreconditionView: Encodable {
        var check: String
        var name: String
        var article: String
        var confirmed: Bool
        var confirmedBy: String?
        var recordedBy: String?
        var at: LocalDateTime?
        var note: String?
    }

    struct MeetingView: Encodable {
        var id: Int64
        var kind: MeetingKind
        var title: String
        var start: LocalDateTime
        var position: Int?
        var plannedMinutes: Int?
    }

    struct PendingView: Encodable {
        var step: PendingStep.Kind
        var waitingOn: [String]
        var department: String
        var since: Day
        var due: Day?
        var overdue: Bool
    }

    struct TimelineView: Encodable {
        var at: LocalDateTime
        var event: AgendaTimelineEntry.Kind
        var actor: String
        var onBehalfOf: String?
        var from: AgendaState?
        var to: AgendaState
        var department: String?
        var precondition: String?
        var meeting: Int64?
        var outcome: String?
        var text: String?
        var statement: String?
    }

    var id: Int64
    var title: String
    var summary: String
    var state: AgendaState
    var stateName: String
    var lead: String
    var related: [String]
    var major: Bool
    var normative: Bool
    var publicInterest: Bool
    var market: Bool
    var hearing: Bool
    var reportToCongress: Bool
    @AlwaysWritten var category: Int?
    var flagged: Bool
    @AlwaysWritten var statement: StatementView?
    var opinions: [OpinionView]
    var awaitingOpinions: [String]
    var preconditions: [PreconditionView]
    @AlwaysWritten var meeting: MeetingView?
    @AlwaysWritten var decision: String?
    /// The decision is in classified minutes the reader may not read (R48).
    var decisionWithheld: Bool
    @AlwaysWritten var withdrawalReason: String?
    var pending: [PendingView]
    var timeline: [TimelineView]
    var version: Int

    init(_ d: ItemDossier, lang: Lang) {
        let item = d.item
        id = item.id ?? 0
        title = item.title
        summary = item.summary
        state = item.state
        stateName = item.state.name.text(lang)
        lead = item.leadCode
        related = item.relatedCodes
        major = item.major
        normative = item.normative
        publicInterest = item.publicInterest
        market = item.market
        hearing = item.hearing
        reportToCongress = item.reportToCongress
        category = item.category?.rawValue
        flagged = item.isFlagged
        statement = item.statement.map { StatementView(text: $0.text, proposal: $0.proposal, givenBy: $0.givenBy, recordedBy: $0.recordedBy, at: $0.at) }
        opinions = item.opinions.map {
            OpinionView(department: $0.departmentCode, stance: $0.stance, reason: $0.reason, givenBy: $0.givenBy, recordedBy: $0.recordedBy, at: $0.at)
        }
        awaitingOpinions = item.state == .consulting ? item.awaitedOpinions : []
        preconditions = item.requiredPreconditions.map { p in
            let c = item.confirmation(of: p)
            return PreconditionView(check: p.rawValue, name: p.name.text(lang), article: p.article, confirmed: c != nil,
                                    confirmedBy: c?.confirmedBy, recordedBy: c?.recordedBy, at: c?.at, note: c?.note)
        }
        meeting = d.meeting.map {
            MeetingView(id: $0.id ?? 0, kind: $0.kind, title: $0.numberedTitle(lang), start: $0.start, position: d.slot?.position,
                        plannedMinutes: d.slot?.plannedMinutes)
        }
        decision = item.decision
        decisionWithheld = d.decisionWithheld
        withdrawalReason = item.withdrawalReason
        pending = d.pending.map {
            PendingView(step: $0.kind, waitingOn: $0.waitingOn, department: $0.departmentCode, since: $0.since, due: $0.due,
                        overdue: $0.isOverdue(today: d.today))
        }
        timeline = d.timeline.map {
            TimelineView(at: $0.at, event: $0.kind, actor: $0.actor, onBehalfOf: $0.onBehalfOf, from: $0.fromState, to: $0.toState,
                         department: $0.departmentCode, precondition: $0.precondition?.rawValue, meeting: $0.meetingId,
                         outcome: $0.outcome, text: $0.text, statement: $0.statement)
        }
        version = item.version
    }
}
