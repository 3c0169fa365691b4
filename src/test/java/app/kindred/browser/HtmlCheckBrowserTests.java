package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The HTML check itself: it must pass a valid page and catch an invalid one, saying the
 * line, the checker's message and the source there.
 */
class HtmlCheckBrowserTests {

	private static final String VALID = """
			<!DOCTYPE html>
			<html lang="en">
			<head><meta charset="utf-8"><title>Valid</title></head>
			<body data-hx-boost="false"><main><h1>Valid</h1><a href="/x">A link</a></main></body>
			</html>
			""";

	@Test
	void passesAValidPage() {
		assertThat(HtmlChecker.shared().errors(VALID)).isEmpty();
	}

	@Test
	void reportsEachErrorWithItsLineMessageAndExtract() {
		var invalid = VALID.replace("<body data-hx-boost=\"false\">", "<body hx-boost=\"false\">")
			.replace("<a href=\"/x\">A link</a>", "<a href=\"/x\"><div>A</div><button>link</button></a>");

		var errors = HtmlChecker.shared().errors(invalid);

		assertThat(errors).extracting(HtmlChecker.Error::line).containsOnly(4);
		assertThat(errors).extracting(HtmlChecker.Error::message)
			.anySatisfy(m -> assertThat(m).contains("Attribute", "hx-boost", "not allowed"))
			.anySatisfy(m -> assertThat(m).contains("button", "must not appear as a descendant of the", "a"));
		assertThat(errors.getFirst().extract()).contains("hx-boost");
		assertThat(errors.getFirst().toString()).startsWith("  line 4, column ");
		// One checker for many pages: the errors of one are not carried into the next
		assertThat(HtmlChecker.shared().errors(VALID)).isEmpty();
	}

}
