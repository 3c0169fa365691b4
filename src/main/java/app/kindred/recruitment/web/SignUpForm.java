package app.kindred.recruitment.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.kindred.core.Language;
import app.kindred.recruitment.SignUpAnswers;

record SignUpForm(@NotEmpty Set<Language> languages, @NotNull SignUpAnswers.Delivery delivery,
		@Size(max = 200) String department, @Size(max = 4000) String motivation, @Size(max = 4000) String experience,
		Boolean declaredEligible, @NotNull @AssertTrue Boolean consent) {

	SignUpForm {
		languages = languages == null ? EnumSet.noneOf(Language.class) : languages;
	}

	/** Where the programme offers only one choice, it is already made. */
	static SignUpForm blank(Set<Language> languages, SignUpAnswers.Delivery[] deliveries) {
		return new SignUpForm(languages.size() == 1 ? EnumSet.copyOf(languages) : EnumSet.noneOf(Language.class),
				deliveries.length == 1 ? deliveries[0] : null, "", "", "", false, false);
	}

	SignUpAnswers answers() {
		return new SignUpAnswers(languages, delivery, department, motivation, experience,
				Boolean.TRUE.equals(declaredEligible));
	}
}
