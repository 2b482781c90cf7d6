import Foundation
import MeetingStore

/// Finds a use case by its wire name and runs it from a call's bytes: the server's only
/// dispatcher, so a method the registry does not list cannot be called.
enum UseCaseRegistry {
    /// Decodes the parameters, runs the use case as the connection's caller, encodes the answer.
    typealias Handler = @Sendable (_ call: Data, _ id: Int, _ office: InProcessTransport) throws -> Data

    static let handlers: [String: Handler] = {
        var table: [String: Handler] = [:]
        for type in UseCaseRegistry.all {
            precondition(table[type.name] == nil, "two use cases named \(type.name)")
            table[type.name] = handler(type)
        }
        return table
    }()

    private static func handler<U: UseCase>(_ type: U.Type) -> Handler {
        { call, id, office in
            let params: U
            do {
                params = try JSONDecoder().decode(WireCallParams<U>.self, from: call).params
            } catch {
                throw WireError(code: -32602, message: "invalid parameters for \(U.name): \(error)")
            }
            let result = try office.perform(params)
            return try JSONEncoder().encode(WireReply(id: id, result: result))
        }
    }
}
