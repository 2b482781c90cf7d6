import Testing
import MeetingKit
@testable import MeetingFormats

@Suite("Configuration file (config.toml)")
struct HuiwuConfigTests {
    @Test("the settings are read with the line each came from")
    func reads() {
        let text = """
            # Huiwu
            language = "en"

            [office]
            name = "西城区政府办公室"  # shown in the title bar
            name_en = 'Xicheng "Office"'
            rooms = [
              "区政府常务会议室",  # the large one
              "第一会议室",
            ]

            [cadence.executive]
            weekday = "wed"
            time = "14:30"
            duration_minutes = 1_20
            """
        let (config, problems) = HuiwuConfig.parse(text)
        #expect(problems.isEmpty)
        #expect(config.language == .init(value: .en, line: 2))
        #expect(config.officeName?.value == "西城区政府办公室")
        #expect(config.officeNameEn?.value == "Xicheng \"Office\"")
        #expect(config.officeNameOverride == Localized(zh: "西城区政府办公室", en: "Xicheng \"Office\""))
        #expect(config.rooms == .init(value: ["区政府常务会议室", "第一会议室"], line: 7))
        #expect(config.cadence[.executive]?.weekday?.value == .wednesday)
        #expect(config.cadence[.executive]?.time == .init(value: 14 * 60 + 30, line: 14))
        #expect(config.cadence[.executive]?.durationMinutes?.value == 120)
        #expect(config.cadence[.topical] == nil)
    }

    @Test("every mistake is reported with its line")
    func mistakes() {
        let text = """
            language = en
            [office]
            colour = "red"
            name = "a" "b"
            [cadence.executive]
            weekday = "saturday"
            duration_minutes = "90"
            time = "9:00"
            [cadence.plenary]
            weekday = "monday"
            [office]
            rooms = ["a", 3]
            language.x = "y"
            """
        let (_, problems) = HuiwuConfig.parse(text)
        #expect(problems.map(\.line) == [1, 3, 4, 6, 7, 8, 10, 11, 12, 13])
        #expect(problems[0].message.en == "unrecognised value en (put strings in quotes)")
        #expect(problems[1].message.en.hasPrefix("unknown setting office.colour"))
        #expect(problems[5].message.en == "cadence.executive.time must be HH:MM, e.g. \"09:00\"")
        #expect(problems[6].message.en.contains("R38"))
        #expect(problems[7].message.en == "table [office] is defined twice")
        #expect(problems[9].message.en.contains("dotted keys are not supported"))
    }

    @Test("unclosed strings and arrays, and duplicate keys, are named")
    func syntax() {
        #expect(TOMLSubset.parse("a = \"x").problems.first?.message.en == "the string is not closed")
        #expect(TOMLSubset.parse("a = [\"x\"").problems.first?.message.en == "the array is not closed with ]")
        #expect(TOMLSubset.parse("a = 1\na = 2").problems.first?.message.en == "the key a is set twice (already on line 1)")
        #expect(TOMLSubset.parse("a = \"#not a comment\" # comment").entries.first?.value == .string("#not a comment"))
        #expect(TOMLSubset.parse("b = true\nc = -3").entries.map(\.value) == [.boolean(true), .integer(-3)])
    }
}
