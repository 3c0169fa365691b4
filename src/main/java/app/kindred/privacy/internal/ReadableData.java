package app.kindred.privacy.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.PersonalDataContributor.Section;
import app.kindred.core.Times;
import app.kindred.recruitment.Call;

/**
 * A section's data as a tree a person can read: each record's fields and each map's
 * entries labelled (the message {@code <section>.<field>} where the module has one,
 * otherwise the field's name in words), lists numbered, instants in the viewer's zone,
 * days and yes/no in the viewer's language. Codes (an enum, or a string such as
 * {@code SEATED} or {@code ORG_ADMIN,COORDINATOR}) are named in the viewer's language
 * where there is a message for them ({@link #VALUES}), and weekly times such as
 * {@code MON1615} as a day and a time. The same tree draws the page and the PDF; the JSON
 * keeps the codes.
 */
@Component
public class ReadableData {

	/**
	 * One labelled value: text, or fields (a record or a map), or items (a list).
	 *
	 * @param kind {@code text}, {@code fields} or {@code items}
	 */
	public record Node(String label, String kind, String text, List<Node> children) {

		static Node text(String label, String text) {
			return new Node(label, "text", text, List.of());
		}

		public boolean empty() {
			return !"text".equals(kind) && children.isEmpty();
		}

	}

	/** A section with its heading and its data as a tree. */
	public record ReadableSection(String key, String heading, Node data) {
	}

	/**
	 * The fields whose codes other pages already name, by section and field: the message
	 * with the code for {@code *}. Any other field's code is the message
	 * {@code <section>.<field>.<code>}, or the code as it is (an enum's in words) when
	 * there is none.
	 */
	static final Map<String, String> VALUES = Map.ofEntries(Map.entry("audit.data.readsOfMine.kind", "audit.kind.*"),
			Map.entry("audit.data.readsByMe.kind", "audit.kind.*"),
			Map.entry("audit.data.readsOfMine.readerRole", "role.*"),
			Map.entry("organisation.data.staff.role", "role.*"),
			Map.entry("recruitment.data.applications.role", "role.*"),
			Map.entry("recruitment.data.applications.state", "signUp.state.*.short"),
			Map.entry("recruitment.data.applications.delivery", "signUp.delivery.*.short"),
			Map.entry("recruitment.data.applications.availability", "signUp.availability.*"),
			Map.entry("training.data.training.kind", "training.kind.*"),
			Map.entry("grouping.data.groups.role", "role.*"),
			Map.entry("assessment.data.course.part", "assessment.workload.part.*"),
			Map.entry("assessment.data.course.occasion", "assessment.diary.occasion.*"),
			Map.entry("assessment.data.course.result", "assessment.result.*"),
			Map.entry("certificate.data.certificates.kind", "certificate.verify.kind.*"),
			Map.entry("announcement.data.announcements.as", "role.*"),
			Map.entry("announcement.data.announcements.audience", "announcement.audience.*"),
			Map.entry("feedback.data.surveys.survey", "feedback.formKind.*"),
			Map.entry("feedback.data.surveys.moment", "feedback.moment.*"));

	/** One code or several, comma-separated ("ORG_ADMIN,COORDINATOR"). */
	private static final Pattern CODES = Pattern.compile("[A-Z][A-Z0-9_]*(,[A-Z][A-Z0-9_]*)*");

	private final MessageSource messages;

	ReadableData(MessageSource messages) {
		this.messages = messages;
	}

	public List<ReadableSection> sections(List<Section> sections, Locale locale, ZoneId zone) {
		var drawing = new Drawing(locale, zone);
		return sections.stream()
			.map(s -> new ReadableSection(s.key(), drawing.message(s.key(), words(last(s.key()))),
					drawing.node(s.key(), null, null, s.data())))
			.toList();
	}

	private static String last(String key) {
		return key.substring(key.lastIndexOf('.') + 1);
	}

