package app.kindred.assessment.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * A credit course's settings, learning outcomes and assessment criteria, set by the
 * programme's coordinators and its organisation's teachers. The form checks what was
 * typed; the rules are checked here again, so nothing that breaks them is ever stored.
 */
@Service
public class CourseSettingsService {

	/** The longest outcome or criterion, in any language (the column's width). */
	public static final int ITEM_MAX = 2000;

	/** More outcomes or criteria than anyone can rate or check one by one. */
	public static final int ITEMS_MAX = 20;

	public static final int SCALE_MIN = 3;

	public static final int SCALE_MAX = 10;

	public static final int WEEKS_MIN = 1;

	public static final int WEEKS_MAX = 26;

	/** Course codes as study registries write them (SZ00CM31, TKO_2024.1-2). */
	public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

	private final ProgrammeAccess access;

	private final Courses courses;

	private final CourseStore store;

	private final Clock clock;

	CourseSettingsService(ProgrammeAccess access, Courses courses, CourseStore store, Clock clock) {
		this.access = access;
		this.courses = courses;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * An outcome or criterion as edited: its id when it exists already (null for a new
	 * one), and its text per language.
	 */
	public record Draft(UUID id, Map<Language, String> texts) {

		public Draft {
			texts = Map.copyOf(texts);
		}

	}

	/**
	 * The course of a programme the viewer coordinates or teaches in; 403 for other
	 * staff, 404 for anyone else. A programme not run for credits has one too, with the
	 * defaults.
	 */
	@Transactional(readOnly = true)
	public Course forStaff(ProgrammeId id, AccountId viewer) {
		return courses.course(access.coordinatedOrTaught(id, viewer));
	}

	/** The course as it would be with no deadline set: the defaults the page shows. */
	public Course defaults(Course course) {
		var none = new Course.Settings(course.code(), course.ratingScale(), null, null, null, null,
				course.assessmentWeeks(), course.coordinatorsRead(), course.diaryForAll());
		return Course.of(course.programme(), none, course.outcomes(), course.criteria());
	}

	/**
	 * Saves the settings and replaces the outcomes and criteria in the order given,
	 * keeping the ids of those edited so ratings and checks stay with them.
	 */
	@Transactional
	public void save(ProgrammeId id, AccountId by, Course.Settings settings, List<Draft> outcomes,
			List<Draft> criteria) {
		var course = forStaff(id, by);
		if (!course.forCredit()) {
			throw Refused.conflict("assessment.settings.notCredit");
		}
		check(settings);
		var keptOutcomes = items(course.outcomes(), outcomes, "outcomes");
		var keptCriteria = items(course.criteria(), criteria, "criteria");
		store.save(id, settings, by.value(), clock.instant());
		store.replaceItems(id, CourseStore.Kind.OUTCOME, keptOutcomes);
		store.replaceItems(id, CourseStore.Kind.CRITERION, keptCriteria);
	}

	private static void check(Course.Settings s) {
		if (s.code() != null && !CODE.matcher(s.code()).matches()) {
			throw Refused.invalid("code", "assessment.settings.code.invalid");
		}
		if (s.ratingScale() < SCALE_MIN || s.ratingScale() > SCALE_MAX) {
			throw Refused.invalid("ratingScale", "assessment.settings.ratingScale.range");
		}
		if (s.assessmentWeeks() < WEEKS_MIN || s.assessmentWeeks() > WEEKS_MAX) {
			throw Refused.invalid("assessmentWeeks", "assessment.settings.assessmentWeeks.range");
		}
	}

	/**
	 * The items to store: an id must be one of this course's own of the same kind (a
	 * forged or copied id is refused, never taken over), each item has a text in at least
	 * one language and none too long.
	 */
	private static List<Course.Item> items(List<Course.Item> existing, List<Draft> drafts, String field) {
		if (drafts.size() > ITEMS_MAX) {
			throw Refused.invalid(field, "assessment.settings.items.tooMany");
		}
		var known = existing.stream().map(Course.Item::id).toList();
		var seen = new HashSet<UUID>();
		var items = new ArrayList<Course.Item>();
		for (var draft : drafts) {
			if (draft.id() != null && (!known.contains(draft.id()) || !seen.add(draft.id()))) {
				throw Refused.invalid(field, "assessment.settings.item.unknown");
			}
			var texts = new EnumMap<Language, String>(Language.class);
			draft.texts().forEach((language, text) -> {
				if (text != null && !text.isBlank()) {
					texts.put(language, text.strip());
				}
			});
			if (texts.isEmpty()) {
				throw Refused.invalid(field, "assessment.settings.item.empty");
			}
			if (texts.values().stream().anyMatch(t -> t.length() > ITEM_MAX)) {
				throw Refused.invalid(field, "assessment.settings.item.tooLong");
			}
			items.add(new Course.Item(draft.id() != null ? draft.id() : UUID.randomUUID(), items.size() + 1,
					Map.copyOf(texts)));
		}
		return items;
	}

}
