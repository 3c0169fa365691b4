package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.kindred.TestData;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;

/**
 * A call that needs approval: two students sign up and await it; the coordinator, with
 * the keyboard, accepts the first and declines the second with reasons (being told why
 * accepting out of arrival order is refused), then extends the sign-up window.
 */
class CoordinatorDecisionsBrowserTests extends BrowserTestBase {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	ProgrammeService programmes;

	@Test
	void acceptsAndDeclinesWithReasonsInArrivalOrderAndExtendsTheWindow() {
		var staff = data.staff();
		var programme = data.programme(staff, true,
				data.settings(1, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null));
		jdbc.sql("""
				insert into recruitment_call (programme_id, role, approval_required, closing_reminder, ask_department,
				                              ask_student_number, questions, consents, updated_at)
				values (?, 'PARTICIPANT', true, false, true, false, '[]', '[]', ?)""")
			.params(programme.value(), Timestamp.from(data.now()))
			.update();
		var first = data.person("first");
		var second = data.person("second");

		for (var student : new TestData.Person[] { first, second }) {
			signIn(student.email(), TestData.PASSWORD);
			browser.open("/programmes/" + programme.value() + "/sign-up/participant");
			browser.driver().findElement(By.cssSelector("input[name=consent]")).click();
			browser.click("Sign up");
			assertThat(browser.text("main [role=status]")).contains("awaits the coordinator's approval");
			browser.checkAccessibility();
			browser.click("Sign out");
		}

		signIn(staff.coordinator().email(), TestData.PASSWORD);
		var page = "/programmes/" + programme.value() + "/applications";
		browser.open(page);
		assertThat(browser.pageText()).contains("Awaiting approval: 2");
		browser.checkAccessibility();

		// Out of arrival order: refused with the reason, nothing changed
		decideWithKeyboard(programme, second, "Keen to join", "Accept");
		assertThat(browser.text(".error-summary")).contains("Applications are approved in the order they arrived");
		assertThat(browser.pageText()).contains("Awaiting approval: 2");
		browser.checkAccessibility();

		decideWithKeyboard(programme, first, "Meets the criteria", "Accept");
		assertThat(browser.text("main [role=status]")).startsWith("The application was accepted");
		browser.checkAccessibility();
		decideWithKeyboard(programme, second, "Not studying here", "Decline");
		// Declining asks first, saying who will be told; confirmed by keyboard too
		assertThat(browser.heading()).isEqualTo("Decline this application?");
		assertThat(browser.pageText()).contains("One person will be told by e-mail", "Not studying here");
		browser.checkAccessibility();
		var confirm = browser.byText("Decline and tell one person");
		for (int i = 0; i < 40 && !confirm.equals(browser.focused()); i++) {
			browser.tab();
		}
		assertThat(browser.focused()).as("the confirmation reached with Tab").isEqualTo(confirm);
		browser.andWaitForNewPage(() -> browser.press(Keys.ENTER));
		assertThat(browser.text("main [role=status]")).startsWith("The application was declined");
		assertThat(browser.pageText()).contains("Has a place: 1", "Declined: 1", "Awaiting approval: 0",
				"accepted the application of first · " + first.email() + ": Meets the criteria",
				"declined the application of second · " + second.email() + ": Not studying here");
		browser.checkAccessibility();

		// Extending the sign-up: an earlier time is refused at the field, a later one
		// taken
		var zone = ZoneId.of("Europe/Helsinki");
		var current = programmes.find(programme).orElseThrow().settings().signupCloses();
		setDateTime(LocalDateTime.ofInstant(current, zone).minusDays(1).withSecond(0).withNano(0));
		browser.click("Extend the window");
		assertThat(browser.fieldError("closes")).isEqualTo("The new closing time must be later than the current one.");
		browser.checkAccessibility();
		var later = LocalDateTime.ofInstant(current, zone)
			.plusDays(7)
			.withHour(16)
			.withMinute(0)
			.withSecond(0)
			.withNano(0);
		setDateTime(later);
		browser.click("Extend the window");
		assertThat(browser.text("main [role=status]")).isEqualTo("The window was extended.");
		assertThat(programmes.find(programme).orElseThrow().settings().signupCloses())
			.isEqualTo(later.atZone(zone).toInstant());
		browser.checkAccessibility();
		browser.click("Sign out");

		signIn(second.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/applications/participant");
		assertThat(browser.text("main [role=status]")).startsWith("Your application was declined.");
		browser.checkAccessibility();
		openMailTo(second.email());
		assertThat(browser.heading()).startsWith("Your application was declined");
	}

	/**
	 * Types the reason into the person's row and presses the decision's button with the
	 * keyboard.
	 */
	private void decideWithKeyboard(ProgrammeId programme, TestData.Person person, String reason, String decision) {
		UUID id = recruitment.find(programme, RecruitmentRole.PARTICIPANT, person.id()).orElseThrow().id();
		var field = browser.driver().findElement(By.id("reason-" + id));
		var label = browser.driver().findElement(By.cssSelector("label[for='reason-" + id + "']"));
		assertThat(label.getText()).contains(person.email().substring(0, person.email().indexOf('-')));
		field.sendKeys(reason);
		var button = field.findElement(By.xpath("ancestor::form//button[normalize-space(.)='" + decision + "']"));
		for (int i = 0; i < 5 && !button.equals(browser.focused()); i++) {
			browser.tab();
		}
		assertThat(browser.focused()).as("the %s button reached with Tab", decision).isEqualTo(button);
		browser.andWaitForNewPage(() -> browser.press(Keys.ENTER));
	}

	private void setDateTime(LocalDateTime value) {
		browser.js("document.getElementById('closes').value = arguments[0]", value.toString());
	}

}
