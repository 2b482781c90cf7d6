import Foundation
import MeetingKit
import MeetingService
import MeetingStore
import MeetingTUI

/// Key to updated screen, in-process: the interface's update and a full draw into the
/// screen buffer, on the big database, for navigation keys and for week switches.
struct KeystrokeBench {
    let database: String
    let now: LocalDateTime
    let keys: Int

    struct Latencies {
        var samples: [Double]
        var p50Stats: [Double] { [Stats(samples).p50] }
        var p99Stats: [Double] { [Stats(samples).p99] }
    }

    func run() throws -> (navigation: Latencies, weekSwitch: Latencies) {
        let office = try Office.embedded(database: database, osUser: HuiwuBinary.osUser(), clock: .fixed(now))
        let context = ScreenContext(office: office, lang: .zh)
        var model = AppModel(context: context, root: CalendarScreen(mode: .week, day: now.day))
        var navigation: [Double] = []
        var switches: [Double] = []
        navigation.reserveCapacity(keys)
        let switchEvery = max(1, min(100, keys / 10))  // at least ten week switches, whatever --keys says
        func time(_ key: Key) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            model.handle(key)
            var buffer = ScreenBuffer(rows: 24, columns: 80)
            model.draw(into: &buffer)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }
        for i in 0..<keys {
            // Down through the week and back up, as a secretary scans a list.
            navigation.append(time((i / 40) % 2 == 0 ? .char("j") : .char("k")))
            if i % switchEvery == switchEvery - 1 {
                switches.append(time(.right))
                switches.append(time(.left))
            }
        }
        return (Latencies(samples: navigation), Latencies(samples: switches))
    }
}
