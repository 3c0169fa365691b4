package app.kindred.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestData;
import app.kindred.TestData.Person;
import app.kindred.TestData.Staff;
import app.kindred.core.Language;
import app.kindred.feedback.internal.Answer;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.Breakdown;
import app.kindred.feedback.internal.Distribution;
import app.kindred.feedback.internal.NetworkReport;
import app.kindred.feedback.internal.NetworkReports;
import app.kindred.feedback.internal.ResponseStore;
import app.kindred.feedback.internal.Survey;
import app.kindred.feedback.internal.SurveyDefinition;
import app.kindred.feedback.internal.SurveyReport;
import app.kindred.feedback.internal.SurveyDefinition.Question;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;
import app.kindred.feedback.internal.SurveyDefinition.Scale;
import app.kindred.feedback.internal.SurveyDefinition.Scoring;
import app.kindred.feedback.internal.SurveyStore;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationKind;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.OrganisationSettings;
import app.kindred.organisation.Role;
import app.kindred.organisation.internal.NetworkService;
import app.kindred.programme.ProgrammeId;

/**
 * The network's report pools its accepted members' answers and shows a university's
 * figures only where it holds five answers or more, and not where the others' figures and
 * the total would give a smaller one away; an invited university that has not accepted is
 * not pooled. Only the network's admins and coordinators see it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NetworkReportIntegrationTests {

	static final String FEEDBACK = "kindred-participant-feedback";

	static final String MEASURE = "kindred-self-compassion";

	static final SurveyDefinition FEEDBACK_FORM = new SurveyDefinition(FEEDBACK, SurveyKind.PARTICIPANT_FEEDBACK,
			Map.of(Language.EN, "Participant feedback"), Map.of(), false, Map.of(), Map.of(),
			Map.of("agree",
					new Scale(1, 5,
							Map.of(Language.EN, List.of("Disagree", "Rather not", "Neutral", "Rather", "Agree")))),
			List.of(new Question("helped", QuestionType.LIKERT, Map.of(Language.EN, "The group helped me"), "agree",
					false, true, null, null, null, false),
					new Question("heard", QuestionType.SINGLE, Map.of(Language.EN, "Where did you hear of it"), null,
							false, false, Map.of(Language.EN, List.of("A friend", "A poster")), null, null, false),
					new Question("say", QuestionType.TEXT, Map.of(Language.EN, "Anything else"), null, false, false,
							null, null, null, true)),
			null);

	static final SurveyDefinition MEASURE_FORM = new SurveyDefinition(MEASURE, SurveyKind.MEASURE,
			Map.of(Language.EN, "Self-compassion"), Map.of(), false, Map.of(), Map.of(),
			Map.of("often",
					new Scale(1, 5, Map.of(Language.EN, List.of("Never", "Rarely", "Sometimes", "Often", "Always")))),
			List.of(new Question("kind", QuestionType.LIKERT, Map.of(Language.EN, "I am kind to myself"), "often",
					false, true, null, null, null, false),
					new Question("harsh", QuestionType.LIKERT, Map.of(Language.EN, "I am harsh on myself"), "often",
							true, true, null, null, null, false)),
			new Scoring("MEAN", List.of("kind", "harsh"), Map.of(Language.EN, "Self-compassion score"), List.of()));

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	OrganisationService organisations;

	@Autowired
	NetworkService networks;

	@Autowired
	NetworkReports reports;

	@Autowired
	SurveyStore surveys;

	@Autowired
	ResponseStore responses;

	@Autowired
	UserDetailsService users;

	@Test
	void poolsTwelveAndFourAnswersAndWithholdsTheUniversityOfFour() throws Exception {
		var network = network();
		var twelve = member(network);
		var four = member(network);
		var invitedOnly = data.staff();
		networks.invite(network.organisation(), invitedOnly.organisation(), network.admin().id());
		var outside = data.staff();
		feedback(twelve, 12, 4);
		feedback(four, 4, 1);
		feedback(invitedOnly, 20, 2);
		feedback(outside, 10, 2);

		var report = reports.report(network.organisation(), network.admin().id(), null, Language.EN);
		var after = moment(report, FEEDBACK, Moment.AFTER_LAST);
		assertThat(after.answered()).isEqualTo(16);
		var helped = after.questions().getFirst().distribution();
		assertThat(helped.respondents()).isEqualTo(16);
		assertThat(helped.moments().mean()).isEqualTo((12 * 4 + 4 * 1) / 16.0);
		assertThat(helped.bars()).extracting(Distribution.Bar::count).containsExactly(4L, 0L, 0L, 12L, 0L);
		// Free texts stay in their programme's report
		assertThat(after.questions()).extracting(q -> q.key()).containsExactly("helped", "heard");
		// The university of 4 is withheld, and so is the one of 12: the total minus its
		// 12
		// would give the 4 away
		assertThat(report.universities()).containsExactlyInAnyOrder(name(four), name(twelve));
		assertThat(rows(after)).allSatisfy(r -> assertThat(r.suppressed()).isTrue())
			.allSatisfy(r -> assertThat(r.cells()).allMatch(Breakdown.Cell::suppressed));

		var page = mvc.perform(get("/organisations/" + network.organisation() + "/report").with(as(network.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("16 answered.")))
			.andExpect(content().string(containsString("fewer than 5 answers")))
			.andExpect(content().string(not(containsString(name(invitedOnly)))))
			.andExpect(content().string(not(containsString(name(outside)))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (var uni : List.of(twelve, four)) {
			var row = page.substring(page.indexOf(">" + name(uni) + "<"));
			row = row.substring(0, row.indexOf("</tr>"));
			assertThat(row).contains(uni == four ? "fewer than 5 answers" : "withheld, as with the total it would give")
				.doesNotContain(">12<")
				.doesNotContain(">4<");
		}

		// A third member with 7: the 4 and the 7 together are withheld, the 12 is shown
		var seven = member(network);
		feedback(seven, 7, 5);
		after = moment(reports.report(network.organisation(), network.admin().id(), null, Language.EN), FEEDBACK,
				Moment.AFTER_LAST);
		assertThat(after.answered()).isEqualTo(23);
		var byName = new HashMap<String, Breakdown.Row>();
		rows(after).forEach(r -> byName.put(r.labelArgument(), r));
		assertThat(byName.get(name(twelve)).respondents()).isEqualTo(12);
		assertThat(byName.get(name(twelve)).cells().getFirst().mean()).isEqualTo(4.0);
		assertThat(byName.get(name(four)).suppressed()).isTrue();
		assertThat(byName.get(name(seven)).suppressed()).isTrue();
		assertThat(byName.get(name(seven)).cells()).allMatch(Breakdown.Cell::suppressed);
	}

	@Test
	void fourAnswersInTheWholeNetworkShowNoFigures() throws Exception {
		var network = network();
		var only = member(network);
		feedback(only, 4, 3);
		var after = moment(reports.report(network.organisation(), network.admin().id(), null, Language.EN), FEEDBACK,
				Moment.AFTER_LAST);
		assertThat(after.suppressed()).isTrue();
		assertThat(after.questions()).allSatisfy(q -> assertThat(q.distribution().bars()).isEmpty());
		assertThat(after.breakdowns()).isEmpty();
		mvc.perform(get("/organisations/" + network.organisation() + "/report").with(as(network.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("fewer than 5 answers")))
			.andExpect(content().string(not(containsString("<table"))))
			.andExpect(content().string(not(containsString("4 answered"))));
	}

	@Test
	void pairsBeforeAndAfterByCodeWithinOneProgrammeOnly() throws Exception {
		var network = network();
		var uni = member(network);
		var programme = data.programme(uni, true);
		var later = data.programme(uni, true);
		var codes = new ArrayList<String>();
		for (int i = 0; i < 6; i++) {
			codes.add("code-" + UUID.randomUUID());
		}
		// Six pairs (+1 each time), a code given twice before (pairs nobody), a code
		// answered only after, and one whose after is in another programme
		var before = new ArrayList<Answer>();
		var after = new ArrayList<Answer>();
		var beforeSurvey = survey(uni, programme, MEASURE_FORM, Moment.BEFORE_FIRST);
		var afterSurvey = survey(uni, programme, MEASURE_FORM, Moment.AFTER_LAST);
		var laterAfter = survey(uni, later, MEASURE_FORM, Moment.AFTER_LAST);
		for (var code : codes) {
			before.add(measure(beforeSurvey, code, 2, 4));
			after.add(measure(afterSurvey, code, 3, 3));
		}
		before.add(measure(beforeSurvey, "twice", 1, 5));
		before.add(measure(beforeSurvey, "twice", 1, 5));
		after.add(measure(afterSurvey, "twice", 5, 1));
		after.add(measure(afterSurvey, "only-after", 5, 1));
		before.add(measure(beforeSurvey, "moved", 1, 5));
		write(beforeSurvey, uni, MEASURE_FORM, Moment.BEFORE_FIRST, before);
		write(afterSurvey, uni, MEASURE_FORM, Moment.AFTER_LAST, after);
		write(laterAfter, uni, MEASURE_FORM, Moment.AFTER_LAST,
				List.of(measure(laterAfter, "moved", 5, 1), measure(laterAfter, "x", 5, 1),
						measure(laterAfter, "y", 5, 1), measure(laterAfter, "z", 5, 1),
						measure(laterAfter, "w", 5, 1)));

		var report = reports.report(network.organisation(), network.admin().id(), null, Language.EN);
		var change = report.prePost().getFirst();
		assertThat(change.pairs()).isEqualTo(6);
		assertThat(change.ambiguous()).isTrue();
		assertThat(change.result().meanBefore()).isEqualTo(2.0);
		assertThat(change.result().meanAfter()).isEqualTo(3.0);
		assertThat(change.result().meanChange()).isEqualTo(1.0);
		// Before: six at 2 plus three at 1 (reverse-scored 5 gives 1): mean over nine
		assertThat(moment(report, MEASURE, Moment.BEFORE_FIRST).score().moments().mean())
			.isCloseTo((6 * 2 + 3 * 1) / 9.0, within(1e-9));

		mvc.perform(get("/organisations/" + network.organisation() + "/report").with(as(network.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Before and after the programme")))
			.andExpect(content().string(containsString("Complete pairs")));
	}

	@Test
	void theYearFilterPoolsOnlyProgrammesStartingThatYear() throws Exception {
		var network = network();
		var uni = member(network);
		var programme = feedback(uni, 6, 5);
		int year = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(60).getYear();
		assertThat(programme).isNotNull();
		var report = reports.report(network.organisation(), network.admin().id(), year, Language.EN);
		assertThat(moment(report, FEEDBACK, Moment.AFTER_LAST).answered()).isEqualTo(6);
		assertThat(report.years()).containsExactly(year);
		assertThat(reports.report(network.organisation(), network.admin().id(), year + 1, Language.EN).surveys())
			.isEmpty();
		mvc.perform(get("/organisations/" + network.organisation() + "/report?year=" + (year + 1))
			.with(as(network.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No answers to the surveys")));
		mvc.perform(get("/organisations/" + network.organisation() + "/report?year=1500").with(as(network.admin())))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/organisations/" + network.organisation() + "/report?year=abc").with(as(network.admin())))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void onlyTheNetworksAdminsAndCoordinatorsSeeTheReport() throws Exception {
		var network = network();
		var uni = member(network);
		var url = "/organisations/" + network.organisation() + "/report";
		mvc.perform(get(url).with(as(network.admin()))).andExpect(status().isOk());
		mvc.perform(get(url).with(as(network.coordinator()))).andExpect(status().isOk());
		mvc.perform(get(url).with(as(network.teacher()))).andExpect(status().isForbidden());
		mvc.perform(get(url).with(as(network.outsider()))).andExpect(status().isNotFound());
		mvc.perform(get(url).with(as(uni.admin()))).andExpect(status().isNotFound());
		mvc.perform(get(url)).andExpect(status().is3xxRedirection());
		// A university has no such report, even for its own admins
		mvc.perform(get("/organisations/" + uni.organisation() + "/report").with(as(uni.admin())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/organisations/" + UUID.randomUUID() + "/report").with(as(network.admin())))
			.andExpect(status().isNotFound());
		// The network's page links to it for its admins
		mvc.perform(get("/organisations/" + network.organisation()).with(as(network.coordinator())))
			.andExpect(content().string(containsString(url)));
	}

	private static SurveyReport moment(NetworkReport report, String form, Moment moment) {
		return report.surveys()
			.stream()
			.filter(s -> s.formKey().equals(form) && s.moment() == moment)
			.findFirst()
			.orElseThrow();
	}

	private static List<Breakdown.Row> rows(SurveyReport survey) {
		return survey.breakdowns().getFirst().rows();
	}

	/** Writes n answers to a new programme's participant feedback, each at this point. */
	private ProgrammeId feedback(Staff uni, int n, int point) {
		var programme = data.programme(uni, true);
		var survey = survey(uni, programme, FEEDBACK_FORM, Moment.AFTER_LAST);
		var answers = new ArrayList<Answer>();
		for (int i = 0; i < n; i++) {
			answers.add(new Answer(survey.id(), null, Language.EN, LocalDate.now(), null,
					List.of(new Answer.Item("helped", point, null, null, false),
							new Answer.Item("heard", 1 + i % 2, null, null, false),
							new Answer.Item("say", null, null, "Said " + i, true))));
		}
		write(survey, uni, FEEDBACK_FORM, Moment.AFTER_LAST, answers);
		return programme;
	}

	private static Answer measure(Survey survey, String code, int kind, int harsh) {
		return new Answer(survey.id(), null, Language.EN, LocalDate.now(), code, List
			.of(new Answer.Item("kind", kind, null, null, false), new Answer.Item("harsh", harsh, null, null, false)));
	}

	private Survey survey(Staff uni, ProgrammeId programme, SurveyDefinition form, Moment moment) {
		var now = data.now();
		var survey = new Survey(UUID.randomUUID(), programme, uni.organisation(), form.key(), form.kind(), moment, form,
				now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)),
				now.minus(Duration.ofDays(1)).minusSeconds(60), false);
		surveys.insert(survey, uni.coordinator().id().value(), now);
		return survey;
	}

	private void write(Survey survey, Staff uni, SurveyDefinition form, Moment moment, List<Answer> answers) {
		answers.forEach(responses::hold);
		responses.writeHeld(survey.id(), uni.organisation().value(), form.key(), moment, form);
	}

	private Staff member(Staff network) {
		var uni = data.staff();
		networks.invite(network.organisation(), uni.organisation(), network.admin().id());
		networks.accept(uni.organisation(), network.organisation(), uni.admin().id());
		return uni;
	}

	private String name(Staff uni) {
		return "Test University " + uni.founder().email();
	}

	private Staff network() {
		var founder = data.person("network-founder");
		OrganisationId id = organisations.create(new OrganisationSettings("Network " + founder.email(),
				OrganisationKind.NETWORK, Language.EN, ZoneId.of("Europe/Helsinki"), "Contact", "contact@test.example"),
				founder.id());
		var admin = data.person("network-admin");
		var coordinator = data.person("network-coordinator");
		var teacher = data.person("network-teacher");
		organisations.grant(id, admin.id(), Role.ORG_ADMIN);
		organisations.grant(id, coordinator.id(), Role.COORDINATOR);
		organisations.grant(id, teacher.id(), Role.TEACHER);
		return new Staff(id, founder, admin, coordinator, teacher, data.person("outsider"));
	}

	private RequestPostProcessor as(Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
