import ArgumentParser
import MeetingKit

// Agenda values typed on the command line: a bad one gets the parser's own error, which
// names the option and lists the allowed values (exit 64, docs/cli.md).
extension AgendaState: ExpressibleByArgument {}
extension Precondition: ExpressibleByArgument {}
