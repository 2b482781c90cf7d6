@testable import MeetingService
import Testing

/// A call runs in one read snapshot when its type says it only reads (``UseCase/onlyReads``):
/// the static answer must be the protocol's, for every call the server knows.
@Suite struct ReadingUseCaseTests {
    @Test func everyCallSaysWhetherItOnlyReadsAsItsProtocolDoes() {
        let reading = UseCaseRegistry.all.filter { $0.onlyReads }.map { $0.name }
        #expect(reading.sorted() == UseCaseRegistry.all.filter { $0 is any ReadingUseCase.Type }.map { $0.name }.sorted())
        #expect(reading.count == 5)
        #expect(HomeSnapshotCall.onlyReads && !AddItemCall.onlyReads)
    }
}
