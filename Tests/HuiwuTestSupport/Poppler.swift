import Foundation

/// poppler's command-line tools, to check rendered PDFs the way a person would: page size
/// (`pdfinfo`), the text in reading order (`pdftotext -layout`), where each word is
/// (`pdftotext -bbox`), which fonts are embedded (`pdffonts`), and a picture (`pdftoppm`).
public enum Poppler {
    /// A word on a page, in points from the top left corner.
    public struct Word: Sendable, CustomStringConvertible {
        public var text: String
        public var xMin: Double
        public var yMin: Double
        public var xMax: Double
        public var yMax: Double
        public var description: String { "\(text)@(\(xMin),\(yMin))-(\(xMax),\(yMax))" }
    }

    /// A font listed by pdffonts.
    public struct Font: Sendable {
        public var name: String
        public var embedded: Bool
    }

    public static var isAvailable: Bool {
        ["pdfinfo", "pdftotext", "pdffonts", "pdftoppm"].allSatisfy { FileManager.default.isExecutableFile(atPath: "/usr/bin/" + $0) }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let result = try Subprocess.run("/usr/bin/" + tool, arguments)
        guard result.status == 0 else { throw PopplerError.failed(tool, arguments, result.status) }
        return result.stdout
    }

    /// `pdfinfo`'s fields ("Pages", "Page size" …).
    public static func info(_ pdf: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", [pdf]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The page size in points, rounded: (595, 842) for A4.
    public static func pageSize(_ pdf: String) throws -> (width: Int, height: Int) {
        let size = try info(pdf)["Page size"] ?? ""
        let numbers = size.split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 2 else { throw PopplerError.unreadable(pdf, size) }
        return (Int(numbers[0].rounded()), Int(numbers[1].rounded()))
    }

    /// The text as laid out on the pages (`pdftotext -layout`); pages end with a form feed.
    public static func text(_ pdf: String) throws -> String { try run("pdftotext", ["-layout", pdf, "-"]) }

    /// Every word of one page (1-based) with its box.
    public static func words(_ pdf: String, page: Int) throws -> [Word] {
        let xhtml = try run("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"])
        let pattern = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        return pattern.matches(in: xhtml, range: NSRange(xhtml.startIndex..., in: xhtml)).map { match in
            func group(_ i: Int) -> String { String(xhtml[Range(match.range(at: i), in: xhtml)!]) }
            return Word(text: group(5).replacingOccurrences(of: "&amp;", with: "&"), xMin: Double(group(1))!, yMin: Double(group(2))!,
                        xMax: Double(group(3))!, yMax: Double(group(4))!)
        }
    }

    public static func fonts(_ pdf: String) throws -> [Font] {
        try run("pdffonts", [pdf]).split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name, type (one or two words), encoding, emb, sub, uni, object, id: emb is fifth from the end.
            return Font(name: String(columns.first ?? ""), embedded: columns.count >= 5 && columns[columns.count - 5] == "yes")
        }
    }

    /// Renders one page (1-based) as a PNG file at `path`.
    public static func png(_ pdf: String, page: Int, to path: String, dpi: Int) throws {
        let prefix = path.hasSuffix(".png") ? String(path.dropLast(4)) : path
        _ = try run("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix])
    }

    public enum PopplerError: Error, CustomStringConvertible {
        case failed(String, [String], Int32)
        case unreadable(String, String)
        public var description: String {
            switch self {
            case .failed(let tool, let args, let status): return "\(tool) \(args.joined(separator: " ")) exited \(status)"
            case .unreadable(let pdf, let what): return "cannot read \(pdf): \(what)"
            }
        }
    }
}
