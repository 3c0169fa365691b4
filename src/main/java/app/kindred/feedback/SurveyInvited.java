package app.kindred.feedback;

import java.time.Instant;
import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A person is asked to answer a survey, or reminded once ({@code reminder}) before it
 * closes: the mail carries {@code link}, which lets them answer without signing in. The
 * event names the person and never anything they answered.
 */
public record SurveyInvited(UUID survey, ProgrammeId programme, AccountId person, SurveyKind kind, String title,
		String link, Instant closesAt, boolean reminder) {
}
