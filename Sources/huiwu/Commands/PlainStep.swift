import ArgumentParser
import MeetingKit
import MeetingService

/// `huiwu item approve ID`, `meeting hold ID`, `minutes submit ID`, `leave approve ID` …: a
/// step that takes nothing but the record, made from its row (``StepRow``) in its command's
/// table.
struct PlainStep<Name: StepRowName>: RecordStep {
    static var configuration: CommandConfiguration { Name.row.configuration }
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: Name.Target

    var done: Localized { Name.row.done }

    func take(_ office: Office, _ id: Int64) throws -> Name.Target.Record { try Name.row.take(office)(id, target.expectVersion) }
}
