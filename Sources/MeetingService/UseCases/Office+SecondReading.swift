import MeetingKit
import MeetingStore

extension Office {
    public func unscheduleItem(_ id: Int64, reason: String? = nil, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(UnscheduleItemCall(id: id, reason: reason, expectedVersion: expectedVersion))
    }

    public func stateDisagreement(_ id: Int64, statement: String, proposal: String, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(StateDisagreementCall(id: id, statement: statement, proposal: proposal, expectedVersion: expectedVersion))
    }

    public func correctItemFlags(_ id: Int64, to flags: ItemFlags, reason: String, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(CorrectItemFlagsCall(id: id, flags: flags, reason: reason, expectedVersion: expectedVersion))
    }

    public func itemNotices(includeRead: Bool = false) throws -> [AgendaNoticeLine] {
        try run(ItemNoticesCall(includeRead: includeRead))
    }

    public func acknowledgeItemNotice(_ id: Int64) throws -> AgendaNoticeLine {
        try run(AcknowledgeItemNoticeCall(id: id))
    }

    public func entrustSignOff(department code: String, to deputy: String?) throws -> Department {
        try run(EntrustSignOffCall(code: code, deputy: deputy))
    }

    public func entrustChair(_ id: Int64, expectedVersion: Int? = nil) throws -> Meeting {
        try run(EntrustChairCall(id: id, expectedVersion: expectedVersion))
    }

    public func declassifyMinutes(_ id: Int64, to level: Classification, disclosure: Disclosure? = nil, disclosureReason: String? = nil, reason: String, expectedVersion: Int? = nil) throws -> Minutes {
        try run(DeclassifyMinutesCall(id: id, level: level, disclosure: disclosure, disclosureReason: disclosureReason, reason: reason, expectedVersion: expectedVersion))
    }

    public func dispatchMinutes(_ id: Int64) throws -> MinutesDispatch {
        try run(DispatchMinutesCall(id: id))
    }

    public func ruleSettings() throws -> RuleSettings {
        try run(RuleSettingsCall())
    }

    public func setOfficeCheck(_ enabled: Bool) throws -> RuleSettings {
        try run(SetOfficeCheckCall(enabled: enabled))
    }

    public func setNextMeetingNumber(kind: MeetingKind, next: Int) throws -> TermNumbering {
        try run(SetNextMeetingNumberCall(kind: kind, next: next))
    }

    public func reportFollowUp(_ id: Int64, _ kind: FollowUpReport.Kind, text: String, due: Day? = nil) throws -> FollowUpReport {
        try run(ReportFollowUpCall(id: id, kind: kind, text: text, due: due))
    }

    public func followUpDetail(_ id: Int64) throws -> FollowUpDetail {
        try run(FollowUpDetailCall(id: id))
    }

    public func withdrawAbsence(_ id: Int64, reason: String) throws -> AbsenceChange {
        try run(WithdrawAbsenceCall(id: id, reason: reason))
    }

    public func shortenAbsence(_ id: Int64, from: Day, to: Day) throws -> AbsenceChange {
        try run(ShortenAbsenceCall(id: id, from: from, to: to))
    }

    public func reportAbsenceToMunicipality(_ id: Int64) throws -> AbsenceChange {
        try run(ReportAbsenceToMunicipalityCall(id: id))
    }
}

struct UnscheduleItemCall: UseCase {
    static let name = "unscheduleItem"
    var id: Int64
    var reason: String?
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.unscheduleItem(id, reason: reason, expectedVersion: expectedVersion) }
}

struct StateDisagreementCall: UseCase {
    static let name = "stateDisagreement"
    var id: Int64
    var statement: String
    var proposal: String
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.stateDisagreement(id, statement: statement, proposal: proposal, expectedVersion: expectedVersion) }
}

struct CorrectItemFlagsCall: UseCase {
    static let name = "correctItemFlags"
    var id: Int64
    var flags: ItemFlags
    var reason: String
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.correctItemFlags(id, to: flags, reason: reason, expectedVersion: expectedVersion) }
}

struct ItemNoticesCall: UseCase {
    static let name = "itemNotices"
    var includeRead: Bool
    func run(in session: Session) throws -> [AgendaNoticeLine] { try session.itemNotices(includeRead: includeRead) }
}

struct AcknowledgeItemNoticeCall: UseCase {
    static let name = "acknowledgeItemNotice"
    var id: Int64
    func run(in session: Session) throws -> AgendaNoticeLine { try session.acknowledgeItemNotice(id) }
}

struct EntrustSignOffCall: UseCase {
    static let name = "entrustSignOff"
    var code: String
    var deputy: String?
    func run(in session: Session) throws -> Department { try session.entrustSignOff(department: code, to: deputy) }
}

struct EntrustChairCall: UseCase {
    static let name = "entrustChair"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> Meeting { try session.entrustChair(id, expectedVersion: expectedVersion) }
}

struct DeclassifyMinutesCall: UseCase {
    static let name = "declassifyMinutes"
    var id: Int64
    var level: Classification
    var disclosure: Disclosure?
    var disclosureReason: String?
    var reason: String
    var expectedVersion: Int?
    func run(in session: Session) throws -> Minutes { try session.declassifyMinutes(id, to: level, disclosure: disclosure, disclosureReason: disclosureReason, reason: reason, expectedVersion: expectedVersion) }
}

struct DispatchMinutesCall: UseCase {
    static let name = "dispatchMinutes"
    var id: Int64
    func run(in session: Session) throws -> MinutesDispatch { try session.dispatchMinutes(id) }
}

struct RuleSettingsCall: UseCase {
    static let name = "ruleSettings"
    func run(in session: Session) throws -> RuleSettings { try session.ruleSettings() }
}

struct SetOfficeCheckCall: UseCase {
    static let name = "setOfficeCheck"
    var enabled: Bool
    func run(in session: Session) throws -> RuleSettings { try session.setOfficeCheck(enabled) }
}

struct SetNextMeetingNumberCall: UseCase {
    static let name = "setNextMeetingNumber"
    var kind: MeetingKind
    var next: Int
    func run(in session: Session) throws -> TermNumbering { try session.setNextMeetingNumber(kind: kind, next: next) }
}

struct ReportFollowUpCall: UseCase {
    static let name = "reportFollowUp"
    var id: Int64
    var kind: FollowUpReport.Kind
    var text: String
    var due: Day?
    func run(in session: Session) throws -> FollowUpReport { try session.reportFollowUp(id, kind, text: text, due: due) }
}

struct FollowUpDetailCall: UseCase {
    static let name = "followUpDetail"
    var id: Int64
    func run(in session: Session) throws -> FollowUpDetail { try session.followUpDetail(id) }
}

struct WithdrawAbsenceCall: UseCase {
    static let name = "withdrawAbsence"
    var id: Int64
    var reason: String
    func run(in session: Session) throws -> AbsenceChange { try session.withdrawAbsence(id, reason: reason) }
}

struct ShortenAbsenceCall: UseCase {
    static let name = "shortenAbsence"
    var id: Int64
    var from: Day
    var to: Day
    func run(in session: Session) throws -> AbsenceChange { try session.shortenAbsence(id, from: from, to: to) }
}

struct ReportAbsenceToMunicipalityCall: UseCase {
    static let name = "reportAbsenceToMunicipality"
    var id: Int64
    func run(in session: Session) throws -> AbsenceChange { try session.reportAbsenceToMunicipality(id) }
}
