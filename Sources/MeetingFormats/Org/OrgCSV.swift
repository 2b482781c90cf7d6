import MeetingKit

/// The org chart as one CSV table (RFC 4180, UTF-8), one row per department or person.
/// The layout is documented in docs/data.md ("Org chart files").
///
/// ```
/// type,id,name,role,kind,department,head,supervisor,admin,retired
/// department,JW,区教委,,constituent,,xuwenbo,wangxiaoyan,,
/// person,xuwenbo,许文博,departmentHead,,JW,,,false,false
/// ```
public enum OrgCSV {
    /// The columns, in the order they are written. On import any order is accepted.
    public static let columns = ["type", "id", "name", "role", "kind", "department", "head", "supervisor", "admin", "retired"]

    /// Columns that only apply to one type of row; a value in the other type is an error.
    static let personOnly: Set<String> = ["role", "department", "admin", "retired"]
    static let departmentOnly: Set<String> = ["kind", "head", "supervisor"]

    // MARK: - Writing

    /// The chart as CSV text: departments by code, then people by login (retired included).
    public static func write(_ org: OrgChart) -> String {
        var rows = [columns]
        for d in org.departments.values.sorted(by: { $0.code < $1.code }) {
            rows.append(["department", d.code, d.name, "", d.kind.rawValue, "", d.headLogin ?? "", d.supervisorLogin ?? "", "", ""])
        }
        for p in org.people.values.sorted(by: { $0.login < $1.login }) {
            rows.append(["person", p.login, p.name, p.role.rawValue, "", p.departmentCode ?? "", "", "",
                         p.isAdmin ? "true" : "false", p.isRetired ? "true" : "false"])
        }
        return CSVWriter.table(rows, lineEnd: "\n")
    }

    // MARK: - Reading

    /// Reads CSV bytes into rows and returns every syntax problem found (with line numbers);
    /// rows with a problem are left out. ``OrgImportPlan`` judges the rows themselves.
    ///
    /// All problems are collected, not just the first: a file with three bad rows is
    /// reported with all three lines.
    public static func parse(_ bytes: [UInt8]) -> (OrgFile, [OrgFile.Problem]) {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }  // a BOM, as Excel writes "CSV UTF-8"
        let badLines = invalidUTF8Lines(body)
        if !badLines.isEmpty {
            return (OrgFile(), badLines.map {
                OrgFile.Problem(.line($0), zh: "不是有效的 UTF-8 文本（请另存为 UTF-8；GBK 文件可用 iconv -f GBK -t UTF-8 转换）",
                                en: "not valid UTF-8 text (save the file as UTF-8; convert GBK with iconv -f GBK -t UTF-8)")
            })
        }
        let text = String(decoding: body, as: UTF8.self)
        var (records, problems) = split(text)
        for i in records.indices { records[i].fields = records[i].fields.map(CSVWriter.unguarded) }
        records.removeAll { $0.fields.count == 1 && $0.fields[0].trimmingCharacters(in: .whitespaces).isEmpty }
        guard let header = records.first else {
            return (OrgFile(), problems + [OrgFile.Problem(.file, zh: "文件是空的", en: "the file is empty")])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = columns.filter { !names.contains($0) }
        let unknown = names.filter { !columns.contains($0) }
        var duplicated: [String] = []
        for name in Set(names) where names.filter({ $0 == name }).count > 1 { duplicated.append(name) }
        if !missing.isEmpty || !unknown.isEmpty || !duplicated.isEmpty {
            var detail: [Localized] = []
            if !missing.isEmpty { detail.append(Localized(zh: "缺少列 \(missing.joined(separator: ", "))", en: "missing columns \(missing.joined(separator: ", "))")) }
            if !unknown.isEmpty {
                let list = unknown.map { TextSafety.inert($0) }.joined(separator: ", ")
                detail.append(Localized(zh: "未知列 \(list)", en: "unknown columns \(list)"))
            }
            if !duplicated.isEmpty { detail.append(Localized(zh: "重复的列 \(duplicated.sorted().joined(separator: ", "))", en: "columns given twice: \(duplicated.sorted().joined(separator: ", "))")) }
            let expected = columns.joined(separator: ",")
            return (OrgFile(), problems + [OrgFile.Problem(.line(header.line),
                zh: "表头不对：" + detail.map(\.zh).joined(separator: "；") + "。应为：\(expected)",
                en: "wrong header: " + detail.map(\.en).joined(separator: "; ") + ". Expected: \(expected)")])
        }
        var file = OrgFile()
        for record in records.dropFirst() {
            let location = OrgFile.Location.line(record.line)
            guard record.fields.count == names.count else {
                problems.append(OrgFile.Problem(location, zh: "有 \(record.fields.count) 个字段，应为 \(names.count) 个",
                                                en: "\(record.fields.count) fields, expected \(names.count)"))
                continue
            }
            var cell: [String: String] = [:]
            for (name, value) in zip(names, record.fields) { cell[name] = value.trimmingCharacters(in: .whitespaces) }
            let before = problems.count
            func value(_ column: String) -> String? { cell[column].flatMap { $0.isEmpty ? nil : $0 } }
            func flag(_ column: String) -> Bool {
                switch value(column)?.lowercased() {
                case nil, "false", "0", "no": return false
                case "true", "1", "yes": return true
                case let other?:
                    problems.append(OrgFile.Problem(location, zh: "\(column) 列应为 true 或 false，而不是 “\(TextSafety.inert(other))”",
                                                    en: "the \(column) column must be true or false, not '\(TextSafety.inert(other))'"))
                    return false
                }
            }
            func stray(_ columns: Set<String>, type: String) {
                for column in columns.sorted() where value(column) != nil {
                    problems.append(OrgFile.Problem(location, zh: "\(type) 行的 \(column) 列应为空", en: "the \(column) column must be empty in a \(type) row"))
                }
            }
            let id = cell["id"] ?? ""
            let name = cell["name"] ?? ""
            if id.isEmpty { problems.append(OrgFile.Problem(location, zh: "id 列不能为空", en: "the id column must not be empty")) }
            switch cell["type"]?.lowercased() ?? "" {
            case "person":
                stray(departmentOnly, type: "person")
                let roleText = cell["role"] ?? ""
                let role = Role(rawValue: roleText)
                if role == nil { problems.append(OrgFile.unknownRole(roleText, at: location)) }
                let person = Person(login: id, name: name, role: role ?? .secretary, departmentCode: value("department"),
                                    isAdmin: flag("admin"), isRetired: flag("retired"))
                let row = OrgFile.PersonRow(person: person, location: location)
                if problems.count == before { file.people.append(row) } else { problems += OrgFile(people: [row]).fieldProblems() }
            case "department":
                stray(personOnly, type: "department")
                let kindText = cell["kind"] ?? ""
                let kind = Department.Kind(rawValue: kindText)
                if kind == nil { problems.append(OrgFile.unknownKind(kindText, at: location)) }
                let department = Department(code: id, name: name, kind: kind ?? .unit, headLogin: value("head"), supervisorLogin: value("supervisor"))
                let row = OrgFile.DepartmentRow(department: department, location: location)
                if problems.count == before { file.departments.append(row) } else { problems += OrgFile(departments: [row]).fieldProblems() }
            case let other:
                problems.append(OrgFile.Problem(location, zh: "type 列应为 person 或 department，而不是 “\(TextSafety.inert(other))”",
                                                en: "the type column must be person or department, not '\(TextSafety.inert(other))'"))
            }
        }
        return (file, problems)
    }

