package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.kindred.TestData;

/**
 * The running application on a real port, in development mode with its mailbox (no SMTP
 * host), and one headless Chromium per test class. Every browser test class extends this
 * and adds nothing to the configuration, so they all share one Spring context.
 *
 * <p>
 * The port is chosen before the context starts, not left to {@code RANDOM_PORT}: e-mailed
 * links are built from {@code kindred.base-url}, which is bound into a record when the
 * application starts, before a random port would be known.
 */
@ActiveProfiles("dev") // the development mailbox
// The dev profile names only the demo admin as a creator of organisations; the tests'
// people (TestData, at test.example) set theirs up as a network's staff would, while a
// newcomer at another address is the student the menu is made for
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "spring.mail.host=", "kindred.organisations.creators=@test.example" })
abstract class BrowserTestBase {

	static final int PORT = freePort();
	static final String BASE_URL = "http://localhost:" + PORT;

	static Browser browser;

	@Autowired
	TestData data;

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("kindred.base-url", () -> BASE_URL);
	}

	@BeforeAll
	static void startBrowser() {
		browser = new Browser(BASE_URL);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@BeforeEach
	void freshSession() {
		browser.reset();
	}

	/**
	 * Leaves a screenshot and the page's HTML in target/browser-failures when a test
	 * fails.
	 */
	@RegisterExtension
	static final TestWatcher SCREENSHOTS = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (browser == null) {
				return;
			}
			try {
				var dir = Files.createDirectories(Path.of("target", "browser-failures"));
				var name = context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getRequiredTestMethod().getName();
				var png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
				Files.write(dir.resolve(name + ".png"), png);
				Files.writeString(dir.resolve(name + ".html"),
						"<!-- " + browser.url() + " -->\n" + browser.driver().getPageSource());
			}
			catch (IOException | RuntimeException e) {
				// the failure itself is what matters
			}
		}
	};

	// Steps shared by the journeys

	/**
	 * Signs in through the sign-in form, and checks the form and the page signed in to.
	 */
	void signIn(String email, String password) {
		browser.open("/sign-in").checkAccessibility();
		browser.fill("email", email);
		browser.fill("password", password);
		browser.clickCss("main form button[type=submit]");
		browser.checkAccessibility();
	}

	/** Follows a link of the language switcher, by the language's own name. */
	void switchLanguage(String nativeName, String code) {
		var link = browser.driver()
			.findElement(By.xpath("//nav[contains(@class,'languages')]//a[normalize-space(.)='" + nativeName + "']"));
		var href = link.getDomAttribute("href");
		browser.andWaitForNewPage(link::click);
		assertThat(browser.lang()).as("language after following the switcher's %s link (href=\"%s\")", nativeName, href)
			.isEqualTo(code);
		browser.checkAccessibility();
	}

	/**
	 * Opens the development mailbox and the newest message to this address, waiting for
	 * it: mail is sent after the request's transaction commits, so it may arrive a moment
	 * after the page that promised it.
	 */
	void openMailTo(String address) {
		browser.open("/dev/mailbox");
		var row = By.xpath("//main//tr[td[normalize-space(.)='" + address + "']]//a");
		browser.waitUntil(d -> {
			if (!d.findElements(row).isEmpty()) {
				return true;
			}
			browser.open("/dev/mailbox");
			return false;
		});
		browser.checkAccessibility();
		var link = browser.driver().findElement(row);
		browser.andWaitForNewPage(link::click);
		assertThat(browser.pageText()).as("the message to %s at %s", address, browser.url()).contains(address);
		browser.checkAccessibility();
	}

	/** The one link in the open mail that leads back into Kindred. */
	void followLinkInMail() {
		var link = browser.driver().findElement(By.cssSelector(".mail-body a"));
		assertThat(link.getDomAttribute("href")).startsWith(BASE_URL + "/");
		browser.andWaitForNewPage(link::click);
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
