import Foundation
import MeetingKit

/// The org chart as JSON, in the same shape as the `departments` and `people` of
/// `Data/office.json` (so that file can be imported too). Layout in docs/data.md.
///
/// ```json
/// {"format": "huiwu-org-chart", "version": 1,
///  "departments": [{"code": "JW", "name": "区教委", "kind": "constituent", "headLogin": "xuwenbo", "supervisorLogin": "wangxiaoyan"}],
///  "people": [{"login": "xuwenbo", "name": "许文博", "role": "departmentHead", "departmentCode": "JW", "isAdmin": false, "isRetired": false}]}
/// ```
public enum OrgJSON {
    public static let format = "huiwu-org-chart"

    struct Document: Encodable {
        var format: String
        var version: Int
        var departments: [DepartmentEntry]
        var people: [PersonEntry]
    }

    struct DepartmentEntry: Encodable {
        var code: String
        var name: String
        var kind: Department.Kind
        @AlwaysWritten var headLogin: String?
        @AlwaysWritten var supervisorLogin: String?
    }

    struct PersonEntry: Encodable {
        var login: String
        var name: String
        var role: Role
        @AlwaysWritten var departmentCode: String?
        var isAdmin: Bool
        var isRetired: Bool
    }

    // MARK: - Writing

    /// The chart as pretty-printed JSON: departments by code, then people by login.
    public static func write(_ org: OrgChart) -> String {
        let document = Document(
            format: format, version: 1,
            departments: org.departments.values.sorted { $0.code < $1.code }.map {
                DepartmentEntry(code: $0.code, name: $0.name, kind: $0.kind, headLogin: $0.headLogin, supervisorLogin: $0.supervisorLogin)
            },
            people: org.people.values.sorted { $0.login < $1.login }.map {
                PersonEntry(login: $0.login, name: $0.name, role: $0.role, departmentCode: $0.departmentCode, isAdmin: $0.isAdmin, isRetired: $0.isRetired)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: - Reading

    /// Top-level keys of `Data/office.json` that an org-chart import skips.
    static let ignoredKeys: Set<String> = ["office", "term", "rooms"]

    /// Reads JSON bytes into rows and returns every syntax problem found (with JSON paths);
    /// entries with a problem are left out. ``OrgImportPlan`` judges the rows themselves.
    public static func parse(_ bytes: [UInt8]) -> (OrgFile, [OrgFile.Problem]) {
        let badLines = OrgCSV.invalidUTF8Lines(bytes)
        if !badLines.isEmpty {
            return (OrgFile(), badLines.map {
                OrgFile.Problem(.line($0), zh: "不是有效的 UTF-8 文本", en: "not valid UTF-8 text")
            })
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String).map { TextSafety.inert($0) } ?? ""
            return (OrgFile(), [OrgFile.Problem(.file, zh: "不是有效的 JSON" + (detail.isEmpty ? "" : "：\(detail)"),
                                                en: "not valid JSON" + (detail.isEmpty ? "" : ": \(detail)"))])
        }
        var reader = Reader()
        let file = reader.document(root)
        return (file, reader.problems)
    }

    /// Walks the parsed JSON, collecting rows and every problem with its path.
    struct Reader {
        var problems: [OrgFile.Problem] = []

        mutating func problem(_ path: String, zh: String, en: String) {
            problems.append(OrgFile.Problem(path.isEmpty ? .file : .path(path), zh: zh, en: en))
        }

        mutating func document(_ root: Any) -> OrgFile {
            guard let object = root as? [String: Any] else {
                problem("", zh: "顶层应为对象 {…}", en: "the top level must be an object {…}")
                return OrgFile()
            }
            for key in object.keys.sorted() where !["format", "version", "departments", "people"].contains(key) && !OrgJSON.ignoredKeys.contains(key) {
                problem(key, zh: "未知字段", en: "unknown field")
            }
            if let format = object["format"], (format as? String) != OrgJSON.format {
                problem("format", zh: "应为 \"\(OrgJSON.format)\"", en: "must be \"\(OrgJSON.format)\"")
            }
            if let version = object["version"], (version as? Int) != 1 {
                problem("version", zh: "不支持的版本（应为 1）", en: "unsupported version (must be 1)")
            }
            var file = OrgFile()
            for (i, entry) in array(object["departments"], "departments").enumerated() {
                if let row = department(entry, "departments[\(i)]") { file.departments.append(row) }
            }
            for (i, entry) in array(object["people"], "people").enumerated() {
                if let row = person(entry, "people[\(i)]") { file.people.append(row) }
            }
            return file
        }

        mutating func array(_ value: Any?, _ path: String) -> [Any] {
            guard let value else {
                problem(path, zh: "缺少此字段", en: "missing")
                return []
            }
            guard let list = value as? [Any] else {
                problem(path, zh: "应为数组 […]", en: "must be an array […]")
                return []
            }
            return list
        }

        mutating func object(_ value: Any, _ path: String, keys: [String]) -> [String: Any]? {
            guard let object = value as? [String: Any] else {
                problem(path, zh: "应为对象 {…}", en: "must be an object {…}")
                return nil
            }
            for key in object.keys.sorted() where !keys.contains(key) {
                problem(path + "." + TextSafety.inert(key), zh: "未知字段（可用：\(keys.joined(separator: ", "))）",
                        en: "unknown field (one of: \(keys.joined(separator: ", ")))")
            }
            return object
        }

        mutating func string(_ object: [String: Any], _ key: String, _ path: String) -> String? {
            guard let value = object[key] else {
                problem(path + "." + key, zh: "缺少此字段", en: "missing")
                return nil
            }
            guard let text = value as? String else {
                problem(path + "." + key, zh: "应为字符串", en: "must be a string")
                return nil
            }
            return text
        }

        /// A string or null/absent; `ok` turns false on a wrong type.
        mutating func optionalString(_ object: [String: Any], _ key: String, _ path: String, ok: inout Bool) -> String? {
            guard let value = object[key], !(value is NSNull) else { return nil }
            guard let text = value as? String else {
                problem(path + "." + key, zh: "应为字符串或 null", en: "must be a string or null")
                ok = false
                return nil
            }
            return text.isEmpty ? nil : text
        }

        mutating func bool(_ object: [String: Any], _ key: String, _ path: String, ok: inout Bool) -> Bool {
            guard let value = object[key], !(value is NSNull) else { return false }
            guard let flag = value as? Bool else {
                problem(path + "." + key, zh: "应为 true 或 false", en: "must be true or false")
                ok = false
                return false
            }
            return flag
        }

        mutating func department(_ value: Any, _ path: String) -> OrgFile.DepartmentRow? {
            guard let o = object(value, path, keys: ["code", "name", "kind", "headLogin", "supervisorLogin"]) else { return nil }
            var ok = true
            let code = string(o, "code", path)
            let name = string(o, "name", path)
            let kindText = string(o, "kind", path)
            let kind = kindText.flatMap { Department.Kind(rawValue: $0) }
            if let kindText, kind == nil {
                problems.append(OrgFile.unknownKind(kindText, at: .path(path + ".kind")))
            }
            let head = optionalString(o, "headLogin", path, ok: &ok)
            let supervisor = optionalString(o, "supervisorLogin", path, ok: &ok)
            guard ok, let code, let name, let kind else { return nil }
            return OrgFile.DepartmentRow(department: Department(code: code, name: name, kind: kind, headLogin: head, supervisorLogin: supervisor),
                                         location: .path(path))
        }

        mutating func person(_ value: Any, _ path: String) -> OrgFile.PersonRow? {
            guard let o = object(value, path, keys: ["login", "name", "role", "departmentCode", "isAdmin", "isRetired"]) else { return nil }
            var ok = true
            let login = string(o, "login", path)
            let name = string(o, "name", path)
            let roleText = string(o, "role", path)
            let role = roleText.flatMap { Role(rawValue: $0) }
            if let roleText, role == nil {
                problems.append(OrgFile.unknownRole(roleText, at: .path(path + ".role")))
            }
            let department = optionalString(o, "departmentCode", path, ok: &ok)
            let admin = bool(o, "isAdmin", path, ok: &ok)
            let retired = bool(o, "isRetired", path, ok: &ok)
            guard ok, let login, let name, let role else { return nil }
            return OrgFile.PersonRow(person: Person(login: login, name: name, role: role, departmentCode: department, isAdmin: admin, isRetired: retired),
                                     location: .path(path))
        }
    }
}
