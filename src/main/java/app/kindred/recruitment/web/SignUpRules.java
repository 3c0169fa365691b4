package app.kindred.recruitment.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.validation.BindingResult;

import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;

/**
 * What a sign-up form must hold for this programme and call, beyond each field's own
 * limits: only the choices offered, the questions asked answered, every consent accepted.
 * Forged keys and values are refused like typing mistakes, at the field, so nothing
 * unexpected is ever stored.
 */
final class SignUpRules {

	/**
	 * Letters, digits and hyphens: student numbers differ between universities, but never
	 * hold anything else.
	 */
	private static final Pattern STUDENT_NUMBER = Pattern.compile("[A-Za-z0-9-]{3,20}");

	private SignUpRules() {
	}

	static void check(SignUpForm form, ProgrammeView programme, Call call, RecruitmentRole role, BindingResult result) {
		var s = programme.settings();
		if (!result.hasFieldErrors("languages") && !programme.groupLanguages().containsAll(form.getLanguages())) {
			result.rejectValue("languages", "signUp.unknownChoice");
		}
		if (!result.hasFieldErrors("delivery") && form.getDelivery() != null
				&& !Arrays.asList(deliveries(programme)).contains(form.getDelivery())) {
			result.rejectValue("delivery", "signUp.unknownChoice");
		}
		if (!s.campuses().containsAll(form.getCampuses())) {
			result.rejectValue("campuses", "signUp.unknownChoice");
		}
		else if (s.campuses().size() > 1 && form.getDelivery() != null
				&& form.getDelivery() != SignUpAnswers.Delivery.REMOTE && form.getCampuses().isEmpty()) {
			result.rejectValue("campuses", "signUp.campusRequired");
		}
		checkAvailability(form, call, result);
		if (role == RecruitmentRole.MENTOR && blank(form.getMotivation())) {
			result.rejectValue("motivation", "NotBlank");
		}
		if (call.askStudentNumber() && form.isForCredit() && !result.hasFieldErrors("studentNumber")
				&& (blank(form.getStudentNumber())
						|| !STUDENT_NUMBER.matcher(form.getStudentNumber().strip()).matches())) {
			result.rejectValue("studentNumber", "signUp.studentNumberInvalid");
		}
		checkQuestions(form, call, result);
		var consentIds = call.consents().stream().map(Call.Consent::id).collect(Collectors.toSet());
		if (!consentIds.containsAll(form.getConsents())) {
			result.rejectValue("consents", "signUp.unknownChoice");
		}
		for (var consent : call.consents()) {
			if (!form.getConsents().contains(consent.id())) {
				result.rejectValue("consents", "signUp.consentRequired");
				break;
			}
		}
		if (s.eligibilityKind() == EligibilityKind.SELF_DECLARED && !Boolean.TRUE.equals(form.getDeclaredEligible())) {
			result.rejectValue("declaredEligible", "signUp.declarationRequired");
		}
	}

	/** Only the call's slots; where it has any, at least one must be possible. */
	private static void checkAvailability(SignUpForm form, Call call, BindingResult result) {
		var keys = call.slots().stream().map(Call.Slot::key).collect(Collectors.toSet());
		if (result.hasFieldErrors("availability*")) {
			return;
		}
		if (!keys.containsAll(form.getAvailability().keySet())) {
			result.rejectValue("availability", "signUp.unknownChoice");
		}
		else if (!keys.isEmpty()
				&& form.getAvailability().values().stream().noneMatch(a -> a != null && a != Call.Availability.NO)) {
			result.rejectValue("availability", "signUp.availabilityRequired");
		}
	}

	private static void checkQuestions(SignUpForm form, Call call, BindingResult result) {
		var asked = call.questions().stream().map(Call.Question::id).collect(Collectors.toSet());
		if (!asked.containsAll(form.getText().keySet()) || !asked.containsAll(form.getChoices().keySet())) {
			result.reject("signUp.unknownQuestion");
		}
		for (var question : call.questions()) {
			var options = question.options().values().stream().findFirst().map(List::size).orElse(0);
			switch (question.kind()) {
				case SHORT_TEXT, LONG_TEXT -> {
					var value = form.getText().get(question.id());
					if (question.required() && blank(value)) {
						result.rejectValue("text[" + question.id() + "]", "NotBlank");
					}
					else if (value != null && value.strip().length() > question.kind().maxLength()) {
						result.rejectValue("text[" + question.id() + "]", "Size",
								new Object[] { "", question.kind().maxLength(), 0 }, null);
					}
				}
				case SINGLE_CHOICE -> {
					var value = form.getText().get(question.id());
					if (blank(value)) {
						if (question.required()) {
							result.rejectValue("text[" + question.id() + "]", "signUp.choiceRequired");
						}
					}
					else if (!validOption(value, options)) {
						result.rejectValue("text[" + question.id() + "]", "signUp.unknownChoice");
					}
				}
				case MULTIPLE_CHOICE -> {
					var values = form.getChoices().getOrDefault(question.id(), List.of());
					if (question.required() && values.isEmpty()) {
						result.rejectValue("choices[" + question.id() + "]", "signUp.choiceRequired");
					}
					else if (values.stream().anyMatch(v -> !validOption(v, options))
							|| Set.copyOf(values).size() != values.size()) {
						result.rejectValue("choices[" + question.id() + "]", "signUp.unknownChoice");
					}
				}
			}
		}
	}

	static SignUpAnswers.Delivery[] deliveries(ProgrammeView programme) {
		var s = programme.settings();
		if (s.remote() && s.onCampus()) {
			return SignUpAnswers.Delivery.values();
		}
		return new SignUpAnswers.Delivery[] {
				s.remote() ? SignUpAnswers.Delivery.REMOTE : SignUpAnswers.Delivery.CAMPUS };
	}

	private static boolean validOption(String value, int options) {
		try {
			int index = Integer.parseInt(value);
			return index >= 0 && index < options;
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
