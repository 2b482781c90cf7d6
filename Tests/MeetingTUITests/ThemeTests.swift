import MeetingTUI
import Testing

@Suite("Themes: nothing is drawn in a colour that could be the background")
struct ThemeTests {
    @Test("on the terminal's own background no theme writes black or white text, and no style is one colour on itself",
          arguments: Theme.allCases)
    func noInvisibleText(theme: Theme) {
        for style in Style.allCases {
            let look = theme.look(style)
            if look.background == .terminal {
                #expect(look.foreground != .black && look.foreground != .white, "\(theme) \(style): \(look.foreground) on the default background")
            } else {
                #expect(look.foreground != look.background, "\(theme) \(style): \(look.foreground) on itself")
            }
        }
        // Muted text keeps the terminal's own foreground and is set apart by the dim attribute.
        #expect(theme.look(.dim) == Theme.Look(.terminal, on: .terminal, .dim))
    }

    @Test("NO_COLOR means mono whatever config.toml says; COLORFGBG picks dark or light for auto")
    func resolution() {
        #expect(Theme.resolve("dark", environment: ["NO_COLOR": "1"]) == .mono)
        #expect(Theme.resolve(nil, environment: [:]) == .auto)
        #expect(Theme.resolve(nil, environment: ["COLORFGBG": "15;0"]) == .dark)
        #expect(Theme.resolve("auto", environment: ["COLORFGBG": "0;15"]) == .light)
        #expect(Theme.resolve("light", environment: ["COLORFGBG": "15;0"]) == .light)
        #expect(Theme.mono.look(.title).attributes.contains(.reverse))
    }
}
