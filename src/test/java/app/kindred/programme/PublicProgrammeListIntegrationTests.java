package app.kindred.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.core.Language;

/**
 * The public list of programmes a page at a time, narrowed to an organisation: what keeps
 * it the same size however many universities an instance serves.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicProgrammeListIntegrationTests {

	private static final Pattern LISTED = Pattern.compile("<h3><a href=\"/programmes/([0-9a-f-]{36})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups groups;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	UserDetailsService users;

	@Test
	void pagesThroughOneOrganisationsPublishedProgrammesInTheOrderOfTheirTerms() throws Exception {
		var staff = data.staff();
		var published = new HashSet<String>();
		for (int i = 0; i < ProgrammeService.PUBLISHED_PER_PAGE + 3; i++) {
			published.add(programme(staff, "Listed " + i, true));
		}
		var draft = programme(staff, "Not yet", false);
		var organisation = staff.organisation().value().toString();

		var first = page(get("/programmes").param("organisation", organisation));
		assertThat(listed(first)).hasSize(ProgrammeService.PUBLISHED_PER_PAGE);
		assertThat(first).contains("Programmes 1–20 of 23", "Page 1 of 2", "rel=\"next\"")
			.contains("href=\"/programmes?organisation=" + organisation + "&amp;page=2\"")
			.doesNotContain("rel=\"prev\"")
			.containsPattern("<option value=\"" + organisation + "\" selected=\"selected\">");
		var second = page(get("/programmes").param("organisation", organisation).param("page", "2"));
		assertThat(listed(second)).hasSize(3);
		assertThat(second).contains("Programmes 21–23 of 23", "Page 2 of 2", "rel=\"prev\"")
			.doesNotContain("rel=\"next\"");
		var both = new ArrayList<>(listed(first));
		both.addAll(listed(second));
		assertThat(both).containsExactlyInAnyOrderElementsOf(published).doesNotContain(draft);

		// A page past the end (the list got shorter since the link was made) shows the
		// last
		assertThat(listed(page(get("/programmes").param("organisation", organisation).param("page", "9"))))
			.containsExactlyElementsOf(listed(second));
		// In Finnish and Swedish too
		assertThat(page(get("/programmes").param("organisation", organisation).param("lang", "fi")))
			.contains("Ohjelmat 1–20, yhteensä 23", "Sivu 1/2", "Seuraava");
		assertThat(page(get("/programmes").param("organisation", organisation).param("lang", "sv")))
			.contains("Program 1–20 av 23", "Sida 1 av 2", "Nästa");
	}

	@Test
	void showsTheOrganisationOfTheSignedInPersonFirstAndEveryOneOnRequest() throws Exception {
		var mine = data.staff();
		var theirs = data.staff();
		var own = programme(mine, "Ours", true);
		var other = programme(theirs, "Theirs", true);
		var organisation = mine.organisation().value().toString();

		// Staff see their organisation's
		assertThat(listed(page(get("/programmes").with(as(mine.coordinator()))))).containsExactly(own);
		// Someone who applied sees the organisation they applied to
		var cohort = groups.signUp(theirs, new ProgrammeId(UUID.fromString(other)),
				List.of(new TestGroups.Slot("TUE1615", TestGroups.CAMPUS)));
		for (var applicant : cohort.people().values()) {
			assertThat(listed(page(get("/programmes").with(as(applicant))))).containsExactly(other);
		}
		// Everyone's, when asked for, and for a visitor who has not chosen
		var all = listed(page(get("/programmes").param("organisation", "").with(as(mine.coordinator()))));
		assertThat(all.size()).isLessThanOrEqualTo(ProgrammeService.PUBLISHED_PER_PAGE);
		assertThat(page(get("/programmes"))).contains("<option value=\"\">All organisations</option>")
			.contains("<option value=\"" + organisation + "\">");
		// Another organisation when chosen
		assertThat(listed(page(get("/programmes").param("organisation", theirs.organisation().value().toString())
			.with(as(mine.coordinator()))))).containsExactly(other);
	}

	@Test
	void refusesAPageBeforeTheFirstAndAnOrganisationThatIsNotAnId() throws Exception {
		for (var bad : List.of("0", "-1")) {
			var body = mvc.perform(get("/programmes").param("page", bad))
				.andExpect(status().is(422))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).contains("The page number must be 1 or more.");
		}
		for (var bad : List.of("abc", "1.5", "99999999999")) {
			mvc.perform(get("/programmes").param("page", bad)).andExpect(status().isBadRequest());
		}
		// No page is the first
		assertThat(page(get("/programmes").param("page", ""))).doesNotContain("rel=\"prev\"");
		var body = mvc.perform(get("/programmes").param("organisation", "not-an-id"))
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("Choose the organisation from the list.");
		// An organisation with nothing published, or none at all, lists nothing
		assertThat(page(get("/programmes").param("organisation", UUID.randomUUID().toString())))
			.contains("This organisation has no published programmes right now.");
	}

	private String programme(TestData.Staff staff, String name, boolean published) {
		var id = programmes.create(staff.organisation(),
				Map.of(Language.EN, new ProgrammeText(name, "A programme for tests.", "Students")),
				EnumSet.of(Language.EN), data.settings(), staff.coordinator().id());
		if (published) {
			programmes.publish(id, staff.coordinator().id());
		}
		return id.value().toString();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static List<String> listed(String page) {
		var found = new ArrayList<String>();
		var matcher = LISTED.matcher(page);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
