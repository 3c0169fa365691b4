package app.kindred.feedback.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.feedback.SurveyKind;
import app.kindred.feedback.internal.SurveyDefinition.Question;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;

/**
 * An organisation's library of survey forms: Kindred's own three, shipped on the class
 * path and read once at start (a broken one stops the application from starting), and the
 * organisation's copies of Kindred's feedback surveys and the instruments its admins
 * imported. Coordinators and admins copy and edit feedback surveys; only admins import
 * instruments, and an instrument's items are never edited.
 * <p>
 * A copy is keyed {@code <Kindred's key>-<n>} and keeps the question keys of the form it
 * came from, so that a network's report can pool answers to copies of one form by
 * question ({@link #basedOn}); the {@code kindred-} prefix is therefore reserved for
 * Kindred's forms and their copies.
 */
@Service
public class SurveyForms {

	public static final List<String> KINDRED_KEYS = List.of("kindred-participant-feedback", "kindred-mentor-feedback",
			"kindred-self-compassion");

	static final String RESERVED_PREFIX = "kindred-";

	private static final Pattern COPY_KEY = Pattern.compile("(kindred-[a-z0-9-]+)-([0-9]{1,4})");

	/** Where a form in the library comes from. */
	public enum Origin {

		KINDRED, COPY, IMPORTED

	}

	/** One form of the library; {@code updatedAt} is null for Kindred's own. */
	public record Entry(SurveyDefinition form, Origin origin, Instant updatedAt) {

		public String key() {
			return form.key();
		}

		public SurveyKind kind() {
			return form.kind();
		}

		/** Coordinators copy feedback surveys, not measures. */
		public boolean copyable() {
			return form.kind() != SurveyKind.MEASURE;
		}

		public boolean editable() {
			return origin == Origin.COPY;
		}

		public boolean deletable() {
			return origin != Origin.KINDRED;
		}

	}

	private final Map<String, SurveyDefinition> kindred;

	private final SurveyFormStore store;

	private final Organisations organisations;

	private final Clock clock;

	SurveyForms(SurveyFormStore store, Organisations organisations, Clock clock) {
		this.store = store;
		this.organisations = organisations;
		this.clock = clock;
		var shipped = new LinkedHashMap<String, SurveyDefinition>();
		for (var key : KINDRED_KEYS) {
			var form = SurveyFormat.parse(shippedFile(key));
			if (!form.key().equals(key)) {
				throw new IllegalStateException("feedback/forms/" + key + ".json holds the form " + form.key());
			}
			shipped.put(key, form);
		}
		this.kindred = Map.copyOf(shipped);
	}

