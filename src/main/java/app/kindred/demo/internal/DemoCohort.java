package app.kindred.demo.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountService;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeText;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;
import java.util.ArrayList;

/**
 * A demo programme ready for forming groups: 16 mentors who attended their three
 * trainings and 60 participants who signed up, with varied languages, places and weekly
 * times, the same every time (a fixed seed).
 */
@Component
public class DemoCohort {

	public static final int MENTORS = 16;

	public static final int PARTICIPANTS = 60;

	/**
	 * Everyone in the cohort, mentors first: invented combinations of names common in
	 * Finland, among Finland's Swedish speakers and among international students, each
	 * full name once, so that staff can tell people apart by name as they would in a real
	 * cohort (namesakes are told apart by e-mail address, see the groups page).
	 */
	public static final List<String> NAMES = List.of("Aada Heikkilä", "Linnea Lindqvist", "Eino Laaksonen",
			"Amara Okafor", "Iida Rantanen", "Elias Wikström", "Onni Kärkkäinen", "Diego Fernández", "Venla Hyvönen",
			"Väinö Mustonen", "Ebba Holmström", "Helmi Virtanen", "Mei Zhang", "Eetu Salminen", "Axel Sundqvist",
			"Siiri Koskinen", "Priya Raman", "Aleksi Tuominen", "Pihla Lehtonen", "Alva Nyberg", "Joonas Räsänen",
			"Yusuf Demir", "Aino Peltola", "Oskar Forsman", "Lauri Hämäläinen", "Lukas Becker", "Kerttu Savolainen",
			"Stella Ekholm", "Ilmari Jokinen", "Enni Leinonen", "Camille Moreau", "Veeti Honkanen", "Hugo Söderlund",
			"Saana Ahonen", "Nadia Haddad", "Niilo Pitkänen", "Julia Granholm", "Hilla Vainio", "Otso Kettunen",
			"Viktor Strandberg", "Minea Lappalainen", "Tomás Oliveira", "Topias Miettinen", "Ellen Björkman",
			"Oona Karjalainen", "Aiko Tanaka", "Akseli Turunen", "Emmi Hirvonen", "Anton Lindholm", "Eemil Nurmi",
			"Olena Kovalenko", "Lotta Huttunen", "Signe Westerlund", "Arttu Seppälä", "Kwame Mensah", "Vilma Kinnunen",
			"Juho Manninen", "Emil Sjöblom", "Sanni Heiskanen", "Farah Rahimi", "Valtteri Laitinen", "Wilma Åkerlund",
			"Inka Ojala", "Liis Tamm", "Roope Karvonen", "Theodor Enqvist", "Hertta Kauppinen", "Tuomas Partanen",
			"Ahmed Warsame", "Nelli Pulkkinen", "Ida Backman", "Kalle Rautio", "Anh Nguyen", "Ronja Väisänen",
			"Casper Grönroos", "Miro Jääskeläinen");

	private static final List<String> DEPARTMENTS = List.of("Social Sciences", "Medicine", "Education", "Science",
			"Law", "Arts");

	private final AccountService accounts;

	private final ProgrammeService programmes;

	private final CallService calls;

	private final RecruitmentService recruitment;

	private final TrainingService training;

	private final Clock clock;

	DemoCohort(AccountService accounts, ProgrammeService programmes, CallService calls, RecruitmentService recruitment,
			TrainingService training, Clock clock) {
		this.accounts = accounts;
		this.programmes = programmes;
		this.calls = calls;
		this.recruitment = recruitment;
		this.training = training;
		this.clock = clock;
	}

	/**
	 * The address made from a name, as a university would: "Väinö Mustonen" is
	 * vaino.mustonen at the domain.
	 */
	public static String email(String name, String domain) {
		var plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replace(' ', '.') + domain;
	}

	public ProgrammeId seed(OrganisationId university, AccountId coordinator, String domain, String password) {
		return seed(university, coordinator, domain, password, true);
	}

