import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

extension MeetingCommand {
    /// `huiwu meeting edit ID [--title …] [--room …] [--chair LOGIN]`: a meeting's subject, room
    /// or chair, before it is held (the time is `meeting move`'s).
    struct Edit: RecordStep {
        static let configuration = CommandConfiguration(commandName: "edit",
            abstract: "Change a meeting's subject, room or chair before it is held. 修改会议主题、会议室或主持人。",
            discussion: """
                The chair follows the rules of the meeting's kind: the plenary the mayor (R38), the executive meeting the mayor or the executive vice mayor he entrusts (R39), a topical meeting the mayor or a vice mayor (R40). An empty --room clears it.
                主持人须符合会议类别的规定：全体会议由区长主持（R38），常务会议由区长或受区长委托的常务副区长主持（R39），专题会议由区长或副区长主持（R40）。--room "" 清除会议室。
                """)
        var done: Localized { Localized(zh: "已修改", en: "edited") }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: MeetingStepTarget
        @Option(help: "New subject. 新的会议主题。") var title: String?
        @Option(help: "New meeting room (empty: not decided). 新的会议室（留空为未定）。") var room: String?
        @Option(help: "New chair's login. 新主持人的登录名。") var chair: String?

        func validate() throws {
            if title == nil && room == nil && chair == nil {
                throw ValidationError("give --title, --room or --chair")
            }
        }

        func take(_ office: Office, _ id: Int64) throws -> Meeting {
            try office.editMeeting(id, MeetingEdit(title: title, room: room, chair: chair), expectedVersion: target.expectVersion)
        }
    }
}
