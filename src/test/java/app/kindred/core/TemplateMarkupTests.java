package app.kindred.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * What axe and the HTML checker would find on pages, checked on every template at once:
 * no link or button whose accessible name does not begin with its visible text (axe's
 * label-content-name-mismatch: a speech-input user says what they see), and htmx's
 * attributes only in their valid {@code data-hx-} form.
 */
class TemplateMarkupTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*[\\w])[}(]");

	private static final Pattern HTMX_ATTRIBUTE = Pattern.compile("(?<![\\w-])hx-[a-z]+\\s*=");

	@Test
	void everyAccessibleNameOfALinkOrButtonBeginsWithItsVisibleText() throws IOException {
		var problems = new ArrayList<String>();
		for (var suffix : List.of("", "_fi", "_sv")) {
			var messages = messages(suffix);
			for (var template : templates()) {
				var document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
				for (var control : document.select("a, button")) {
					if (!control.hasAttr("th:aria-label")) {
						continue;
					}
					var visible = keys(control.attr("th:text"));
					var names = keys(control.attr("th:aria-label"));
					// Alternatives (a ternary) pair up in order
					for (int i = 0; i < names.size(); i++) {
						var text = i < visible.size() ? messages.getProperty(visible.get(i)) : null;
						var name = messages.getProperty(names.get(i), "");
						if (text == null || !name.toLowerCase(Locale.ROOT).startsWith(text.toLowerCase(Locale.ROOT))) {
							problems.add(TEMPLATES.relativize(template) + " (" + suffix + "): \"" + name
									+ "\" does not begin with \"" + text + "\"");
						}
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void htmxAttributesAreWrittenInTheirValidDataForm() throws IOException {
		var problems = new ArrayList<String>();
		for (var template : templates()) {
			var lines = Files.readAllLines(template);
			for (int i = 0; i < lines.size(); i++) {
				if (HTMX_ATTRIBUTE.matcher(lines.get(i)).find()) {
					problems.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + lines.get(i).strip());
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static List<String> keys(String expression) {
		var keys = new ArrayList<String>();
		var matcher = KEY.matcher(expression);
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		return keys;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties messages(String suffix) throws IOException {
		var all = new Properties();
		try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
			for (var bundle : files.filter(f -> f.getFileName().toString().matches("[a-z]+" + suffix + "\\.properties"))
				.toList()) {
				try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
					all.load(reader);
				}
			}
		}
		return all;
	}

}
