import ArgumentParser
import MeetingKit
import MeetingService

/// `huiwu item submit|approve|accept ID`: an item step that takes nothing but the item, made
/// from its row in ``ItemCommand``'s table.
struct PlainItemStep<Name: StepRowName>: ItemStep where Name.Record == AgendaItem {
    static var configuration: CommandConfiguration { Name.row.configuration }
    @OptionGroup var global: GlobalOptions
    @OptionGroup var item: ItemStepTarget

    func take(_ office: Office) throws -> AgendaItem { try Name.row.take(office)(item.id, item.expectVersion) }
}
