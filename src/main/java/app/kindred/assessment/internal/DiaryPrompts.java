package app.kindred.assessment.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;

/**
 * The reflection prompts a diary entry offers for its occasion: the programme's own, one
 * per line, or else Kindred's, written for compassion mentoring in each language. The
 * programme's coordinators and teachers set them.
 */
@Service
public class DiaryPrompts {

	/** An entry about nothing in particular has prompts of its own, stored as this. */
	public static final String FREE = "FREE";

	/**
	 * Kindred's own prompts per occasion, as message keys {@code …FREE.1} to {@code .4}.
	 */
	static final int DEFAULT_COUNT = 4;

	public static final int MAX_LINES = 8;

	public static final int LINE_MAX = 300;

	/**
	 * Every occasion whose prompts are set, FREE for an entry about nothing in
	 * particular.
	 */
	public static final List<String> OCCASIONS = List.of(Occasion.TRAINING.name(), Occasion.SUPERVISION.name(),
			Occasion.MEETING.name(), FREE);

	/** An occasion's prompts in a language, and whether they are the programme's own. */
	public record Prompts(List<String> lines, boolean own) {
	}

	private final DiaryStore store;

	private final ProgrammeAccess access;

	private final MessageSource messages;

	DiaryPrompts(DiaryStore store, ProgrammeAccess access, MessageSource messages) {
		this.store = store;
		this.access = access;
		this.messages = messages;
	}

	/** The prompts an entry about this occasion (null: none) offers in the language. */
	@Transactional(readOnly = true)
	public Prompts prompts(ProgrammeId programme, Occasion occasion, Language language) {
		var key = occasion == null ? FREE : occasion.name();
		return store.prompts(programme, key, language)
			.map(text -> new Prompts(lines(text), true))
			.orElseGet(() -> new Prompts(defaults(key, language), false));
	}

	/** Kindred's own prompts for an occasion in a language. */
	public List<String> defaults(String occasion, Language language) {
		return IntStream.rangeClosed(1, DEFAULT_COUNT)
			.mapToObj(
					n -> messages.getMessage("assessment.diary.prompt." + occasion + "." + n, null, language.locale()))
			.toList();
	}

	/**
	 * The programme, if the viewer coordinates or teaches in it; other staff 403, anyone
	 * else 404.
	 */
	@Transactional(readOnly = true)
	public ProgrammeView settable(ProgrammeId id, AccountId viewer) {
		return access.coordinatedOrTaught(id, viewer);
	}

	/**
	 * The programme's own prompts per occasion and language, as stored; absent:
	 * Kindred's.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<Language, String>> stored(ProgrammeId id, AccountId viewer) {
		settable(id, viewer);
		var all = new LinkedHashMap<String, Map<Language, String>>();
		for (var occasion : OCCASIONS) {
			var texts = new EnumMap<Language, String>(Language.class);
			Arrays.stream(Language.values())
				.forEach(l -> store.prompts(id, occasion, l).ifPresent(text -> texts.put(l, text)));
			all.put(occasion, texts);
		}
		return all;
	}

	/**
	 * Saves the programme's own prompts: per occasion and language, the lines given, or
	 * Kindred's where none are. Lines are checked by the form; too many or too long are
	 * refused here too.
	 */
	@Transactional
	public void save(ProgrammeId id, Map<String, Map<Language, List<String>>> prompts, AccountId viewer) {
		settable(id, viewer);
		for (var occasion : OCCASIONS) {
			for (var language : Language.values()) {
				var lines = prompts.getOrDefault(occasion, Map.of()).getOrDefault(language, List.of());
				if (lines.size() > MAX_LINES || lines.stream().anyMatch(l -> l.length() > LINE_MAX)) {
					throw new IllegalArgumentException("prompts beyond their bounds");
				}
				store.savePrompts(id, occasion, language, lines.isEmpty() ? null : String.join("\n", lines));
			}
		}
	}

	/** The non-blank lines of a text, stripped. */
	public static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

}
