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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.PersonalDataContributor.Section;
import app.kindred.core.Times;

/**
 * A section's data as a tree a person can read: each record's fields and each map's
 * entries labelled (the message {@code <section>.<field>} where the module has one,
 * otherwise the field's name in words), lists numbered, instants in the viewer's zone,
 * days and yes/no in the viewer's language. The same tree draws the page and the PDF.
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

	private final MessageSource messages;

	ReadableData(MessageSource messages) {
		this.messages = messages;
	}

	public List<ReadableSection> sections(List<Section> sections, Locale locale, ZoneId zone) {
		var drawing = new Drawing(locale, zone);
		return sections.stream()
			.map(s -> new ReadableSection(s.key(), drawing.message(s.key(), words(last(s.key()))),
					drawing.node(s.key(), null, s.data())))
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

		Node node(String section, String label, Object value) {
			if (value instanceof Map<?, ?> map) {
				var children = new ArrayList<Node>();
				// A map's keys are data (a weekly time, a language), not field names:
				// shown as they are unless the module names them
				map.forEach((k, v) -> children.add(node(section, message(section + "." + k, String.valueOf(k)), v)));
				return new Node(label, "fields", null, children);
			}
			if (value instanceof Collection<?> items) {
				return new Node(label, "items", null, items.stream().map(v -> node(section, null, v)).toList());
			}
			if (value instanceof Record record) {
				var children = new ArrayList<Node>();
				for (var component : record.getClass().getRecordComponents()) {
					children.add(node(section, label(section, component.getName()), read(component, record)));
				}
				return new Node(label, "fields", null, children);
			}
			return Node.text(label, text(value));
		}

		private String label(String section, String field) {
			return message(section + "." + field, words(field));
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
