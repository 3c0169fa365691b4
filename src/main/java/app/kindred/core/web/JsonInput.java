package app.kindred.core.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON bodies get the same text rule as forms ({@link InputBinding#storable}): a string with NUL, control characters or
 * a lone surrogate is refused, and {@link ApiProblems} names its field.
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
					return (String) context.handleWeirdStringValue(String.class, text, "characters that cannot be stored");
				}
				return text;
			}
		});
		return module;
	}
}
