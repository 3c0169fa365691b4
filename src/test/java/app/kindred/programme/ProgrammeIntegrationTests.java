package app.kindred.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestData;
import java.util.LinkedHashMap;

@SpringBootTest
@AutoConfigureMockMvc
class ProgrammeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	ProgrammeAccess access;

	@Autowired
	UserDetailsService users;

	@Test
	void coordinatorCreatesAndPublishesAFinnishProgrammeWithItsPublicPage() throws Exception {
		var staff = data.staff();
		var created = mvc
			.perform(form(post("/organisations/" + staff.organisation().value() + "/programmes"), "groupLanguages",
					"FI", "nameFi", "Myötätuntoryhmät syksy", "descriptionFi", "Kuusi tapaamista myötätunnosta.",
					"shareRoster", "true")
				.with(as(staff.coordinator())))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		var id = UUID.fromString(created.split("/")[2]);

		mvc.perform(get("/programmes/" + id)).andExpect(status().isNotFound());
		mvc.perform(post("/programmes/" + id + "/publish").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/programmes/" + id).header("Accept-Language", "fi"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Myötätuntoryhmät syksy")))
			// The roster is shared, and whoever signs up can read so before they do
			.andExpect(content().string(containsString("osallistujat näkevät ryhmänsä muiden jäsenten etunimet")))
			.andExpect(content().string(containsString("lang=\"fi\"")));
		mvc.perform(get("/programmes").param("organisation", staff.organisation().value().toString()))
			.andExpect(content().string(containsString("Myötätuntoryhmät syksy")));
	}

	@Test
	void refusesInconsistentSettingsAtTheirFieldsAndStoresNothing() throws Exception {
		var staff = data.staff();
		mvc.perform(form(post("/organisations/" + staff.organisation().value() + "/programmes"), "groupLanguages", "EN",
				"nameEn", "Kept as typed", "descriptionEn", "Description", "groupMin", "12", "signupCloses",
				"2027-09-01T10:00")
			.with(as(staff.coordinator())))
			.andExpect(status().is(422))
			.andExpect(model().attributeHasFieldErrorCode("form", "groupMin", "programme.rule.minOverMax"))
			.andExpect(model().attributeHasFieldErrorCode("form", "signupCloses", "programme.rule.closesBeforeOpens"))
			.andExpect(content().string(containsString("Kept as typed")));
		assertThat(programmes.ofOrganisation(staff.organisation(), staff.coordinator().id())).isEmpty();
	}

	@Test
	void keepsEverythingTypedWhenAValueIsNotEvenANumber() throws Exception {
		var staff = data.staff();
		mvc.perform(form(post("/organisations/" + staff.organisation().value() + "/programmes"), "groupLanguages", "EN",
				"nameEn", "Kept as typed", "descriptionEn", "Description kept", "trainingHours", "three", "termStart",
				"not a date")
			.with(as(staff.coordinator())))
			.andExpect(status().is(422))
			.andExpect(model().attributeHasFieldErrorCode("form", "trainingHours", "typeMismatch"))
			.andExpect(content().string(containsString("Kept as typed")))
			.andExpect(content().string(containsString("Description kept")))
			.andExpect(content().string(containsString("value=\"three\"")))
			.andExpect(content().string(containsString("Please enter a number, such as 3.5.")));
		assertThat(programmes.ofOrganisation(staff.organisation(), staff.coordinator().id())).isEmpty();
	}

	/**
	 * Windows stored with seconds and their fractions (the test data's come from the
	 * clock) show to the minute, so the browser fills the fields in, and the form as
	 * shown saves.
	 */
	@Test
	void editShowsStoredWindowsToTheMinuteAndSavesThemBack() throws Exception {
		var staff = data.staff();
		var signupOpens = data.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30).plusNanos(123_456_000);
		var id = data.programme(staff, false, data.settings(40, signupOpens, EligibilityKind.NONE, null));
		var stored = access.staff(id, staff.coordinator().id()).settings();
		assertThat(stored.signupOpens()).isEqualTo(signupOpens);
		var page = mvc.perform(get("/programmes/" + id.value() + "/edit").with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var shown = new LinkedHashMap<String, String>();
		for (var field : new String[] { "mentorCallOpens", "mentorCallCloses", "signupOpens", "signupCloses" }) {
			var value = Pattern.compile("id=\"" + field + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
			assertThat(value.find()).as(field).isTrue();
			assertThat(value.group(1)).as(field).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
			shown.put(field, value.group(1));
		}
		assertThat(shown.get("signupOpens"))
			.isEqualTo(LocalDateTime.ofInstant(signupOpens, ZoneId.of("Europe/Helsinki"))
				.truncatedTo(ChronoUnit.MINUTES)
				.toString());
		var changes = new ArrayList<String>(
				List.of("groupLanguages", "EN", "nameEn", "Test programme", "descriptionEn", "A programme for tests.",
						"termStart", stored.termStart().toString(), "termEnd", stored.termEnd().toString()));
		shown.forEach((field, value) -> changes.addAll(List.of(field, value)));
		mvc.perform(form(post("/programmes/" + id.value() + "/edit"), changes.toArray(String[]::new))
			.with(as(staff.coordinator()))).andExpect(status().is3xxRedirection());
		assertThat(access.staff(id, staff.coordinator().id()).settings().signupOpens())
			.isEqualTo(signupOpens.truncatedTo(ChronoUnit.MINUTES));
	}

	@Test
	void aTeacherMayLookButNotChange() throws Exception {
		var staff = data.staff();
		var id = data.programme(staff, false).value();
		mvc.perform(get("/programmes/" + id + "/manage").with(as(staff.teacher())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/publish"))));
		mvc.perform(post("/programmes/" + id + "/publish").with(csrf()).with(as(staff.teacher())))
			.andExpect(status().isForbidden());
		assertThat(access.staff(new ProgrammeId(id), staff.teacher().id()).status()).isEqualTo(ProgrammeStatus.DRAFT);
	}

	@Test
	void copiesForNextTermFiftyTwoWeeksLaterAsADraft() throws Exception {
		var staff = data.staff();
		var original = data.programme(staff, true);
		var location = mvc
			.perform(post("/programmes/" + original.value() + "/copy").with(csrf()).with(as(staff.coordinator())))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		var copy = access.staff(new ProgrammeId(UUID.fromString(location.split("/")[2])), staff.coordinator().id());
		var source = access.staff(original, staff.coordinator().id());
		assertThat(copy.status()).isEqualTo(ProgrammeStatus.DRAFT);
		assertThat(copy.settings().termStart()).isEqualTo(source.settings().termStart().plus(Period.ofWeeks(52)));
		assertThat(copy.settings().termStart().getDayOfWeek()).isEqualTo(source.settings().termStart().getDayOfWeek());
		assertThat(copy.texts()).isEqualTo(source.texts());
	}

	@Test
	void anArchivedProgrammeCannotBeChangedOrPublished() throws Exception {
		var staff = data.staff();
		var id = data.programme(staff, false).value();
		mvc.perform(post("/programmes/" + id + "/archive").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/programmes/" + id + "/publish").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().isConflict());
		mvc.perform(put("/api/v1/programmes/" + id).with(api(staff.coordinator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void apiCreatesReadsAndUpdatesWithProblemDetailsForErrors() throws Exception {
		var staff = data.staff();
		var location = mvc
			.perform(post("/api/v1/organisations/" + staff.organisation().value() + "/programmes")
				.with(api(staff.coordinator()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(VALID))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.settings.nameEn").value("API programme"))
			.andReturn()
			.getResponse()
			.getHeader("Location");

		mvc.perform(get(location).with(api(staff.teacher())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.settings.mentorCallCloses").value("2027-09-13T23:59:00"))
			.andExpect(jsonPath("$.timeZone").value("Europe/Helsinki"));

		mvc.perform(put(location).with(api(staff.coordinator()))
			.header("Accept-Language", "fi")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID.replace("\"groupMin\": 4", "\"groupMin\": 40")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.groupMin").value("Please enter 30 or less."));

		mvc.perform(put(location).with(api(staff.coordinator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

		mvc.perform(get("/api/v1/programmes/" + UUID.randomUUID()).with(api(staff.coordinator())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));

		mvc.perform(get(location).with(api(staff.outsider()))).andExpect(status().isNotFound());
		mvc.perform(get(location))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
	}

	static final String VALID = """
			{"nameEn": "API programme", "descriptionEn": "Made through the API.", "groupLanguages": ["EN"],
			 "eligibilityKind": "NONE", "remote": true, "termStart": "2027-09-01", "termEnd": "2027-12-18",
			 "mentorCallOpens": "2027-08-15T09:00", "mentorCallCloses": "2027-09-13T23:59", "mentorSeats": 16,
			 "signupOpens": "2027-09-20T09:00", "signupCloses": "2027-10-15T23:59", "participantSeats": 64,
			 "trainingCount": 3, "trainingHours": 3.5, "meetingCount": 6, "meetingHours": 2, "meetingIntervalWeeks": 1,
			 "groupMax": 10, "groupMin": 4, "mentorsPerGroup": 2, "certificate": true,
			 "contactName": "Coordinator", "contactEmail": "coordinator@test.example"}""";

	/**
	 * A complete, valid form as the browser sends it, with the given fields changed or
	 * added.
	 */
	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String... changes) {
		var fields = new LinkedHashMap<String, String>();
		String[] valid = { "eligibilityKind", "NONE", "remote", "true", "videoLink", "https://video.example/room",
				"termStart", "2027-09-01", "termEnd", "2027-12-18", "mentorCallOpens", "2027-08-15T09:00",
				"mentorCallCloses", "2027-09-13T23:59", "mentorSeats", "16", "signupOpens", "2027-09-20T09:00",
				"signupCloses", "2027-10-15T23:59", "participantSeats", "64", "trainingCount", "3", "trainingHours",
				"3.5", "meetingCount", "6", "meetingHours", "2", "meetingIntervalWeeks", "1", "groupMax", "10",
				"groupMin", "4", "mentorsPerGroup", "2", "certificate", "true", "contactName", "Coordinator",
				"contactEmail", "coordinator@test.example" };
		for (int i = 0; i < valid.length; i += 2) {
			fields.put(valid[i], valid[i + 1]);
		}
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		request.with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

	private static RequestPostProcessor api(TestData.Person person) {
		return httpBasic(person.email(), TestData.PASSWORD);
	}

}
