@testable import MeetingStore
import Testing

/// A follow-up's entry on a home screen shows the first 60 characters of its description:
/// characters as a reader sees them, whatever the number of Unicode scalars behind each.
@Suite("A follow-up's waiting entry: its first 60 characters")
struct WaitingEntryTitleTests {
    @Test("a description of up to 60 characters is kept whole, one of more is cut at 60 characters, never inside one")
    func cutAtSixtyCharacters() {
        let short = "督办：" + String(repeating: "推进老旧小区整治", count: 7)  // 59 characters
        #expect(Session.entryTitle(short) == short)
        let long = String(repeating: "加快推进", count: 20)  // 80 characters
        #expect(Session.entryTitle(long) == String(repeating: "加快推进", count: 15))
        let decomposed = String(repeating: "e\u{301}", count: 70)  // 70 characters, 140 scalars
        #expect(Session.entryTitle(decomposed) == String(repeating: "e\u{301}", count: 60))
        let flags = String(repeating: "🇨🇳", count: 40)  // 40 characters, 80 scalars
        #expect(Session.entryTitle(flags) == flags)
    }
}
