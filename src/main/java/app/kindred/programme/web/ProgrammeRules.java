package app.kindred.programme.web;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeSettings;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The rules that make a programme's settings fit together, each reported at the field to
 * change. Single-field limits are on {@link ProgrammeForm} itself; these run after them
 * and skip fields that already failed.
 */
@Component
class ProgrammeRules implements Validator {

	private static final Pattern DOMAIN = Pattern
		.compile("^(?=.{3,200}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$");

	private static final BigDecimal QUARTER_HOURS = new BigDecimal("0.25");

	@Override
	public boolean supports(Class<?> type) {
		return ProgrammeForm.class.equals(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		var form = (ProgrammeForm) target;
		texts(form, errors);
		delivery(form, errors);
		eligibility(form, errors);
		dates(form, errors);
		groups(form, errors);
		credits(form, errors);
	}

	private void texts(ProgrammeForm form, Errors errors) {
		if (form.groupLanguages().isEmpty()) {
			errors.rejectValue("groupLanguages", "programme.rule.languageRequired");
		}
		boolean any = false;
		for (var language : Language.values()) {
			var name = form.name(language);
			var description = form.description(language);
			var suffix = language.name().charAt(0) + language.name().substring(1).toLowerCase();
			any |= !ProgrammeForm.isBlank(name);
			if (form.groupLanguages().contains(language) && ProgrammeForm.isBlank(name)) {
				reject(errors, "name" + suffix, "programme.rule.nameForGroupLanguage");
			}
			if (!ProgrammeForm.isBlank(name) && ProgrammeForm.isBlank(description)) {
				reject(errors, "description" + suffix, "programme.rule.descriptionWithName");
			}
			if (ProgrammeForm.isBlank(name) && !ProgrammeForm.isBlank(description)) {
				reject(errors, "name" + suffix, "programme.rule.nameWithDescription");
			}
		}
		if (!any && form.groupLanguages().isEmpty()) {
			reject(errors, "nameEn", "programme.rule.nameRequired");
		}
	}

	private void delivery(ProgrammeForm form, Errors errors) {
		if (!form.remote() && !form.onCampus()) {
			reject(errors, "remote", "programme.rule.deliveryRequired");
		}
		if (form.onCampus() && form.campuses().isBlank()) {
			reject(errors, "campuses", "programme.rule.campusRequired");
		}
		if (form.remote() && !ProgrammeForm.isBlank(form.videoLink()) && !isWebAddress(form.videoLink().strip())) {
			reject(errors, "videoLink", "programme.rule.videoLink");
		}
	}

	private void eligibility(ProgrammeForm form, Errors errors) {
		if (form.eligibilityKind() == EligibilityKind.EMAIL_DOMAIN && (ProgrammeForm.isBlank(form.eligibilityValue())
				|| !DOMAIN.matcher(form.eligibilityValue().strip().toLowerCase().replaceFirst("^@", "")).matches())) {
			reject(errors, "eligibilityValue", "programme.rule.emailDomain");
		}
		if (form.eligibilityKind() == EligibilityKind.SELF_DECLARED && ProgrammeForm.isBlank(form.eligibilityValue())) {
			reject(errors, "eligibilityValue", "programme.rule.declaredStatus");
		}
	}

	private void dates(ProgrammeForm form, Errors errors) {
		// Forms read dates through core.web's formatters, which keep them in range; JSON
		// bodies are checked here
		outOfRange(form.termStart(), "termStart", "typeMismatch.java.time.LocalDate", errors);
		outOfRange(form.termEnd(), "termEnd", "typeMismatch.java.time.LocalDate", errors);
		for (var field : new Object[][] { { form.mentorCallOpens(), "mentorCallOpens" },
				{ form.mentorCallCloses(), "mentorCallCloses" }, { form.signupOpens(), "signupOpens" },
				{ form.signupCloses(), "signupCloses" } }) {
			var time = (LocalDateTime) field[0];
			outOfRange(time == null ? null : time.toLocalDate(), (String) field[1],
					"typeMismatch.java.time.LocalDateTime", errors);
		}
		if (Stream.of("termStart", "termEnd", "mentorCallOpens", "mentorCallCloses", "signupOpens", "signupCloses")
			.anyMatch(errors::hasFieldErrors)) {
			return;
		}
		if (form.termStart() != null && form.termEnd() != null && form.termEnd().isBefore(form.termStart())) {
			reject(errors, "termEnd", "programme.rule.termEndBeforeStart");
		}
		if (form.mentorCallOpens() != null && form.mentorCallCloses() != null
				&& !form.mentorCallCloses().isAfter(form.mentorCallOpens())) {
			reject(errors, "mentorCallCloses", "programme.rule.closesBeforeOpens");
		}
		if (form.signupOpens() != null && form.signupCloses() != null
				&& !form.signupCloses().isAfter(form.signupOpens())) {
			reject(errors, "signupCloses", "programme.rule.closesBeforeOpens");
		}
		if (form.termEnd() != null) {
			var lastMoment = form.termEnd().plusDays(1).atStartOfDay();
			if (form.mentorCallCloses() != null && form.mentorCallCloses().isAfter(lastMoment)) {
				reject(errors, "mentorCallCloses", "programme.rule.closesAfterTerm");
			}
			if (form.signupCloses() != null && form.signupCloses().isAfter(lastMoment)) {
				reject(errors, "signupCloses", "programme.rule.closesAfterTerm");
			}
		}
		quarterHours(form.trainingHours(), "trainingHours", errors);
		quarterHours(form.meetingHours(), "meetingHours", errors);
	}

	private static void outOfRange(LocalDate date, String field, String code, Errors errors) {
		if (date != null && !Dates.accepted(date)) {
			reject(errors, field, code);
		}
	}

	private void groups(ProgrammeForm form, Errors errors) {
		if (form.groupMin() != null && form.groupMax() != null && form.groupMin() > form.groupMax()) {
			reject(errors, "groupMin", "programme.rule.minOverMax");
		}
		if (form.groupMax() != null && form.mentorsPerGroup() != null) {
			int mostMentors = form.mentorsPerGroup() + (form.allowThreeMentors() && form.mentorsPerGroup() < 3 ? 1 : 0);
			if (form.groupMax() <= mostMentors) {
				errors.rejectValue("groupMax", "programme.rule.roomForParticipants", new Object[] { mostMentors + 1 },
						null);
			}
		}
	}

	private void credits(ProgrammeForm form, Errors errors) {
		if (!form.creditCourse()) {
			return;
		}
		if (form.credits() == null) {
			reject(errors, "credits", "programme.rule.creditsRequired");
			return;
		}
		Integer[] parts = { form.workloadFamiliarisation(), form.workloadTraining(), form.workloadGroups(),
				form.workloadLiterature() };
		String[] fields = { "workloadFamiliarisation", "workloadTraining", "workloadGroups", "workloadLiterature" };
		int sum = 0;
		for (int i = 0; i < parts.length; i++) {
			if (parts[i] == null) {
				reject(errors, fields[i], "programme.rule.workloadRequired");
				return;
			}
			sum += parts[i];
		}
		int expected = form.credits() * ProgrammeSettings.HOURS_PER_CREDIT;
		if (sum != expected && !errors.hasFieldErrors("credits")) {
			errors.rejectValue("credits", "programme.rule.workloadSum", new Object[] { sum, form.credits(), expected },
					null);
		}
	}

	private static void quarterHours(BigDecimal hours, String field, Errors errors) {
		if (hours != null && hours.remainder(QUARTER_HOURS).signum() != 0) {
			reject(errors, field, "programme.rule.quarterHours");
		}
	}

	private static boolean isWebAddress(String value) {
		try {
			var uri = new URI(value);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static void reject(Errors errors, String field, String code) {
		if (!errors.hasFieldErrors(field)) {
			errors.rejectValue(field, code);
		}
	}

}
