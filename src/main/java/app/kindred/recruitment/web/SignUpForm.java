package app.kindred.recruitment.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.core.Language;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;

/**
 * The sign-up form as typed, and what it must hold ({@link #check}). A bean rather than a
 * record: its maps (availability per slot, answers per custom question) bind by key
 * ({@code availability[MON1615]}), and errors attach to those keys. Serializable, because
 * a form typed before signing in waits in the session until the person is back.
 */
class SignUpForm implements Serializable {

	private static final long serialVersionUID = 1L;

	/**
	 * Letters, digits and hyphens: student numbers differ between universities, but never
	 * hold anything else.
	 */

	@NotEmpty
	private Set<Language> languages = EnumSet.noneOf(Language.class);

	@NotNull
	private SignUpAnswers.Delivery delivery;

	private Set<String> campuses = new LinkedHashSet<>();

	private Map<String, Call.Availability> availability = new LinkedHashMap<>();

	@Size(max = 200)
	private String department = "";

	@Size(max = 4000)
	private String motivation = "";

	@Size(max = 4000)
	private String experience = "";

	@Size(max = 200)
	private String coMentor = "";

	private boolean forCredit;

	@Size(max = 20)
	private String studentNumber = "";

	/**
	 * Answers to short and long text questions and single choices (the option's number),
	 * by question id.
	 */
	private Map<String, String> text = new LinkedHashMap<>();

	/** Answers to multiple-choice questions: the options' numbers, by question id. */
	private Map<String, List<String>> choices = new LinkedHashMap<>();

	/** The ids of the call's consent texts accepted. */
	private Set<String> consents = new LinkedHashSet<>();

	private Boolean declaredEligible = false;

	@NotNull
	@AssertTrue
	private Boolean consent = false;

	/** Where the programme offers only one choice, it is already made. */
	static SignUpForm blank(ProgrammeView programme) {
		var languages = programme.groupLanguages();
		var deliveries = deliveries(programme);
		var form = new SignUpForm();
		if (languages.size() == 1) {
			form.languages = EnumSet.copyOf(languages);
		}
		form.delivery = deliveries.length == 1 ? deliveries[0] : null;
		return form;
	}

	/** The form filled with answers already given, to change them. */
	static SignUpForm of(SignUpAnswers answers) {
		var form = new SignUpForm();
		form.languages = answers.languages().isEmpty() ? EnumSet.noneOf(Language.class)
				: EnumSet.copyOf(answers.languages());
		form.delivery = answers.delivery();
		form.department = nullToEmpty(answers.department());
		form.motivation = nullToEmpty(answers.motivation());
		form.experience = nullToEmpty(answers.experience());
		form.declaredEligible = answers.declaredEligible();
		form.consent = true;
		var d = answers.details();
		form.campuses = new LinkedHashSet<>(d.campuses());
		form.availability = new LinkedHashMap<>(d.availability());
		form.forCredit = d.forCredit();
		form.studentNumber = nullToEmpty(d.studentNumber());
		form.coMentor = nullToEmpty(d.coMentor());
		form.consents = new LinkedHashSet<>(d.consents());
		d.custom().forEach((question, values) -> {
			form.text.put(question, values.isEmpty() ? "" : values.getFirst());
			form.choices.put(question, new ArrayList<>(values));
		});
		return form;
	}

	/**
	 * Takes everything but languages, place, weekly times and co-mentor from
	 * {@code stored}.
	 */
	void keepFixed(SignUpForm stored) {
		department = stored.department;
		motivation = stored.motivation;
		experience = stored.experience;
		forCredit = stored.forCredit;
		studentNumber = stored.studentNumber;
		text = stored.text;
		choices = stored.choices;
		consents = stored.consents;
		declaredEligible = stored.declaredEligible;
		consent = stored.consent;
	}

	/**
	 * The answers as stored, each custom question's answer taken from the part of the
	 * form its kind uses.
	 */
	SignUpAnswers answers(Call call) {
		var custom = new LinkedHashMap<String, List<String>>();
		for (var question : call.questions()) {
			var values = question.kind() == Call.QuestionKind.MULTIPLE_CHOICE
					? List.copyOf(choices.getOrDefault(question.id(), List.of()))
					: blank(text.get(question.id())) ? List.<String>of() : List.of(text.get(question.id()).strip());
			if (!values.isEmpty()) {
				custom.put(question.id(), values);
			}
		}
		var slots = new LinkedHashMap<String, Call.Availability>();
		availability.forEach((slot, value) -> {
			if (value != null && value != Call.Availability.NO) {
				slots.put(slot, value);
			}
		});
		var details = new SignUpAnswers.Details(List.copyOf(campuses), slots, forCredit,
				forCredit ? strip(studentNumber) : null, strip(coMentor), custom, List.copyOf(consents));
		return new SignUpAnswers(languages, delivery, department, motivation, experience,
				Boolean.TRUE.equals(declaredEligible), details);
	}

