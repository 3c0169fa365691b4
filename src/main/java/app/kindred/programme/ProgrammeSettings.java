package app.kindred.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Period;

import app.kindred.programme.internal.LinesConverter;

/**
 * Everything a coordinator decides about one programme, stored as it is in the
 * programme's row. Windows are instants; pages show them in the viewer's time zone and
 * forms edit them in the organisation's.
 */
@Embeddable
public record ProgrammeSettings(@Enumerated(EnumType.STRING) EligibilityKind eligibilityKind, String eligibilityValue,
		boolean remote, String videoLink, boolean onCampus,
		@Convert(converter = LinesConverter.class) List<String> campuses, LocalDate termStart, LocalDate termEnd,
		Instant mentorCallOpens, Instant mentorCallCloses, int mentorSeats, Instant signupOpens, Instant signupCloses,
		int participantSeats, int trainingCount, int trainingMinutes, int meetingCount, int meetingMinutes,
		int meetingIntervalWeeks, int groupMax, int groupMin, int mentorsPerGroup, boolean allowThreeMentors,
		boolean shareRoster, boolean creditCourse, Integer credits, Integer workloadFamiliarisation,
		Integer workloadTraining, Integer workloadGroups, Integer workloadLiterature,
		@Enumerated(EnumType.STRING) Grading grading, boolean certificate, String contactName, String contactEmail) {

	/** One ECTS credit is 27 hours of work in Finnish higher education. */
	public static final int HOURS_PER_CREDIT = 27;

	public enum Grading {

		PASS_FAIL

	}

	public ProgrammeSettings {
		campuses = campuses == null ? List.of() : List.copyOf(campuses);
	}

	public Integer workloadHours() {
		return creditCourse ? sum(workloadFamiliarisation, workloadTraining, workloadGroups, workloadLiterature) : null;
	}

	private static int sum(Integer... parts) {
		int total = 0;
		for (var part : parts) {
			total += part == null ? 0 : part;
		}
		return total;
	}

	/** The same settings with the roster shared with participants or not. */
	public ProgrammeSettings withShareRoster(boolean shared) {
		return new ProgrammeSettings(eligibilityKind, eligibilityValue, remote, videoLink, onCampus, campuses,
				termStart, termEnd, mentorCallOpens, mentorCallCloses, mentorSeats, signupOpens, signupCloses,
				participantSeats, trainingCount, trainingMinutes, meetingCount, meetingMinutes, meetingIntervalWeeks,
				groupMax, groupMin, mentorsPerGroup, allowThreeMentors, shared, creditCourse, credits,
				workloadFamiliarisation, workloadTraining, workloadGroups, workloadLiterature, grading, certificate,
				contactName, contactEmail);
	}

	public Instant opens(ProgrammeWindow window) {
		return window == ProgrammeWindow.MENTOR_CALL ? mentorCallOpens : signupOpens;
	}

	public Instant closes(ProgrammeWindow window) {
		return window == ProgrammeWindow.MENTOR_CALL ? mentorCallCloses : signupCloses;
	}

	/** Whether the window has opened by then (it may have closed since). */
	public boolean opened(ProgrammeWindow window, Instant at) {
		return !at.isBefore(opens(window));
	}

	/** Whether the window has closed by then. */
	public boolean closed(ProgrammeWindow window, Instant at) {
		return !at.isBefore(closes(window));
	}

	/** The same settings with one window closing at another time. */
	public ProgrammeSettings withCloses(ProgrammeWindow window, Instant closes) {
		var mentor = window == ProgrammeWindow.MENTOR_CALL ? closes : mentorCallCloses;
		var signup = window == ProgrammeWindow.SIGNUP ? closes : signupCloses;
		return new ProgrammeSettings(eligibilityKind, eligibilityValue, remote, videoLink, onCampus, campuses,
				termStart, termEnd, mentorCallOpens, mentor, mentorSeats, signupOpens, signup, participantSeats,
				trainingCount, trainingMinutes, meetingCount, meetingMinutes, meetingIntervalWeeks, groupMax, groupMin,
				mentorsPerGroup, allowThreeMentors, shareRoster, creditCourse, credits, workloadFamiliarisation,
				workloadTraining, workloadGroups, workloadLiterature, grading, certificate, contactName, contactEmail);
	}

	/**
	 * The same settings a whole number of weeks later, so weekdays stay the same: for
	 * next term's copy.
	 */
	public ProgrammeSettings shiftedBy(Period weeks) {
		var shift = Duration.ofDays(weeks.getDays());
		return new ProgrammeSettings(eligibilityKind, eligibilityValue, remote, videoLink, onCampus, campuses,
				termStart.plus(weeks), termEnd.plus(weeks), mentorCallOpens.plus(shift), mentorCallCloses.plus(shift),
				mentorSeats, signupOpens.plus(shift), signupCloses.plus(shift), participantSeats, trainingCount,
				trainingMinutes, meetingCount, meetingMinutes, meetingIntervalWeeks, groupMax, groupMin,
				mentorsPerGroup, allowThreeMentors, shareRoster, creditCourse, credits, workloadFamiliarisation,
				workloadTraining, workloadGroups, workloadLiterature, grading, certificate, contactName, contactEmail);
	}
}
