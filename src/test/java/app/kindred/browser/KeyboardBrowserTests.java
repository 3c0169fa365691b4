package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import app.kindred.TestData;

/** Everything here is done with the keyboard alone. */
class KeyboardBrowserTests extends BrowserTestBase {

	@Test
	void theFirstTabShowsTheSkipLinkAndEnterMovesToTheContent() {
		browser.open("/").checkAccessibility();

		browser.tab();
		var skip = browser.focused();
		assertThat(skip.getText()).isEqualTo("Skip to content");
		assertThat(skip.getDomAttribute("href")).isEqualTo("#main");
		assertThat(skip.isDisplayed()).isTrue();
		@SuppressWarnings("unchecked")
		var box = (Map<String, Number>) browser.js(
				"""
						var r = arguments[0].getBoundingClientRect();
						return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: innerWidth, height: innerHeight};
						""",
				skip);
		assertThat(box.get("left").doubleValue()).as("skip link left edge on screen").isGreaterThanOrEqualTo(0);
		assertThat(box.get("top").doubleValue()).as("skip link top edge on screen").isGreaterThanOrEqualTo(0);
		assertThat(box.get("right").doubleValue()).isLessThanOrEqualTo(box.get("width").doubleValue());
		assertThat(box.get("bottom").doubleValue()).isLessThanOrEqualTo(box.get("height").doubleValue());
		assertThat(browser.js("return getComputedStyle(arguments[0]).outlineStyle", skip)).as("focus is visible")
			.isNotEqualTo("none");
		browser.checkAccessibility();

		browser.press(Keys.ENTER);
		browser.waitUntil(d -> "main".equals(browser.focused().getDomAttribute("id")));
		assertThat(browser.focused().getTagName()).isEqualTo("main");
		assertThat(browser.url()).endsWith("/#main");
	}

	@Test
	void signsInWithTheKeyboardOnly() {
		var person = data.person("keyboard");
		browser.open("/sign-in").checkAccessibility();

		browser.tabTo("email", 30);
		browser.press(person.email());
		browser.tab();
		assertThat(browser.focused().getDomAttribute("id")).isEqualTo("password");
		browser.press(TestData.PASSWORD);
		browser.andWaitForNewPage(() -> browser.press(Keys.ENTER));

		assertThat(browser.url()).doesNotContain("/sign-in");
		assertThat(browser.texts(".site-nav a, .site-nav button")).contains("Your account", "Sign out");
		browser.checkAccessibility();
	}

}
