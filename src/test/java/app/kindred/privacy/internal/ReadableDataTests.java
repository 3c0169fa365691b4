package app.kindred.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import app.kindred.core.PersonalDataContributor.Section;

/**
 * The readable "my data" in Finnish and Swedish: the audit's fields labelled in the
 * viewer's language, and codes (read kinds, roles, states, weekly times) named there
 * rather than shown as they are stored.
 */
class ReadableDataTests {

	record ReadOfMine(Instant readAt, UUID reader, String readerRole, String kind, UUID organisation, UUID programme) {
	}

	record Membership(String organisation, Role role) {
	}

	enum Role {

		ORG_ADMIN, TEACHER

	}

	enum Availability {

		PREFERRED

	}

	record Answers(Map<String, Availability> availability, String motivation) {
	}

	record Work(String part, String note) {
	}

	private final ReadableData readable = new ReadableData(messages());

	@Test
	void theAuditsFieldsAndCodesAreInTheViewersLanguage() {
		var read = new ReadOfMine(Instant.parse("2027-09-01T10:00:00Z"), UUID.randomUUID(), "ORG_ADMIN,COORDINATOR",
				"APPLICATION", null, null);
		var section = new Section("audit.data.readsOfMine", 900, List.of(read));

		var fi = fields(readable.sections(List.of(section), Locale.forLanguageTag("fi"), ZoneId.of("Europe/Helsinki"))
			.getFirst()
			.data()
			.children()
			.getFirst());
		assertThat(fi).containsEntry("Lukijan rooli", "Organisaation ylläpitäjä, Koordinaattori")
			.containsEntry("Mitä luettiin", "Hakemus vastauksineen")
			.containsKey("Luettu")
			.doesNotContainKeys("Read at", "Reader role", "Kind");

		var sv = fields(readable.sections(List.of(section), Locale.forLanguageTag("sv"), ZoneId.of("Europe/Helsinki"))
			.getFirst()
			.data()
			.children()
			.getFirst());
		assertThat(sv).containsEntry("Läsarens roll", "Organisationens administratör, Koordinator")
			.containsEntry("Vad som lästes", "Ansökan med svar")
			.containsKey("Läst");
	}

	@Test
	void enumsStringsAndWeeklyTimesAreNamedWhereAMessageNamesThem() {
		var fi = Locale.forLanguageTag("fi");
		var staff = fields(readable
			.sections(List.of(new Section("organisation.data.staff", 10, new Membership("Yliopisto", Role.TEACHER))),
					fi, ZoneId.of("UTC"))
			.getFirst()
			.data());
		assertThat(staff).containsEntry("Rooli", "Opettaja");

		var answers = readable
			.sections(List.of(new Section("recruitment.data.applications", 20,
					new Answers(Map.of("MON1615", Availability.PREFERRED), "SEATED"))), fi, ZoneId.of("UTC"))
			.getFirst()
			.data();
		var availability = fields(answers.children().getFirst());
		assertThat(availability).containsEntry("Maanantai 16.15", "Sopii parhaiten");
		assertThat(fields(answers)).as("free text, even in capitals, stays as written")
			.containsEntry("Motivaatio", "SEATED");

		var work = fields(readable
			.sections(List.of(new Section("assessment.data.course", 60, new Work("LITERATURE", "NOTE"))), fi,
					ZoneId.of("UTC"))
			.getFirst()
			.data());
		assertThat(work).containsEntry("Osa", "Kirjallisuus ja reflektointi").containsEntry("Huomautus", "NOTE");
	}

	@Test
	void aCodeWithoutAMessageStaysAsItWas() {
		var work = fields(readable
			.sections(List.of(new Section("assessment.data.course", 60, new Work("SOMETHING_NEW", null))),
					Locale.forLanguageTag("fi"), ZoneId.of("UTC"))
			.getFirst()
			.data());
		assertThat(work).containsEntry("Osa", "SOMETHING_NEW");
	}

	private static Map<String, String> fields(ReadableData.Node node) {
		var fields = new java.util.LinkedHashMap<String, String>();
		node.children().forEach(c -> fields.put(c.label(), c.text()));
		return fields;
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/core", "i18n/organisation", "i18n/recruitment", "i18n/assessment", "i18n/privacy",
				"i18n/audit");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
