package app.kindred.programme.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

import app.kindred.core.Language;
import app.kindred.programme.EligibilityKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Each rule between a programme's settings, shown failing on its own field and passing
 * when the settings fit.
 */
class ProgrammeRulesTests {

	@Test
	void acceptsSettingsThatFitTogether() {
		assertThat(errorsOf(f -> f)).isEmpty();
	}

	@Test
	void needsAGroupLanguage() {
		assertThat(errorsOf(f -> with(f, Set.of(), f.nameEn(), f.nameFi()))).containsEntry("groupLanguages",
				"programme.rule.languageRequired");
	}

	@Test
	void needsANameInEveryGroupLanguage() {
		assertThat(errorsOf(f -> with(f, EnumSet.of(Language.EN, Language.FI), f.nameEn(), ""))).containsEntry("nameFi",
				"programme.rule.nameForGroupLanguage");
	}

	@Test
	void needsADescriptionBesideAName() {
		assertThat(errorsOf(f -> with(f, f.groupLanguages(), f.nameEn(), "Nimi"))).containsEntry("descriptionFi",
				"programme.rule.descriptionWithName");
	}

	@Test
	void needsRemoteOrCampus() {
		assertThat(errorsOf(f -> copy(f, b -> b.remote = false))).containsEntry("remote",
				"programme.rule.deliveryRequired");
	}

	@Test
	void needsACampusForCampusMeetings() {
		assertThat(errorsOf(f -> copy(f, b -> b.onCampus = true))).containsEntry("campuses",
				"programme.rule.campusRequired");
	}

	@Test
	void needsAWebAddressForTheVideoLink() {
		assertThat(errorsOf(f -> copy(f, b -> b.videoLink = "zoom meeting 123"))).containsEntry("videoLink",
				"programme.rule.videoLink");
	}

	@Test
	void needsADomainForTheEmailRule() {
		assertThat(errorsOf(f -> copy(f, b -> {
			b.eligibility = EligibilityKind.EMAIL_DOMAIN;
			b.eligibilityValue = "not a domain";
		}))).containsEntry("eligibilityValue", "programme.rule.emailDomain");
		assertThat(errorsOf(f -> copy(f, b -> {
			b.eligibility = EligibilityKind.EMAIL_DOMAIN;
			b.eligibilityValue = "@univ.example.fi";
		}))).isEmpty();
	}

	@Test
	void refusesATermThatEndsBeforeItStarts() {
		assertThat(errorsOf(f -> copy(f, b -> b.termEnd = b.termStart.minusDays(1)))).containsEntry("termEnd",
				"programme.rule.termEndBeforeStart");
	}

	@Test
	void refusesWindowsThatCloseBeforeTheyOpen() {
		var errors = errorsOf(f -> copy(f, b -> {
			b.mentorCallCloses = b.mentorCallOpens;
			b.signupCloses = b.signupOpens.minusHours(1);
		}));
		assertThat(errors).containsEntry("mentorCallCloses", "programme.rule.closesBeforeOpens")
			.containsEntry("signupCloses", "programme.rule.closesBeforeOpens");
	}

	@Test
	void refusesWindowsThatCloseAfterTheTerm() {
		assertThat(errorsOf(f -> copy(f, b -> b.signupCloses = b.termEnd.plusDays(2).atStartOfDay())))
			.containsEntry("signupCloses", "programme.rule.closesAfterTerm");
	}

	@Test
	void refusesASmallestGroupOverTheLargest() {
		assertThat(errorsOf(f -> copy(f, b -> b.groupMin = 11))).containsEntry("groupMin", "programme.rule.minOverMax");
	}

	@Test
	void leavesRoomForParticipantsBesideTheMentors() {
		assertThat(errorsOf(f -> copy(f, b -> {
			b.groupMax = 3;
			b.groupMin = 2;
			b.allowThree = true;
		}))).containsEntry("groupMax", "programme.rule.roomForParticipants");
	}

	@Test
	void needsWorkloadThatAddsUpToTheCredits() {
		assertThat(errorsOf(f -> copy(f, b -> {
			b.credit = true;
			b.credits = 3;
			b.workload = new Integer[] { 9, 18, 27, 20 };
		}))).containsEntry("credits", "programme.rule.workloadSum");
		assertThat(errorsOf(f -> copy(f, b -> {
			b.credit = true;
			b.credits = 3;
			b.workload = new Integer[] { 9, 18, 27, 27 };
		}))).isEmpty();
	}

