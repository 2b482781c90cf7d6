import ArgumentParser
import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

extension FollowUpCommand {
    /// `huiwu followup export [--dept CODE] [--overdue] --format … --out FILE`: the ledger
    /// (督办台账), or with --dept the unit's follow-up notice (督办通知) (R53–R55).
    struct Export: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "export",
            abstract: "The follow-up ledger, or with --dept one unit's follow-up notice, as a document. 督办台账、督办通知。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "One lead unit (code): a 督办通知 addressed to it. 单位代码。") var dept: String?
        @Flag(help: "Only overdue follow-ups. 只含逾期事项。") var overdue = false
        @OptionGroup var document: DocumentOptions

        func run(_ context: CommandContext) throws {
            let paper = try context.office().followUpPaper(department: dept, overdueOnly: overdue)
            try document.write(FollowUpComposer.layout(paper), value: paper, context)
        }
    }
}
