package app.kindred.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.PersonalDataContributor.Section;
import app.kindred.core.PersonalDataContributor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything Kindred holds about one person: the sections of every module's
 * {@link PersonalDataContributor}, in their order, read in one transaction so that the
 * export is one consistent picture.
 */
@Service
public class PersonalDataExport {

	/** What the export holds, and when it was made. */
	public record Export(UUID account, Instant madeAt, List<Section> sections) {

		/** The sections by key, in order: the shape of the JSON file. */
		public Map<String, Object> json() {
			var bySection = new LinkedHashMap<String, Object>();
			sections.forEach(s -> bySection.put(s.key(), s.data()));
			var document = new LinkedHashMap<String, Object>();
			document.put("account", account);
			document.put("madeAt", madeAt);
			document.put("sections", bySection);
			return document;
		}

	}

	private final List<PersonalDataContributor> contributors;

	private final JsonMapper json;

	private final Clock clock;

	PersonalDataExport(List<PersonalDataContributor> contributors, JsonMapper json, Clock clock) {
		this.contributors = contributors;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Export of(UUID account) {
		var sections = contributors.stream()
			.flatMap(c -> c.personalData(account).stream())
			.sorted(Comparator.comparingInt(Section::order).thenComparing(Section::key))
			.toList();
		return new Export(account, clock.instant(), sections);
	}

	/** The export as indented JSON (UTF-8). */
	public byte[] json(Export export) {
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export.json());
	}

}