	/**
	 * What the form must hold for this programme and call, beyond each field's own
	 * limits: only the choices offered, the questions asked answered, every consent
	 * accepted. Forged keys and values are refused like typing mistakes, at the field, so
	 * nothing unexpected is ever stored.
	 */
	boolean check(ProgrammeView programme, Call call, RecruitmentRole role, BindingResult result) {
		var s = programme.settings();
		if (!result.hasFieldErrors("languages") && !programme.groupLanguages().containsAll(languages)) {
			result.rejectValue("languages", "signUp.unknownChoice");
		}
		if (!result.hasFieldErrors("delivery") && delivery != null
				&& !Arrays.asList(deliveries(programme)).contains(delivery)) {
			result.rejectValue("delivery", "signUp.unknownChoice");
		}
		if (!s.campuses().containsAll(campuses)) {
			result.rejectValue("campuses", "signUp.unknownChoice");
		}
		else if (s.campuses().size() > 1 && delivery != null && delivery != SignUpAnswers.Delivery.REMOTE
				&& campuses.isEmpty()) {
			result.rejectValue("campuses", "signUp.campusRequired");
		}
		checkAvailability(call, result);
		if (role == RecruitmentRole.MENTOR && blank(motivation)) {
			result.rejectValue("motivation", "NotBlank");
		}
		if (call.askStudentNumber() && forCredit && !result.hasFieldErrors("studentNumber")
				&& (blank(studentNumber) || !SignUpAnswers.Details.validStudentNumber(studentNumber))) {
			result.rejectValue("studentNumber", "signUp.studentNumberInvalid");
		}
		checkQuestions(call, result);
		var consentIds = call.consents().stream().map(Call.Consent::id).collect(Collectors.toSet());
		if (!consentIds.containsAll(consents)) {
			result.rejectValue("consents", "signUp.unknownChoice");
		}
		for (var consent : call.consents()) {
			if (!consents.contains(consent.id())) {
				result.rejectValue("consents", "signUp.consentRequired");
				break;
			}
		}
		if (s.eligibilityKind() == EligibilityKind.SELF_DECLARED && !Boolean.TRUE.equals(declaredEligible)) {
			result.rejectValue("declaredEligible", "signUp.declarationRequired");
		}
		return !result.hasErrors();
	}

	/** Only the call's slots; where it has any, at least one must be possible. */
	private void checkAvailability(Call call, BindingResult result) {
		var keys = call.slots().stream().map(Call.Slot::key).collect(Collectors.toSet());
		if (result.hasFieldErrors("availability*")) {
			return;
		}
		if (!keys.containsAll(availability.keySet())) {
			result.rejectValue("availability", "signUp.unknownChoice");
		}
		else if (!keys.isEmpty()
				&& availability.values().stream().noneMatch(a -> a != null && a != Call.Availability.NO)) {
			result.rejectValue("availability", "signUp.availabilityRequired");
		}
	}

	private void checkQuestions(Call call, BindingResult result) {
		var asked = call.questions().stream().map(Call.Question::id).collect(Collectors.toSet());
		if (!asked.containsAll(text.keySet()) || !asked.containsAll(choices.keySet())) {
			result.reject("signUp.unknownQuestion");
		}
		for (var question : call.questions()) {
			var options = question.options().values().stream().findFirst().map(List::size).orElse(0);
			switch (question.kind()) {
				case SHORT_TEXT, LONG_TEXT -> {
					var value = text.get(question.id());
					if (question.required() && blank(value)) {
						result.rejectValue("text[" + question.id() + "]", "NotBlank");
					}
					else if (value != null && value.strip().length() > question.kind().maxLength()) {
						result.rejectValue("text[" + question.id() + "]", "Size",
								new Object[] { "", question.kind().maxLength(), 0 }, null);
					}
				}
				case SINGLE_CHOICE -> {
					var value = text.get(question.id());
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
					var values = choices.getOrDefault(question.id(), List.of());
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

	/**
	 * Where people can take part: remotely, on campus, or either, as the programme
	 * offers.
	 */
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

	private static String strip(String value) {
		return blank(value) ? null : value.strip();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	public Set<Language> getLanguages() {
		return languages;
	}

	public void setLanguages(Set<Language> languages) {
		this.languages = languages == null ? EnumSet.noneOf(Language.class) : languages;
	}

	public SignUpAnswers.Delivery getDelivery() {
		return delivery;
	}

	public void setDelivery(SignUpAnswers.Delivery delivery) {
		this.delivery = delivery;
	}

	public Set<String> getCampuses() {
		return campuses;
	}

	public void setCampuses(Set<String> campuses) {
		this.campuses = campuses == null ? new LinkedHashSet<>() : campuses;
	}

	public Map<String, Call.Availability> getAvailability() {
		return availability;
	}

	public void setAvailability(Map<String, Call.Availability> availability) {
		this.availability = availability == null ? new LinkedHashMap<>() : availability;
	}

	public String getDepartment() {
		return department;
	}

	public void setDepartment(String department) {
		this.department = department;
	}

	public String getMotivation() {
		return motivation;
	}

	public void setMotivation(String motivation) {
		this.motivation = motivation;
	}

	public String getExperience() {
		return experience;
	}

	public void setExperience(String experience) {
		this.experience = experience;
	}

	public String getCoMentor() {
		return coMentor;
	}

	public void setCoMentor(String coMentor) {
		this.coMentor = coMentor;
	}

	public boolean isForCredit() {
		return forCredit;
	}

	public void setForCredit(boolean forCredit) {
		this.forCredit = forCredit;
	}

	public String getStudentNumber() {
		return studentNumber;
	}

	public void setStudentNumber(String studentNumber) {
		this.studentNumber = studentNumber;
	}

	public Map<String, String> getText() {
		return text;
	}

	public void setText(Map<String, String> text) {
		this.text = text == null ? new LinkedHashMap<>() : text;
	}

	public Map<String, List<String>> getChoices() {
		return choices;
	}

	public void setChoices(Map<String, List<String>> choices) {
		this.choices = choices == null ? new LinkedHashMap<>() : choices;
	}

	public Set<String> getConsents() {
		return consents;
	}

	public void setConsents(Set<String> consents) {
		this.consents = consents == null ? new LinkedHashSet<>() : consents;
	}

	public Boolean getDeclaredEligible() {
		return declaredEligible;
	}

	public void setDeclaredEligible(Boolean declaredEligible) {
		this.declaredEligible = declaredEligible;
	}

	public Boolean getConsent() {
		return consent;
	}

	public void setConsent(Boolean consent) {
		this.consent = consent;
	}

}
