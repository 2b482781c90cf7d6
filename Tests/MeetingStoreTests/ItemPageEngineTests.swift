import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// The item list reads a page at a time (issue 9): the newest items first, the next page
/// older than the last one shown, with the count of all that match.
@Suite("Item list pages (issue 9) on both engines")
struct ItemPageEngineTests {
    @Test("pages follow each other newest first without gaps or repeats; the total counts them all", arguments: ScratchDatabase.engines)
    func pages(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        var ids: [Int64] = []
        for n in 1...5 { ids.append(try secretary.addItem(title: "关于第\(n)项工作的议题", lead: "JW").id!) }
        let first = try secretary.itemPage(limit: 2)
        #expect(first.items.map(\.id!) == [ids[4], ids[3]])
        #expect(first.total == 5)
        let second = try secretary.itemPage(before: first.items.last!.id, limit: 2)
        let third = try secretary.itemPage(before: second.items.last!.id, limit: 2)
        #expect((first.items + second.items + third.items).map(\.id!) == ids.reversed())
        #expect(try secretary.itemPage(department: "WJW", limit: 2).total == 0)
        #expect(throws: Refusal.self) { try secretary.itemPage(department: "NOPE", limit: 2) }
    }
}
