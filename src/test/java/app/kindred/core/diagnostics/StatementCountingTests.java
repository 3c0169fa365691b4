package app.kindred.core.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statement counter of bench/registration-rush: absent unless asked for, and then
 * counting what PostgreSQL would execute, batch rows included, on a real (H2) database.
 */
class StatementCountingTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(StatementCounting.class)
		.withBean("dataSource", DataSource.class, () -> {
			var h2 = new JdbcDataSource();
			h2.setURL("jdbc:h2:mem:statement-counting;DB_CLOSE_DELAY=-1");
			return h2;
		});

	@Test
	void offUnlessThePropertySaysOn() {
		context.run(c -> assertThat(c.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class));
		context.withPropertyValues("kindred.diagnostics.count-statements=false")
			.run(c -> assertThat(c.getBean(DataSource.class)).isNotInstanceOf(ProxyDataSource.class));
	}

	@Test
	void countsEachExecutionAndEachBatchRowByType() {
		context.withPropertyValues("kindred.diagnostics.count-statements=true").run(c -> {
			var registry = new SimpleMeterRegistry();
			c.getBean(StatementCounting.StatementCounter.class).bindTo(registry);
			var dataSource = c.getBean(DataSource.class);
			assertThat(dataSource).isInstanceOf(ProxyDataSource.class);
			var jdbc = JdbcClient.create(dataSource);
			jdbc.sql("create table counted (id int primary key, name varchar(20))").update();
			jdbc.sql("insert into counted values (1, 'one')").update();
			try (var connection = dataSource.getConnection();
					var insert = connection.prepareStatement("insert into counted values (?, ?)")) {
				for (int id = 2; id <= 4; id++) {
					insert.setInt(1, id);
					insert.setString(2, "row " + id);
					insert.addBatch();
				}
				insert.executeBatch();
			}
			jdbc.sql("update counted set name = 'first' where id = 1").update();
			assertThat(jdbc.sql("  select count(*) from counted").query(Integer.class).single()).isEqualTo(4);
			jdbc.sql("delete from counted where id = 4").update();

			assertThat(count(registry, "other")).isEqualTo(1);
			assertThat(count(registry, "insert")).isEqualTo(4);
			assertThat(count(registry, "update")).isEqualTo(1);
			assertThat(count(registry, "select")).isEqualTo(1);
			assertThat(count(registry, "delete")).isEqualTo(1);
		});
	}

	private static double count(MeterRegistry registry, String type) {
		return registry.get("kindred.jdbc.statements").tag("type", type).functionCounter().count();
	}

}