	/**
	 * The cohort, with its windows closed and its mentors' three trainings held and
	 * attended, or ({@code trained} false) with its windows open for a week more and no
	 * trainings yet, for a coordinator to schedule and record.
	 */
	public ProgrammeId seed(OrganisationId university, AccountId coordinator, String domain, String password,
			boolean trained) {
		var today = DemoTimes.today(clock);
		// The mentors' three trainings were on the last three Tuesday afternoons before
		// today, after the mentor call had closed; participants' sign-up closed two days
		// ago. Both are open while the people below sign up (a day, or a week for a
		// cohort still to be trained), then set to when they closed.
		var lastTraining = today.with(TemporalAdjusters.previous(DayOfWeek.TUESDAY));
		var trainings = List.of(lastTraining.minusWeeks(2), lastTraining.minusWeeks(1), lastTraining);
		var mentorCallOpens = DemoTimes.at(lastTraining.minusWeeks(6), 9, 0);
		var mentorCallCloses = DemoTimes.at(lastTraining.minusWeeks(2).minusDays(2), 23, 59);
		var signupOpens = DemoTimes.at(lastTraining.minusWeeks(5), 9, 0);
		var signupCloses = DemoTimes.at(today.minusDays(2), 23, 59);
		var openUntil = clock.instant().plus(Duration.ofDays(trained ? 1 : 7));
		var texts = new EnumMap<Language, ProgrammeText>(Language.class);
		texts.put(Language.EN, new ProgrammeText("Compassion groups, spring (demo: ready to form groups)",
				"Peer groups on compassion themes, six meetings of two hours, led by pairs of trained student mentors. "
						+ "Mentors and participants have signed up and the mentors are trained: form the groups.",
				"All students of the university."));
		texts.put(Language.FI, new ProgrammeText("Myötätuntoryhmät, kevät (demo: ryhmät muodostettavana)",
				"Myötätuntoteemaiset vertaisryhmät, kuusi kahden tunnin tapaamista, koulutettujen opiskelijamentoriparien "
						+ "ohjaamina. Mentorit ja osallistujat ovat ilmoittautuneet ja mentorit koulutettu: muodosta ryhmät.",
				"Kaikki yliopiston opiskelijat."));
		var groupLanguages = EnumSet.of(Language.EN, Language.FI);
		var programme = programmes.create(university, texts, groupLanguages,
				settings(today, mentorCallOpens, openUntil, signupOpens, openUntil, domain), coordinator);
		programmes.publish(programme, coordinator);
		var slots = List.of(new Call.Slot(DayOfWeek.MONDAY, LocalTime.of(16, 15)),
				new Call.Slot(DayOfWeek.TUESDAY, LocalTime.of(12, 15)),
				new Call.Slot(DayOfWeek.WEDNESDAY, LocalTime.of(16, 15)),
				new Call.Slot(DayOfWeek.THURSDAY, LocalTime.of(10, 15)));
		slots.forEach(slot -> calls.addSlot(programme, slot, coordinator));
		var view = recruitment.programme(programme);
		var random = new Random(20261122L);
		var mentors = new ArrayList<AccountId>();
		for (int i = 0; i < MENTORS + PARTICIPANTS; i++) {
			var mentor = i < MENTORS;
			var name = NAMES.get(i);
			var email = email(name, domain);
			var person = accounts.registerVerified(email, name, password,
					random.nextInt(4) == 0 ? Language.FI : Language.EN);
			var languages = random.nextInt(3) == 0 ? EnumSet.of(Language.FI, Language.EN)
					: EnumSet.of(random.nextInt(4) == 0 ? Language.FI : Language.EN);
			int place = random.nextInt(10);
			var delivery = place < 5 ? SignUpAnswers.Delivery.EITHER
					: place < 8 ? SignUpAnswers.Delivery.REMOTE : SignUpAnswers.Delivery.CAMPUS;
			var campuses = delivery == SignUpAnswers.Delivery.REMOTE ? List.<String>of()
					: List.of(random.nextBoolean() ? "Kampus Aurora" : "Kampus Borealis");
			var availability = new HashMap<String, Call.Availability>();
			// Popular times first: most can make Monday or Wednesday afternoons
			for (var slot : slots) {
				int chance = slot.day() == DayOfWeek.MONDAY || slot.day() == DayOfWeek.WEDNESDAY ? 6 : 3;
				if (random.nextInt(10) < chance) {
					availability.put(slot.key(),
							random.nextInt(3) == 0 ? Call.Availability.PREFERRED : Call.Availability.POSSIBLE);
				}
			}
			if (availability.isEmpty()) {
				availability.put(slots.get(random.nextInt(slots.size())).key(), Call.Availability.POSSIBLE);
			}
			var details = new SignUpAnswers.Details(campuses, availability, false, null, null, Map.of(), List.of());
			recruitment.signUp(view, mentor ? RecruitmentRole.MENTOR : RecruitmentRole.PARTICIPANT, person,
					new SignUpAnswers(Set.copyOf(languages), delivery, DEPARTMENTS.get(Math.min(random.nextInt(8), 5)),
							mentor ? "I would like to learn to guide a group." : null,
							mentor && random.nextBoolean() ? "I have led study circles." : null, false, details));
			if (mentor) {
				mentors.add(person);
			}
		}
		if (trained) {
			programmes.update(programme, texts, groupLanguages,
					settings(today, mentorCallOpens, mentorCallCloses, signupOpens, signupCloses, domain), coordinator);
			for (var day : trainings) {
				var session = training.schedule(programme, SessionKind.TRAINING, DemoTimes.at(day, 16, 15), 210,
						"Kampus Aurora, room 101", null, coordinator);
				training.recordAttendance(programme, session.id(), Set.copyOf(mentors), coordinator);
			}
		}
		return programme;
	}

	private static ProgrammeSettings settings(LocalDate today, Instant mentorCallOpens, Instant mentorCallCloses,
			Instant signupOpens, Instant signupCloses, String domain) {
		return new ProgrammeSettings(EligibilityKind.NONE, null, true, "https://zoom.example.test/j/3344556677", true,
				List.of("Kampus Aurora", "Kampus Borealis"), today.plusDays(30), today.plusDays(120), mentorCallOpens,
				mentorCallCloses, MENTORS, signupOpens, signupCloses, PARTICIPANTS, 3, 210, 6, 120, 1, 10, 4, 2, true,
				false, false, null, null, null, null, null, null, true, "Wellbeing Desk", "wellbeing" + domain);
	}

}
