import ArgumentParser
import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

extension AttendanceCommand {
    /// `huiwu attendance sheet ID [--blank] --format … --out FILE`: the sign-in sheet (签到表).
    struct Sheet: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "sheet",
            abstract: "The sign-in sheet, with times, remarks and counts; --blank for hand signatures before the meeting. 签到表。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id. 会议编号。") var id: Int64
        @Flag(help: "For signing by hand: no times, counts left to fill in. 会前打印供手写签名。") var blank = false
        @OptionGroup var document: DocumentOptions

        func run(_ context: CommandContext) throws {
            let sheet = try context.office().signInSheet(meetingId: id)
            try document.write(SignInSheetComposer.layout(sheet, forSigning: blank), value: sheet, context)
        }
    }
}
