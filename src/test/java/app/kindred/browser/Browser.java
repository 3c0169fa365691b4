package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Headless Debian Chromium driven through the installed chromedriver (nothing is ever
 * downloaded), with helpers that act as a person would: follow links by their text, fill
 * labelled fields, press keys, and check every page with axe.
 */
public final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";
	static final String CHROMEDRIVER = "/usr/bin/chromedriver";
	static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	static final int PHONE_WIDTH = 390;
	static final int PHONE_HEIGHT = 844;

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	public Browser(String baseUrl) {
		this.baseUrl = baseUrl;
		try {
			this.profile = Files.createTempDirectory("kindred-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000", "--lang=en-GB", "--user-data-dir=" + profile);
		// The console, to see every Content-Security-Policy violation (Chromium reports
		// them there, not to the page)
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
	}

	public WebDriver driver() {
		return driver;
	}

	/**
	 * Forgets the previous test's session and language choice, so each test starts as a
	 * stranger.
	 */
	public void reset() {
		driver.manage().deleteAllCookies();
		open("/");
		driver.manage().deleteAllCookies();
	}

	// Navigation

	public Browser open(String path) {
		driver.get(path.startsWith("http") ? path : baseUrl + path);
		waitForPage();
		return this;
	}

	public void waitForPage() {
		new WebDriverWait(driver, WAIT).until(d -> "complete".equals(js("return document.readyState")));
	}

	/**
	 * Runs an action that loads a new page, and waits until the old page is gone and the
	 * new one is ready.
	 */
	public void andWaitForNewPage(Runnable action) {
		var old = driver.findElement(By.tagName("html"));
		action.run();
		new WebDriverWait(driver, WAIT).until(d -> gone(old));
		waitForPage();
	}

	/**
	 * Whether the old page's root element is gone. While Chromium swaps documents, asking
	 * about the old root can also fail with "Node with given id does not belong to the
	 * document", which means the same as stale.
	 */
	private static boolean gone(WebElement old) {
		try {
			old.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException e) {
			return true;
		}
		catch (WebDriverException e) {
			if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw e;
		}
	}

	/**
	 * Follows the link or presses the button with exactly this text, preferring the
	 * page's main content.
	 */
	public void click(String text) {
		var element = byText(text);
		andWaitForNewPage(element::click);
	}

	public void clickCss(String css) {
		var element = driver.findElement(By.cssSelector(css));
		andWaitForNewPage(element::click);
	}

	public WebElement byText(String text) {
		var literal = xpathLiteral(text);
		var clickable = "[self::a or self::button][normalize-space(.)=" + literal + "]";
		var inMain = driver.findElements(By.xpath("//main//*" + clickable));
		if (!inMain.isEmpty()) {
			return inMain.get(0);
		}
		var anywhere = driver.findElements(By.xpath("//*" + clickable));
		assertThat(anywhere).as("a link or button reading '%s' on %s", text, driver.getCurrentUrl()).isNotEmpty();
		return anywhere.get(0);
	}

	public void fill(String id, String value) {
		var field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
	}

	public void submit(String buttonText) {
		click(buttonText);
	}

	// Reading the page

	public String text(String css) {
		return driver.findElement(By.cssSelector(css)).getText().strip();
	}

	public String value(String id) {
		return driver.findElement(By.id(id)).getDomProperty("value");
	}

	public String heading() {
		return text("h1");
	}

	public String lang() {
		return driver.findElement(By.tagName("html")).getDomAttribute("lang");
	}

	public String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public String url() {
		return driver.getCurrentUrl();
	}

	public List<String> texts(String css) {
		return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
	}

	/**
	 * The error message shown at a field, tied to it by aria-describedby and marked
	 * aria-invalid.
	 */
	public String fieldError(String id) {
		var field = driver.findElement(By.id(id));
		assertThat(field.getDomAttribute("aria-invalid")).as("%s marked invalid", id).isEqualTo("true");
		assertThat(field.getDomAttribute("aria-describedby")).as("%s described by its error", id)
			.contains(id + "-error");
		return text("#" + id + "-error");
	}

	public Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/**
	 * Waits for the condition; an element htmx swapped out while it was read counts as
	 * "not yet".
	 */
	public <T> T waitUntil(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
	}

	// Keyboard

	public void press(CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
	}

	public void tab() {
		press(Keys.TAB);
	}

	public WebElement focused() {
		return driver.switchTo().activeElement();
	}

	/** Presses Tab until the element with this id has focus, as a keyboard user would. */
	public void tabTo(String id, int atMost) {
		for (int i = 0; i < atMost; i++) {
			tab();
			if (id.equals(focused().getDomAttribute("id"))) {
				return;
			}
		}
		throw new AssertionError("#" + id + " not reached with " + atMost + " presses of Tab on " + url());
	}

	// Viewports

	static final int DESKTOP_WIDTH = 1280;

	static final int DESKTOP_HEIGHT = 1000;

	/**
	 * Sizes the window so that the page's viewport (not the window around it) has this
	 * width, and waits for the page to have it.
	 */
	public Browser viewport(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
		var inner = ((Number) js("return window.innerWidth")).intValue();
		if (inner != width) {
			driver.manage().window().setSize(new Dimension(width + (width - inner), height));
		}
		new WebDriverWait(driver, WAIT).until(d -> ((Number) js("return window.innerWidth")).intValue() == width);
		return this;
	}

	/**
	 * Checks the page with axe at a desktop's width, then at a phone's, where it must
	 * also fit without sideways scrolling.
	 */
	public Browser checkAtDesktopAndPhone() {
		return checkAccessibility().checkPhone();
	}

	// Accessibility

	/**
	 * Runs axe on the current page for WCAG 2.1 A and AA, and fails with a readable list
	 * of what it found.
	 */
	public Browser checkAccessibility() {
		checkSecurityPolicies();
		// Only the violations in full: passes and the rest are not read, and sending them
		// from the browser takes longer than the check
		var options = new AxeRunOptions();
		options.setResultTypes(List.of("violations"));
		var axe = new AxeBuilder().withOptions(options).withTags(WCAG_TAGS);
		var results = axe.analyze(driver);
		assertThat(results.getErrorMessage()).as("axe ran on %s", url()).isNull();
		var violations = results.getViolations();
		if (!violations.isEmpty()) {
			throw new AssertionError("Accessibility violations on " + url() + " (" + lang() + "):\n"
					+ violations.stream().map(Browser::describe).collect(Collectors.joining("\n")));
		}
		return this;
	}

	/**
	 * Checks the current page as the server sent it (not the DOM scripts have changed)
	 * with the W3C Nu HTML Checker, and fails with each error's line, message and the
	 * source around it. The page is fetched again from within the page, so with the
	 * browser's own cookies and language.
	 */
	public Browser checkHtml() {
		var served = served();
		assertThat(served.get("status")).as("status of %s fetched again", url()).isEqualTo(200L);
		var errors = HtmlChecker.shared().errors((String) served.get("body"));
		if (!errors.isEmpty()) {
			throw new AssertionError("HTML errors on " + url() + " (" + lang() + "):\n"
					+ errors.stream().map(HtmlChecker.Error::toString).collect(Collectors.joining("\n")));
		}
		return this;
	}

	/**
	 * The current address fetched again by the page itself: its status, content type and
	 * text.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> served() {
		var result = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(location.href, {credentials: 'same-origin', redirect: 'manual'})
				  .then(r => r.text().then(body => done({status: r.status, type: r.headers.get('Content-Type') || '',
				    body: body})))
				  .catch(e => done({status: -1, type: '', body: String(e)}));
				""");
		return result;
	}

	/**
	 * At a phone's size (390 by 844 CSS pixels), checks the page with axe and that it
	 * does not scroll sideways (WCAG 2.1 reflow), then returns to the desktop size.
	 */
	public Browser checkPhone() {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
		try {
			checkAccessibility();
			checkNoSidewaysScroll();
		}
		finally {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		return this;
	}

	/**
	 * The document is no wider than the viewport; if it is, names the widest elements
	 * that stick out, to say where to look.
	 */
	public Browser checkNoSidewaysScroll() {
		@SuppressWarnings("unchecked")
		var widths = (Map<String, Object>) js(
				"""
						const root = document.documentElement;
						const out = [...document.body.querySelectorAll('*')]
						  .filter(e => e.getBoundingClientRect().right > root.clientWidth + 0.5)
						  .filter(e => !e.closest('.table-scroll'))
						  .slice(0, 5)
						  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
						    + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
						    + ' right=' + Math.round(e.getBoundingClientRect().right));
						return {scroll: root.scrollWidth, client: root.clientWidth, inner: window.innerWidth, out: out.join('; ')};
						""");
		var scroll = ((Number) widths.get("scroll")).longValue();
		var client = ((Number) widths.get("client")).longValue();
		var inner = ((Number) widths.get("inner")).longValue();
		assertThat(scroll)
			.as("document width at %s px on %s (%s), sticking out: %s", client, url(), lang(), widths.get("out"))
			.isLessThanOrEqualTo(Math.min(client, inner));
		return this;
	}

	/**
	 * Fails on anything the browser refused under the Content-Security-Policy, or a
	 * Permissions-Policy it could not read, since the page was last checked: a refused
	 * script or style means a page that silently works differently.
	 */
	public Browser checkSecurityPolicies() {
		var refused = driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")
					|| m.contains("Permissions-Policy"))
			.toList();
		assertThat(refused).as("security policy messages in the console at %s", url()).isEmpty();
		return this;
	}

	private static String describe(Rule rule) {
		var targets = rule.getNodes()
			.stream()
			.map(n -> "      " + n.getTarget() + "  " + oneLine(n.getFailureSummary()))
			.collect(Collectors.joining("\n"));
		return "  - " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " (" + rule.getHelpUrl()
				+ ")\n" + targets;
	}

	private static String oneLine(String text) {
		return text == null ? "" : text.replaceAll("\\s+", " ");
	}

	private static String xpathLiteral(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		if (!text.contains("\"")) {
			return "\"" + text + "\"";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			service.stop();
			try (var files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException | UncheckedIOException e) {
				// a temporary profile left behind is harmless
			}
		}
	}

}
