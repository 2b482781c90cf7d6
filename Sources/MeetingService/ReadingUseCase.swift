import MeetingStore

/// A use case that only reads: it runs in one read transaction, together with the
/// resolution of its caller (``Session/reading(in:store:osUser:asLogin:onBehalfOf:clock:)``).
///
/// For the calls that open a screen, where one transaction less is two PostgreSQL round trips
/// less (issue 21). A call joins this list only if it never reads what it wrote itself: a
/// write it makes (the audit of a refused read) commits apart, outside its snapshot.
protocol ReadingUseCase: UseCase {}

extension ReadingUseCase {
    static var onlyReads: Bool { true }
}

extension HomeSnapshotCall: ReadingUseCase {}
extension MinutesQueueCall: ReadingUseCase {}
extension MeetingsCall: ReadingUseCase {}
extension SearchCall: ReadingUseCase {}
extension OrgChartCall: ReadingUseCase {}
