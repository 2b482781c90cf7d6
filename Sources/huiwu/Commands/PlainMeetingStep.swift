import ArgumentParser
import MeetingKit
import MeetingService

/// `huiwu meeting approve|entrust|notify|hold ID`: a change that takes nothing but the meeting,
/// made from its row in ``MeetingCommand``'s table.
struct PlainMeetingStep<Name: StepRowName>: MeetingStep where Name.Record == Meeting {
    static var configuration: CommandConfiguration { Name.row.configuration }
    static var done: Localized { Name.row.done }
    @OptionGroup var global: GlobalOptions
    @OptionGroup var meeting: MeetingStepTarget

    func take(_ office: Office, _ id: Int64) throws -> Meeting { try Name.row.take(office)(id, meeting.expectVersion) }
}
