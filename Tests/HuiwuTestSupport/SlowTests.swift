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