    /// A record and the line it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// Splits RFC 4180 text into records (quoted fields may hold commas, quotes and line breaks).
    static func split(_ text: String) -> ([Record], [OrgFile.Problem]) {
        var records: [Record] = []
        var problems: [OrgFile.Problem] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        func endRecord() {
            fields.append(String(field))
            records.append(Record(line: recordLine, fields: fields))
            fields = []
            field = String.UnicodeScalarView()
        }
        while let s = next() {
            if inQuotes {
                if s == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if s == "\n" { line += 1 }
                    field.append(s)
                }
                continue
            }
            switch s {
            case "\"":
                if String(field).trimmingCharacters(in: .whitespaces).isEmpty {
                    field = String.UnicodeScalarView()
                    inQuotes = true
                    quoteLine = line
                } else {
                    field.append(s)
                }
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                break
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(s)
            }
        }
        if inQuotes {
            // The rest of the file went into the open field: that record is not usable.
            problems.append(OrgFile.Problem(.line(quoteLine), zh: "引号没有闭合", en: "a quoted field is not closed"))
        } else if !fields.isEmpty || !field.isEmpty {
            endRecord()
        }
        return (records, problems)
    }

    /// Lines (from 1) that are not valid UTF-8.
    public static func invalidUTF8Lines(_ bytes: [UInt8]) -> [Int] {
        var bad: [Int] = []
        var line = 1
        var start = 0
        func check(_ end: Int) {
            var iterator = bytes[start..<end].makeIterator()
            var decoder = UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return
                case .error: bad.append(line); return
                }
            }
        }
        for (i, b) in bytes.enumerated() where b == 0x0A {
            check(i)
            line += 1
            start = i + 1
        }
        if start < bytes.count { check(bytes.count) }
        return bad
    }
}
