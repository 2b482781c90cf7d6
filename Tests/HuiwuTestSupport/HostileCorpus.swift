import Foundation

/// The hostile-input corpus (`Tests/EndToEndTests/Corpus/hostile.tsv`): one command line
/// per case, with the exit code it must end with. The file is data so that a case is one
/// line to add; its header explains the escapes and templates.
public struct HostileCorpus {
    public struct Case: Sendable {
        public var name: String
        /// The expected exit code; nil means any non-zero code.
        public var exit: Int32?
        /// The arguments as written in the file (escapes and templates not yet applied).
        public var arguments: [String]
    }

    public var cases: [Case]

    public static var path: String { TestOffice.packageRoot + "/Tests/EndToEndTests/Corpus/hostile.tsv" }

    public init(path: String = HostileCorpus.path) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        cases = text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(name: fields[0], exit: fields[1] == "*" ? nil : Int32(fields[1]), arguments: Array(fields.dropFirst(2)))
        }
    }

    /// The arguments of `c` as bytes, with files created in `directory`.
    public static func materialize(_ c: Case, in directory: String) throws -> [[UInt8]] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try c.arguments.map { argument in
            if argument.hasPrefix("{file:"), argument.hasSuffix("}") {
                let inner = argument.dropFirst("{file:".count).dropLast()
                guard let colon = inner.firstIndex(of: ":") else { return Array(argument.utf8) }
                let path = directory + "/" + inner[..<colon]
                let content = decode(repeated(String(inner[inner.index(after: colon)...])))
                _ = FileManager.default.createFile(atPath: path, contents: Data(content))
                return Array(path.utf8)
            }
            return decode(repeated(argument.replacingOccurrences(of: "{dir}", with: directory)))
        }
    }

    /// Expands `{repeat:N:text}` (text without braces).
    static func repeated(_ text: String) -> String {
        var out = text
        while let start = out.range(of: "{repeat:") {
            guard let end = out[start.upperBound...].firstIndex(of: "}") else { break }
            let body = out[start.upperBound..<end]
            guard let colon = body.firstIndex(of: ":"), let count = Int(body[..<colon]) else { break }
            out.replaceSubrange(start.lowerBound...end, with: String(repeating: String(body[body.index(after: colon)...]), count: count))
        }
        return out
    }

    /// Applies the escapes: `\e \a \b \n \r \t \\`, `\xHH` (a raw byte), `\u{HHHH}`.
    static func decode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first {
            scalars = scalars.dropFirst()
            guard first == "\\", let next = scalars.first else { out += Array(String(first).utf8); continue }
            scalars = scalars.dropFirst()
            switch next {
            case "e": out.append(0x1B)
            case "a": out.append(0x07)
            case "b": out.append(0x08)
            case "n": out.append(0x0A)
            case "r": out.append(0x0D)
            case "t": out.append(0x09)
            case "\\": out.append(0x5C)
            case "x":
                let hex = String(String.UnicodeScalarView(scalars.prefix(2)))
                scalars = scalars.dropFirst(2)
                out.append(UInt8(hex, radix: 16) ?? 0x3F)
            case "u":
                let body = String(String.UnicodeScalarView(scalars.prefix { $0 != "}" })).dropFirst()  // after "{"
                scalars = scalars.drop { $0 != "}" }.dropFirst()
                if let value = UInt32(body, radix: 16), let scalar = Unicode.Scalar(value) { out += Array(String(scalar).utf8) }
            default:
                out += Array("\\\(next)".utf8)
            }
        }
        return out
    }
}
