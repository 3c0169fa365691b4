package app.kindred.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every text a user sees exists in English, Finnish and Swedish, and templates hold no
 * literal text: it all comes from the message bundles.
 */
class I18nCompletenessTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final List<String> LANGUAGES = List.of("fi", "sv");

	/** Attributes that screen readers or browsers show to people. */
	private static final List<String> VISIBLE_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label",
			"value");

	/**
	 * Attributes that replace an element's content, or the element itself, with text from
	 * elsewhere.
	 */
	private static final Set<String> CONTENT_PRODUCERS = Set.of("th:text", "th:utext");

	private static final Set<String> ELEMENT_PRODUCERS = Set.of("th:replace", "th:insert");

	/** Text that is the same in every language: punctuation, digits and spaces. */
	private static final Pattern NOT_WORDS = Pattern.compile("[\\p{Punct}\\p{Digit}\\s–—·×]*");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*[\\w])[}(]");

	private static final Pattern CODE_STRING = Pattern.compile("\"([a-z][a-zA-Z]+(?:\\.[a-zA-Z0-9]+)+)\"");

	@Test
	void everyKeyIsInEveryLanguageAndNoneIsEmpty() throws IOException {
		var problems = new ArrayList<String>();
		for (var bundle : bundles()) {
			var english = load(bundle, null);
			for (var language : LANGUAGES) {
				var translated = load(bundle, language);
				difference(english.stringPropertyNames(), translated.stringPropertyNames())
					.forEach(k -> problems.add(bundle + "_" + language + " lacks " + k));
				difference(translated.stringPropertyNames(), english.stringPropertyNames())
					.forEach(k -> problems.add(bundle + "_" + language + " has extra " + k));
				translated.stringPropertyNames()
					.stream()
					.filter(k -> translated.getProperty(k).isBlank())
					.forEach(k -> problems.add(bundle + "_" + language + " leaves " + k + " empty"));
			}
			english.stringPropertyNames()
				.stream()
				.filter(k -> english.getProperty(k).isBlank())
				.forEach(k -> problems.add(bundle + " leaves " + k + " empty"));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyKeyTheTemplatesAndCodeNameExists() throws IOException {
		var keys = allKeys();
		var prefixes = new HashSet<String>();
		keys.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
		var missing = new TreeSet<String>();
		for (var template : files(TEMPLATES, ".html")) {
			TEMPLATE_KEY.matcher(Files.readString(template))
				.results()
				.map(m -> m.group(1))
				.filter(k -> !keys.contains(k))
				.forEach(k -> missing.add(TEMPLATES.relativize(template) + ": " + k));
		}
		for (var source : files(Path.of("src/main/java"), ".java")) {
			CODE_STRING.matcher(Files.readString(source))
				.results()
				.map(m -> m.group(1))
				.filter(k -> prefixes.contains(k.substring(0, k.indexOf('.') + 1)))
				.filter(k -> !keys.contains(k))
				.forEach(k -> missing.add(source.getFileName() + ": " + k));
		}
		assertThat(missing).as("message keys used but not defined").isEmpty();
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		var literal = new ArrayList<String>();
		for (var template : files(TEMPLATES, ".html")) {
			var document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				var name = TEMPLATES.relativize(template) + " <" + element.tagName() + ">";
				if (!producesText(element) && !NOT_WORDS.matcher(element.ownText()).matches()) {
					literal.add(name + ": " + element.ownText().strip());
				}
				for (var attribute : VISIBLE_ATTRIBUTES) {
					if (element.hasAttr(attribute) && !NOT_WORDS.matcher(element.attr(attribute)).matches()
							&& !"value".equals(attribute)) {
						literal.add(name + " " + attribute + "=\"" + element.attr(attribute) + "\"");
					}
				}
			}
		}
		assertThat(literal).as("literal text in templates (use th:text with a message key)").isEmpty();
	}

	/**
	 * Text inside th:text is replaced, and so is an element with th:replace; but a page's
	 * {@code <html th:replace>} hands its own content to the layout, so that content is
	 * checked like any other.
	 */
	private static boolean producesText(Element element) {
		if (!element.tagName().equals("html") && has(element, ELEMENT_PRODUCERS)) {
			return true;
		}
		for (var e = element; e != null; e = e.parent()) {
			if (has(e, CONTENT_PRODUCERS)) {
				return true;
			}
		}
		return false;
	}

	private static boolean has(Element element, Set<String> attributes) {
		return element.attributes().asList().stream().anyMatch(a -> attributes.contains(a.getKey()));
	}

	private static List<String> bundles() throws IOException {
		var properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("application.properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return Arrays.stream(properties.getProperty("spring.messages.basename").split(",")).map(String::strip).toList();
	}

	private static Set<String> allKeys() throws IOException {
		var keys = new HashSet<String>();
		for (var bundle : bundles()) {
			keys.addAll(load(bundle, null).stringPropertyNames());
		}
		return keys;
	}

	private static Properties load(String bundle, String language) throws IOException {
		var file = RESOURCES.resolve(bundle + (language == null ? "" : "_" + language) + ".properties");
		var properties = new Properties();
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		return properties;
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		var result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

}