	private static String shippedFile(String key) {
		try {
			return new ClassPathResource("feedback/forms/" + key + ".json").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Kindred's own form with this key, the same for every organisation. */
	public Optional<SurveyDefinition> kindred(String key) {
		return Optional.ofNullable(kindred.get(key));
	}

	/**
	 * The Kindred form a copy was made from ({@code kindred-participant-feedback-2} of
	 * {@code kindred-participant-feedback}), or the key itself for one of Kindred's
	 * forms; empty for an imported instrument. Reports pool copies by it.
	 */
	public static Optional<String> basedOn(String formKey) {
		if (KINDRED_KEYS.contains(formKey)) {
			return Optional.of(formKey);
		}
		var matcher = COPY_KEY.matcher(formKey);
		return matcher.matches() && KINDRED_KEYS.contains(matcher.group(1)) ? Optional.of(matcher.group(1))
				: Optional.empty();
	}

	/** Every form the organisation may schedule: Kindred's first, then its own by key. */
	@Transactional(readOnly = true)
	public List<Entry> available(OrganisationId organisation) {
		var entries = new ArrayList<Entry>();
		KINDRED_KEYS.forEach(key -> entries.add(new Entry(kindred.get(key), Origin.KINDRED, null)));
		store.ofOrganisation(organisation).forEach(row -> entries.add(entry(row)));
		return entries;
	}

	@Transactional(readOnly = true)
	public Optional<SurveyDefinition> find(OrganisationId organisation, String formKey) {
		return entry(organisation, formKey).map(Entry::form);
	}

	@Transactional(readOnly = true)
	public Optional<Entry> entry(OrganisationId organisation, String formKey) {
		if (formKey == null || !SurveyFormat.FORM_KEY.matcher(formKey).matches()) {
			// nothing else could be stored, and PostgreSQL refuses some characters in a
			// query
			return Optional.empty();
		}
		if (kindred.containsKey(formKey)) {
			return Optional.of(new Entry(kindred.get(formKey), Origin.KINDRED, null));
		}
		return store.find(organisation, formKey).map(this::entry);
	}

	/** The library as its admins and coordinators see it. */
	@Transactional(readOnly = true)
	public List<Entry> library(OrganisationId organisation, AccountId viewer) {
		organisations.require(organisation, viewer, Role.ORG_ADMIN, Role.COORDINATOR);
		return available(organisation);
	}

	/**
	 * One form of the library, for its admins and coordinators; 404 when there is none.
	 */
	@Transactional(readOnly = true)
	public Entry view(OrganisationId organisation, String formKey, AccountId viewer) {
		organisations.require(organisation, viewer, Role.ORG_ADMIN, Role.COORDINATOR);
		return entry(organisation, formKey).orElseThrow(() -> new NotFoundException("survey form"));
	}

	/** Whose library it is, checked for a page that lists or edits it. */
	@Transactional(readOnly = true)
	public OrganisationSummary organisation(OrganisationId organisation, AccountId viewer, boolean adminOnly) {
		return adminOnly ? organisations.require(organisation, viewer, Role.ORG_ADMIN)
				: organisations.require(organisation, viewer, Role.ORG_ADMIN, Role.COORDINATOR);
	}

	/**
	 * Whether the viewer is one of the organisation's admins, who import and delete
	 * instruments.
	 */
	@Transactional(readOnly = true)
	public boolean administers(OrganisationId organisation, AccountId viewer) {
		return organisations.rolesOf(organisation, viewer).contains(Role.ORG_ADMIN);
	}

	/**
	 * Imports an instrument the organisation is licensed to use, from the documented
	 * file. Refused at the field {@code file} when the file is not a valid measure or its
	 * key is taken.
	 */
	@Transactional
	public SurveyDefinition importInstrument(OrganisationId organisation, byte[] file, AccountId admin) {
		organisations.require(organisation, admin, Role.ORG_ADMIN);
		var form = SurveyFormat.parse(file);
		if (form.kind() != SurveyKind.MEASURE) {
			throw Refused.invalid("file", "feedback.forms.importMeasureOnly");
		}
		if (form.key().startsWith(RESERVED_PREFIX)) {
			throw Refused.invalid("file", "feedback.forms.keyReserved");
		}
		if (store.lock(organisation, form.key()).isPresent()) {
			throw Refused.invalid("file", "feedback.forms.keyTaken");
		}
		store.insert(organisation, form.key(), form.kind().name(), Origin.IMPORTED.name(), SurveyFormat.write(form),
				admin.value(), now());
		return form;
	}

	/**
	 * Copies a feedback survey (Kindred's or a copy) for the organisation to edit. The
	 * copy keeps every question's key; its own key is the next free one after Kindred's.
	 */
	@Transactional
	public SurveyDefinition copy(OrganisationId organisation, String formKey, AccountId by) {
		var source = view(organisation, formKey, by);
		if (!source.copyable()) {
			throw Refused.conflict("feedback.forms.copyMeasure");
		}
		var original = basedOn(formKey).orElseThrow(() -> Refused.conflict("feedback.forms.copyMeasure"));
		var taken = new HashSet<String>();
		store.ofOrganisation(organisation).forEach(row -> taken.add(row.formKey()));
		int n = 2;
		while (taken.contains(original + "-" + n)) {
			n++;
		}
		var form = source.form();
		var copy = new SurveyDefinition(original + "-" + n, form.kind(), form.title(), form.introduction(), false,
				form.source(), form.terms(), form.scales(), form.questions(), form.scoring());
		store.insert(organisation, copy.key(), copy.kind().name(), Origin.COPY.name(), SurveyFormat.write(copy),
				by.value(), now());
		return copy;
	}

	/**
	 * The form as it stands, for a coordinator about to edit it; refused unless a copy.
	 */
	@Transactional(readOnly = true)
	public SurveyDefinition editable(OrganisationId organisation, String formKey, AccountId by) {
		return editableEntry(view(organisation, formKey, by)).form();
	}

	/** New title and introduction, in the form's languages. */
	@Transactional
	public void saveTexts(OrganisationId organisation, String formKey, Map<Language, String> title,
			Map<Language, String> introduction, AccountId by) {
		var form = lockEditable(organisation, formKey, by);
		save(organisation, new SurveyDefinition(form.key(), form.kind(), title, introduction, form.validated(),
				form.source(), form.terms(), form.scales(), form.questions(), form.scoring()));
	}

	/**
	 * Saves a question: {@code questionKey} names the one it replaces, or is null for a
	 * new one at the end, whose key is made here so that it never collides.
	 */
	@Transactional
	public String saveQuestion(OrganisationId organisation, String formKey, String questionKey, Question question,
			AccountId by) {
		var form = lockEditable(organisation, formKey, by);
		var questions = new ArrayList<>(form.questions());
		String key;
		if (questionKey == null) {
			if (questions.size() >= SurveyFormat.MAX_QUESTIONS) {
				throw Refused.conflict("feedback.format.tooMany");
			}
			int n = questions.size() + 1;
			while (form.question("q-" + n).isPresent()) {
				n++;
			}
			key = "q-" + n;
			questions.add(withKey(question, key, false));
		}
		else {
			var index = indexOf(form, questionKey);
			key = questionKey;
			// reverse scoring belongs to the form's scoring rule, which the editor does
			// not change
			questions.set(index, withKey(question, key, questions.get(index).reverse()));
		}
		save(organisation, withQuestions(form, questions));
		return key;
	}

	@Transactional
	public void removeQuestion(OrganisationId organisation, String formKey, String questionKey, AccountId by) {
		var form = lockEditable(organisation, formKey, by);
		var questions = new ArrayList<>(form.questions());
		questions.remove(indexOf(form, questionKey));
		if (questions.isEmpty()) {
			throw Refused.conflict("feedback.forms.lastQuestion");
		}
		if (form.scoring() != null && form.scoring().items().contains(questionKey)) {
			throw Refused.conflict("feedback.forms.scoredQuestion");
		}
		save(organisation, withQuestions(form, questions));
	}

	/**
	 * Deletes a copy or an imported instrument that no programme has scheduled; Kindred's
	 * own forms stay. Coordinators delete copies, admins anything of their own.
	 */
	@Transactional
	public void delete(OrganisationId organisation, String formKey, AccountId by) {
		var entry = view(organisation, formKey, by);
		if (entry.origin() == Origin.KINDRED) {
			throw Refused.conflict("feedback.forms.deleteKindred");
		}
		if (entry.origin() == Origin.IMPORTED) {
			organisations.require(organisation, by, Role.ORG_ADMIN);
		}
		store.lock(organisation, formKey);
		if (store.inUse(organisation, formKey)) {
			throw Refused.conflict("feedback.forms.inUse");
		}
		store.delete(organisation, formKey);
	}

	private SurveyDefinition lockEditable(OrganisationId organisation, String formKey, AccountId by) {
		var entry = view(organisation, formKey, by);
		editableEntry(entry);
		return store.lock(organisation, formKey)
			.map(this::entry)
			.orElseThrow(() -> new NotFoundException("survey form"))
			.form();
	}

	private static Entry editableEntry(Entry entry) {
		return switch (entry.origin()) {
			case KINDRED -> throw Refused.conflict("feedback.forms.editKindred");
			case IMPORTED -> throw Refused.conflict("feedback.forms.editImported");
			case COPY -> entry;
		};
	}

	/**
	 * Stores an edited form after the format's own checks, so that a form that can be
	 * edited can always be read back; a rule the editor's fields cannot break alone (a
	 * scored question turned into text) is refused for the whole page.
	 */
	private void save(OrganisationId organisation, SurveyDefinition form) {
		String file;
		try {
			file = SurveyFormat.write(form);
			SurveyFormat.parse(file);
		}
		catch (Refused refused) {
			throw Refused.conflict(refused.key());
		}
		store.update(organisation, form.key(), file, now());
	}

	private static int indexOf(SurveyDefinition form, String questionKey) {
		// compared in memory only, so a hostile key never reaches the database
		for (int i = 0; i < form.questions().size(); i++) {
			if (form.questions().get(i).key().equals(questionKey)) {
				return i;
			}
		}
		throw new NotFoundException("question");
	}

	private static Question withKey(Question q, String key, boolean reverse) {
		return new Question(key, q.type(), q.text(), q.scale(), reverse, q.required(), q.options(), q.min(), q.max(),
				q.quotable());
	}

	private static SurveyDefinition withQuestions(SurveyDefinition form, List<Question> questions) {
		return new SurveyDefinition(form.key(), form.kind(), form.title(), form.introduction(), form.validated(),
				form.source(), form.terms(), form.scales(), List.copyOf(questions), form.scoring());
	}

	private Entry entry(SurveyFormStore.Row row) {
		return new Entry(SurveyFormat.parse(row.definition()), Origin.valueOf(row.origin()),
				row.updatedAt().toInstant());
	}

	private Instant now() {
		return clock.instant();
	}

}
