import MeetingKit
import MeetingStore

extension Office {
    public func registerAbsence(person login: String, from: Day, to: Day, kind: Absence.Kind, reason: String) throws -> AbsenceRegistration {
        try run(RegisterAbsenceCall(login: login, from: from, to: to, kind: kind, reason: reason))
    }

    public func decideAbsence(_ id: Int64, _ event: AbsenceWorkflow.Event) throws -> Absence {
        try run(DecideAbsenceCall(id: id, event: event))
    }

    public func absences(from: Day? = nil, to: Day? = nil, person: String? = nil, status: Absence.Status? = nil) throws -> [Absence] {
        try run(AbsencesCall(from: from, to: to, person: person, status: status))
    }
}

struct RegisterAbsenceCall: UseCase {
    static let name = "registerAbsence"
    var login: String
    var from: Day
    var to: Day
    var kind: Absence.Kind
    var reason: String
    func run(in session: Session) throws -> AbsenceRegistration { try session.registerAbsence(person: login, from: from, to: to, kind: kind, reason: reason) }
}

struct DecideAbsenceCall: UseCase {
    static let name = "decideAbsence"
    var id: Int64
    var event: AbsenceWorkflow.Event
    func run(in session: Session) throws -> Absence { try session.decideAbsence(id, event) }
}

struct AbsencesCall: UseCase {
    static let name = "absences"
    var from: Day?
    var to: Day?
    var person: String?
    var status: Absence.Status?
    func run(in session: Session) throws -> [Absence] { try session.absences(from: from, to: to, person: person, status: status) }
}
