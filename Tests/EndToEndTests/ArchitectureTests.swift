import Foundation
import HuiwuTestSupport
import Testing

/// The boundary in the sources (docs/architecture.md): the CLI and the TUI reach the office
/// only through MeetingService's use cases; GRDB stays inside MeetingStore; the server can
/// run every use case the client can send.
@Suite("Architecture: one use-case surface, GRDB behind it")
struct ArchitectureTests {
    static func swiftFiles(_ folder: String) throws -> [(path: String, text: String)] {
        let root = TestOffice.packageRoot + "/" + folder
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return try files.sorted().map { ("\(folder)/\($0)", try String(contentsOfFile: root + "/" + $0, encoding: .utf8)) }
    }

    @Test("the CLI, the TUI and the use-case module never import GRDB nor touch the store or a session")
    func clientsUseTheOffice() throws {
        for folder in ["Sources/huiwu", "Sources/MeetingTUI", "Sources/MeetingService"] {
            for (path, text) in try ArchitectureTests.swiftFiles(folder) {
                #expect(!text.contains("import GRDB"), "\(path) imports GRDB")
                #expect(!text.contains("import PostgresNIO"), "\(path) imports PostgresNIO")
                guard folder != "Sources/MeetingService" else { continue }
                for word in ["Session", "Store.", "Repository", "AuditLog."] {
                    #expect(!text.contains(word), "\(path) names \(word)")
                }
            }
        }
    }

    @Test("in the executable only the file that opens the full-screen interface imports MeetingTUI; the rules import no format")
    func interfaceImportedOnce() throws {
        let importers = try ArchitectureTests.swiftFiles("Sources/huiwu").filter { $0.text.contains("import MeetingTUI") }.map(\.path)
        #expect(importers == ["Sources/huiwu/Huiwu.swift"])
        for (path, text) in try ArchitectureTests.swiftFiles("Sources/MeetingKit") {
            #expect(!text.contains("import MeetingFormats") && !text.contains("import TextLayout"), "\(path) imports a module to its right")
        }
    }

    @Test("postgres-nio is the PostgreSQL adapter's alone, and the port's repositories name no engine")
    func portBoundary() throws {
        for (path, text) in try ArchitectureTests.swiftFiles("Sources") where text.contains("import PostgresNIO") {
            #expect(path.hasPrefix("Sources/MeetingStore/Database/Postgres"), "\(path) imports PostgresNIO")
        }
        for file in ["Repositories/AuditLog.swift", "Repositories/RecordVersion.swift"] {
            let text = try String(contentsOfFile: TestOffice.packageRoot + "/Sources/MeetingStore/" + file, encoding: .utf8)
            #expect(!text.contains("import GRDB") && !text.contains(".sqlite") && !text.contains(".postgresql"), "\(file) names an engine")
        }
    }

    @Test("every use case the client can send is in the server's registry, once")
    func registryIsComplete() throws {
        let declared = try ArchitectureTests.swiftFiles("Sources/MeetingService/UseCases").flatMap { file in
            file.text.matches(of: /struct (\w+Call): UseCase/).map { String($0.1) }
        }
        let registry = try String(contentsOfFile: TestOffice.packageRoot + "/Sources/MeetingService/Server/UseCaseRegistry+All.swift",
                                  encoding: .utf8)
        let registered = registry.matches(of: /(\w+Call)\.self/).map { String($0.1) }
        #expect(declared.count > 90)
        #expect(Set(declared) == Set(registered))
        #expect(registered.count == Set(registered).count)
    }
}

/// docs/architecture.md and docs/rules-map.md are the map of the sources: every file or
/// folder they name in backticks must exist, so a rename that forgets the map fails here.
@Suite("The docs' map of the sources names files that exist")
struct SourceMapTests {
    /// Every path git tracks or could track below the package, relative to it.
    static func repositoryPaths() -> (files: [String], folders: Set<String>) {
        let root = TestOffice.packageRoot
        var files: [String] = []
        var folders: Set<String> = []
        for top in ["Sources", "Tests", "docs", "Data"] {
            let paths = FileManager.default.enumerator(atPath: root + "/" + top)?.compactMap { $0 as? String } ?? []
            for path in paths {
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: root + "/" + top + "/" + path, isDirectory: &isFolder)
                if isFolder.boolValue { folders.insert("\(top)/\(path)/") } else { files.append("\(top)/\(path)") }
            }
            folders.insert(top + "/")
        }
        let topFiles = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return (files + topFiles, folders)
    }

    /// The backticked names in `text` that look like a source path: `Foo.swift`, `Org/Foo.swift`, `Screens/Org/`.
    static func namedPaths(in text: String) -> [String] {
        text.matches(of: /`([A-Za-z0-9_+.\/-]+)`/).map { String($0.1) }.filter { name in
            name.hasSuffix(".swift") || (name.hasSuffix("/") && name.count > 1 && !name.hasPrefix("/") && !name.hasPrefix("."))
        }
    }

    @Test("every .swift file and folder docs/architecture.md and docs/rules-map.md name in backticks exists", arguments: ["architecture.md", "rules-map.md"])
    func namedPathsExist(document: String) throws {
        let text = try String(contentsOfFile: TestOffice.packageRoot + "/docs/" + document, encoding: .utf8)
        let (files, folders) = SourceMapTests.repositoryPaths()
        let named = SourceMapTests.namedPaths(in: text)
        #expect(named.count > 20, "the map names almost no files: the pattern no longer matches the document")
        for name in Set(named).sorted() {
            let exists = name.hasSuffix("/") ? folders.contains { $0 == name || $0.hasSuffix("/" + name) }
                                             : files.contains { $0 == name || $0.hasSuffix("/" + name) }
            #expect(exists, "docs/\(document) names \(name), which does not exist")
        }
    }
}
