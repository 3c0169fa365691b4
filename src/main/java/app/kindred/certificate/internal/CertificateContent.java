package app.kindred.certificate.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import app.kindred.core.Language;

/**
 * What a certificate certifies, fixed on the day it is issued: the PDF, the verification
 * page and the credential are all drawn from it, so a later change to attendance or to
 * the programme's texts never rewrites a certificate someone has already shown. Stored as
 * JSON in the certificate's row.
 *
 * @param holderName the holder's name as it stood when issued
 * @param organisationName the issuing organisation
 * @param programmeNames the programme's name in each language it has
 * @param termStart the first day of the programme's term
 * @param termEnd the last day of the programme's term
 * @param trainings the trainings (make-up sessions too) attended, by date
 * @param supervision the supervision sessions attended, by date
 * @param groups the groups co-led (a mentor) or taken part in (a participant)
 * @param totalMinutes everything above together, in minutes
 * @param roleTexts what the mentor's role involved, per language (mentor certificates)
 * @param course the course passed (course certificates), else null
 * @param signatoryName who signs: the settings' signatory or the issuing coordinator
 * @param signatoryTitle the signatory's title as set, or null for "coordinator" in the
 * certificate's language
 */
public record CertificateContent(String holderName, String organisationName, Map<Language, String> programmeNames,
		LocalDate termStart, LocalDate termEnd, List<Session> trainings, List<Session> supervision, List<Group> groups,
		int totalMinutes, Map<Language, String> roleTexts, Course course, String signatoryName, String signatoryTitle) {

	public CertificateContent {
		programmeNames = Map.copyOf(programmeNames);
		trainings = List.copyOf(trainings);
		supervision = List.copyOf(supervision);
		groups = List.copyOf(groups);
		roleTexts = roleTexts == null ? Map.of() : Map.copyOf(roleTexts);
	}

	/** A training or supervision session attended: its day and length. */
	public record Session(LocalDate date, int minutes) {
	}

	/**
	 * A group: its number in the programme, its language, and the meetings that count
	 * (held, for a mentor; attended, for a participant) with their length together.
	 */
	public record Group(int number, Language language, int meetings, int minutes) {
	}

	/**
	 * A credit course passed: its code, credits, the day of the pass in force and the
	 * learning outcomes per language.
	 */
	public record Course(String code, int credits, LocalDate passedOn, Map<Language, List<String>> outcomes) {

		public Course {
			outcomes = Map.copyOf(outcomes);
		}

	}

	/** The programme's name in the wanted language, else in any it has. */
	public String programmeName(Language wanted) {
		return programmeNames.containsKey(wanted) ? programmeNames.get(wanted)
				: programmeNames.values().iterator().next();
	}

	/** The hours in total, rounded to the half hour below. */
	public double totalHours() {
		return Math.floor(totalMinutes / 30.0) / 2.0;
	}

}