	/** {@code decidedAt} as "Decided at", {@code ENROLLED_LATE} as "Enrolled late". */
	static String words(String name) {
		if (name.isEmpty()) {
			return name;
		}
		var spaced = name.contains("_") ? name.toLowerCase(Locale.ROOT).replace('_', ' ')
				: name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	private final class Drawing {

		private final Locale locale;

		private final ZoneId zone;

		Drawing(Locale locale, ZoneId zone) {
			this.locale = locale;
			this.zone = zone;
		}

		String message(String key, String otherwise) {
			return messages.getMessage(key, null, otherwise, locale);
		}

		/**
		 * @param field the record component the value is in (or whose list or map it is
		 * in), if any: it says what the value's codes name
		 */
		Node node(String section, String field, String label, Object value) {
			if (value instanceof Map<?, ?> map) {
				var children = new ArrayList<Node>();
				// A map's keys are data (a weekly time, a language), not field names:
				// shown as they are unless the module names them
				map.forEach((k, v) -> children
					.add(node(section, field, message(section + "." + k, weeklyTime(String.valueOf(k))), v)));
				return new Node(label, "fields", null, children);
			}
			if (value instanceof Collection<?> items) {
				return new Node(label, "items", null, items.stream().map(v -> node(section, field, null, v)).toList());
			}
			if (value instanceof Record record) {
				var children = new ArrayList<Node>();
				for (var component : record.getClass().getRecordComponents()) {
					var name = component.getName();
					children.add(node(section, name, label(section, name), read(component, record)));
				}
				return new Node(label, "fields", null, children);
			}
			return Node.text(label, text(section, field, value));
		}

		private String label(String section, String field) {
			return message(section + "." + field, words(field));
		}

		private String text(String section, String field, Object value) {
			if (value instanceof Enum<?> e && !(value instanceof Language)) {
				return code(section, field, e.name(), words(e.name()));
			}
			if (value instanceof String string) {
				if ("language".equals(field)
						&& Arrays.stream(Language.values()).anyMatch(l -> l.name().equals(string))) {
					return text(Language.valueOf(string));
				}
				if (CODES.matcher(string).matches()) {
					return code(section, field, string, string);
				}
				return weeklyTime(string);
			}
			return text(value);
		}

		/**
		 * A code (or comma-separated codes) named by its message where there is one, else
		 * {@code otherwise}.
		 */
		private String code(String section, String field, String code, String otherwise) {
			if (field == null) {
				return otherwise;
			}
			var key = VALUES.getOrDefault(section + "." + field, section + "." + field + ".*");
			var names = new ArrayList<String>();
			for (var one : code.split(",")) {
				var name = messages.getMessage(key.replace("*", one), null, null, locale);
				if (name == null) {
					return otherwise;
				}
				names.add(name);
			}
			return String.join(", ", names);
		}

		/**
		 * A weekly time's key ({@code MON1615}) as "Monday 16:15" in the viewer's
		 * language; anything else as it is.
		 */
		private String weeklyTime(String text) {
			return Call.Slot.ofKey(text)
				.map(slot -> Times.weekday(slot.day(), locale) + " " + Times.time(locale).format(slot.starts()))
				.orElse(text);
		}

		private String text(Object value) {
			if (value == null) {
				return message("privacy.data.none", "-");
			}
			if (value instanceof Boolean yes) {
				return message(yes ? "privacy.data.yes" : "privacy.data.no", String.valueOf(yes));
			}
			if (value instanceof Instant instant) {
				return Times.dateTime(FormatStyle.MEDIUM, locale).format(instant.atZone(zone));
			}
			if (value instanceof OffsetDateTime at) {
				return text(at.toInstant());
			}
			if (value instanceof ZonedDateTime at) {
				return text(at.toInstant());
			}
			if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime) {
				var style = value instanceof LocalDate ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
						: value instanceof LocalTime ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
								: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
				return style.withLocale(locale).format((TemporalAccessor) value);
			}
			if (value instanceof Language language) {
				return message("language.native." + language.code(), language.name());
			}
			if (value instanceof Enum<?> e) {
				return words(e.name());
			}
			return String.valueOf(value);
		}

		private static Object read(RecordComponent component, Record record) {
			try {
				var accessor = component.getAccessor();
				accessor.setAccessible(true);
				return accessor.invoke(record);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("cannot read " + component, ex);
			}
		}

	}

}
