/// The disclosure attribute every document must carry before it leaves its drafter (R22):
/// public on initiative, on request, or not public with a reason given by law.
public enum Disclosure: String, CaseIterable, Sendable, Codable {
    /// 主动公开
    case `public` = "public"
    /// 依申请公开
    case onRequest = "on-request"
    /// 不予公开 (needs a reason, R22)
    case notPublic = "not-public"

    public var name: Localized {
        switch self {
        case .public: return Localized(zh: "主动公开", en: "public")
        case .onRequest: return Localized(zh: "依申请公开", en: "on request")
        case .notPublic: return Localized(zh: "不予公开", en: "not public")
        }
    }

    /// Nil when a document of `classification` may carry this attribute. A classified
    /// document is never public (R22 公开前保密审查, R48): 秘密 and 机密 are not public at all,
    /// 内部 at most on request. Making it public takes a declassification first.
    public func refusal(with classification: Classification) -> Refusal? {
        let allowed: Bool
        switch classification {
        case .none: allowed = true
        case .internal: allowed = self != .public
        case .secret, .confidential: allowed = self == .notPublic
        }
        if allowed { return nil }
        return RefusalCatalog.classifiedPublic(classification, self)
    }

    /// The note printed on the document (GB/T 9704 附注), e.g. "（此件主动公开）".
    public var documentNote: String {
        switch self {
        case .public: return "（此件主动公开）"
        case .onRequest: return "（此件依申请公开）"
        case .notPublic: return "（此件不予公开）"
        }
    }
}

/// The classification level of a document about classified matters (R48). Classified
/// minutes are read only by their review chain, the meeting's attendees and administrators.
public enum Classification: String, CaseIterable, Sendable, Codable {
    case none
    /// 内部 (internal: not for circulation outside the government)
    case `internal` = "internal"
    /// 秘密
    case secret
    /// 机密
    case confidential

    public var name: Localized {
        switch self {
        case .none: return Localized(zh: "非涉密", en: "unclassified")
        case .internal: return Localized(zh: "内部", en: "internal")
        case .secret: return Localized(zh: "秘密", en: "secret")
        case .confidential: return Localized(zh: "机密", en: "confidential")
        }
    }

    /// Whether the body is restricted to the chain, the attendees and administrators.
    public var isClassified: Bool { self != .none }

    /// Whether `other` is a lower level: moving to it is a declassification (R48).
    public func isAbove(_ other: Classification) -> Bool {
        Classification.allCases.firstIndex(of: self)! > Classification.allCases.firstIndex(of: other)!
    }
}
