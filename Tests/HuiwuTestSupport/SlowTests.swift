import Foundation
import Testing

/// The slow tier: stress, crash, tmux and server tests. `HUIWU_SLOW_TESTS=0 swift test`
/// skips them in a developer's edit loop; `.ci/run` always runs them (it leaves the variable unset).
public enum SlowTests {
    public static var enabled: Bool { ProcessInfo.processInfo.environment["HUIWU_SLOW_TESTS"] != "0" }

    /// Whether the test runs in CI, where a missing tool is a failure, not a reason to skip.
    public static var inCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }
}

extension Trait where Self == ConditionTrait {
    /// Marks a test of the slow tier (see ``SlowTests``).
    public static var slow: Self {
        .enabled(if: SlowTests.enabled, "slow tier: HUIWU_SLOW_TESTS=0 skips it")
    }
}

extension Trait where Self == ConditionTrait {
    /// A test that needs an outside program (tmux, sqlite3, calcurse …): skipped with a message
    /// on a workstation without it, but run in CI (`CI` set), where a missing tool must fail
    /// the run instead of hiding a missing install step in `.ci/run`.
    public static func requires(_ available: Bool, _ tool: String) -> Self {
        .enabled(if: available || SlowTests.inCI, "\(tool) is not installed")
    }
}
