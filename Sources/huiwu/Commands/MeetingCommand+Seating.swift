import ArgumentParser
import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

extension MeetingCommand {
    /// `huiwu meeting seating ID [--move LOGIN --up N | --down N | --reset] [--cards] [--format …] [--out FILE]`.
    struct Seating: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "seating",
            abstract: "The seating chart (or --cards: name cards); --move adjusts the order, saved with the meeting. 座次表和桌签。",
            discussion: """
                The order starts as the protocol order (mayor, executive vice mayor, vice mayors by seniority, then departments); the presidium rule seats 1 in the centre, 2 on 1's left, 3 on 1's right.
                默认按组织机构排序（区长、常务副区长、副区长、各部门）；主席台 1 号居中，2 号居 1 号左手，3 号居右手。
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id. 会议编号。") var id: Int64
        @Option(help: "Move this person (login) or guest (name) in the order. 调整此人的座次。") var move: String?
        @Option(help: "Move up this many places (towards the head). 向前移动的位数。") var up: Int?
        @Option(help: "Move down this many places. 向后移动的位数。") var down: Int?
        @Flag(help: "Go back to the protocol order. 恢复默认座次。") var reset = false
        @Flag(help: "Name cards (桌签) instead of the chart. 生成桌签。") var cards = false
        @OptionGroup var document: DocumentOptions

        func validate() throws {
            let steps = [up, down].compactMap { $0 }.count
            if (move != nil) != (steps == 1) || steps > 1 { throw ValidationError("--move goes with exactly one of --up and --down") }
            if reset && move != nil { throw ValidationError("give --move or --reset, not both") }
        }

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            var chart = try office.seatingChart(meetingId: id)
            if reset { chart = try office.resetSeating(meetingId: id) }
            if let move, let by = up.map({ -$0 }) ?? down {
                guard let seat = chart.seats.first(where: { $0.person == move || ($0.person == nil && $0.name == move) }) else {
                    throw Refusal.notFound("seating.notOnRoster", "\(move) 不在\(chart.meetingTitle)的参会名单中",
                                           "\(move) is not on the roster of \(chart.meetingTitle)")
                }
                chart = try office.moveSeat(meetingId: id, participantId: seat.participantId, by: by)
            }
            let layout = cards ? NameCardComposer.layout(chart) : SeatingComposer.layout(chart)
            try document.write(layout, value: chart, context)
        }
    }
}
