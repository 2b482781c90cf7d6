import MeetingKit

/// The screen of each section (the digits 1–8, from any screen without a dialog).
enum Sections {
    static func screen(_ section: Section, _ context: ScreenContext) -> any Screen {
        switch section {
        case .calendar: return CalendarScreen(mode: .week, day: context.office.clock.today)
        case .items: return ItemListScreen()
        case .leave: return LeaveScreen()
        case .minutes: return MinutesListScreen()
        case .followUps: return FollowUpBoardScreen()
        case .reports: return ReportScreen()
        case .org: return OrgChartScreen()
        case .absences: return AbsenceListScreen()
        }
    }
}
