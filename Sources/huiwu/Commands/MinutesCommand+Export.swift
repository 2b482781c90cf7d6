import ArgumentParser
import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

extension MinutesCommand {
    /// `huiwu minutes export ID --format docx|pdf|txt|html --out FILE`: the 纪要 in the layout
    /// of GB/T 9704 (R43, R44 requests as 请示; R48 refuses classified minutes to outsiders).
    struct Export: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "export",
            abstract: "Export as DOCX, PDF, text or HTML in the GB/T 9704 layout. 导出纪要（公文格式）。",
            discussion: """
                txt is exactly the signed text (its SHA-256 equals the stored one); docx, pdf and html are laid out as the standard's 纪要.
                pdf needs LibreOffice. --copy numbers the copy of a secret or confidential document (份号).
                txt 与签发文本完全一致；docx、pdf、html 按 GB/T 9704 纪要格式排版；pdf 需要 LibreOffice；--copy 为涉密纪要的份号。
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Minutes id. 纪要编号。") var id: Int64
        @OptionGroup var document: DocumentOptions
        @Option(help: "Copy number of a classified document (份号). 份号。") var copy: Int = 1

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let paper = try office.minutesPaper(id)
            let text = document.resolvedFormat == .txt ? try office.exportMinutes(id) : nil
            try document.write(MinutesComposer.layout(paper, copy: copy), value: paper, text: text, context)
        }
    }
}
