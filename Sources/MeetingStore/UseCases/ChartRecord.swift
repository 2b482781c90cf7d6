import MeetingKit

/// A person or a department: what an edit of the org chart (`editPerson`, `editDepartment`)
/// checks and stores the same way for both.
protocol ChartRecord: VersionedRecord, Equatable where Key == String {
    /// The login or the code, which an edit never changes.
    var key: String { get set }
    /// The field checks the CLI, the TUI and import share.
    func validate() throws
    /// The chart with this record added or replaced.
    func placed(in chart: OrgChart) -> OrgChart
    /// Writes the record and moves its version on.
    func store(_ db: any SQLConnection) throws
}

extension Person: ChartRecord {
    var key: String {
        get { login }
        set { login = newValue }
    }

    func validate() throws { try Session.validate(self) }

    func placed(in chart: OrgChart) -> OrgChart { chart.replacing(person: self) }

    func store(_ db: any SQLConnection) throws {
        try OrgRepository.update(db, self)
        try OrgRepository.bumpPersonVersion(db, login: login)
    }
}

extension Department: ChartRecord {
    var key: String {
        get { code }
        set { code = newValue }
    }

    func validate() throws { try Session.validate(self) }

    func placed(in chart: OrgChart) -> OrgChart { chart.replacing(department: self) }

    func store(_ db: any SQLConnection) throws {
        try OrgRepository.update(db, self)
        try OrgRepository.bumpDepartmentVersion(db, code: code)
    }
}
