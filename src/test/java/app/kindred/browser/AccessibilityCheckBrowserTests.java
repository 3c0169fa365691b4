package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The axe check itself: it must catch a defect, and say where it is and what to do about
 * it.
 */
class AccessibilityCheckBrowserTests extends BrowserTestBase {

	@Test
	void reportsEachViolationWithRuleImpactTargetAndHelp() {
		browser.open("/").checkAccessibility();

		browser.js("""
				var main = document.getElementById('main');
				main.insertAdjacentHTML('beforeend',
				    '<img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
				  + '<input id="no-label" type="text">'
				  + '<p id="faint">Hard to read</p>');
				// Through the CSSOM, which the Content-Security-Policy allows, not a style attribute, which it blocks
				var faint = document.getElementById('faint');
				faint.style.color = '#ccc';
				faint.style.background = '#fff';
				""");

		assertThatThrownBy(browser::checkAccessibility).isInstanceOf(AssertionError.class)
			.message()
			.contains("Accessibility violations on " + BASE_URL + "/ (en)")
			.contains("image-alt [critical]", "#no-alt")
			.contains("label [critical]", "#no-label")
			.contains("color-contrast [serious]", "#faint")
			.contains("https://dequeuniversity.com/rules/axe/");

		browser.open("/");
		assertThat(browser.driver().findElements(By.id("no-alt"))).isEmpty();
		browser.checkAccessibility();
	}

	@Test
	void reportsAPageWiderThanAPhoneAndWhatSticksOut() {
		browser.open("/").checkPhone();

		browser.js("""
				var main = document.getElementById('main');
				main.insertAdjacentHTML('beforeend', '<p id="too-wide">Wide</p>');
				document.getElementById('too-wide').style.width = '800px';
				""");

		assertThatThrownBy(browser::checkPhone).isInstanceOf(AssertionError.class)
			.message()
			.contains("document width at 390 px on " + BASE_URL + "/ (en)", "p#too-wide");
		// and back at the desktop's width, where it fits
		assertThat((Long) browser.js("return window.innerWidth")).isGreaterThan(1000L);
	}

}
