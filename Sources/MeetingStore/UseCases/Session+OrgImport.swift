import MeetingKit
import MeetingFormats

/// The two file formats of the org chart (docs/data.md, "Org chart files").
public enum OrgFileFormat: String, CaseIterable, Sendable, Codable {
    case csv, json

    /// The format a file name's extension names, if any (`.csv`, `.json`).
    public static func inferred(from path: String) -> OrgFileFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".json") { return .json }
        return nil
    }

    /// Parses a file's bytes, returning the rows and every problem found.
    public func parse(_ bytes: [UInt8]) -> (OrgFile, [OrgFile.Problem]) {
        switch self {
        case .csv: return OrgCSV.parse(bytes)
        case .json: return OrgJSON.parse(bytes)
        }
    }

    public func write(_ org: OrgChart) -> String {
        switch self {
        case .csv: return OrgCSV.write(org)
        case .json: return OrgJSON.write(org)
        }
    }
}

/// The outcome of an import: the plan (diff and problems) and whether it was written.
public struct OrgImportResult: Sendable, Codable {
    public var plan: OrgImportPlan
    /// True only when `apply` was asked, there were no problems, and the changes were committed.
    public var applied: Bool
}

extension Session {
    /// The whole org chart (retired people included) as CSV or JSON text.
    public func exportOrg(_ format: OrgFileFormat) throws -> String {
        format.write(try orgChart())
    }

    /// Imports an org-chart file: with `apply` false, a dry run that shows what would change;
    /// with `apply` true, the same changes written in one transaction, each audited.
    /// Nothing at all is written when the file has any problem (they are all in the plan).
    public func importOrg(_ bytes: [UInt8], format: OrgFileFormat, source: String, retireMissing: Bool = false,
                          apply: Bool) throws -> OrgImportResult {
        let (file, syntax) = format.parse(bytes)
        func plan(_ db: any SQLConnection) throws -> OrgImportPlan {
            let current = try administeringChart(db)
            var plan = OrgImportPlan(current: current, file: file, actor: current.person(actor.person.login) ?? actor.person,
                                     retireMissing: retireMissing)
            plan.problems = OrgFile.ordered(syntax + plan.problems)
            return plan
        }
        guard apply else { return OrgImportResult(plan: try read(plan), applied: false) }
        return try write { change in
            let planned = try plan(change.db)
            guard planned.problems.isEmpty, !planned.isEmpty else { return OrgImportResult(plan: planned, applied: false) }
            try Session.apply(planned, change)
            try change.audit("org.import", entity: "org", id: TextSafety.inert(source), after: Session.summary(planned))
            return OrgImportResult(plan: planned, applied: true)
        }
    }

    private static func apply(_ plan: OrgImportPlan, _ change: Change) throws {
        let db = change.db
        for department in plan.addedDepartments {
            try OrgRepository.insert(db, department)
            try change.audit("department.create", entity: "department", id: department.code, after: AuditSummary.of(department))
        }
        for person in plan.addedPeople {
            try OrgRepository.insert(db, person)
            try change.audit("person.create", entity: "person", id: person.login, after: AuditSummary.of(person))
        }
        for (action, changes) in [("person.update", plan.changedPeople), ("person.retire", plan.retiredPeople)] {
            for c in changes {
                try OrgRepository.update(db, c.after)
                try OrgRepository.bumpPersonVersion(db, login: c.after.login)
                try change.audit(action, entity: "person", id: c.after.login, before: AuditSummary.of(c.before), after: AuditSummary.of(c.after))
            }
        }
        for c in plan.changedDepartments {
            try OrgRepository.update(db, c.after)
            try OrgRepository.bumpDepartmentVersion(db, code: c.after.code)
            try change.audit("department.update", entity: "department", id: c.after.code, before: AuditSummary.of(c.before), after: AuditSummary.of(c.after))
        }
    }

    static func summary(_ plan: OrgImportPlan) -> String {
        "people +\(plan.addedPeople.count) ~\(plan.changedPeople.count) retired \(plan.retiredPeople.count); "
            + "departments +\(plan.addedDepartments.count) ~\(plan.changedDepartments.count)"
    }
}
