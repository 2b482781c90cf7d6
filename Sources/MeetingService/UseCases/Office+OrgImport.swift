import MeetingKit
import MeetingStore

extension Office {
    public func exportOrg(_ format: OrgFileFormat) throws -> String {
        try run(ExportOrgCall(format: format))
    }

    public func importOrg(_ bytes: [UInt8], format: OrgFileFormat, source: String, retireMissing: Bool = false, apply: Bool) throws -> OrgImportResult {
        try run(ImportOrgCall(bytes: bytes, format: format, source: source, retireMissing: retireMissing, apply: apply))
    }
}

struct ExportOrgCall: UseCase {
    static let name = "exportOrg"
    var format: OrgFileFormat
    func run(in session: Session) throws -> String { try session.exportOrg(format) }
}

struct ImportOrgCall: UseCase {
    static let name = "importOrg"
    var bytes: [UInt8]
    var format: OrgFileFormat
    var source: String
    var retireMissing: Bool
    var apply: Bool
    func run(in session: Session) throws -> OrgImportResult { try session.importOrg(bytes, format: format, source: source, retireMissing: retireMissing, apply: apply) }
}
