package app.kindred.core.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON bodies get the same rules as forms: text with NUL, control characters or a lone
 * surrogate is refused ({@link InputBinding#storable}), and dates are ISO strings within
 * {@link Dates}' range; {@link ApiProblems} names the field that failed.
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

	@Bean
	JacksonModule storableText() {
		var module = new SimpleModule("kindred-storable-text");
		module.addDeserializer(String.class, new StringDeserializer() {
			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) {
				var text = super.deserialize(parser, context);
				if (text != null && !InputBinding.storable(text)) {
					return (String) context.handleWeirdStringValue(String.class, text,
							"characters that cannot be stored");
				}
				return text;
			}
		});
		// Dates as forms send them, never a number of days since 1970 ("termStart": 12345
		// was 2003-10-18)
		module.addDeserializer(LocalDate.class, new ValueDeserializer<LocalDate>() {
			@Override
			public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
				return typed(parser, context, LocalDate.class, Dates::parseDate);
			}
		});
		module.addDeserializer(LocalDateTime.class, new ValueDeserializer<LocalDateTime>() {
			@Override
			public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) {
				return typed(parser, context, LocalDateTime.class, Dates::parseDateTime);
			}
		});
		return module;
	}

	@SuppressWarnings("unchecked")
	private static <T> T typed(JsonParser parser, DeserializationContext context, Class<T> type,
			Function<String, T> parse) {
		if (!parser.hasToken(JsonToken.VALUE_STRING)) {
			return (T) context.handleUnexpectedToken(type, parser);
		}
		var text = parser.getString();
		try {
			return parse.apply(text);
		}
		catch (DateTimeException e) {
			return (T) context.handleWeirdStringValue(type, text, "not a date in range");
		}
	}

}
