import ArgumentParser
import MeetingKit

// Minutes values typed on the command line: a bad one gets the parser's own error, which
// names the option and lists the allowed values (exit 64, docs/cli.md).
extension Disclosure: ExpressibleByArgument {}
extension Classification: ExpressibleByArgument {}
extension MinutesState: ExpressibleByArgument {}
