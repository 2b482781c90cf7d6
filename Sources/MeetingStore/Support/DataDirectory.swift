import Foundation
import MeetingKit

/// Finds and reads the seed data shipped in `Data/` (office.json, holidays/YYYY.json).
///
/// Looked for in `HUIWU_DATA`, then next to an installed binary (`../share/huiwu`), then in
/// the source checkout (where `swift run` builds from).
public struct DataDirectory: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> DataDirectory? {
        var candidates: [String] = []
        if let env = environment["HUIWU_DATA"], !env.isEmpty { candidates.append(env) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("../share/huiwu").standardized.path)
        // Sources/MeetingStore/Support/DataDirectory.swift → package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("Data").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/office.json") }.map(DataDirectory.init)
    }

    public func office() throws -> OfficeSeed {
        try DataDirectory.decode(OfficeSeed.self, file: path + "/office.json")
    }

    /// Every `holidays/YYYY.json`, validated.
    public func holidayYears() throws -> [HolidayYear] {
        let dir = path + "/holidays"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { try DataDirectory.holidayYear(file: dir + "/" + $0) }
    }

    /// Reads and validates one holiday file (also used by `huiwu holidays import`).
    /// A year's holiday file as `huiwu holidays import` reads it: a file named like
    /// `2027.json` must hold that year.
    public static func holidayYear(importing file: String) throws -> HolidayYear {
        let year = try holidayYear(file: file)
        let base = (file as NSString).lastPathComponent
        if base.count == 9, base.hasSuffix(".json"), let named = Int(base.prefix(4)), named != year.year {
            throw Refusal.invalid("holidays.yearMismatch", "\(file) 的年份是 \(year.year)，与文件名不符",
                                  "\(file) holds the year \(year.year), which does not match its name")
        }
        return year
    }

    public static func holidayYear(file: String) throws -> HolidayYear {
        let year = try decode(HolidayYear.self, file: file)
        let problems = year.problems()
        if !problems.isEmpty {
            throw Refusal(.invalidInput, code: "holidays.invalid", Localized(
                zh: "\(file) 有误：" + problems.map(\.zh).joined(separator: "；"),
                en: "\(file) is invalid: " + problems.map(\.en).joined(separator: "; ")))
        }
        return year
    }

    /// Decodes a JSON file, turning every failure into a message that names the file and the place.
    public static func decode<T: Decodable>(_ type: T.Type, file: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Refusal.notFound("file.missing", "无法读取文件 \(file)", "cannot read file \(file)")
        }
        guard String(data: data, encoding: .utf8) != nil else {
            throw Refusal.invalid("file.notUTF8", "\(file) 不是有效的 UTF-8 文本", "\(file) is not valid UTF-8 text")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw malformed(file, context)
        } catch let DecodingError.keyNotFound(key, context) {
            throw Refusal.invalid("file.malformed", "\(file) 缺少字段 \(path(context.codingPath + [key]))",
                                  "\(file) lacks the field \(path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw malformed(file, context)
        } catch let DecodingError.valueNotFound(_, context) {
            throw malformed(file, context)
        } catch {
            throw Refusal.invalid("file.malformed", "\(file) 不是有效的 JSON", "\(file) is not valid JSON")
        }
    }

    private static func malformed(_ file: String, _ context: DecodingError.Context) -> Refusal {
        let at = path(context.codingPath)
        let detail = TextSafety.inert(context.debugDescription)
        return .invalid("file.malformed", "\(file) 格式有误（\(at.isEmpty ? "顶层" : at)）：\(detail)",
                        "\(file) is malformed (at \(at.isEmpty ? "top level" : at)): \(detail)")
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}
