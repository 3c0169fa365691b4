package app.kindred.recruitment;

import java.util.Set;

import app.kindred.core.Language;

/** What a person tells about themselves when they sign up; mentors also say why and what experience they have. */
public record SignUpAnswers(Set<Language> languages, Delivery delivery, String department, String motivation,
		String experience, boolean declaredEligible) {

	public enum Delivery {
		REMOTE, CAMPUS, EITHER
	}
}
