package app.kindred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import app.kindred.notification.internal.DevMailbox;

/**
 * The development mailbox and demo data exist only in development mode (the {@code dev}
 * profile): outside it the mailbox's pages answer 404 to everyone and nothing seeds demo
 * data, even with demo data switched on. (Outside development mode without a mail host
 * Kindred does not start at all: ProductionConfigurationTests.)
 */
@SpringBootTest(properties = "kindred.demo.enabled=true")
@AutoConfigureMockMvc
class DevelopmentModeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void noMailboxOutsideDevelopmentMode() throws Exception {
		assertThat(context.getBeanNamesForType(DevMailbox.class)).isEmpty();
		mvc.perform(get("/dev/mailbox")).andExpect(status().isNotFound());
		mvc.perform(get("/dev/mailbox/1")).andExpect(status().isNotFound());
	}

	/**
	 * Demo data switched on, yet no seeder; the tests share one database, so the beans
	 * are what is asserted.
	 */
	@Test
	void noDemoDataOutsideDevelopmentMode() {
		assertThat(context.getBeanNamesForType(DemoSeeder.TYPE)).isEmpty();
	}

	/**
	 * Development mode without a mail host: the Quick start's mailbox (demo data off, not
	 * to seed the tests' database).
	 */
	@Nested
	@ActiveProfiles("dev")
	@TestPropertySource(properties = { "spring.mail.host=", "kindred.demo.enabled=false" })
	class DevelopmentMode {

		@Autowired
		MockMvc mvc;

		@Autowired
		ApplicationContext context;

		@Test
		void mailboxForAnyone() throws Exception {
			assertThat(context.getBeanNamesForType(DevMailbox.class)).hasSize(1);
			mvc.perform(get("/dev/mailbox")).andExpect(status().isOk());
			assertThat(context.getBeanNamesForType(DemoSeeder.TYPE)).hasSize(1);
		}

	}

	/**
	 * The demo seeder is package-private in its module; it is looked up by its class
	 * name.
	 */
	static final class DemoSeeder {

		static final Class<?> TYPE = load();

		private static Class<?> load() {
			try {
				return Class.forName("app.kindred.demo.DemoData");
			}
			catch (ClassNotFoundException e) {
				throw new IllegalStateException(e);
			}
		}

	}

}
