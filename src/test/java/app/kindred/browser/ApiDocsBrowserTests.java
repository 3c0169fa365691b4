package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The API documentation (Swagger UI, a third-party page) works under Kindred's
 * Content-Security-Policy: it loads, lists the API's operations, and the browser refuses
 * nothing. Not checked with axe: the page is Swagger UI's.
 */
class ApiDocsBrowserTests extends BrowserTestBase {

	@Test
	void apiDocumentationRendersUnderTheContentSecurityPolicy() {
		browser.open("/api-docs");
		browser.waitUntil(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
		assertThat(browser.texts(".opblock-summary-path")).anySatisfy(path -> assertThat(path).contains("/api/v1/"));
		browser.checkSecurityPolicies();
	}

}
