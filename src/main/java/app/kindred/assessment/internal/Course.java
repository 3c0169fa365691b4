package app.kindred.assessment.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.kindred.core.Language;
import app.kindred.programme.ProgrammeView;

/**
 * A programme's credit course as its pages read it: the programme, the course's own
 * settings with every deadline resolved (a deadline not set falls back to one from the
 * term's dates), its learning outcomes and assessment criteria.
 */
public record Course(ProgrammeView programme, String code, int ratingScale, Instant objectivesDue, Instant diaryDue,
		Instant selfEvaluationDue, Instant peerEvaluationDue, int assessmentWeeks, boolean coordinatorsRead,
		boolean diaryForAll, List<Item> outcomes, List<Item> criteria) {

	public static final int DEFAULT_SCALE = 5;

	public static final int DEFAULT_ASSESSMENT_WEEKS = 3;

	/**
	 * Objectives are due this long after the term starts, unless the course says
	 * otherwise.
	 */
	static final int DEFAULT_OBJECTIVE_WEEKS = 3;

	/** An outcome or a criterion, in the languages it was written in. */
	public record Item(UUID id, int position, Map<Language, String> texts) {

		/** The text in the wanted language, else in English, else in any written. */
		public String text(Language wanted) {
			if (texts.containsKey(wanted)) {
				return texts.get(wanted);
			}
			return texts.getOrDefault(Language.EN, texts.values().stream().findFirst().orElse(""));
		}

	}

	/** The settings as stored; null deadlines mean the defaults. */
	public record Settings(String code, int ratingScale, Instant objectivesDue, Instant diaryDue,
			Instant selfEvaluationDue, Instant peerEvaluationDue, int assessmentWeeks, boolean coordinatorsRead,
			boolean diaryForAll) {

		static final Settings DEFAULTS = new Settings(null, DEFAULT_SCALE, null, null, null, null,
				DEFAULT_ASSESSMENT_WEEKS, false, false);

	}

	static Course of(ProgrammeView programme, Settings stored, List<Item> outcomes, List<Item> criteria) {
		var settings = programme.settings();
		Instant termEnds = endOf(settings.termEnd(), programme.zone());
		Instant objectives = stored.objectivesDue() != null ? stored.objectivesDue() : settings.termStart() == null
				? termEnds : endOf(settings.termStart().plusWeeks(DEFAULT_OBJECTIVE_WEEKS), programme.zone());
		return new Course(programme, stored.code(), stored.ratingScale(), objectives, or(stored.diaryDue(), termEnds),
				or(stored.selfEvaluationDue(), termEnds), or(stored.peerEvaluationDue(), termEnds),
				stored.assessmentWeeks(), stored.coordinatorsRead(), stored.diaryForAll(), outcomes, criteria);
	}

	/** Whether the programme is run as a course for credits. */
	public boolean forCredit() {
		return programme.settings().creditCourse();
	}

	/**
	 * When the teachers' decisions are due: the set number of weeks after the term ends.
	 */
	public Instant assessmentDue() {
		return endOf(programme.settings().termEnd(), programme.zone()).plus(Duration.ofDays(7L * assessmentWeeks));
	}

	public int credits() {
		var credits = programme.settings().credits();
		return credits == null ? 0 : credits;
	}

	private static Instant or(Instant stored, Instant fallback) {
		return stored != null ? stored : fallback;
	}

	/**
	 * The last moment of a day in the programme's zone: deadlines fall at the end of a
	 * day.
	 */
	static Instant endOf(LocalDate day, ZoneId zone) {
		return day == null ? Instant.MAX : day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
	}

}
