import Foundation

/// Minutes as an official document (GB/T 9704-2012 §10.3): what the store hands the renderer
/// once the reader may read the body (R48). Built from the stored record, so a signed
/// document prints what was signed.
///
/// The body's attendance lines (出席：…, 请假：…) move to the blocks after the text, as the
/// standard places them; every other line is a paragraph of the text.
public struct MinutesPaper: Hashable, Sendable, Codable {
    /// A minutes document the lead department still presents to the government as a request
    /// (R44): printed as a 请示 until the mayor signs.
    public struct Request: Hashable, Sendable, Codable {
        /// The lead department, which signs the request.
        public var department: String
        /// The government it is addressed to (主送机关).
        public var addressee: String
        /// The drafter, the request's contact (附注: 联系人).
        public var contact: String
        /// When the draft was made (the request's date).
        public var date: Day

        public init(department: String, addressee: String, contact: String, date: Day) {
            self.department = department
            self.addressee = addressee
            self.contact = contact
            self.date = date
        }
    }

    public var minutesId: Int64
    /// 北京市西城区人民政府.
    public var issuer: String
    /// The red 纪要标志: 北京市西城区人民政府常务会议纪要.
    public var masthead: String
    /// Once signed: 〔2026〕12号 (no 第, no leading zeros).
    public var number: String?
    /// Once signed: 常务会议纪要〔2026〕12号, the number as other documents cite it.
    public var citation: String?
    /// The office that prints and issues it: 北京市西城区人民政府办公室.
    public var office: String
    /// The day the mayor signed (the issuing and printing date).
    public var signedOn: Day?
    /// The document title, e.g. 第1次区政府专题会议纪要（研究城市更新工作）.
    public var title: String
    /// Whether the title is printed: only when the meeting has a subject (the masthead
    /// already names a regular meeting).
    public var hasSubject: Bool
    public var classification: Classification
    public var disclosure: Disclosure?
    /// The citation of the document this one corrects.
    public var corrects: String?
    /// Lines of the text, in order, without the attendance lines.
    public var paragraphs: [String]
    /// 出席, 请假, 缺席, 列席, 邀请, as written in the body.
    public var attendance: [NamedList]
    /// The imprint's 分送 and 抄送 lines.
    public var distribution: [NamedList]
    /// Set while an R44 document is a request (unsigned).
    public var request: Request?

    public var isSigned: Bool { number != nil }

    /// The 附注 printed at the end: only for a public document (R22), never a classified one (R48).
    public var note: String? {
        guard !classification.isClassified, let disclosure, disclosure != .notPublic else { return nil }
        return disclosure.documentNote
    }

    /// The labels that begin attendance lines, in the order the blocks are printed.
    public static let attendanceLabels = ["出席", "请假", "缺席", "列席", "邀请"]

    /// Splits a body into its text lines (blank lines dropped) and its attendance lines
    /// ("出席：…"), which are printed after the text in ``attendanceLabels`` order.
    public static func split(body: String) -> (paragraphs: [String], attendance: [NamedList]) {
        var paragraphs: [String] = []
        var found: [String: String] = [:]
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }),
               attendanceLabels.contains(String(line[..<colon])), found[String(line[..<colon])] == nil {
                found[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            } else {
                paragraphs.append(line)
            }
        }
        return (paragraphs, attendanceLabels.compactMap { label in found[label].map { NamedList(label, $0) } })
    }

    /// First-level headings ("一、…") are set in 黑体.
    public static func isHeading(_ line: String) -> Bool {
        guard let mark = line.firstIndex(of: "、"), mark != line.startIndex else { return false }
        return line[..<mark].allSatisfy { "一二三四五六七八九十".contains($0) }
    }

    /// Second-level headings ("（一）…") are set in 楷体.
    public static func isSubheading(_ line: String) -> Bool {
        guard line.hasPrefix("（"), let close = line.firstIndex(of: "）") else { return false }
        let inside = line[line.index(after: line.startIndex)..<close]
        return !inside.isEmpty && inside.allSatisfy { "一二三四五六七八九十".contains($0) }
    }
}

extension MinutesPaper {
    /// Builds the paper from the stored minutes and their meeting.
    ///
    /// - Parameters:
    ///   - issuer: the government's name (the `office.name` setting).
    ///   - corrects: the citation of the corrected document, for a correction.
    ///   - request: the R44 request details, while the document is an unsigned request.
    ///   - recipients: the units the minutes go to (分送), in protocol order.
    ///   - copiedTo: bodies outside the government that took part (抄送).
    public init(minutes: Minutes, meeting: Meeting, issuer: String, corrects: String?, request: Request?,
                recipients: [String], copiedTo: [String]) {
        let number = minutes.number
        let (paragraphs, attendance) = MinutesPaper.split(body: minutes.body)
        var distribution = [NamedList("分送", ([OfficialNames.leaders] + recipients).joined(separator: "，") + "。")]
        if !copiedTo.isEmpty { distribution.append(NamedList("抄送", copiedTo.joined(separator: "，") + "。")) }
        self.init(minutesId: minutes.id ?? 0, issuer: issuer, masthead: issuer + meeting.kind.shortName.zh + "纪要",
                  number: number.map { "〔\($0.year)〕\($0.sequence)号" }, citation: number?.text(.zh), office: OfficialNames.office(of: issuer),
                  signedOn: minutes.signedAt?.day, title: minutes.title, hasSubject: !meeting.title.isEmpty,
                  classification: minutes.classification, disclosure: minutes.disclosure, corrects: corrects,
                  paragraphs: paragraphs, attendance: attendance, distribution: distribution,
                  request: minutes.signedAt == nil ? request : nil)
    }
}
