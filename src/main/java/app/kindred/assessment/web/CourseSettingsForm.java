package app.kindred.assessment.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.validation.BindingResult;

import app.kindred.assessment.internal.Course;
import app.kindred.assessment.internal.CourseSettingsService;
import app.kindred.assessment.internal.CourseSettingsService.Draft;
import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.core.web.TypedFields;

/**
 * A course's settings as typed, kept as strings so that a wrong value comes back at its
 * field as it was typed. Deadlines are wall-clock times in the programme's zone, empty
 * for the default. Outcomes and criteria are rows with a text per language, a number to
 * order them by and a box to remove them; rows left empty are not items (the page offers
 * empty rows to add), so the whole list is edited without any script.
 */
record CourseSettingsForm(String code, String ratingScale, String objectivesDue, String diaryDue,
		String selfEvaluationDue, String peerEvaluationDue, String assessmentWeeks, Boolean coordinatorsRead,
		Boolean diaryForAll, List<ItemForm> outcomes, List<ItemForm> criteria) {

	/** Empty rows the page offers below each list for new items. */
	static final int NEW_ROWS = 2;

	/** One outcome or criterion: its id once stored, its place, its texts. */
	record ItemForm(String id, String order, String en, String fi, String sv, Boolean remove) {

		public String text(Language language) {
			return switch (language) {
				case EN -> en;
				case FI -> fi;
				case SV -> sv;
			};
		}

		boolean blank() {
			return (id == null || id.isBlank()) && List.of(Language.values()).stream().allMatch(l -> {
				var text = text(l);
				return text == null || text.isBlank();
			});
		}

		static ItemForm of(Course.Item item) {
			return new ItemForm(item.id().toString(), String.valueOf(item.position()), item.texts().get(Language.EN),
					item.texts().get(Language.FI), item.texts().get(Language.SV), false);
		}

		static ItemForm empty(int order) {
			return new ItemForm(null, String.valueOf(order), null, null, null, false);
		}

	}

	CourseSettingsForm {
		outcomes = rows(outcomes);
		criteria = rows(criteria);
	}

	/**
	 * The rows as sent; a row whose index was skipped is an empty one, so every other row
	 * keeps its index (and its errors).
	 */
	private static List<ItemForm> rows(List<ItemForm> sent) {
		if (sent == null) {
			return List.of();
		}
		var rows = new ArrayList<ItemForm>();
		for (int i = 0; i < sent.size(); i++) {
			rows.add(sent.get(i) != null ? sent.get(i) : ItemForm.empty(i + 1));
		}
		return rows;
	}

	/** The stored settings; deadlines not set stay empty, the page hints the default. */
	static CourseSettingsForm of(Course course, Course stored, ZoneId zone) {
		return new CourseSettingsForm(course.code(), String.valueOf(course.ratingScale()),
				own(course.objectivesDue(), stored.objectivesDue(), zone),
				own(course.diaryDue(), stored.diaryDue(), zone),
				own(course.selfEvaluationDue(), stored.selfEvaluationDue(), zone),
				own(course.peerEvaluationDue(), stored.peerEvaluationDue(), zone),
				String.valueOf(course.assessmentWeeks()), course.coordinatorsRead(), course.diaryForAll(),
				course.outcomes().stream().map(ItemForm::of).toList(),
				course.criteria().stream().map(ItemForm::of).toList())
			.withNewRows();
	}

	/**
	 * A deadline the course set itself, for its field; one equal to the default shows as
	 * empty, so a later change of the term's dates still moves it.
	 */
	private static String own(Instant resolved, Instant byDefault, ZoneId zone) {
		return resolved.equals(byDefault) ? "" : Dates.inputValue(resolved, zone);
	}

	/** The same rows with empty ones after each list's last, to add items. */
	CourseSettingsForm withNewRows() {
		return new CourseSettingsForm(code, ratingScale, objectivesDue, diaryDue, selfEvaluationDue, peerEvaluationDue,
				assessmentWeeks, coordinatorsRead, diaryForAll, padded(outcomes), padded(criteria));
	}

	private static List<ItemForm> padded(List<ItemForm> rows) {
		var kept = new ArrayList<ItemForm>(rows.stream().filter(r -> !r.blank()).toList());
		int last = kept.size();
		for (int i = 1; i <= NEW_ROWS; i++) {
			kept.add(ItemForm.empty(last + i));
		}
		return kept;
	}

	/** What the service saves, once every field is checked. */
	record Checked(Course.Settings settings, List<Draft> outcomes, List<Draft> criteria) {
	}

	/**
	 * The checked settings, or empty with each problem at its field: numbers in range,
	 * deadlines as date-times, each item with a text of at most
	 * {@value CourseSettingsService#ITEM_MAX} characters in at least one language and an
	 * id that is this course's own.
	 */
	Optional<Checked> check(Course course, ZoneId zone, BindingResult result) {
		var typedCode = code == null || code.isBlank() ? null : code.strip();
		if (typedCode != null && !CourseSettingsService.CODE.matcher(typedCode).matches()) {
			result.rejectValue("code", "assessment.settings.code.invalid");
		}
		int scale = (int) TypedFields.number(ratingScale, CourseSettingsService.SCALE_MIN,
				CourseSettingsService.SCALE_MAX, "ratingScale", "assessment.settings.ratingScale.range", result);
		int weeks = (int) TypedFields.number(assessmentWeeks, CourseSettingsService.WEEKS_MIN,
				CourseSettingsService.WEEKS_MAX, "assessmentWeeks", "assessment.settings.assessmentWeeks.range",
				result);
		var settings = new Course.Settings(typedCode, scale, deadline(objectivesDue, "objectivesDue", zone, result),
				deadline(diaryDue, "diaryDue", zone, result),
				deadline(selfEvaluationDue, "selfEvaluationDue", zone, result),
				deadline(peerEvaluationDue, "peerEvaluationDue", zone, result), weeks, yes(coordinatorsRead),
				yes(diaryForAll));
		var checkedOutcomes = items("outcomes", outcomes, course.outcomes(), result);
		var checkedCriteria = items("criteria", criteria, course.criteria(), result);
		return result.hasErrors() ? Optional.empty()
				: Optional.of(new Checked(settings, checkedOutcomes, checkedCriteria));
	}

	private static Instant deadline(String typed, String field, ZoneId zone, BindingResult result) {
		return typed == null || typed.isBlank() ? null : TypedFields.instant(typed, zone, field, result);
	}

	private static List<Draft> items(String field, List<ItemForm> rows, List<Course.Item> existing,
			BindingResult result) {
		var known = existing.stream().map(Course.Item::id).toList();
		var seen = new HashSet<UUID>();
		record Row(int index, int order, Draft draft) {
		}
		var kept = new ArrayList<Row>();
		for (int i = 0; i < rows.size(); i++) {
			var row = rows.get(i);
			if (row.blank() || Boolean.TRUE.equals(row.remove())) {
				continue;
			}
			var path = field + "[" + i + "].";
			var id = id(row.id());
			if (row.id() != null && !row.id().isBlank() && (id == null || !known.contains(id) || !seen.add(id))) {
				result.rejectValue(path + "id", "assessment.settings.item.unknown");
			}
			int order = (int) TypedFields.number(row.order(), 1, 999, path + "order", "assessment.settings.item.order",
					result);
			var texts = new EnumMap<Language, String>(Language.class);
			for (var language : Language.values()) {
				var text = row.text(language);
				if (text == null || text.isBlank()) {
					continue;
				}
				if (text.strip().length() > CourseSettingsService.ITEM_MAX) {
					result.rejectValue(path + language.code(), "Size",
							new Object[] { "", CourseSettingsService.ITEM_MAX, 0 }, null);
				}
				texts.put(language, text.strip());
			}
			if (texts.isEmpty()) {
				result.rejectValue(path + Language.EN.code(), "assessment.settings.item.empty");
			}
			kept.add(new Row(i, order, new Draft(id, texts)));
		}
		if (kept.size() > CourseSettingsService.ITEMS_MAX) {
			result.rejectValue(field, "assessment.settings.items.tooMany",
					new Object[] { CourseSettingsService.ITEMS_MAX }, null);
		}
		return kept.stream()
			.sorted(Comparator.comparingInt(Row::order).thenComparingInt(Row::index))
			.map(Row::draft)
			.toList();
	}

	private static UUID id(String typed) {
		try {
			return typed == null || typed.isBlank() ? null : UUID.fromString(typed.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean yes(Boolean value) {
		return Boolean.TRUE.equals(value);
	}

}
