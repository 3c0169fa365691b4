package app.kindred.demo;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.support.JdbcUtils;

import app.kindred.identity.AccountService;
import app.kindred.programme.ProgrammeService;

/** Demo data appears on the embedded database when switched on, and never on PostgreSQL. */
@SpringBootTest(properties = "kindred.demo.enabled=true")
class DemoDataIntegrationTests {

	@Autowired
	AccountService accounts;
	@Autowired
	ProgrammeService programmes;
	@Autowired
	DataSource dataSource;

	@Test
	void seedsOnlyTheEmbeddedDatabase() throws Exception {
		var product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
		var seeded = accounts.findByEmail("coordinator" + DemoData.DOMAIN).isPresent();
		if (product.equals("H2")) {
			assertThat(seeded).isTrue();
			assertThat(programmes.published()).extracting(p -> p.texts().values().iterator().next().name())
				.anySatisfy(name -> assertThat(name).startsWith("Compassion mentoring for doctoral students, autumn"))
				.anySatisfy(name -> assertThat(name).startsWith("Hyvinvoinnin ja elämänhallinnan tukeminen"));
		}
		else {
			assertThat(product).isEqualTo("PostgreSQL");
			assertThat(seeded).isFalse();
		}
	}
}
