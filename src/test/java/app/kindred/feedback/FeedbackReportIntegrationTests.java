package app.kindred.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.feedback.internal.Answer;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.ResponseStore;
import app.kindred.feedback.internal.Survey;
import app.kindred.feedback.internal.SurveyDefinition;
import app.kindred.feedback.internal.SurveyStore;
import app.kindred.programme.ProgrammeId;

/**
 * A programme's feedback report end to end: surveys inserted and answers held and written
 * as the answering path does, then the page, PDF and CSV read as each role. With 4
 * answers nothing shows a figure; with 12 in groups of 8 and 4 the programme's figures
 * show and the group of 4 says "fewer than 5 answers"; the measure before and after pairs
 * by code; a coordinator's quotes appear attributed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedbackReportIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups groups;

	@Autowired
	SurveyStore surveys;

	@Autowired
	ResponseStore responses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	UserDetailsService users;

	@Test
	void fourAnswersShowNoFiguresAnywhere() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var survey = survey(programme, staff, FeedbackForms.FEEDBACK, Moment.AFTER_LAST);
		invite(survey, 6);
		var answers = new ArrayList<Answer>();
		for (int i = 0; i < 4; i++) {
			answers.add(feedback(survey, null, Language.EN, 5, 2, "Secret words " + (char) ('a' + i), true));
		}
		write(survey, answers);

		var page = page(programme, staff.coordinator());
		var main = page.selectFirst("main");
		assertThat(main.select("svg")).isEmpty();
		assertThat(main.select("table")).isEmpty();
		assertThat(main.text()).doesNotContain("Secret words").doesNotContain("%").contains("fewer than 5 answers");
		var section = main.selectFirst("section.survey").text();
		assertThat(section.replace("fewer than 5", "").replace("6 invited", ""))
			.as("no figure but the invitations' count")
			.doesNotContainPattern("\\d");
		assertThat(main.select("a[href$=answers.csv]")).isEmpty();

		var pdf = pdfText(programme, "en", staff.coordinator());
		assertThat(pdf).contains("fewer than 5 answers").doesNotContain("Secret words").doesNotContain("%");

		var refused = mvc.perform(get(csv(programme, survey)).with(as(staff.coordinator())))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("once at least 5 people have answered");
	}

	@Test
	void twelveAnswersInGroupsOfEightAndFourShowTheProgrammeAndHideTheSmallGroup() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var staff = term.staff();
		var programme = term.programme();
		var survey = survey(programme, staff, FeedbackForms.FEEDBACK, Moment.AFTER_LAST);
		invite(survey, 16);
		var answers = new ArrayList<Answer>();
		for (int i = 0; i < 12; i++) {
			var group = i < 8 ? term.first().id() : term.second().id();
			answers.add(feedback(survey, group, i < 9 ? Language.EN : Language.FI, 1 + i % 5, 1 + i % 3,
					"Words of person " + (char) ('a' + i), i % 2 == 0));
		}
		write(survey, answers);

		var main = page(programme, staff.coordinator()).selectFirst("main");
		assertThat(main.text()).contains("12 of 16 invited answered (75 %)");
		assertThat(main.select("a[href$=answers.csv]").attr("href")).isEqualTo(csv(programme, survey));
		assertThat(main.select("a[href*=feedback.pdf]").eachAttr("href"))
			.contains("/programmes/" + programme.value() + "/feedback.pdf?language=sv");
		var chart = main.selectFirst("svg[role=img]");
		assertThat(chart).isNotNull();
		assertThat(chart.attr("aria-labelledby")).isNotBlank();
		assertThat(main.getElementById(chart.attr("aria-labelledby")).text())
			.isEqualTo("Answers to “The meetings were useful”");
		assertThat(main.select("svg text").eachText()).contains("1 Disagree", "5 Agree");
		assertThat(main.text()).contains("Words of person a", "Words of person l");
		var byGroup = main.select("caption:contains(By group)").first().parent();
		var big = byGroup.select("tr:contains(Group " + term.first().number() + ")").first();
		var small = byGroup.select("tr:contains(Group " + term.second().number() + ")").first();
		assertThat(big.select("td").first().text()).isEqualTo("8");
		assertThat(small.text()).contains("fewer than 5 answers").doesNotContainPattern("\\d\\.\\d");
		assertThat(small.select("td")).hasSize(1);
		var byLanguage = main.select("caption:contains(By language)").first().parent();
		assertThat(byLanguage.select("tr:contains(Finnish)").text()).contains("fewer than 5 answers");
		assertThat(byLanguage.select("tr:contains(English) td").first().text()).isEqualTo("9");

		// quotes: only quotable texts shown here; the chosen one appears, attributed
		var texts = responses.responses(survey.id())
			.stream()
			.flatMap(r -> r.items().stream())
			.filter(i -> i.text() != null)
			.toList();
		var quotable = texts.stream().filter(i -> i.quotable()).findFirst().orElseThrow();
		var notQuotable = texts.stream().filter(i -> !i.quotable()).findFirst().orElseThrow();
		assertThat(main.select("input[type=checkbox][name=items]")).hasSize(6);
		mvc.perform(post(quotes(programme)).param("items", quotable.id().toString())
			.with(as(staff.coordinator()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post(quotes(programme)).param("items", notQuotable.id().toString())
			.with(as(staff.coordinator()))
			.with(csrf())).andExpect(status().isUnprocessableContent());
		mvc.perform(post(quotes(programme)).param("items", UUID.randomUUID().toString())
			.with(as(staff.coordinator()))
			.with(csrf())).andExpect(status().isUnprocessableContent());
		mvc.perform(
				post(quotes(programme)).param("items", quotable.id().toString()).with(as(staff.teacher())).with(csrf()))
			.andExpect(status().isForbidden());
		var quoted = page(programme, staff.coordinator()).selectFirst("section.quotes");
		assertThat(quoted.select("blockquote").eachText()).containsExactly(quotable.text());
		assertThat(quoted.select("figcaption").text()).isEqualTo("Compassion mentoring group member");
		assertThat(pdfText(programme, "fi", staff.coordinator())).contains(quotable.text())
			.contains("Myötätuntomentoroinnin ryhmän jäsen")
			.contains("alle 5 vastausta");

		// the raw answers: 12 rows, the questions' keys, no day, group or language
		var csv = mvc.perform(get(csv(programme, survey)).with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		var lines = csv.strip().split("\r\n");
		assertThat(lines[0]).isEqualTo("\uFEFF\"useful\";\"liked\";\"words\"");
		assertThat(lines).hasSize(13);
		assertThat(csv).doesNotContain(term.first().id().toString()).doesNotContain(LocalDate.now().toString());

		// who may see it
		assertThat(page(programme, staff.teacher()).select("input[type=checkbox]")).isEmpty();
		mvc.perform(get(page(programme)).with(as(staff.admin()))).andExpect(status().isForbidden());
		mvc.perform(get(page(programme)).with(as(staff.outsider()))).andExpect(status().isNotFound());
		mvc.perform(get(csv(programme, survey)).with(as(staff.teacher()))).andExpect(status().isForbidden());
		mvc.perform(get(csv(programme, survey)).with(as(staff.outsider()))).andExpect(status().isNotFound());
		mvc.perform(get("/programmes/" + programme.value() + "/feedback.pdf").param("language", "de")
			.with(as(staff.coordinator()))).andExpect(status().isUnprocessableContent());
	}

	@Test
	void theMeasureBeforeAndAfterPairsByCodeAndSaysWhatChanged() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var before = survey(programme, staff, FeedbackForms.MEASURE, Moment.BEFORE_FIRST);
		var after = survey(programme, staff, FeedbackForms.MEASURE, Moment.AFTER_LAST);
		var first = new ArrayList<Answer>();
		var second = new ArrayList<Answer>();
		// six people answer both times, one more gives the same code twice before
		for (int i = 0; i < 6; i++) {
			first.add(FeedbackForms.measure(before, "code" + i, 2, 4, 2 + i % 2));
			second.add(FeedbackForms.measure(after, "code" + i, 3 + i % 2, 2, 3 + i % 3));
		}
		first.add(FeedbackForms.measure(before, "twice", 1, 5, 1));
		first.add(FeedbackForms.measure(before, "twice", 2, 5, 1));
		second.add(FeedbackForms.measure(after, "twice", 5, 1, 5));
		write(before, first);
		write(after, second);

		var main = page(programme, staff.coordinator()).selectFirst("main");
		assertThat(main.text()).contains("Kindred’s own measure, not a validated instrument")
			.contains("Subscale: Kindness")
			.doesNotContain("Common humanity hidden")
			.contains("were given more than once in the same survey")
			.contains("among the 6 participants who answered both times")
			.contains("Self-compassion rose on average by");
		var prepost = main.selectFirst("section.prepost");
		assertThat(prepost.select("th:contains(Paired t-test) + td").text()).startsWith("t(5) = ");
		assertThat(prepost.select("th:contains(Wilcoxon) + td").text()).startsWith("W+ = ");
		var pdf = pdfText(programme, "sv", staff.coordinator());
		assertThat(pdf).contains("Kindreds eget mått").contains("bland de 6 deltagare som svarade båda gångerna");
	}

	private Survey survey(ProgrammeId programme, TestData.Staff staff, SurveyDefinition form, Moment moment) {
		var survey = FeedbackForms.survey(programme, staff.organisation(), form, moment, data.now());
		surveys.insert(survey, staff.coordinator().id().value(), data.now());
		return survey;
	}

	private void invite(Survey survey, int people) {
		for (int i = 0; i < people; i++) {
			jdbc.sql("insert into survey_invitation (survey_id, account_id, invited_at, answered, reminded) "
					+ "values (?, ?, current_timestamp, false, false)")
				.params(survey.id(), data.person("invited").id().value())
				.update();
		}
	}

	private void write(Survey survey, List<Answer> answers) {
		transactions.executeWithoutResult(tx -> {
			answers.forEach(responses::hold);
			surveys.lock(survey.id());
			responses.writeHeld(survey.id(), survey.organisation().value(), survey.formKey(), survey.moment(),
					survey.form());
		});
	}

	private static Answer feedback(Survey survey, UUID group, Language language, int useful, int liked, String words,
			boolean quotable) {
		return new Answer(survey.id(), group, language, LocalDate.now(), null,
				List.of(new Answer.Item("useful", useful, null, null, false),
						new Answer.Item("liked", liked, null, null, false),
						new Answer.Item("words", null, null, words, quotable)));
	}

	private Document page(ProgrammeId programme, TestData.Person who) throws Exception {
		var html = mvc.perform(get(page(programme)).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

	private String pdfText(ProgrammeId programme, String language, TestData.Person who) throws Exception {
		var pdf = mvc
			.perform(
					get("/programmes/" + programme.value() + "/feedback.pdf").param("language", language).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private static String page(ProgrammeId programme) {
		return "/programmes/" + programme.value() + "/feedback";
	}

	private static String quotes(ProgrammeId programme) {
		return "/programmes/" + programme.value() + "/feedback/quotes";
	}

	private static String csv(ProgrammeId programme, Survey survey) {
		return "/programmes/" + programme.value() + "/surveys/" + survey.id() + "/answers.csv";
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