	@Test
	void needsQuarterHours() {
		assertThat(errorsOf(f -> copy(f, b -> b.meetingHours = new BigDecimal("1.3")))).containsEntry("meetingHours",
				"programme.rule.quarterHours");
	}

	private Map<String, String> errorsOf(UnaryOperator<ProgrammeForm> change) {
		var form = change.apply(valid());
		var errors = new BeanPropertyBindingResult(form, "form");
		form.check(errors);
		var result = new LinkedHashMap<String, String>();
		errors.getFieldErrors().forEach(e -> result.putIfAbsent(e.getField(), e.getCode()));
		return result;
	}

	static ProgrammeForm valid() {
		return new Builder().build();
	}

	private static ProgrammeForm with(ProgrammeForm f, Set<Language> languages, String nameEn, String nameFi) {
		var b = Builder.of(f);
		b.languages = languages;
		b.nameEn = nameEn;
		b.nameFi = nameFi;
		return b.build();
	}

	private static ProgrammeForm copy(ProgrammeForm f, Consumer<Builder> change) {
		var b = Builder.of(f);
		change.accept(b);
		return b.build();
	}

	/** The handful of settings these tests vary, around a valid programme. */
	static final class Builder {

		Set<Language> languages = EnumSet.of(Language.EN);

		String nameEn = "Compassion groups", nameFi = "", videoLink = "https://video.example/room",
				eligibilityValue = "";

		boolean remote = true, onCampus = false, allowThree = false, credit = false;

		EligibilityKind eligibility = EligibilityKind.NONE;

		LocalDate termStart = LocalDate.of(2027, 9, 1), termEnd = LocalDate.of(2027, 12, 18);

		LocalDateTime mentorCallOpens = LocalDateTime.of(2027, 8, 15, 9, 0),
				mentorCallCloses = LocalDateTime.of(2027, 9, 13, 23, 59),
				signupOpens = LocalDateTime.of(2027, 9, 20, 9, 0),
				signupCloses = LocalDateTime.of(2027, 10, 15, 23, 59);

		int groupMax = 10, groupMin = 4;

		Integer credits;

		Integer[] workload = new Integer[4];

		BigDecimal meetingHours = new BigDecimal("2");

		static Builder of(ProgrammeForm f) {
			var b = new Builder();
			b.languages = f.groupLanguages();
			b.nameEn = f.nameEn();
			b.nameFi = f.nameFi();
			b.videoLink = f.videoLink();
			b.remote = f.remote();
			b.onCampus = f.onCampus();
			b.eligibility = f.eligibilityKind();
			b.eligibilityValue = f.eligibilityValue();
			b.termStart = f.termStart();
			b.termEnd = f.termEnd();
			b.mentorCallOpens = f.mentorCallOpens();
			b.mentorCallCloses = f.mentorCallCloses();
			b.signupOpens = f.signupOpens();
			b.signupCloses = f.signupCloses();
			b.groupMax = f.groupMax();
			b.groupMin = f.groupMin();
			b.allowThree = f.allowThreeMentors();
			b.credit = f.creditCourse();
			b.credits = f.credits();
			b.workload = new Integer[] { f.workloadFamiliarisation(), f.workloadTraining(), f.workloadGroups(),
					f.workloadLiterature() };
			b.meetingHours = f.meetingHours();
			return b;
		}

		ProgrammeForm build() {
			return new ProgrammeForm(nameEn, nameFi, "", nameEn.isEmpty() ? "" : "Six meetings about compassion.", "",
					"", "", "", "", languages, eligibility, eligibilityValue, remote, videoLink, onCampus, "",
					termStart, termEnd, mentorCallOpens, mentorCallCloses, 16, signupOpens, signupCloses, 64, 3,
					new BigDecimal("3.5"), 6, meetingHours, 1, groupMax, groupMin, 2, allowThree, false, credit,
					credits, workload[0], workload[1], workload[2], workload[3], true, "Coordinator",
					"coordinator@test.example");
		}

	}

}
