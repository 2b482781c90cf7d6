import ArgumentParser
import MeetingKit
import MeetingStore

// Org-chart values typed on the command line: a bad one gets the parser's own error, which
// names the option and lists the allowed values (exit 64, docs/cli.md).
extension Role: ExpressibleByArgument {}
extension Department.Kind: ExpressibleByArgument {}
extension OrgFileFormat: ExpressibleByArgument {}
extension SearchKind: ExpressibleByArgument {}
