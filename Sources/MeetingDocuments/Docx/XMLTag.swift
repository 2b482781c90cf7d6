/// An XML element built in code and serialised with correct escaping: the parts of a DOCX.
///
/// Why not a library: docs/architecture.md ("Official documents"). WordprocessingML is a
/// fixed vocabulary written once per element kind; what matters is that every text and
/// attribute value is escaped and that characters XML 1.0 forbids never reach the file.
struct XMLTag: Hashable, Sendable {
    enum Child: Hashable, Sendable {
        case tag(XMLTag)
        case text(String)
    }

    var name: String
    /// In the order written.
    var attributes: [Attribute]
    var children: [Child]

    struct Attribute: Hashable, Sendable {
        var name: String
        var value: String
    }

    init(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLTag] = []) {
        self.name = name
        self.attributes = attributes.map { Attribute(name: $0.0, value: $0.1) }
        self.children = children.map(Child.tag)
    }

    /// An element holding text only (`<w:t>`, `<dc:title>`).
    init(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        self.init(name, attributes)
        children = [.text(text)]
    }

    /// The element as XML text.
    var xml: String {
        var out = ""
        write(into: &out)
        return out
    }

    /// A whole part: the XML declaration, then this element.
    var document: String { "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml }

    func write(into out: inout String) {
        out += "<" + name
        for attribute in attributes {
            out += " " + attribute.name + "=\"" + XMLTag.escape(attribute.value, attribute: true) + "\""
        }
        if children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        for child in children {
            switch child {
            case .tag(let tag): tag.write(into: &out)
            case .text(let text): out += XMLTag.escape(text, attribute: false)
            }
        }
        out += "</" + name + ">"
    }

    /// Escapes markup characters, and replaces the characters XML 1.0 does not allow at all
    /// (C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF) with
    /// U+FFFD: no escape can carry them, and one of them would make the whole file unreadable.
    /// In attributes, tab and line breaks become character references so they survive
    /// attribute-value normalisation.
    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
