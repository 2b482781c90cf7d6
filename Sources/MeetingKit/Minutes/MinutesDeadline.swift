/// The R46 time limits as they apply to minutes: a leader's step (review or signature) takes at
/// most 5 working days; signed minutes go back to the units within 1 working day.
public enum MinutesDeadline {
    public static let stepWorkingDays = 5
    public static let returnWorkingDays = 1

    /// The last day of a step that began on `since` (the start day does not count).
    public static func stepDue(since: Day, calendar: HolidayCalendar) -> Day {
        calendar.addingWorkingDays(stepWorkingDays, to: since)
    }

    /// The day signed minutes must have reached the units.
    public static func returnDue(signedOn: Day, calendar: HolidayCalendar) -> Day {
        calendar.addingWorkingDays(returnWorkingDays, to: signedOn)
    }

    /// Working days a step has waited: those after `since` up to and including `today`.
    public static func waitingDays(since: Day, today: Day, calendar: HolidayCalendar) -> Int {
        calendar.workingDays(after: since, through: today)
    }
}
