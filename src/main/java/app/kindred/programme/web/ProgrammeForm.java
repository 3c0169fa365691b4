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

/**
 * A programme's settings as a coordinator edits them, on the page and in the JSON API
 * alike. Times are local to the organisation's time zone; {@link ProgrammeRules} checks
 * that they fit together.
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

	private static LocalDateTime local(Instant instant, ZoneId zone) {
		return LocalDateTime.ofInstant(instant, zone);
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
