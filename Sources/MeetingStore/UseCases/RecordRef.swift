/// A record that can be opened from a list.
public enum RecordRef: Hashable, Sendable, Codable {
    case meeting(Int64)
    case item(Int64)
    case leave(Int64)
    /// The compiled leave report of a meeting (R42), by meeting id.
    case leaveReport(Int64)
    case minutes(Int64)
    case followUp(Int64)
    /// A decision recorded on a leader's behalf (代录), by its audit event's number.
    case onBehalf(Int64)
    /// The receipts of a meeting's notice, by meeting id.
    case receipts(Int64)
    /// A registered absence from Beijing (R65, R7).
    case absence(Int64)
}

extension RecordRef {
    /// The kind and the id, as the wire carries them: `item:12`. A home lists hundreds of
    /// references, and the synthesized form (`{"item":{"_0":12}}`) is two keyed containers
    /// for a client to decode for each (docs/performance.md).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let id = Int64(parts[1]) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a record reference: \(text)")
        }
        switch parts[0] {
        case "meeting": self = .meeting(id)
        case "item": self = .item(id)
        case "leave": self = .leave(id)
        case "leaveReport": self = .leaveReport(id)
        case "minutes": self = .minutes(id)
        case "followUp": self = .followUp(id)
        case "onBehalf": self = .onBehalf(id)
        case "receipts": self = .receipts(id)
        case "absence": self = .absence(id)
        default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a record reference: \(text)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("\(kind):\(id)")
    }

    private var kind: String {
        switch self {
        case .meeting: "meeting"
        case .item: "item"
        case .leave: "leave"
        case .leaveReport: "leaveReport"
        case .minutes: "minutes"
        case .followUp: "followUp"
        case .onBehalf: "onBehalf"
        case .receipts: "receipts"
        case .absence: "absence"
        }
    }

    private var id: Int64 {
        switch self {
        case .meeting(let id), .item(let id), .leave(let id), .leaveReport(let id), .minutes(let id), .followUp(let id),
             .onBehalf(let id), .receipts(let id), .absence(let id):
            id
        }
    }
}
