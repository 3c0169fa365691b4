package app.kindred.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * Surveys scheduled, sent and answered with nobody at a page, for the demo data, which
 * takes a programme through its feedback the way its coordinator and participants would:
 * through the same services, checks and anonymous answer path as the pages.
 */
public interface UnattendedSurveys {

	/** When in the programme a survey is asked. */
	enum At {

		BEFORE_FIRST, AFTER_THIRD, AFTER_LAST

	}

	/**
	 * One question of a survey's form as an answer to it is sent: {@code q.<key>} with a
	 * point from {@code min} to {@code max} for a scale, a free text for {@code text}
	 * (with {@code quote.<key>=true} to let it be quoted, when {@code quotable});
	 * {@code reverse} when a higher point means less of what the scale measures.
	 */
	record Question(String key, boolean text, int min, int max, boolean reverse, boolean quotable) {
	}

	/**
	 * A scheduled survey's form; a measure also asks for the self-generated code
	 * ({@code codeFields}: two letters and a day of the month).
	 */
	record Form(UUID survey, SurveyKind kind, List<Question> questions, List<String> codeFields) {
	}

	/**
	 * Schedules the form at the moment in this window, or the default window when
	 * {@code opens} is null; refused as the scheduling page is.
	 */
	UUID schedule(ProgrammeId programme, String formKey, At at, Instant opens, Instant closes, AccountId coordinator);

	/**
	 * Sends the invitations of every open survey now, as the scheduled sweep does;
	 * returns how many it sent.
	 */
	int sendInvitations();

	Form form(UUID survey);

	/**
	 * Answers as the invited person signed in would, refused as the page refuses;
	 * {@link IllegalArgumentException} names the fields of an answer with problems.
	 */
	void answer(UUID survey, AccountId person, Language language, Map<String, List<String>> sent);

}
