import Foundation
import Testing

/// Whether the tools official documents are checked with are here: LibreOffice for the PDF,
/// poppler for reading it. Locally a test without them is skipped with a message; with `CI`
/// set it runs and fails, so a CI machine missing a package cannot pass silently.
public enum DocumentTools {
    public static var hasLibreOffice: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: $0 + "/soffice") }
    }

    /// Enabled when LibreOffice and poppler are installed, and always in CI.
    public static let required = ConditionTrait.enabled(
        if: SlowTests.inCI || (hasLibreOffice && Poppler.isAvailable),
        "LibreOffice or poppler-utils is missing (apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming); in CI this fails instead")
}
