package app.kindred.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.feedback.UnattendedSurveys;
import app.kindred.feedback.UnattendedSurveys.At;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountService;
import app.kindred.organisation.Networks;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationKind;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.OrganisationSettings;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The demo programme's feedback, part-way: the self-compassion measure before the first
 * meeting and after the last and the participants' feedback after the third, all three
 * open now so that each can be tried (a demo shortcut: a real programme asks them weeks
 * apart), and the mentors' feedback after the last in its own window ahead. Everyone
 * asked is invited by mail, and five of the campus group's other participants and three
 * of the online group's have answered each, as themselves through the same answer path as
 * the page: the campus group's answers reach the report together, the online group's
 * three stay held back (fewer than five), and the demo's own participant is left to
 * answer through the mail. Also a network the demo university takes part in, with its own
 * admin, whose pooled report shows the campus group's answers.
 *
 * <p>
 * Answers are made up from a fixed seed, so every start shows the same figures: each
 * respondent has a level of self-compassion before the programme that rises a little by
 * its end, and types the same code both times.
 */
@Component
public class DemoFeedback {

	public static final String NETWORK_NAME = "Finnish network for compassion mentoring (demo)";

	public static final String NETWORK_ADMIN = "Noora Network";

	public static final String MEASURE = "kindred-self-compassion";

	public static final String PARTICIPANT_FEEDBACK = "kindred-participant-feedback";

	public static final String MENTOR_FEEDBACK = "kindred-mentor-feedback";

	/** How many of the campus group's other participants answered each open survey. */
	public static final int CAMPUS_ANSWERS = 5;

	/**
	 * How many of the online group's participants answered each open survey: too few to
	 * be shown.
	 */
	public static final int ONLINE_ANSWERS = 3;

	/** Long enough to try the demo for a fortnight. */
	private static final Duration OPEN_FOR = Duration.ofDays(14);

	private static final long SEED = 15;

	/** The languages the respondents answer in: campus first, then online. */
	private static final List<Language> LANGUAGES = List.of(Language.EN, Language.SV, Language.EN, Language.FI,
			Language.EN, Language.FI, Language.FI, Language.SV);

	private static final Map<Language, List<String>> TELL_A_FRIEND = Map.of(Language.EN, List.of(
			"It is a calm hour in a busy week where nobody expects you to perform. I left every meeting a little "
					+ "lighter.",
			"Go, even if you doubt it is for you. Hearing that others struggle with the same things made me kinder "
					+ "to myself.",
			"The exercises felt awkward at first, but I still read the compassionate letter I wrote to myself when "
					+ "a day goes badly."),
			Language.FI,
			List.of("Ryhmässä sai olla oma itsensä. Huomasin, etten ole ajatusteni kanssa yksin, ja opin puhumaan "
					+ "itselleni lempeämmin.",
					"Kannattaa lähteä mukaan, vaikka epäilyttäisi. Mentorit loivat turvallisen ilmapiirin, ja "
							+ "harjoituksista on ollut apua arjessa.",
					"Viikon rauhallisin hetki. Opin huomaamaan, milloin olen itselleni liian ankara."),
			Language.SV,
			List.of("Gå med! Det var skönt att höra att andra också kämpar, och jag har lärt mig att vara snällare "
					+ "mot mig själv.",
					"En lugn stund mitt i stressen. Jag tar med mig andningsövningen och känslan av att få vara "
							+ "ofullkomlig."));

	private static final Map<Language, List<String>> IMPROVE = Map.of(Language.EN,
			List.of("More time for the closing round; it often felt rushed.",
					"A short reminder the day before each meeting would help.",
					"I would have liked one meeting outdoors, on a walk."),
			Language.FI,
			List.of("Kuusi tapaamista tuntui lyhyeltä, enemmänkin olisi voinut olla.",
					"Verkkotapaamisissa kameroiden käytöstä voisi sopia heti alussa."),
			Language.SV, List.of("Lite mer tid för samtal efter övningarna."));

	/**
	 * A respondent as the demo imagines them: their code's answers, the language they
	 * answer in, how self-compassionate they are before the programme and how much more
	 * after it.
	 */
	private record Respondent(AccountId person, Language language, String mother, String day, String town,
			double before, double rise, double liking) {

		Map<String, List<String>> code() {
			return Map.of("code.mother", List.of(mother), "code.day", List.of(day), "code.town", List.of(town));
		}

	}

	/** What was seeded, for the tests that walk through it. */
	public record Seeded(OrganisationId network, AccountId networkAdmin, UUID measureBefore, UUID feedback,
			UUID measureAfter, UUID mentorFeedback, List<AccountId> answered) {
	}

	private final UnattendedSurveys surveys;

	private final PublishedGroups groups;

	private final AccountService accounts;

	private final OrganisationService organisations;

	private final Networks networks;

	private final Clock clock;

	DemoFeedback(UnattendedSurveys surveys, PublishedGroups groups, AccountService accounts,
			OrganisationService organisations, Networks networks, Clock clock) {
		this.surveys = surveys;
		this.groups = groups;
		this.accounts = accounts;
		this.organisations = organisations;
		this.networks = networks;
		this.clock = clock;
	}

