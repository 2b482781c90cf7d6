import Foundation
import MeetingKit

/// Reads the part of TOML that `config.toml` needs: `[tables]` (dotted names allowed),
/// `key = value` with bare keys, and values that are strings ("basic" with escapes, or
/// 'literal'), integers, booleans, or arrays of strings (which may span lines). Comments
/// start with `#`. Anything else is an error naming its line.
///
/// Hand-written rather than a dependency: see docs/architecture.md ("Configuration file").
public enum TOMLSubset {
    public enum Value: Hashable, Sendable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case strings([String])

        /// The TOML type name, for messages.
        public var typeName: String {
            switch self {
            case .string: return "string"
            case .integer: return "integer"
            case .boolean: return "boolean"
            case .strings: return "array of strings"
            }
        }
    }

    /// One `key = value`, with its table and line.
    public struct Entry: Hashable, Sendable {
        /// The table path, e.g. `["cadence", "executive"]`; empty for top-level keys.
        public var table: [String]
        public var key: String
        public var value: Value
        public var line: Int

        /// `cadence.executive.time`.
        public var path: String { (table + [key]).joined(separator: ".") }
    }

    /// A syntax error at a line.
    public struct Problem: Error, Hashable, Sendable {
        public var line: Int
        public var message: Localized

        init(_ line: Int, zh: String, en: String) {
            self.line = line
            message = Localized(zh: zh, en: en)
        }
    }

    /// A value that could not be read, and why.
    struct Failure: Error {
        var message: Localized
        init(_ zh: String, _ en: String) { message = Localized(zh: zh, en: en) }
    }

    /// Parses `text` into its entries in file order, and every syntax error found.
    public static func parse(_ text: String) -> (entries: [Entry], problems: [Problem]) {
        var entries: [Entry] = []
        var problems: [Problem] = []
        var table: [String] = []
        var seenTables: Set<[String]> = []
        var seenKeys: [String: Int] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "\r", with: "") }
        var index = 0
        while index < lines.count {
            let number = index + 1
            var line = stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
            index += 1
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[[") else {
                    problems.append(Problem(number, zh: "表头应写成 [名称]", en: "a table header must look like [name]"))
                    continue
                }
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                let parts = name.split(separator: ".", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.allSatisfy(isBareKey) else {
                    problems.append(Problem(number, zh: "表名 “\(TextSafety.inert(name))” 无效（只用字母、数字、_ 和 -）",
                                            en: "invalid table name '\(TextSafety.inert(name))' (use letters, digits, _ and -)"))
                    continue
                }
                if !seenTables.insert(parts).inserted {
                    problems.append(Problem(number, zh: "表 [\(name)] 重复", en: "table [\(name)] is defined twice"))
                }
                table = parts
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(Problem(number, zh: "应为 键 = 值", en: "expected key = value"))
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard isBareKey(key) else {
                let hint = key.contains(".") ? Localized(zh: "（不支持带点的键：请用 [表]）", en: " (dotted keys are not supported: use a [table])") : Localized(zh: "", en: "")
                problems.append(Problem(number, zh: "键 “\(TextSafety.inert(key))” 无效" + hint.zh, en: "invalid key '\(TextSafety.inert(key))'" + hint.en))
                continue
            }
            var raw = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // An array may continue over the following lines until its closing bracket.
            if raw.hasPrefix("[") {
                while !arrayIsClosed(raw) && index < lines.count {
                    line = stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
                    raw += " " + line
                    index += 1
                }
            }
            let path = (table + [key]).joined(separator: ".")
            if let first = seenKeys[path] {
                problems.append(Problem(number, zh: "键 \(path) 重复（第 \(first) 行已有）", en: "the key \(path) is set twice (already on line \(first))"))
                continue
            }
            seenKeys[path] = number
            switch value(raw) {
            case .success(let value): entries.append(Entry(table: table, key: key, value: value, line: number))
            case .failure(let failure): problems.append(Problem(number, zh: failure.message.zh, en: failure.message.en))
            }
        }
        return (entries, problems)
    }

    static func isBareKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    /// The line without a `#` comment (a `#` inside a string is kept).
    static func stripComment(_ line: String) -> String {
        var quote: Character?
        var escaped = false
        var out = ""
        for c in line {
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                break
            }
            out.append(c)
        }
        return out
    }

    static func arrayIsClosed(_ raw: String) -> Bool {
        var quote: Character?
        var escaped = false
        var depth = 0
        for c in raw {
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" {
                depth += 1
            } else if c == "]" {
                depth -= 1
                if depth == 0 { return true }
            }
        }
        return false
    }

    static func value(_ raw: String) -> Result<Value, Failure> {
        if raw.isEmpty { return .failure(Failure("缺少值", "missing value")) }
        if raw == "true" { return .success(.boolean(true)) }
        if raw == "false" { return .success(.boolean(false)) }
        if raw.hasPrefix("\"") || raw.hasPrefix("'") {
            var rest = Substring(raw)
            switch string(&rest) {
            case .success(let s):
                guard rest.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return .failure(Failure("字符串后有多余内容", "unexpected text after the string"))
                }
                return .success(.string(s))
            case .failure(let message): return .failure(message)
            }
        }
        if raw.hasPrefix("[") { return array(raw) }
        let digits = raw.replacingOccurrences(of: "_", with: "")
        if let n = Int(digits), digits.allSatisfy({ $0.isASCII }) { return .success(.integer(n)) }
        return .failure(Failure("无法识别的值 \(TextSafety.inert(raw))（字符串请加引号）",
                                  "unrecognised value \(TextSafety.inert(raw)) (put strings in quotes)"))
    }

    static func array(_ raw: String) -> Result<Value, Failure> {
        var rest = Substring(raw.dropFirst())
        var items: [String] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("]") {
                rest = rest.dropFirst()
                break
            }
            guard rest.hasPrefix("\"") || rest.hasPrefix("'") else {
                if rest.isEmpty { return .failure(Failure("数组没有闭合 ]", "the array is not closed with ]")) }
                return .failure(Failure("数组只能包含字符串", "arrays may hold strings only"))
            }
            switch string(&rest) {
            case .success(let s): items.append(s)
            case .failure(let message): return .failure(message)
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty { return .failure(Failure("数组没有闭合 ]", "the array is not closed with ]")) }
            if rest.hasPrefix(",") { rest = rest.dropFirst(); continue }
            if rest.hasPrefix("]") { rest = rest.dropFirst(); break }
            return .failure(Failure("数组元素之间应有逗号", "array items must be separated by commas"))
        }
        guard rest.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .failure(Failure("数组后有多余内容", "unexpected text after the array"))
        }
        return .success(.strings(items))
    }

    /// Reads one quoted string from the front of `rest`, advancing past it.
    static func string(_ rest: inout Substring) -> Result<String, Failure> {
        guard let quote = rest.first else { return .failure(Failure("缺少字符串", "missing string")) }
        rest = rest.dropFirst()
        var out = ""
        while let c = rest.first {
            rest = rest.dropFirst()
            if c == quote { return .success(out) }
            guard quote == "\"" && c == "\\" else { out.append(c); continue }
            guard let e = rest.first else { break }
            rest = rest.dropFirst()
            switch e {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "u":
                let hex = String(rest.prefix(4))
                guard hex.count == 4, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    return .failure(Failure("无效的 \\u 转义", "invalid \\u escape"))
                }
                out.unicodeScalars.append(scalar)
                rest = rest.dropFirst(4)
            default:
                return .failure(Failure("不支持的转义 \\\(e)", "unsupported escape \\\(e)"))
            }
        }
        return .failure(Failure("字符串没有闭合引号", "the string is not closed"))
    }
}
