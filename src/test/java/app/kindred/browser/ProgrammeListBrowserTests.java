package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.core.Language;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeText;

/**
 * The public list of programmes as a visitor uses it on a national instance: choosing
 * their university with the keyboard and paging through its programmes, at a desktop's
 * and a phone's width.
 */
class ProgrammeListBrowserTests extends BrowserTestBase {

	@Autowired
	ProgrammeService programmes;

	@Test
	void aVisitorNarrowsTheListToTheirUniversityAndPagesThroughIt() {
		var staff = data.staff();
		for (int i = 0; i < ProgrammeService.PUBLISHED_PER_PAGE + 1; i++) {
			var id = programmes.create(staff.organisation(),
					Map.of(Language.EN,
							new ProgrammeText("Paged programme " + i, "A programme for tests.", "Students")),
					EnumSet.of(Language.EN), data.settings(), staff.coordinator().id());
			programmes.publish(id, staff.coordinator().id());
		}
		data.programme(data.staff(), true);

		browser.open("/programmes").checkAtDesktopAndPhone();
		browser.tabTo("organisation", 40);
		new Select(browser.focused()).selectByValue(staff.organisation().value().toString());
		browser.tab();
		browser.andWaitForNewPage(() -> browser.press(Keys.ENTER));
		assertThat(browser.pageText()).contains("Programmes 1–20 of 21", "Page 1 of 2");
		assertThat(browser.driver().findElements(By.cssSelector("main .card h3 a"))).hasSize(20);
		browser.checkAtDesktopAndPhone();

		browser.click("Next");
		assertThat(browser.pageText()).contains("Programmes 21–21 of 21", "Page 2 of 2");
		assertThat(browser.driver().findElements(By.cssSelector("main .card h3 a"))).hasSize(1);
		assertThat(new Select(browser.driver().findElement(By.id("organisation"))).getFirstSelectedOption()
			.getDomAttribute("value")).isEqualTo(staff.organisation().value().toString());
		browser.checkAtDesktopAndPhone();
		browser.click("Previous");
		assertThat(browser.pageText()).contains("Page 1 of 2");

		browser.open("/programmes?organisation=" + staff.organisation().value() + "&lang=fi");
		assertThat(browser.pageText()).contains("Ohjelmat 1–20, yhteensä 21", "Sivu 1/2");
		browser.checkAtDesktopAndPhone();
	}

}
