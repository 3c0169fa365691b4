package app.kindred.programme.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import app.kindred.core.Language;

/**
 * Loads the session plans Kindred ships (YAML files under {@code plans/}) into the
 * database at start-up, once per version of each file. The texts are kept as a file
 * rather than a migration so that they read, review and translate like prose; a changed
 * plan ships with a higher {@code version}.
 *
 * <p>
 * Several instances may start at once: the plan's key and each version's number are
 * unique, so the first to commit stores it and the others' inserts fail and roll back,
 * which is expected and harmless.
 */
@Component
class ShippedPlans implements ApplicationRunner {

	static final String DEFAULT_RESOURCE = "plans/kindred-compassion.yaml";

	private static final Logger log = LoggerFactory.getLogger(ShippedPlans.class);

	/** A shipped plan file as read. */
	record Shipped(String key, int version, Map<Language, String> names, List<Map<Language, MeetingText>> meetings) {
	}

	private final PlanStore store;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ShippedPlans(PlanStore store, PlatformTransactionManager transactions, Clock clock) {
		this.store = store;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		var plan = read(new ClassPathResource(DEFAULT_RESOURCE));
		if (load(plan)) {
			log.info("Loaded the shipped session plan {} version {}", plan.key(), plan.version());
		}
	}

	/**
	 * Stores this version of the plan unless it (or a newer one) is there; true when this
	 * call stored it.
	 */
	boolean load(Shipped plan) {
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(transaction.execute(status -> store(plan)));
			}
			catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
				// Another instance stored it first, or is storing it right now
				if (attempt == 3 || loaded(plan)) {
					log.debug("Shipped plan {} version {} was stored by another instance", plan.key(), plan.version());
					return false;
				}
			}
		}
	}

	private boolean loaded(Shipped plan) {
		return Boolean.TRUE.equals(transaction.execute(status -> store.shippedPlan(plan.key())
			.map(id -> store.maxVersion(id) >= plan.version())
			.orElse(false)));
	}

	private boolean store(Shipped plan) {
		var now = clock.instant();
		var existing = store.shippedPlan(plan.key());
		if (existing.isPresent() && store.maxVersion(existing.get()) >= plan.version()) {
			return false;
		}
		var id = existing.orElseGet(() -> store.insertPlan(null, plan.key(), null, plan.names(), now));
		var previous = store.current(id);
		var version = store.insertVersion(id, plan.version(), PlanStatus.PUBLISHED, now);
		for (int i = 0; i < plan.meetings().size(); i++) {
			store.replaceMeeting(version, i + 1, plan.meetings().get(i));
		}
		if (previous.isPresent() && ProgrammePlanService.DEFAULT_PLAN.equals(plan.key())) {
			store.pinUnchosen(previous.get(), now);
		}
		return true;
	}

	/**
	 * Reads a plan file; a file that breaks the rules a coordinator's input must follow
	 * stops the start.
	 */
	static Shipped read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			var names = new EnumMap<Language, String>(Language.class);
			map(document.get("name")).forEach((code, name) -> names.put(language(code), text(name)));
			var meetings = new ArrayList<Map<Language, MeetingText>>();
			for (var meeting : (List<?>) document.get("meetings")) {
				var texts = new EnumMap<Language, MeetingText>(Language.class);
				map(meeting).forEach(
						(code, value) -> texts.put(language(code), meeting(map(value), resource, meetings.size() + 1)));
				meetings.add(texts);
			}
			return new Shipped(text(document.get("key")), ((Number) document.get("version")).intValue(), names,
					meetings);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static MeetingText meeting(Map<String, Object> fields, Resource resource, int number) {
		var outline = Outline.parse(text(fields.get("outline")));
		if (outline.problem().isPresent()) {
			throw new IllegalStateException(resource + ", meeting " + number + ": outline " + outline.problem().get());
		}
		return new MeetingText(text(fields.get("theme")), unwrap(fields.get("aims")), outline.items(),
				unwrap(fields.get("instructions")), unwrap(fields.get("remote")), unwrap(fields.get("campus")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static Language language(String code) {
		return Language.fromCode(code).orElseThrow(() -> new IllegalStateException("unknown language " + code));
	}

	/**
	 * The file wraps its prose to keep lines short; pages show line breaks as typed, so
	 * each paragraph becomes one line again. Blank lines still part paragraphs, and lines
	 * starting "- " stay list items.
	 */
	static String unwrap(Object value) {
		var text = text(value);
		if (text == null) {
			return null;
		}
		var out = new StringBuilder();
		for (var line : text.split("\\R")) {
			var stripped = line.strip();
			if (out.isEmpty()) {
				out.append(stripped);
			}
			else if (stripped.isEmpty() || stripped.startsWith("- ") || out.charAt(out.length() - 1) == '\n') {
				out.append('\n').append(stripped);
			}
			else {
				out.append(' ').append(stripped);
			}
		}
		return out.toString().replaceAll("\\n{3,}", "\n\n");
	}

	private static String text(Object value) {
		return value == null ? null : value.toString().strip();
	}

}
