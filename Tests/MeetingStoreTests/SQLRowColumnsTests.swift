@testable import MeetingStore
import Testing

/// A row's column found by name: in the order a decoder asks, out of it, a name a join selects
/// twice, and a name the result does not have.
@Suite("A result's columns found by name")
struct SQLRowColumnsTests {
    @Test("in the query's order, out of it, and a missing name")
    func positions() {
        let columns = SQLRow.Columns(["id", "title", "lead_code", "state", "step_started_at"])
        for _ in 0..<2 {  // a second row asks again from the first column
            #expect(["id", "title", "lead_code", "state", "step_started_at"].map { columns.position(of: $0) } == [0, 1, 2, 3, 4])
        }
        #expect(columns.position(of: "state") == 3)
        #expect(columns.position(of: "title") == 1)
        #expect(columns.position(of: "summary") == nil)
        #expect(columns.position(of: "lead_code") == 2)
        #expect(columns.position(of: "step_started_at") == 4)
    }

    @Test("a name selected twice is found at its first place, whatever was asked before")
    func repeatedName() {
        let columns = SQLRow.Columns(["id", "title", "id", "state"])
        #expect(columns.position(of: "id") == 0)
        #expect(columns.position(of: "title") == 1)
        #expect(columns.position(of: "id") == 0)
        #expect(columns.position(of: "state") == 3)
    }
}
