import Foundation
import Testing

extension Tag {
    /// Tests that take seconds (LibreOffice conversions): `HUIWU_SLOW_TESTS=0` skips them
    /// locally; CI always runs them.
    @Tag public static var slow: Self
}

/// Whether the tools official documents are checked with are here: LibreOffice for the PDF,
/// poppler for reading it. Locally a test without them is skipped with a message; with `CI`
/// set it runs and fails, so a CI machine missing a package cannot pass silently.
public enum DocumentTools {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `CI` is set to something other than "false" or "0".
    public static var inCI: Bool {
        guard let ci = environment["CI"]?.lowercased(), !ci.isEmpty else { return false }
        return ci != "false" && ci != "0"
    }

    public static var hasLibreOffice: Bool {
        (environment["PATH"] ?? "/usr/bin").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: $0 + "/soffice") }
    }

    /// Enabled when LibreOffice and poppler are installed, and always in CI.
    public static let required = ConditionTrait.enabled(
        if: inCI || (hasLibreOffice && Poppler.isAvailable),
        "LibreOffice or poppler-utils is missing (apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming); in CI this fails instead")

    /// Slow tests run unless `HUIWU_SLOW_TESTS=0` (never skipped in CI).
    public static let slowEnabled = ConditionTrait.enabled(
        if: inCI || environment["HUIWU_SLOW_TESTS"] != "0", "HUIWU_SLOW_TESTS=0 skips the slow tests")
}
