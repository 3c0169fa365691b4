package app.kindred.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestData.Person;
import app.kindred.TestData.Staff;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.Survey;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;
import app.kindred.feedback.internal.SurveyForms;
import app.kindred.feedback.internal.SurveyStore;

/**
 * The survey form library through its pages: an admin imports an instrument (a bad file
 * is refused at its field and nothing is stored; coordinators and teachers may not
 * import, outsiders find nothing), a coordinator copies Kindred's participant feedback
 * and edits it question by question, keeping its questions' keys, while Kindred's forms
 * and imported instruments cannot be edited, and a form a programme scheduled cannot be
 * deleted.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SurveyFormsIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UserDetailsService users;

	@Autowired
	SurveyForms forms;

	@Autowired
	SurveyStore surveys;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminImportsAnInstrumentThatTheLibraryAndPreviewShowWithItsSource() throws Exception {
		var staff = data.staff();
		mvc.perform(importing(staff, instrument()).with(as(staff.admin())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(base(staff) + "/made-up-short-form"));
		assertThat(stored(staff)).isEqualTo(1);
		var imported = forms.find(staff.organisation(), "made-up-short-form").orElseThrow();
		assertThat(imported.kind()).isEqualTo(SurveyKind.MEASURE);
		assertThat(imported.questions()).hasSize(12);
		mvc.perform(get(base(staff)).with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Made-up Short Form")))
			.andExpect(content().string(Matchers.containsString("Journal of Made-up Measures")))
			.andExpect(content().string(Matchers.containsString("Participant feedback")));
		mvc.perform(get(base(staff) + "/made-up-short-form").with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("name=\"q.item-12\"")))
			.andExpect(content().string(Matchers.containsString("The mean of 12 items, 6 of them reverse-scored")));
		// the same key twice is refused at the file
		mvc.perform(importing(staff, instrument()).with(as(staff.admin())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(Matchers.containsString("id=\"file-error\"")));
		assertThat(stored(staff)).isEqualTo(1);
	}

	@Test
	void aBadFileIsRefusedAtItsFieldAndNothingIsStored() throws Exception {
		var staff = data.staff();
		var reverseOnText = instrument().replace(
				"\"type\": \"LIKERT\",\n      \"scale\": \"often\",\n      \"reverse\"",
				"\"type\": \"TEXT\",\n      \"reverse\"");
		var badFiles = Map.of("{ not json", "not a JSON survey file",
				instrument().replace("\"scale\": \"often\"", "\"scale\": \"oft\""), "names a scale",
				instrument().replace("\"fi\": \"Väittämä 3\",", ""), "missing or empty",
				instrument().replace("\"MEASURE\"", "\"PARTICIPANT_FEEDBACK\""), "Only a measure");
		for (var bad : badFiles.entrySet()) {
			mvc.perform(importing(staff, bad.getKey()).with(as(staff.admin())))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(Matchers.containsString("id=\"file-error\"")))
				.andExpect(content().string(Matchers.containsString(bad.getValue())));
		}
		assertThat(reverseOnText).isNotEqualTo(instrument());
		mvc.perform(importing(staff, reverseOnText).with(as(staff.admin())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(Matchers.containsString("reverse-scored item must be a LIKERT")));
		mvc.perform(multipart(base(staff) + "/import").with(csrf()).with(as(staff.admin())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(Matchers.containsString("Choose the file to import")));
		assertThat(stored(staff)).isZero();
	}

	@Test
	void onlyAdminsImportAndOutsidersFindNothing() throws Exception {
		var staff = data.staff();
		mvc.perform(importing(staff, instrument()).with(as(staff.coordinator()))).andExpect(status().isForbidden());
		mvc.perform(importing(staff, instrument()).with(as(staff.teacher()))).andExpect(status().isForbidden());
		mvc.perform(importing(staff, instrument()).with(as(staff.outsider()))).andExpect(status().isNotFound());
		mvc.perform(get(base(staff)).with(as(staff.teacher()))).andExpect(status().isForbidden());
		mvc.perform(get(base(staff)).with(as(staff.outsider()))).andExpect(status().isNotFound());
		mvc.perform(get(base(staff) + "/kindred-participant-feedback").with(as(staff.outsider())))
			.andExpect(status().isNotFound());
		assertThat(stored(staff)).isZero();
		// the import form is offered to admins only
		mvc.perform(get(base(staff)).with(as(staff.coordinator())))
			.andExpect(content().string(Matchers.not(Matchers.containsString("/import"))));
		mvc.perform(get(base(staff)).with(as(staff.admin())))
			.andExpect(content().string(Matchers.containsString("/import")));
		mvc.perform(get("/organisations/" + staff.organisation().value()).with(as(staff.coordinator())))
			.andExpect(content().string(Matchers.containsString(base(staff) + "\"")));
		mvc.perform(get("/organisations/" + staff.organisation().value()).with(as(staff.teacher())))
			.andExpect(content().string(Matchers.not(Matchers.containsString(base(staff) + "\""))));
	}

	@Test
	void aCoordinatorCopiesTheParticipantFeedbackAndEditsItQuestionByQuestion() throws Exception {
		var staff = data.staff();
		var coordinator = as(staff.coordinator());
		mvc.perform(post(base(staff) + "/kindred-participant-feedback/copy").with(csrf()).with(coordinator))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(base(staff) + "/kindred-participant-feedback-2/edit"));
		var copy = base(staff) + "/kindred-participant-feedback-2";
		mvc.perform(get(copy + "/edit").with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("name=\"title[FI]\"")));
		mvc.perform(post(copy + "/edit").with(csrf())
			.with(coordinator)
			.param("title[EN]", "Feedback on our groups")
			.param("title[FI]", "Palaute ryhmistämme")
			.param("title[SV]", "Respons om våra grupper")
			.param("introduction[EN]", "Thank you!")
			.param("introduction[FI]", "")
			.param("introduction[SV]", "Tack!"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(Matchers.containsString("id=\"introduction-FI-error\"")));
		mvc.perform(post(copy + "/edit").with(csrf())
			.with(coordinator)
			.param("title[EN]", "Feedback on our groups")
			.param("title[FI]", "Palaute ryhmistämme")
			.param("title[SV]", "Respons om våra grupper")).andExpect(status().isFound());
		mvc.perform(get(copy + "/questions/wellbeing").with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Ryhmään osallistuminen vahvisti hyvinvointiani.")));
		mvc.perform(post(copy + "/questions/wellbeing").with(csrf())
			.with(coordinator)
			.param("type", "LIKERT")
			.param("scale", "agreement")
			.param("required", "true")
			.param("text[EN]", "The group did me good.")
			.param("text[FI]", "Ryhmä teki minulle hyvää.")
			.param("text[SV]", "Gruppen gjorde mig gott.")).andExpect(status().isFound());
		// options of unequal length come back at their field, and nothing changes
		mvc.perform(post(copy + "/questions").with(csrf())
			.with(coordinator)
			.param("type", "SINGLE")
			.param("text[EN]", "Which year are you in?")
			.param("text[FI]", "Monennenko vuoden opiskelija olet?")
			.param("text[SV]", "Vilket år studerar du?")
			.param("options[EN]", "First\nSecond\nLater")
			.param("options[FI]", "Ensimmäisen\nToisen\nMyöhemmän")
			.param("options[SV]", "Första\nAndra"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(Matchers.containsString("id=\"options-SV-error\"")));
		mvc.perform(post(copy + "/questions").with(csrf())
			.with(coordinator)
			.param("type", "SINGLE")
			.param("text[EN]", "Which year are you in?")
			.param("text[FI]", "Monennenko vuoden opiskelija olet?")
			.param("text[SV]", "Vilket år studerar du?")
			.param("options[EN]", "First\nSecond\nLater")
			.param("options[FI]", "Ensimmäisen\nToisen\nMyöhemmän")
			.param("options[SV]", "Första\nAndra\nSenare")).andExpect(status().isFound());
		mvc.perform(post(copy + "/questions/improve/remove").with(csrf()).with(coordinator))
			.andExpect(status().isFound());

		var edited = forms.find(staff.organisation(), "kindred-participant-feedback-2").orElseThrow();
		assertThat(edited.title().get(Language.FI)).isEqualTo("Palaute ryhmistämme");
		assertThat(edited.introduction()).isEmpty();
		assertThat(edited.question("wellbeing").orElseThrow().text().get(Language.SV))
			.isEqualTo("Gruppen gjorde mig gott.");
		assertThat(edited.question("improve")).isEmpty();
		assertThat(edited.questions().stream().map(q -> q.key())).startsWith("wellbeing", "compassion-skills",
				"pressures", "positive-self", "safe-space", "support", "peer-led", "recommend", "tell-a-friend");
		var added = edited.questions().getLast();
		assertThat(added.type()).isEqualTo(QuestionType.SINGLE);
		assertThat(added.options().get(Language.SV)).containsExactly("Första", "Andra", "Senare");
		assertThat(SurveyForms.basedOn(edited.key())).contains("kindred-participant-feedback");
		// Kindred's own stays as it was, and a second copy gets the next key
		assertThat(forms.find(staff.organisation(), "kindred-participant-feedback").orElseThrow().question("improve"))
			.isPresent();
		mvc.perform(post(copy + "/copy").with(csrf()).with(coordinator))
			.andExpect(redirectedUrl(base(staff) + "/kindred-participant-feedback-3/edit"));
		// the teacher may do none of it
		mvc.perform(post(copy + "/questions/wellbeing/remove").with(csrf()).with(as(staff.teacher())))
			.andExpect(status().isForbidden());
	}

	@Test
	void neitherKindredsFormsNorAnImportedInstrumentCanBeEdited() throws Exception {
		var staff = data.staff();
		mvc.perform(importing(staff, instrument()).with(as(staff.admin()))).andExpect(status().isFound());
		var coordinator = as(staff.coordinator());
		var before = forms.find(staff.organisation(), "made-up-short-form").orElseThrow();
		mvc.perform(get(base(staff) + "/made-up-short-form/edit").with(coordinator)).andExpect(status().isConflict());
		mvc.perform(post(base(staff) + "/made-up-short-form/questions/item-1").with(csrf())
			.with(as(staff.admin()))
			.param("type", "LIKERT")
			.param("scale", "often")
			.param("text[EN]", "Changed")
			.param("text[FI]", "Muutettu")
			.param("text[SV]", "Ändrat")).andExpect(status().isConflict());
		mvc.perform(post(base(staff) + "/made-up-short-form/copy").with(csrf()).with(coordinator))
			.andExpect(status().isConflict());
		mvc.perform(
				post(base(staff) + "/kindred-mentor-feedback/questions/training/remove").with(csrf()).with(coordinator))
			.andExpect(status().isConflict());
		assertThat(forms.find(staff.organisation(), "made-up-short-form").orElseThrow()).isEqualTo(before);
		assertThat(forms.find(staff.organisation(), "kindred-mentor-feedback").orElseThrow().question("training"))
			.isPresent();
	}

	@Test
	void aFormAProgrammeScheduledCannotBeDeleted() throws Exception {
		var staff = data.staff();
		var admin = as(staff.admin());
		mvc.perform(importing(staff, instrument()).with(admin)).andExpect(status().isFound());
		var form = forms.find(staff.organisation(), "made-up-short-form").orElseThrow();
		var programme = data.programme(staff, true);
		var now = data.now();
		surveys.insert(new Survey(UUID.randomUUID(), programme, staff.organisation(), form.key(), form.kind(),
				Moment.BEFORE_FIRST, form, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(8)),
				now.plus(Duration.ofDays(5)), false), staff.coordinator().id().value(), now);
		mvc.perform(post(base(staff) + "/made-up-short-form/delete").with(csrf()).with(admin))
			.andExpect(status().isConflict())
			.andExpect(content().string(Matchers.containsString("cannot be deleted")));
		assertThat(stored(staff)).isEqualTo(1);
		// an imported instrument is the admins' to delete, Kindred's forms nobody's
		mvc.perform(post(base(staff) + "/made-up-short-form/delete").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().isForbidden());
		mvc.perform(post(base(staff) + "/kindred-self-compassion/delete").with(csrf()).with(admin))
			.andExpect(status().isConflict());
		// a copy nobody scheduled goes
		mvc.perform(post(base(staff) + "/kindred-mentor-feedback/copy").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().isFound());
		assertThat(stored(staff)).isEqualTo(2);
		mvc.perform(post(base(staff) + "/kindred-mentor-feedback-2/delete").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(base(staff)));
		assertThat(stored(staff)).isEqualTo(1);
	}

	private static String base(Staff staff) {
		return "/organisations/" + staff.organisation().value() + "/surveys";
	}

	private int stored(Staff staff) {
		return jdbc.sql("select count(*) from survey_form where organisation_id = ?")
			.param(staff.organisation().value())
			.query(Integer.class)
			.single();
	}

	private MockMultipartHttpServletRequestBuilder importing(Staff staff, String file) {
		return multipart(base(staff) + "/import")
			.file(new MockMultipartFile("file", "instrument.json", "application/json",
					file.getBytes(StandardCharsets.UTF_8)))
			.with(csrf());
	}

	private RequestPostProcessor as(Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

	static String instrument() throws IOException {
		return new ClassPathResource("feedback/made-up-instrument.json").getContentAsString(StandardCharsets.UTF_8);
	}

}
