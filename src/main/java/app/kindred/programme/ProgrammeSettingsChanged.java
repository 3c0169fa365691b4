package app.kindred.programme;

/** A coordinator saved new settings, such as more seats or a longer window. */
public record ProgrammeSettingsChanged(ProgrammeId programme, int mentorSeats, int participantSeats) {
}
