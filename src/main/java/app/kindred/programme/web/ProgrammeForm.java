package app.kindred.programme.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.kindred.core.Language;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeText;
import app.kindred.programme.ProgrammeView;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.validation.Errors;

import app.kindred.core.web.Dates;

/**
 * A programme's settings as a coordinator edits them, on the page and in the JSON API
 * alike. Times are local to the organisation's time zone; {@link #check} checks that they
 * fit together.
 */
public record ProgrammeForm(@Size(max = 200) String nameEn, @Size(max = 200) String nameFi,
		@Size(max = 200) String nameSv, @Size(max = 4000) String descriptionEn, @Size(max = 4000) String descriptionFi,
		@Size(max = 4000) String descriptionSv, @Size(max = 1000) String audienceEn,
		@Size(max = 1000) String audienceFi, @Size(max = 1000) String audienceSv, Set<Language> groupLanguages,
		@NotNull EligibilityKind eligibilityKind, @Size(max = 200) String eligibilityValue, Boolean remote,
		@Size(max = 500) String videoLink, Boolean onCampus, @Size(max = 1000) String campuses,
		@NotNull LocalDate termStart, @NotNull LocalDate termEnd, @NotNull LocalDateTime mentorCallOpens,
		@NotNull LocalDateTime mentorCallCloses, @NotNull @Min(1) @Max(10000) Integer mentorSeats,
		@NotNull LocalDateTime signupOpens, @NotNull LocalDateTime signupCloses,
		@NotNull @Min(1) @Max(100000) Integer participantSeats, @NotNull @Min(0) @Max(10) Integer trainingCount,
		@NotNull @DecimalMin("0.5") @DecimalMax("8") BigDecimal trainingHours,
		@NotNull @Min(1) @Max(20) Integer meetingCount,
		@NotNull @DecimalMin("0.5") @DecimalMax("8") BigDecimal meetingHours,
		@NotNull @Min(1) @Max(2) Integer meetingIntervalWeeks, @NotNull @Min(2) @Max(30) Integer groupMax,
		@NotNull @Min(1) @Max(30) Integer groupMin, @NotNull @Min(1) @Max(3) Integer mentorsPerGroup,
		Boolean allowThreeMentors, Boolean shareRoster, Boolean creditCourse, @Min(1) @Max(30) Integer credits,
		@Min(0) @Max(1000) Integer workloadFamiliarisation, @Min(0) @Max(1000) Integer workloadTraining,
		@Min(0) @Max(1000) Integer workloadGroups, @Min(0) @Max(1000) Integer workloadLiterature, Boolean certificate,
		@NotBlank @Size(max = 100) String contactName, @NotBlank @Email @Size(max = 254) String contactEmail) {

	private static final Pattern DOMAIN = Pattern
		.compile("^(?=.{3,200}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$");

	private static final BigDecimal QUARTER_HOURS = new BigDecimal("0.25");

	public ProgrammeForm {
		// Unticked boxes are not sent at all by browsers.
		campuses = campuses == null ? "" : campuses;
		groupLanguages = groupLanguages == null ? EnumSet.noneOf(Language.class)
				: EnumSet.copyOf(nonEmpty(groupLanguages));
		remote = Boolean.TRUE.equals(remote);
		onCampus = Boolean.TRUE.equals(onCampus);
		allowThreeMentors = Boolean.TRUE.equals(allowThreeMentors);
		shareRoster = Boolean.TRUE.equals(shareRoster);
		creditCourse = Boolean.TRUE.equals(creditCourse);
		certificate = Boolean.TRUE.equals(certificate);
	}

	private static Set<Language> nonEmpty(Set<Language> languages) {
		var copy = EnumSet.noneOf(Language.class);
		languages.stream().filter(Objects::nonNull).forEach(copy::add);
		return copy;
	}

	/**
	 * A new programme starts from the model's usual shape: three trainings, six two-hour
	 * meetings, pairs of mentors.
	 */
	static ProgrammeForm defaults(Language language, String contactName, String contactEmail, Clock clock,
			ZoneId zone) {
		var today = LocalDate.now(clock.withZone(zone));
		var noon = today.atTime(12, 0);
		return new ProgrammeForm("", "", "", "", "", "", "", "", "", EnumSet.of(language), EligibilityKind.NONE, "",
				true, "", false, "", today.plusWeeks(8), today.plusWeeks(20), noon.plusDays(1),
				today.plusWeeks(3).atTime(23, 59), 20, noon.plusWeeks(4), today.plusWeeks(7).atTime(23, 59), 80, 3,
				new BigDecimal("3.5"), 6, new BigDecimal("2"), 1, 10, 4, 2, true, false, false, null, null, null, null,
				null, true, contactName == null ? "" : contactName, contactEmail == null ? "" : contactEmail);
	}

	static ProgrammeForm of(ProgrammeView programme) {
		var s = programme.settings();
		var zone = programme.zone();
		ProgrammeText en = programme.texts().get(Language.EN), fi = programme.texts().get(Language.FI),
				sv = programme.texts().get(Language.SV);
		return new ProgrammeForm(name(en), name(fi), name(sv), description(en), description(fi), description(sv),
				audience(en), audience(fi), audience(sv), programme.groupLanguages(), s.eligibilityKind(),
				s.eligibilityValue(), s.remote(), s.videoLink(), s.onCampus(), String.join("\n", s.campuses()),
				s.termStart(), s.termEnd(), local(s.mentorCallOpens(), zone), local(s.mentorCallCloses(), zone),
				s.mentorSeats(), local(s.signupOpens(), zone), local(s.signupCloses(), zone), s.participantSeats(),
				s.trainingCount(), hours(s.trainingMinutes()), s.meetingCount(), hours(s.meetingMinutes()),
				s.meetingIntervalWeeks(), s.groupMax(), s.groupMin(), s.mentorsPerGroup(), s.allowThreeMentors(),
				s.shareRoster(), s.creditCourse(), s.credits(), s.workloadFamiliarisation(), s.workloadTraining(),
				s.workloadGroups(), s.workloadLiterature(), s.certificate(), s.contactName(), s.contactEmail());
	}

	Map<Language, ProgrammeText> texts() {
		var texts = new EnumMap<Language, ProgrammeText>(Language.class);
		put(texts, Language.EN, nameEn, descriptionEn, audienceEn);
		put(texts, Language.FI, nameFi, descriptionFi, audienceFi);
		put(texts, Language.SV, nameSv, descriptionSv, audienceSv);
		return texts;
	}

	ProgrammeSettings settings(ZoneId zone) {
		var credit = Boolean.TRUE.equals(creditCourse);
		return new ProgrammeSettings(eligibilityKind,
				blankToNull(eligibilityKind == EligibilityKind.NONE ? null : eligibilityValue), remote,
				remote ? blankToNull(videoLink) : null, onCampus,
				onCampus ? Arrays.stream(campuses.split("[\\n,]"))
					.map(String::strip)
					.filter(c -> !c.isEmpty())
					.distinct()
					.toList() : List.of(),
				termStart, termEnd, instant(mentorCallOpens, zone), instant(mentorCallCloses, zone), mentorSeats,
				instant(signupOpens, zone), instant(signupCloses, zone), participantSeats, trainingCount,
				minutes(trainingHours), meetingCount, minutes(meetingHours), meetingIntervalWeeks, groupMax, groupMin,
				mentorsPerGroup, allowThreeMentors, shareRoster, credit, credit ? credits : null,
				credit ? workloadFamiliarisation : null, credit ? workloadTraining : null,
				credit ? workloadGroups : null, credit ? workloadLiterature : null,
				credit ? ProgrammeSettings.Grading.PASS_FAIL : null, certificate, contactName.strip(),
				contactEmail.strip());
	}

	/**
	 * The rules that make the settings fit together, each reported at the field to
	 * change. Single-field limits are the annotations above; these run after them and
	 * skip fields that already failed.
	 */
	void check(Errors errors) {
		texts(errors);
		delivery(errors);
		eligibility(errors);
		dates(errors);
		groups(errors);
		credits(errors);
	}

	private void texts(Errors errors) {
		if (groupLanguages().isEmpty()) {
			errors.rejectValue("groupLanguages", "programme.rule.languageRequired");
		}
		boolean any = false;
		for (var language : Language.values()) {
			var name = name(language);
			var description = description(language);
			var suffix = language.name().charAt(0) + language.name().substring(1).toLowerCase();
			any |= !isBlank(name);
			if (groupLanguages().contains(language) && isBlank(name)) {
				reject(errors, "name" + suffix, "programme.rule.nameForGroupLanguage");
			}
			if (!isBlank(name) && isBlank(description)) {
				reject(errors, "description" + suffix, "programme.rule.descriptionWithName");
			}
			if (isBlank(name) && !isBlank(description)) {
				reject(errors, "name" + suffix, "programme.rule.nameWithDescription");
			}
		}
		if (!any && groupLanguages().isEmpty()) {
			reject(errors, "nameEn", "programme.rule.nameRequired");
		}
	}

	private void delivery(Errors errors) {
		if (!remote() && !onCampus()) {
			reject(errors, "remote", "programme.rule.deliveryRequired");
		}
		if (onCampus() && campuses().isBlank()) {
			reject(errors, "campuses", "programme.rule.campusRequired");
		}
		if (remote() && !isBlank(videoLink()) && !isWebAddress(videoLink().strip())) {
			reject(errors, "videoLink", "programme.rule.videoLink");
		}
	}

	private void eligibility(Errors errors) {
		if (eligibilityKind() == EligibilityKind.EMAIL_DOMAIN && (isBlank(eligibilityValue())
				|| !DOMAIN.matcher(eligibilityValue().strip().toLowerCase().replaceFirst("^@", "")).matches())) {
			reject(errors, "eligibilityValue", "programme.rule.emailDomain");
		}
		if (eligibilityKind() == EligibilityKind.SELF_DECLARED && isBlank(eligibilityValue())) {
			reject(errors, "eligibilityValue", "programme.rule.declaredStatus");
		}
	}

	private void dates(Errors errors) {
		// Forms read dates through core.web's formatters, which keep them in range; JSON
		// bodies are checked here
		outOfRange(termStart(), "termStart", "typeMismatch.java.time.LocalDate", errors);
		outOfRange(termEnd(), "termEnd", "typeMismatch.java.time.LocalDate", errors);
		for (var field : new Object[][] { { mentorCallOpens(), "mentorCallOpens" },
				{ mentorCallCloses(), "mentorCallCloses" }, { signupOpens(), "signupOpens" },
				{ signupCloses(), "signupCloses" } }) {
			var time = (LocalDateTime) field[0];
			outOfRange(time == null ? null : time.toLocalDate(), (String) field[1],
					"typeMismatch.java.time.LocalDateTime", errors);
		}
		if (Stream.of("termStart", "termEnd", "mentorCallOpens", "mentorCallCloses", "signupOpens", "signupCloses")
			.anyMatch(errors::hasFieldErrors)) {
			return;
		}
		if (termStart() != null && termEnd() != null && termEnd().isBefore(termStart())) {
			reject(errors, "termEnd", "programme.rule.termEndBeforeStart");
		}
		if (mentorCallOpens() != null && mentorCallCloses() != null && !mentorCallCloses().isAfter(mentorCallOpens())) {
			reject(errors, "mentorCallCloses", "programme.rule.closesBeforeOpens");
		}
		if (signupOpens() != null && signupCloses() != null && !signupCloses().isAfter(signupOpens())) {
			reject(errors, "signupCloses", "programme.rule.closesBeforeOpens");
		}
		if (termEnd() != null) {
			var lastMoment = termEnd().plusDays(1).atStartOfDay();
			if (mentorCallCloses() != null && mentorCallCloses().isAfter(lastMoment)) {
				reject(errors, "mentorCallCloses", "programme.rule.closesAfterTerm");
			}
			if (signupCloses() != null && signupCloses().isAfter(lastMoment)) {
				reject(errors, "signupCloses", "programme.rule.closesAfterTerm");
			}
		}
		quarterHours(trainingHours(), "trainingHours", errors);
		quarterHours(meetingHours(), "meetingHours", errors);
	}

	private static void outOfRange(LocalDate date, String field, String code, Errors errors) {
		if (date != null && !Dates.accepted(date)) {
			reject(errors, field, code);
		}
	}

	private void groups(Errors errors) {
		if (groupMin() != null && groupMax() != null && groupMin() > groupMax()) {
			reject(errors, "groupMin", "programme.rule.minOverMax");
		}
		if (groupMax() != null && mentorsPerGroup() != null) {
			int mostMentors = mentorsPerGroup() + (allowThreeMentors() && mentorsPerGroup() < 3 ? 1 : 0);
			if (groupMax() <= mostMentors) {
				errors.rejectValue("groupMax", "programme.rule.roomForParticipants", new Object[] { mostMentors + 1 },
						null);
			}
		}
	}

	private void credits(Errors errors) {
		if (!creditCourse()) {
			return;
		}
		if (credits() == null) {
			reject(errors, "credits", "programme.rule.creditsRequired");
			return;
		}
		Integer[] parts = { workloadFamiliarisation(), workloadTraining(), workloadGroups(), workloadLiterature() };
		String[] fields = { "workloadFamiliarisation", "workloadTraining", "workloadGroups", "workloadLiterature" };
		int sum = 0;
		for (int i = 0; i < parts.length; i++) {
			if (parts[i] == null) {
				reject(errors, fields[i], "programme.rule.workloadRequired");
				return;
			}
			sum += parts[i];
		}
		int expected = credits() * ProgrammeSettings.HOURS_PER_CREDIT;
		if (sum != expected && !errors.hasFieldErrors("credits")) {
			errors.rejectValue("credits", "programme.rule.workloadSum", new Object[] { sum, credits(), expected },
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

	String name(Language language) {
		return switch (language) {
			case EN -> nameEn;
			case FI -> nameFi;
			case SV -> nameSv;
		};
	}

	String description(Language language) {
		return switch (language) {
			case EN -> descriptionEn;
			case FI -> descriptionFi;
			case SV -> descriptionSv;
		};
	}

	private static void put(Map<Language, ProgrammeText> texts, Language language, String name, String description,
			String audience) {
		if (!isBlank(name)) {
			texts.put(language, new ProgrammeText(name.strip(), description == null ? "" : description.strip(),
					audience == null ? "" : audience.strip()));
		}
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return isBlank(value) ? null : value.strip();
	}

	private static Instant instant(LocalDateTime local, ZoneId zone) {
		return local.truncatedTo(ChronoUnit.MINUTES).atZone(zone).toInstant();
	}

	/**
	 * To the minute, as a {@code datetime-local} field shows it: a stored value with
	 * seconds or their fractions (a window set through the API, or by a clock) would
	 * otherwise leave the field empty in the browser, and the form could not be sent.
	 */
	private static LocalDateTime local(Instant instant, ZoneId zone) {
		return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES);
	}

	private static int minutes(BigDecimal hours) {
		return hours.multiply(BigDecimal.valueOf(60)).intValue();
	}

	private static BigDecimal hours(int minutes) {
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).stripTrailingZeros();
	}

	private static String name(ProgrammeText t) {
		return t == null ? "" : t.name();
	}

	private static String description(ProgrammeText t) {
		return t == null ? "" : t.description();
	}

	private static String audience(ProgrammeText t) {
		return t == null ? "" : t.audience();
	}
}