	/**
	 * Seeds the feedback of {@code programme}, the demo programme in its meeting phase
	 * with {@code participant} (the demo's own) in its campus group, and a network that
	 * {@code university} takes part in, set up by its admin at {@code networkAdmin} (an
	 * address the instance lets set up organisations).
	 */
	public Seeded seed(ProgrammeId programme, OrganisationId university, AccountId universityAdmin,
			AccountId coordinator, AccountId participant, String networkAdmin, String domain, String password) {
		var admin = accounts.registerVerified(networkAdmin, NETWORK_ADMIN, password, Language.EN);
		var network = organisations.create(new OrganisationSettings(NETWORK_NAME, OrganisationKind.NETWORK, Language.FI,
				DemoTimes.HELSINKI, "Network office", "office" + domain), admin);
		networks.invite(network, university, admin);
		networks.accept(university, network, universityAdmin);

		var now = clock.instant();
		var closes = now.plus(OPEN_FOR);
		var before = surveys.schedule(programme, MEASURE, At.BEFORE_FIRST, now, closes, coordinator);
		var feedback = surveys.schedule(programme, PARTICIPANT_FEEDBACK, At.AFTER_THIRD, now, closes, coordinator);
		var after = surveys.schedule(programme, MEASURE, At.AFTER_LAST, now, closes, coordinator);
		var mentors = surveys.schedule(programme, MENTOR_FEEDBACK, At.AFTER_LAST, null, null, coordinator);
		surveys.sendInvitations();

		var respondents = respondents(programme, participant);
		// The campus group's first: their five are written to the report together, and
		// the
		// online group's three are held back as fewer than five
		answerMeasure(before, respondents, false);
		answerFeedback(feedback, respondents);
		answerMeasure(after, respondents, true);
		return new Seeded(network, admin, before, feedback, after, mentors,
				respondents.stream().map(Respondent::person).toList());
	}

	/**
	 * The campus group's participants but the demo's own, then the first of the online
	 * group's, each with a code of their own.
	 */
	private List<Respondent> respondents(ProgrammeId programme, AccountId participant) {
		var campus = new ArrayList<AccountId>();
		var online = new ArrayList<AccountId>();
		for (var group : groups.groups(programme)) {
			var people = group.members()
				.stream()
				.filter(m -> m.role() == RecruitmentRole.PARTICIPANT)
				.map(PublishedGroups.GroupMember::person)
				.filter(p -> !p.equals(participant))
				.toList();
			(group.has(participant) ? campus : online).addAll(people);
		}
		if (campus.size() < CAMPUS_ANSWERS || online.size() < ONLINE_ANSWERS) {
			throw new IllegalStateException("The demo programme's groups are not as the demo's feedback expects");
		}
		var people = new ArrayList<AccountId>(campus.subList(0, CAMPUS_ANSWERS));
		people.addAll(online.subList(0, ONLINE_ANSWERS));
		var random = new Random(SEED);
		var codes = new HashSet<String>();
		var respondents = new ArrayList<Respondent>();
		for (int i = 0; i < people.size(); i++) {
			String mother;
			String day;
			String town;
			do {
				mother = String.valueOf("AEIOURLN".charAt(random.nextInt(8)));
				day = String.valueOf(1 + random.nextInt(28));
				town = String.valueOf("THOEVKJPLS".charAt(random.nextInt(10)));
			}
			while (!codes.add(mother + day + town));
			respondents.add(new Respondent(people.get(i), LANGUAGES.get(i), mother, day, town,
					2.2 + random.nextDouble() * 1.2, 0.15 + random.nextDouble() * 0.5, random.nextDouble() * 1.2));
		}
		return respondents;
	}

	private void answerMeasure(UUID survey, List<Respondent> respondents, boolean after) {
		var form = surveys.form(survey);
		var random = new Random(SEED + (after ? 2 : 1));
		for (var respondent : respondents) {
			var sent = new HashMap<String, List<String>>(respondent.code());
			double level = respondent.before() + (after ? respondent.rise() : 0);
			for (var question : form.questions()) {
				int point = point(level + random.nextGaussian() * 0.6, question);
				sent.put("q." + question.key(),
						List.of(String.valueOf(question.reverse() ? question.min() + question.max() - point : point)));
			}
			surveys.answer(survey, respondent.person(), respondent.language(), sent);
		}
	}

	private void answerFeedback(UUID survey, List<Respondent> respondents) {
		var form = surveys.form(survey);
		var random = new Random(SEED + 3);
		var used = new HashMap<String, Integer>();
		for (int i = 0; i < respondents.size(); i++) {
			var respondent = respondents.get(i);
			var language = respondent.language();
			var sent = new HashMap<String, List<String>>();
			for (var question : form.questions()) {
				if (!question.text()) {
					int point = point(3.8 + respondent.liking() * 0.8 + random.nextGaussian() * 0.5, question);
					sent.put("q." + question.key(), List.of(String.valueOf(point)));
					continue;
				}
				// The campus group's five write both, so that their texts are shown; in
				// the
				// online group one leaves each empty. All but two let theirs be quoted
				var pool = question.quotable() ? TELL_A_FRIEND.get(language) : IMPROVE.get(language);
				if (i >= CAMPUS_ANSWERS && i == (question.quotable() ? CAMPUS_ANSWERS : CAMPUS_ANSWERS + 1)) {
					continue;
				}
				int n = used.merge(language + question.key(), 1, Integer::sum) - 1;
				sent.put("q." + question.key(), List.of(pool.get(n % pool.size())));
				if (question.quotable() && i != 2 && i != 6) {
					sent.put("quote." + question.key(), List.of("true"));
				}
			}
			surveys.answer(survey, respondent.person(), language, sent);
		}
	}

	private static int point(double value, UnattendedSurveys.Question question) {
		return (int) Math.max(question.min(), Math.min(question.max(), Math.round(value)));
	}

}
